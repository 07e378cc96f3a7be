package org.il2sim.core.solver.ssa;

import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;

/**
 * Explicit tau-leaping after Y. Cao, D. T. Gillespie and L. R. Petzold, "Efficient step size selection for the
 * tau-leaping simulation method", J. Chem. Phys. 124:044109 (2006), following the algorithm of their section IV:
 *
 * <ol>
 *   <li>A reaction with a_j > 0 is <i>critical</i> when it is within n_c = {@value #CRITICAL_FIRINGS} firings of
 *       exhausting one of the species it consumes: L_j = min over consumed i of floor(x_i / |nu_ij|) < n_c.</li>
 *   <li>tau' from eq. 33 over the non-critical reactions ({@link LeapSelector}).</li>
 *   <li>If tau' < {@value #SSA_THRESHOLD}/a0, leaping would gain little: take up to {@value #SSA_STEPS} exact
 *       direct-method steps instead and start again.</li>
 *   <li>tau'' ~ Exp(a0c), the time to the next critical firing (a0c = sum of critical propensities).</li>
 *   <li>Leap by tau = min(tau', tau''): every non-critical reaction fires Poisson(a_j tau) times; if tau'' won,
 *       exactly one critical reaction, chosen with probability a_j/a0c, fires once.</li>
 *   <li>If any count would become negative, reject the leap, halve tau' and return to step 3.</li>
 * </ol>
 *
 * <p>The g_i of eq. 33 need reaction orders, taken from {@link StochasticSystem#reactantOrders}; when a system returns
 * null, every species a propensity reads is taken as a reactant of multiplicity max(1, -change), which is exact for
 * mass action (see {@link LeapSelector}). A species read with order 0 is not controlled by the leap condition.
 *
 * <p>A leap never passes the stop time of {@link StochasticRun#advanceTo}: when both tau' and tau'' exceed the
 * remaining time, the leap is shortened to end there and no critical reaction fires (tau'' exceeding it means none
 * fires before it). Tau-leaping is approximate: the state at a stop time is a sample from an approximation of the
 * process whose error is controlled by epsilon (default {@value #DEFAULT_EPSILON}); its mean has a first-order
 * bias (about 0.8% on DSMTS 00023 at epsilon = 0.03). Propensities, including time-dependent ones, are evaluated at
 * the start of each leap or exact step and held there, so a time-dependent system whose total propensity is zero
 * at some point stays idle until the stop time of that {@code advanceTo} call; use a fine output grid for such
 * systems. {@link StochasticRun#events()} counts reaction firings (the sum of the leaped counts), not leaps.
 */
public final class TauLeapingMethod implements StochasticMethod {

    public static final double DEFAULT_EPSILON = 0.03;
    static final int CRITICAL_FIRINGS = 10;
    static final double SSA_THRESHOLD = 10;
    static final int SSA_STEPS = 100;

    private final double epsilon;

    public TauLeapingMethod() {
        this(DEFAULT_EPSILON);
    }

    /** @param epsilon bound on the relative change of any propensity during a leap, 0 < epsilon < 1 */
    public TauLeapingMethod(double epsilon) {
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must lie in (0, 1): " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "tau";
    }

    @Override
    public StochasticRun start(StochasticSystem system, double t0, double[] x0, RandomGenerator rng) {
        return new Run(system, t0, Propensities.checkedInitialState(system, t0, x0), rng, epsilon);
    }

    /** Package-private so tests can see how the time was spent. */
    static final class Run implements StochasticRun {

        private final StochasticSystem system;
        private final Stoichiometry nu;
        private final LeapSelector selector;
        private final RandomGenerator rng;
        private final double epsilon;

        private final double[] x;
        private final double[] xNew;
        private final double[] a;
        private final boolean[] critical;
        private double t;
        private long events;
        private long leaps;
        private long rejections;
        private long exactSteps;

        Run(StochasticSystem system, double t0, double[] x0, RandomGenerator rng, double epsilon) {
            this.system = system;
            this.nu = new Stoichiometry(system);
            this.selector = new LeapSelector(system, nu);
            this.rng = rng;
            this.epsilon = epsilon;
            this.x = x0;
            this.xNew = new double[x0.length];
            int m = system.reactionCount();
            this.a = new double[m];
            this.critical = new boolean[m];
            this.t = t0;
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

        long leaps() {
            return leaps;
        }

        long rejections() {
            return rejections;
        }

        long exactSteps() {
            return exactSteps;
        }

        @Override
        public void reset(double[] newState) {
            // nothing is cached between calls: propensities are recomputed at the start of every leap
            System.arraycopy(Propensities.checkedInitialState(system, t, newState), 0, x, 0, x.length);
        }

        @Override
        public void advanceTo(double tStop) {
            while (fireNext(tStop)) {
                // leap until tStop
            }
        }

        /** One leap (or one batch of exact steps); returns false once tStop is reached. */
        @Override
        public boolean fireNext(double tStop) {
            Propensities.checkStop(t, tStop);
            if (t < tStop) {
                double a0 = evaluateAll();
                if (a0 > 0) {
                    double a0c = markCritical();
                    double tauPrime = selector.select(x, a, critical, epsilon);
                    while (true) {
                        if (tauPrime < SSA_THRESHOLD / a0) {
                            exactSteps(tStop);
                            break;
                        }
                        if (tryLeap(tauPrime, a0c, tStop)) {
                            break;
                        }
                        rejections++;
                        tauPrime /= 2; // step 6
                    }
                    if (t < tStop) {
                        return true;
                    }
                }
            }
            t = tStop;
            return false;
        }

        /** Steps 4-6 for one candidate tau'; false when the leap would make a count negative. */
        private boolean tryLeap(double tauPrime, double a0c, double tStop) {
            double tauCritical = a0c > 0 ? rng.nextExponential() / a0c : Double.POSITIVE_INFINITY;
            double remaining = tStop - t;
            double tau = Math.min(Math.min(tauPrime, tauCritical), remaining);
            int firedCritical = tauCritical <= tau ? pickCritical(a0c) : -1;
            System.arraycopy(x, 0, xNew, 0, x.length);
            double count = 0;
            for (int j = 0; j < a.length; j++) {
                double k = j == firedCritical ? 1 : critical[j] ? 0 : PoissonSampler.sample(rng, a[j] * tau);
                if (k > 0) {
                    nu.apply(j, xNew, k);
                    count += k;
                }
            }
            for (double xi : xNew) {
                if (xi < 0) {
                    return false;
                }
            }
            System.arraycopy(xNew, 0, x, 0, x.length);
            // the last leap lands on tStop exactly, free of round-off in t + tau
            t = tau == remaining ? tStop : t + tau;
            events += (long) count;
            leaps++;
            return true;
        }

        private int pickCritical(double a0c) {
            double r = rng.nextDouble() * a0c;
            double sum = 0;
            int last = -1;
            for (int j = 0; j < a.length; j++) {
                if (critical[j]) {
                    sum += a[j];
                    last = j;
                    if (sum > r) {
                        return j;
                    }
                }
            }
            return last; // round-off: r landed beyond the accumulated sum
        }

        /** Up to SSA_STEPS direct-method events (Gillespie 1977, eqs. 21a-b), never past tStop. */
        private void exactSteps(double tStop) {
            for (int step = 0; step < SSA_STEPS; step++) {
                double a0 = 0;
                for (double aj : a) {
                    a0 += aj;
                }
                double tNext = a0 > 0 ? t + rng.nextExponential() / a0 : Double.POSITIVE_INFINITY;
                if (tNext > tStop) {
                    t = tStop; // memoryless: the unused waiting time is simply discarded
                    return;
                }
                t = tNext;
                double r = rng.nextDouble() * a0;
                double sum = 0;
                int j = 0;
                while (j < a.length - 1 && (sum += a[j]) <= r) {
                    j++;
                }
                while (a[j] == 0) {
                    j--; // round-off pushed past the last positive propensity
                }
                nu.fire(j, x);
                events++;
                exactSteps++;
                evaluateAll();
            }
        }

        private double evaluateAll() {
            double a0 = 0;
            for (int j = 0; j < a.length; j++) {
                a[j] = Propensities.evaluate(system, j, x, t);
                a0 += a[j];
            }
            return a0;
        }

        /** Step 1; returns a0c, the summed propensity of the critical reactions. */
        private double markCritical() {
            double a0c = 0;
            for (int j = 0; j < a.length; j++) {
                boolean c = false;
                if (a[j] > 0) {
                    double firingsLeft = Double.POSITIVE_INFINITY;
                    for (int k = nu.start[j], end = nu.start[j + 1]; k < end; k++) {
                        if (nu.delta[k] < 0) {
                            firingsLeft = Math.min(firingsLeft, Math.floor(x[nu.species[k]] / -nu.delta[k]));
                        }
                    }
                    c = firingsLeft < CRITICAL_FIRINGS;
                }
                critical[j] = c;
                if (c) {
                    a0c += a[j];
                }
            }
            return a0c;
        }
    }
}
