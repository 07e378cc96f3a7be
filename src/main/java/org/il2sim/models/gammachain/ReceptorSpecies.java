package org.il2sim.models.gammachain;

import java.util.List;

/**
 * The 28 receptor species of one compartment, in the anchor's order ({@code reaction.hpp}, indices 0–27): free
 * receptors and ligand–receptor complexes. Active (signalling) complexes are the anchor's set {7, 8, 14, 15, 18, 21,
 * 24, 27} ({@code model.py} l.117).
 */
public enum ReceptorSpecies {
    IL2Ra_free(null, false, Receptor.IL2Ra),
    IL2Rb_free(null, false, Receptor.IL2Rb),
    gc_free(null, false, Receptor.gc),
    IL2_IL2Ra(Ligand.IL2, false, Receptor.IL2Ra),
    IL2_IL2Rb(Ligand.IL2, false, Receptor.IL2Rb),
    IL2_IL2Ra_IL2Rb(Ligand.IL2, false, Receptor.IL2Ra, Receptor.IL2Rb),
    IL2_IL2Ra_gc(Ligand.IL2, false, Receptor.IL2Ra, Receptor.gc),
    IL2_IL2Rb_gc(Ligand.IL2, true, Receptor.IL2Rb, Receptor.gc),
    IL2_IL2Ra_IL2Rb_gc(Ligand.IL2, true, Receptor.IL2Ra, Receptor.IL2Rb, Receptor.gc),
    IL15Ra_free(null, false, Receptor.IL15Ra),
    IL15_IL15Ra(Ligand.IL15, false, Receptor.IL15Ra),
    IL15_IL2Rb(Ligand.IL15, false, Receptor.IL2Rb),
    IL15_IL15Ra_IL2Rb(Ligand.IL15, false, Receptor.IL15Ra, Receptor.IL2Rb),
    IL15_IL15Ra_gc(Ligand.IL15, false, Receptor.IL15Ra, Receptor.gc),
    IL15_IL2Rb_gc(Ligand.IL15, true, Receptor.IL2Rb, Receptor.gc),
    IL15_IL15Ra_IL2Rb_gc(Ligand.IL15, true, Receptor.IL15Ra, Receptor.IL2Rb, Receptor.gc),
    IL7Ra_free(null, false, Receptor.IL7Ra),
    IL7_IL7Ra(Ligand.IL7, false, Receptor.IL7Ra),
    IL7_IL7Ra_gc(Ligand.IL7, true, Receptor.IL7Ra, Receptor.gc),
    IL9R_free(null, false, Receptor.IL9R),
    IL9_IL9R(Ligand.IL9, false, Receptor.IL9R),
    IL9_IL9R_gc(Ligand.IL9, true, Receptor.IL9R, Receptor.gc),
    IL4Ra_free(null, false, Receptor.IL4Ra),
    IL4_IL4Ra(Ligand.IL4, false, Receptor.IL4Ra),
    IL4_IL4Ra_gc(Ligand.IL4, true, Receptor.IL4Ra, Receptor.gc),
    IL21R_free(null, false, Receptor.IL21R),
    IL21_IL21R(Ligand.IL21, false, Receptor.IL21R),
    IL21_IL21R_gc(Ligand.IL21, true, Receptor.IL21R, Receptor.gc),
    /** Trans-presented IL-15·IL-15Rα on the responding cell's IL-2Rβ (not in the anchor). */
    IL15_15Ra_IL2Rb(Ligand.IL15_15Ra, false, Receptor.IL2Rb),
    /** Trans-presented IL-15·IL-15Rα with IL-2Rβ and γc: a signalling complex (not in the anchor). */
    IL15_15Ra_IL2Rb_gc(Ligand.IL15_15Ra, true, Receptor.IL2Rb, Receptor.gc);

    /** The anchor's 28 species, in its order. */
    public static final List<ReceptorSpecies> ANCHOR = List.of(values()).subList(0, 28);

    private final Ligand ligand;
    private final boolean active;
    private final List<Receptor> receptors;

    ReceptorSpecies(Ligand ligand, boolean active, Receptor... receptors) {
        this.ligand = ligand;
        this.active = active;
        this.receptors = List.of(receptors);
    }

    /** The species of a model holding these ligands: every free receptor, and the complexes of those ligands. */
    public static List<ReceptorSpecies> in(java.util.Set<Ligand> ligands) {
        java.util.List<ReceptorSpecies> out = new java.util.ArrayList<>();
        for (ReceptorSpecies s : values()) {
            if (s.ligand == null || ligands.contains(s.ligand)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** The bound ligand, or null for a free receptor. */
    public Ligand ligand() {
        return ligand;
    }

    /** True for the signalling complexes (those holding γc with IL-2Rβ or with a private IL-7/9/4/21 receptor). */
    public boolean active() {
        return active;
    }

    /** The receptor chains in this species. */
    public List<Receptor> receptors() {
        return receptors;
    }

    /** Species id in a compartment, e.g. {@code IL2_IL2Ra_IL2Rb_gc_surf} or {@code IL2Rb_endo}. */
    public String id(Location where) {
        return baseId() + "_" + where.suffix();
    }

    /** The free receptor species of a chain. */
    public static ReceptorSpecies free(Receptor r) {
        for (ReceptorSpecies s : values()) {
            if (s.ligand == null && s.receptors.get(0) == r) {
                return s;
            }
        }
        throw new IllegalStateException("no free species for " + r);
    }

    /** The complex of a ligand with exactly these chains (in any order). */
    public static ReceptorSpecies complex(Ligand l, Receptor... chains) {
        List<Receptor> want = List.of(chains);
        for (ReceptorSpecies s : values()) {
            if (s.ligand == l && s.receptors.size() == want.size() && s.receptors.containsAll(want)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no complex " + l + " with " + want);
    }

    /** Readable description, e.g. "IL-2·IL-2Rα (CD25)·γc (CD132)". */
    public String label() {
        StringBuilder sb = new StringBuilder(ligand == null ? "" : ligand.label() + "·");
        for (int i = 0; i < receptors.size(); i++) {
            sb.append(i == 0 ? "" : "·").append(receptors.get(i).label());
        }
        return ligand == null ? sb + " (free)" : sb.toString();
    }

    /** Id without the compartment suffix, e.g. {@code IL2_IL2Ra_gc} or {@code IL2Rb}. */
    public String baseId() {
        if (ligand == null) {
            return receptors.get(0).name();
        }
        StringBuilder sb = new StringBuilder(ligand.name());
        receptors.forEach(r -> sb.append('_').append(r.name()));
        return sb.toString();
    }
}
