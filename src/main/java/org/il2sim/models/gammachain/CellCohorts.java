package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * Growing cell populations that each carry the 62-state receptor network and share one medium: the direct coupling of
 * immune-models.md §6, items 1–5. A cohort is a count N (cells) and one per-cell receptor vector x, the mean over its
 * cells. Cells divide at a rate g (an expression of the cell's own state, e.g. of its active complexes), so
 * dN/dt = g·N, and division shares a cell's molecules between its daughters, so every per-cell species is diluted:
 * dx/dt = f(x; L) − g·x. The medium holds each ligand L (nM) in V litres; every cohort takes up N·J(x, L) molecules per
 * minute, J the net flux of its surface reactions that read L; L is also cleared first-order. Only the receptor
 * model's species are diluted; the signalling layer's (fractions of a pool, or a STAT5 pool conserved without
 * synthesis) are taken to be restored in daughter cells ([P]).
 *
 * <p>Ids of a cohort are prefixed with its label and {@value SharedMedium#SEPARATOR}, as in {@link SharedMedium}; the
 * count is {@code <label>__cells}. With g = 0 the network is {@link SharedMedium} at densities N/V (tested).
 */
public final class CellCohorts {

    /** The compartment of the shared medium, sized in molecules per nM. */
    public static final String MEDIUM = "cohort_medium";
    /** The compartment of the cell counts (size 1; counts are amounts). */
    public static final String POPULATION = "cohort_population";

    /**
     * One cohort.
     *
     * @param label prefix of its ids (letters, digits and single '_')
     * @param cell its single-cell network at constant medium ({@link GammaChainModel#build}); its medium ligand
     *             parameters give the medium's starting concentrations, the same in every cohort
     * @param cells its starting count
     * @param growthRate per-cell division rate (1/min, ≥ 0), an expression in the cell network's own ids: division
     *                   only (death would change N but not the per-cell mean, which this form cannot express)
     */
    public record Cohort(String label, ReactionNetwork cell, double cells, Expr growthRate) {
        public Cohort {
            SharedMedium.checkLabel(label, "a cohort's");
            if (!(cells >= 0) || Double.isInfinite(cells)) {
                throw new IllegalArgumentException("cohort " + label + " needs a finite count of cells >= 0, was "
                        + cells);
            }
        }
    }

    private CellCohorts() {
    }

    /** The id of a cohort's cell count. */
    public static String cells(String label) {
        return SharedMedium.memberId(label, "cells");
    }

    /**
     * @param mediumLitres volume the ligands are dissolved in (L)
     * @param clearancePerMinute first-order loss of every medium ligand other than by the cells (1/min)
     */
    public static ReactionNetwork of(List<Cohort> cohorts, double mediumLitres, double clearancePerMinute) {
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("at least one cohort is needed");
        }
        if (!(mediumLitres > 0) || Double.isInfinite(mediumLitres) || !(clearancePerMinute >= 0)) {
            throw new IllegalArgumentException("the medium needs a positive finite volume and a clearance >= 0");
        }
        SharedMedium.Merge merge = new SharedMedium.Merge();
        merge.compartments.add(new Compartment(MEDIUM, "shared medium (size: molecules per nM in " + mediumLitres
                + " L)", 3, Units.AVOGADRO * 1e-9 * mediumLitres, true));
        merge.compartments.add(new Compartment(POPULATION, "cell counts", 3, 1.0, true));
        List<Runnable> later = new ArrayList<>();
        for (Cohort c : cohorts) {
            int speciesBefore = merge.species.size();
            int reactionsBefore = merge.reactions.size();
            Map<String, Expr> rename = merge.add(c.label(), c.cell(), 0);
            List<Species> own = new ArrayList<>(merge.species.subList(speciesBefore, merge.species.size()));
            List<Reaction> ownReactions = new ArrayList<>(merge.reactions.subList(reactionsBefore,
                    merge.reactions.size()));
            String n = cells(c.label());
            String g = SharedMedium.memberId(c.label(), "growth_rate");
            merge.species.add(new Species(n, c.label() + " cells", POPULATION, c.cells(), Double.NaN, true, false,
                    false, null));
            merge.parameters.add(new Parameter(g, c.label() + " division rate", Double.NaN, false, "1/min",
                    "cohort growth rate (assignment rule)"));
            merge.rules.add(new Rule.Assignment(g, Exprs.substitute(c.growthRate(), rename)));
            merge.reactions.add(new Reaction(SharedMedium.memberId(c.label(), "division"), c.label() + " division",
                    List.of(), List.of(SpeciesReference.of(n, 1)), List.of(), times(Expr.sym(g), Expr.sym(n)), false,
                    false));
            // division shares each cell's molecules between its daughters: the per-cell mean is diluted at g. The
            // signalling layer's species are not: they are fractions of a pool (Ras/ERK, PI3K/Akt) or a STAT5 pool the
            // model conserves without synthesis, which daughter cells are taken to restore ([P])
            Set<String> signalling = Set.of(SharedMedium.memberId(c.label(), SignallingCompartments.CYTOSOL),
                    SharedMedium.memberId(c.label(), SignallingCompartments.NUCLEUS));
            for (Species s : own) {
                if (s.boundaryCondition() || s.constant() || signalling.contains(s.compartment())) {
                    continue;
                }
                if (s.conversionFactor() != null) {
                    throw new IllegalArgumentException(c.label() + ": species " + s.id() + " has a conversion factor, "
                            + "which the dilution does not handle");
                }
                Expr amount = s.hasOnlySubstanceUnits() ? Expr.sym(s.id())
                        : times(Expr.sym(s.id()), Expr.sym(s.compartment()));
                merge.reactions.add(new Reaction(s.id() + "_dilution", "dilution by division, " + s.id(),
                        List.of(SpeciesReference.of(s.id(), 1)), List.of(), List.of(), times(Expr.sym(g), amount),
                        false, false));
            }
            // each cell takes up the net flux of its surface reactions that read a medium ligand (molecules/min)
            later.add(() -> {
                for (String ligand : merge.mediumStart.keySet()) {
                    List<Expr> fluxes = new ArrayList<>();
                    for (Reaction r : ownReactions) {
                        if (r.rate() != null && Exprs.symbols(r.rate()).contains(ligand)) {
                            fluxes.add(r.rate());
                        }
                    }
                    if (fluxes.isEmpty()) {
                        continue;
                    }
                    Expr perCell = fluxes.size() == 1 ? fluxes.get(0) : new Expr.Apply(Op.PLUS, fluxes);
                    merge.reactions.add(new Reaction(SharedMedium.memberId(c.label(), "uptake_" + ligand),
                            c.label() + " uptake of " + ligand, List.of(SpeciesReference.of(ligand, 1)), List.of(),
                            List.of(n), times(Expr.sym(n), perCell), true, false));
                }
            });
        }
        merge.addMedium(MEDIUM);
        later.forEach(Runnable::run);
        merge.parameters.add(new Parameter("medium_clearance", "first-order clearance of the medium ligands",
                clearancePerMinute, true, "1/min", "caller input"));
        for (String ligand : merge.mediumStart.keySet()) {
            merge.reactions.add(new Reaction(ligand + "_clearance", ligand + " clearance",
                    List.of(SpeciesReference.of(ligand, 1)), List.of(), List.of(), times(Expr.sym("medium_clearance"),
                    times(Expr.sym(ligand), Expr.sym(MEDIUM))), false, false));
        }
        return merge.network("cohorts_" + String.join("_", merge.labels), "growing cohorts of "
                + String.join(", ", merge.labels) + " sharing one medium (γc receptor model, Farhat et al. 2021)");
    }

    private static Expr times(Expr a, Expr b) {
        return new Expr.Apply(Op.TIMES, List.of(a, b));
    }
}
