package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Rule;

/**
 * The model's output (reference §2.4, {@code getTotalActiveSpecies}): {@value #ID} = Σ active surface complexes +
 * internal_strength·Σ active endosomal densities, an assignment rule so that it appears in every output. With
 * internal_strength = f_int = 0.5 it is the total number of active complexes per cell.
 */
public final class ActiveComplexReadout implements NetworkModule {

    public static final String ID = "active_complexes";

    private final java.util.Set<Ligand> ligands;

    /** The anchor's read-out. */
    public ActiveComplexReadout() {
        this(java.util.EnumSet.copyOf(Ligand.CYTOKINES));
    }

    /** The read-out of a model holding these ligands. */
    public ActiveComplexReadout(java.util.Set<Ligand> ligands) {
        this.ligands = ligands;
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        List<Expr> surface = new ArrayList<>();
        List<Expr> endosome = new ArrayList<>();
        for (ReceptorSpecies s : ReceptorSpecies.in(ligands)) {
            if (s.active()) {
                surface.add(Expr.sym(s.id(Location.SURFACE)));
                endosome.add(Expr.sym(s.id(Location.ENDOSOME)));
            }
        }
        List<Expr> terms = new ArrayList<>(surface);
        terms.add(RateLaws.times(Expr.sym("internal_strength"), RateLaws.plus(endosome)));
        b.add(new Parameter(ID, "active (signalling) receptor complexes", Double.NaN, false, "#/cell",
                "Farhat 2021 getTotalActiveSpecies (reference §2.4)"));
        b.add(new Rule.Assignment(ID, RateLaws.plus(terms)));
    }
}
