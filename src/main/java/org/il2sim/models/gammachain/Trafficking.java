package org.il2sim.models.gammachain;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.NetworkBuilder;

/**
 * Receptor trafficking (reference §2.3, gcSolver {@code fullModel}), in amounts per cell; the endosome compartment's
 * size f_int turns them into the anchor's densities:
 * <ul>
 *   <li>endocytosis of every surface species, k_endo·s, plus k_endo,a·s for active complexes;</li>
 *   <li>recycling of inactive endosomal species to the surface, k_rec·(1 − f_sort)·e (density e);</li>
 *   <li>degradation in the endosome, k_deg·f_sort·e for inactive and k_deg·e for active species (never
 *       recycled);</li>
 *   <li>degradation of the endosomal free ligands, k_deg·L.</li>
 * </ul>
 */
public final class Trafficking implements NetworkModule {

    private final java.util.Set<Ligand> ligands;

    /** Trafficking of the anchor's species. */
    public Trafficking() {
        this(java.util.EnumSet.copyOf(Ligand.CYTOKINES));
    }

    /** Trafficking of the species of a model holding these ligands. */
    public Trafficking(java.util.Set<Ligand> ligands) {
        this.ligands = ligands;
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        String surf = Compartments.SURFACE;
        String endo = Compartments.ENDOSOME;
        Expr oneMinusSort = new Expr.Apply(Op.MINUS, Expr.num(1), Expr.sym("f_sort"));
        for (ReceptorSpecies sp : ReceptorSpecies.in(ligands)) {
            String s = sp.id(Location.SURFACE);
            String e = sp.id(Location.ENDOSOME);
            Expr endocytosis = sp.active()
                    ? RateLaws.times(Expr.sym(surf), new Expr.Apply(Op.PLUS, Expr.sym("k_endo"), Expr.sym("k_endo_a")),
                            Expr.sym(s))
                    : RateLaws.product(surf, "k_endo", s);
            b.add(RateLaws.reaction("endocytosis_" + sp.baseId(), "endocytosis of " + sp.label(), List.of(s),
                    List.of(e), endocytosis, false));
            if (sp.active()) {
                b.add(RateLaws.reaction("degradation_" + e, "degradation of " + sp.label() + " (sort fraction 1)",
                        List.of(e), List.of(), RateLaws.product(endo, "k_deg", e), false));
            } else {
                b.add(RateLaws.reaction("recycling_" + sp.baseId(), "recycling of " + sp.label(), List.of(e),
                        List.of(s), RateLaws.times(Expr.sym(endo), Expr.sym("k_rec"), oneMinusSort, Expr.sym(e)),
                        false));
                b.add(RateLaws.reaction("degradation_" + e, "degradation of " + sp.label(), List.of(e), List.of(),
                        RateLaws.product(endo, "k_deg", "f_sort", e), false));
            }
        }
        for (Ligand l : ligands) {
            String id = l.endosomalSpecies();
            b.add(RateLaws.reaction("degradation_" + id, "degradation of free " + l.label() + " in the endosome",
                    List.of(id), List.of(), RateLaws.product(Compartments.LUMEN, "k_deg", id), false));
        }
    }
}
