package org.il2sim.models.gammachain;

import java.util.List;
import java.util.Set;

/**
 * The six γc cytokines, in the anchor's order (endosomal free ligand states 56–61), and IL-15 trans-presented as the
 * IL-15·IL-15Rα complex ({@link #IL15_15Ra}), which enters the model only when a caller asks for it.
 */
public enum Ligand {
    IL2("IL-2"), IL15("IL-15"), IL7("IL-7"), IL9("IL-9"), IL4("IL-4"), IL21("IL-21"),
    /** IL-15 bound to IL-15Rα, presented in trans (by another cell or as a soluble complex): binds IL-2Rβ, then γc. */
    IL15_15Ra("IL-15·IL-15Rα");

    /** The six cytokines of the anchor model, always present. */
    public static final List<Ligand> CYTOKINES = List.of(IL2, IL15, IL7, IL9, IL4, IL21);

    private final String label;

    Ligand(String label) {
        this.label = label;
    }

    /** The usual written name, e.g. "IL-2". */
    public String label() {
        return label;
    }

    /** Id of the parameter holding the constant medium concentration (nM). */
    public String mediumParameter() {
        return name() + "_medium";
    }

    /** Id of the endosomal free-ligand species (nM in the endosomal lumen). */
    public String endosomalSpecies() {
        return name() + "_" + Location.ENDOSOME.suffix();
    }

    /** The ligand for an id such as "IL2" (case-sensitive), or an exception naming the valid ids. */
    public static Ligand of(String id) {
        for (Ligand l : values()) {
            if (l.name().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown ligand '" + id
                + "' (expected one of IL2, IL15, IL7, IL9, IL4, IL21, IL15_15Ra)");
    }

    /** The ligands a model holds: the six cytokines, plus the trans-presented complex when the doses name it. */
    public static Set<Ligand> present(java.util.Map<Ligand, Double> doses) {
        java.util.EnumSet<Ligand> out = java.util.EnumSet.copyOf(CYTOKINES);
        if (doses.containsKey(IL15_15Ra)) {
            out.add(IL15_15Ra);
        }
        return out;
    }
}
