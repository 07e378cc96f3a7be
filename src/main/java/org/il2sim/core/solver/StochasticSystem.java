package org.il2sim.core.solver;

/**
 * A discrete-state jump process: species counts x and reaction channels with propensities a_j(x, t) and fixed state
 * changes. The index-based form lets methods build dependency graphs (Gibson &amp; Bruck 2000).
 */
public interface StochasticSystem {

    int speciesCount();

    int reactionCount();

    /** Propensity a_j(x, t) of reaction j (events per unit time); must be >= 0. */
    double propensity(int reaction, double[] x, double t);

    /** Species indices whose counts change when reaction j fires (the matching deltas are in {@link #changes}). */
    int[] changedSpecies(int reaction);

    /** State change of each species in {@link #changedSpecies(int)}, same order. */
    double[] changes(int reaction);

    /** Species indices that propensity j reads. */
    int[] readSpecies(int reaction);

    /**
     * Reaction orders of propensity j in each species it reads, aligned with {@link #readSpecies(int)}: element k is
     * how many molecules of {@code readSpecies(j)[k]} the reaction takes as reactants (1 for A in A + B -> C, 2 for A
     * in 2A -> B), or 0 for a species read in some other way. Tau-leaping uses these to bound the relative change of
     * propensities (Cao, Gillespie &amp; Petzold 2006). The default, null, means unknown; methods then guess from the
     * state changes (see {@code TauLeapingMethod}).
     */
    default int[] reactantOrders(int reaction) {
        return null;
    }

    /** True when propensity j depends explicitly on time (then methods must not cache it across time). */
    default boolean timeDependent(int reaction) {
        return false;
    }

    default String speciesName(int i) {
        return "x[" + i + "]";
    }
}
