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

    /** True when propensity j depends explicitly on time (then methods must not cache it across time). */
    default boolean timeDependent(int reaction) {
        return false;
    }

    default String speciesName(int i) {
        return "x[" + i + "]";
    }
}
