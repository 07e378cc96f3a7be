package org.il2sim.core.solver.ssa;

import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;

/**
 * The next reaction method of M. A. Gibson and J. Bruck ("Efficient exact stochastic simulation of chemical systems
 * with many species and many channels", J. Phys. Chem. A 104:1876-1889, 2000, section 4). Each reaction j holds an
 * absolute putative firing time T_j in an {@link IndexedMinHeap}; the next event is the heap minimum. After reaction
 * mu fires at t, each dependent alpha != mu in the {@link DependencyGraph} keeps its random number through the
 * time-reuse rule T_alpha = (a_alpha,old / a_alpha,new)(T_alpha - t) + t (step 4(c) of the algorithm, justified by
 * their Theorem 3), and only mu itself draws a fresh exponential, T_mu = t - ln(r)/a_mu,new (step 4(d)). So each
 * event costs one random number and O(d log m) work for d dependents.
 *
 * <p>A propensity that becomes zero gets T = infinity; when it becomes positive again a fresh exponential is drawn
 * (the paper's alternative of storing the unused remainder is not needed for exactness: waiting times are
 * memoryless). {@link #reset} redraws every putative time for the same reason.
 *
 * <p><b>Time-dependent propensities</b> are treated as piecewise constant exactly as in {@link DirectMethod}: they
 * are re-evaluated after every event, at every {@code advanceTo} stop time and at least every
 * {@code refreshInterval}, and their putative times are rescaled with the time-reuse rule at each refresh, which is
 * exact for rates that are constant between refreshes and an approximation otherwise. (Anderson's modified NRM,
 * J. Chem. Phys. 127:214107, 2007, would be exact but needs integrals of a_j(t) that {@link StochasticSystem} does
 * not offer.)
 */
public final class NextReactionMethod implements StochasticMethod {

    private final double refreshInterval;

    public NextReactionMethod() {
        this(Double.POSITIVE_INFINITY);
    }

    /** @param refreshInterval largest time between re-evaluations of time-dependent propensities */
    public NextReactionMethod(double refreshInterval) {
        if (!(refreshInterval > 0)) {
            throw new IllegalArgumentException("refresh interval must be positive: " + refreshInterval);
        }
        this.refreshInterval = refreshInterval;
    }

    @Override
    public String name() {
        return "nrm";
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
        private final IndexedMinHeap times;
        private double t;
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
            this.times = new IndexedMinHeap(a.length);
            this.t = t0;
            initialize();
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
            initialize();
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
            if (a.length > 0) {
                while (true) {
                    double tNext = times.minKey();
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
                    fire(times.minItem(), tNext);
                    return true;
                }
            }
            t = tStop;
            if (timeDependent) {
                refreshTimeDependent();
            }
            return false;
        }

        private void fire(int mu, double tFire) {
            t = tFire;
            nu.fire(mu, x);
            events++;
            final int[] target = graph.target;
            for (int e = graph.start[mu], end = graph.start[mu + 1]; e < end; e++) {
                int alpha = target[e];
                if (alpha != mu) {
                    rescale(alpha, Propensities.evaluate(system, alpha, x, t));
                }
            }
            // mu always draws afresh, whether or not its own propensity changed (step 4(d))
            a[mu] = Propensities.evaluate(system, mu, x, t);
            times.update(mu, draw(a[mu]));
            if (timeDependent) {
                refreshTimeDependent();
            }
        }

        /** Time-reuse rule for a reaction whose propensity changes from a[k] to aNew at time t. */
        private void rescale(int k, double aNew) {
            double aOld = a[k];
            a[k] = aNew;
            if (aNew == aOld) {
                return;
            }
            double tk;
            if (aNew == 0) {
                tk = Double.POSITIVE_INFINITY;
            } else if (aOld == 0) {
                tk = draw(aNew);
            } else {
                tk = (aOld / aNew) * (times.key(k) - t) + t;
            }
            times.update(k, tk);
        }

        private double draw(double rate) {
            return rate > 0 ? t + rng.nextExponential() / rate : Double.POSITIVE_INFINITY;
        }

        private void refreshTimeDependent() {
            for (int k : graph.timeDependent) {
                rescale(k, Propensities.evaluate(system, k, x, t));
            }
            nextRefresh = t + refreshInterval;
        }

        private void initialize() {
            double[] keys = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                a[k] = Propensities.evaluate(system, k, x, t);
                keys[k] = draw(a[k]);
            }
            times.build(keys);
            nextRefresh = t + refreshInterval;
        }
    }
}
