package org.il2sim.core.solver.ssa;

import org.il2sim.core.solver.StochasticSystem;

/**
 * The state-change vectors of all reactions copied once into flat arrays, so that firing a reaction touches two
 * contiguous slices instead of calling back into the system (whose arrays might be rebuilt per call).
 */
final class Stoichiometry {

    /** Reaction j changes species {@code species[k]} by {@code delta[k]} for start[j] <= k < start[j + 1]. */
    final int[] start;
    final int[] species;
    final double[] delta;

    Stoichiometry(StochasticSystem system) {
        int m = system.reactionCount();
        start = new int[m + 1];
        for (int j = 0; j < m; j++) {
            int[] s = system.changedSpecies(j);
            double[] d = system.changes(j);
            if (s.length != d.length) {
                throw new IllegalArgumentException("reaction " + j + ": changedSpecies and changes differ in length");
            }
            start[j + 1] = start[j] + s.length;
        }
        species = new int[start[m]];
        delta = new double[start[m]];
        for (int j = 0; j < m; j++) {
            System.arraycopy(system.changedSpecies(j), 0, species, start[j], start[j + 1] - start[j]);
            System.arraycopy(system.changes(j), 0, delta, start[j], start[j + 1] - start[j]);
        }
    }

    /** x += (times) * nu_j. */
    void apply(int reaction, double[] x, double times) {
        for (int k = start[reaction], end = start[reaction + 1]; k < end; k++) {
            x[species[k]] += times * delta[k];
        }
    }

    /** x += nu_j (the single-event case, kept separate so the hot loop has no multiply). */
    void fire(int reaction, double[] x) {
        for (int k = start[reaction], end = start[reaction + 1]; k < end; k++) {
            x[species[k]] += delta[k];
        }
    }

    /** The change of {@code speciesIndex} when reaction j fires once (0 when it is not changed). */
    double change(int reaction, int speciesIndex) {
        double sum = 0;
        for (int k = start[reaction], end = start[reaction + 1]; k < end; k++) {
            if (species[k] == speciesIndex) {
                sum += delta[k];
            }
        }
        return sum;
    }
}
