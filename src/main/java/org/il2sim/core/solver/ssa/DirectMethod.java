package org.il2sim.core.solver.ssa;

import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;

/**
 * Gillespie's direct method (D. T. Gillespie, "Exact stochastic simulation of coupled chemical reactions",
 * J. Phys. Chem. 81:2340-2361, 1977, section III): the waiting time is tau = ln(1/r1)/a0 (eq. 21a) and the reaction
 * is the smallest mu with r2 a0 < sum_{nu <= mu} a_nu (eq. 21b).
 *
 * <p>Unlike the 1977 paper, propensities are not all recomputed after every event: the method keeps the vector a and
 * its sum a0 and, after reaction j fires, re-evaluates only the dependents of j in the {@link DependencyGraph}
 * (Gibson &amp; Bruck 2000, section 3), adjusting a0 by the differences. Such incremental sums accumulate round-off,
 * so a0 is recomputed from scratch every {@value #RESUM_INTERVAL} events, whenever it has fallen below
 * {@value #CANCELLATION_GUARD} of its largest value since the last recomputation (catastrophic cancellation), and
 * whenever the selection search runs past the end of the vector.
 *
 * <p>The pending event time is kept across {@link StochasticRun#advanceTo} calls, so for systems without time
 * dependence a given seed yields the same trajectory whatever output grid is sampled (discarding it would be equally
 * exact by memorylessness, but would make trajectories depend on the grid).
 *
 * <p><b>Time-dependent propensities</b> ({@link StochasticSystem#timeDependent}) are treated as piecewise constant:
 * they are re-evaluated after every event, at every {@code advanceTo} stop time, and at least every
 * {@code refreshInterval} time units; between refreshes the process is simulated exactly for the frozen rates
 * (a waiting time that crosses a refresh point is discarded and redrawn there, which is exact for piecewise-constant
 * rates because exponential waiting times are memoryless). The result is therefore an approximation whose error
 * vanishes as the refresh interval shrinks relative to the time scale on which the rates vary; choose the interval
 * accordingly. Systems without time dependence are simulated exactly.
 */
public final class DirectMethod implements StochasticMethod {

    static final int RESUM_INTERVAL = 1024;
    static final double CANCELLATION_GUARD = 1e-8;

    private final double refreshInterval;

    /** Exact for time-independent systems; time-dependent rates are refreshed at events and stop times only. */
    public DirectMethod() {
        this(Double.POSITIVE_INFINITY);
    }

    /**
     * @param refreshInterval largest time between re-evaluations of time-dependent propensities (positive; infinity
     *     means at events and stop times only)
     */
    public DirectMethod(double refreshInterval) {
        if (!(refreshInterval > 0)) {
            throw new IllegalArgumentException("refresh interval must be positive: " + refreshInterval);
        }
        this.refreshInterval = refreshInterval;
    }

    @Override
    public String name() {
        return "ssa";
    }

    @Override
    public StochasticRun start(StochasticSystem system, double t0, double[] x0, RandomGenerator rng) {
        return new Run(system, t0, Propensities.checkedInitialState(system, t0, x0), rng, refreshInterval);
    }

    private static final class Run implements StochasticRun {

        private final StochasticSystem system;
        private final DependencyGraph graph;
        private final Stoichiometry nu;
        private final RandomGenerator rng;
        private final double refreshInterval;
        private final boolean timeDependent;

        private final double[] x;
        private final double[] a;
        private double a0;
        private double a0Peak;
        private int sinceResum;
        private double t;
        /** Absolute time of the pending event, NaN when none has been drawn for the current propensities. */
        private double tNext = Double.NaN;
        private double nextRefresh;
        private long events;

        Run(StochasticSystem system, double t0, double[] x0, RandomGenerator rng, double refreshInterval) {
            this.system = system;
            this.graph = DependencyGraph.of(system);
            this.nu = new Stoichiometry(system);
            this.rng = rng;
            this.refreshInterval = refreshInterval;
            this.timeDependent = graph.hasTimeDependence();
            this.x = x0;
            this.a = new double[system.reactionCount()];
            this.t = t0;
            recomputeAll();
        }

        @Override
        public double time() {
            return t;
        }

        @Override
        public double[] state() {
            return x;
        }

        @Override
        public long events() {
            return events;
        }

        @Override
        public void reset(double[] newState) {
            System.arraycopy(Propensities.checkedInitialState(system, t, newState), 0, x, 0, x.length);
            recomputeAll();
        }

        @Override
        public void advanceTo(double tStop) {
            while (fireNext(tStop)) {
                // fire reactions one at a time until the next one would come after tStop
            }
        }

        @Override
        public boolean fireNext(double tStop) {
            Propensities.checkStop(t, tStop);
            while (true) {
                if (Double.isNaN(tNext)) {
                    // eq. 21a; nextExponential() is -ln(r1) drawn by the ziggurat method
                    tNext = a0 > 0 ? t + rng.nextExponential() / a0 : Double.POSITIVE_INFINITY;
                }
                if (timeDependent && tNext > nextRefresh) {
                    if (nextRefresh > tStop) {
                        break;
                    }
                    t = nextRefresh;
                    refreshTimeDependent();
                    continue;
                }
                if (tNext > tStop) {
                    break;
                }
                t = tNext;
                tNext = Double.NaN;
                int j = select();
                if (j >= 0) {
                    fire(j);
                    return true;
                }
            }
            t = tStop;
            if (timeDependent) {
                refreshTimeDependent();
            }
            return false;
        }

        /** eq. 21b by linear search; returns -1 only if a0 was round-off residue of an all-zero vector. */
        private int select() {
            while (true) {
                double r = rng.nextDouble() * a0;
                double sum = 0;
                for (int j = 0; j < a.length; j++) {
                    sum += a[j];
                    if (sum > r) {
                        return j;
                    }
                }
                resum(); // r fell beyond the true sum: a0 had drifted upwards
                if (a0 <= 0) {
                    return -1;
                }
            }
        }

        private void fire(int j) {
            nu.fire(j, x);
            events++;
            final int[] target = graph.target;
            double change = 0;
            for (int e = graph.start[j], end = graph.start[j + 1]; e < end; e++) {
                int k = target[e];
                double ak = Propensities.evaluate(system, k, x, t);
                change += ak - a[k];
                a[k] = ak;
            }
            a0 += change;
            if (timeDependent) {
                refreshTimeDependent();
            }
            if (a0 > a0Peak) {
                a0Peak = a0;
            }
            if (++sinceResum >= RESUM_INTERVAL || a0 < CANCELLATION_GUARD * a0Peak) {
                resum();
            }
        }

        /** Re-evaluates the time-dependent propensities at t and forgets the pending event drawn with old rates. */
        private void refreshTimeDependent() {
            for (int k : graph.timeDependent) {
                double ak = Propensities.evaluate(system, k, x, t);
                a0 += ak - a[k];
                a[k] = ak;
            }
            if (a0 < CANCELLATION_GUARD * a0Peak) {
                resum();
            }
            tNext = Double.NaN;
            nextRefresh = t + refreshInterval;
        }

        private void recomputeAll() {
            for (int k = 0; k < a.length; k++) {
                a[k] = Propensities.evaluate(system, k, x, t);
            }
            resum();
            tNext = Double.NaN;
            nextRefresh = t + refreshInterval;
        }

        private void resum() {
            double sum = 0;
            for (double ak : a) {
                sum += ak;
            }
            a0 = sum;
            a0Peak = sum;
            sinceResum = 0;
        }
    }
}
