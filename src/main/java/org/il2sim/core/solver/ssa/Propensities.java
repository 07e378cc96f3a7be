package org.il2sim.core.solver.ssa;

import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.StochasticSystem;

/** Shared checks on propensity values, so every method fails with the same message. */
final class Propensities {

    private Propensities() {
    }

    /** a_j(x, t), rejecting negative, NaN and infinite values (which would corrupt sums and heaps silently). */
    static double evaluate(StochasticSystem system, int reaction, double[] x, double t) {
        double a = system.propensity(reaction, x, t);
        if (!(a >= 0 && a < Double.POSITIVE_INFINITY)) {
            throw new SolverException("propensity of reaction " + reaction + " is " + a, t, null);
        }
        return a;
    }

    static double[] checkedInitialState(StochasticSystem system, double t0, double[] x0) {
        if (x0.length != system.speciesCount()) {
            throw new IllegalArgumentException("state has " + x0.length + " entries, system has "
                    + system.speciesCount() + " species");
        }
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("start time must be finite: " + t0);
        }
        return x0.clone();
    }

    static void checkStop(double t, double tStop) {
        if (!(tStop >= t)) {
            throw new IllegalArgumentException("cannot advance backwards or to NaN: t = " + t + ", tStop = " + tStop);
        }
    }
}
