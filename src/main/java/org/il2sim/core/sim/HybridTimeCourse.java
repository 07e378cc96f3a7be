package org.il2sim.core.sim;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ode.BdfMethod;

/**
 * One trajectory of the hybrid method ("hybrid"): a piecewise-deterministic Markov process (Davis, J. R. Stat. Soc.
 * B 46:353, 1984) over the partition of a {@link HybridModel}. Between jumps the stiff BDF integrates the continuous
 * reactions together with the clock Λ(t) = ∫ Σ_j a_j dt, the integrated total propensity of the discrete channels;
 * the next discrete reaction fires when Λ reaches −ln U for a fresh uniform U (the random time change of the
 * jump process; the "integrated propensity" form of Alfonsi et al., ESAIM Proc. 14:1, 2005, and Salis &amp;
 * Kaznessis, J. Chem. Phys. 122:054103, 2005), and which one fires is chosen with probability a_j / Σ a over the
 * propensities at that instant, as in Gillespie's direct method. For the partition it is exact up to the ODE
 * tolerances: propensities may change with the continuous species and with time during a waiting time.
 *
 * <p>The clock is integrated in units of atol / rtol so that its absolute error is about rtol (the jump times are
 * then accurate to that fraction of a mean waiting time); its crossing is located by bisection on the BDF's dense
 * output. SBML events follow the deterministic semantics ({@link EventScheduler}): trigger changes are located on the
 * dense output up to the next jump, triggers are checked again after every jump, and events and re-partitioning
 * keep the clock running (the waiting time is not redrawn). The threshold is applied after every jump and event
 * (a species may become continuous) and at the end of every accepted step (a continuous species may return to
 * discrete), after which the integration restarts.
 */
public final class HybridTimeCourse {

    private HybridTimeCourse() {
    }

    /** @return result[i][k] = quantity k at times[i] */
    public static double[][] run(HybridModel model, Tolerances tolerances, double[] times, RandomGenerator rng,
                                 List<CompiledModel.Readout> outputs) {
        GridRecorder recorder = new GridRecorder(times.length, outputs);
        run(model, tolerances, times, rng, recorder);
        return recorder.rows();
    }

    /** Runs one trajectory from t = 0 and hands every output sample to the observer. */
    public static void run(HybridModel hybrid, Tolerances tolerances, double[] times, RandomGenerator rng,
                           TrajectoryObserver observer) {
        OutputGrid.checkIncreasing(times);
        new Trajectory(hybrid, tolerances, rng, observer).run(times);
    }

    /** The per-run state of the driver. */
    private static final class Trajectory {
        private final CompiledModel model;
        private final ModelState state;
        private final EventScheduler events;
        private final HybridModel.Run system;
        private final RandomGenerator rng;
        private final TrajectoryObserver observer;
        private final int clock;
        private final Tolerances tolerances;
        /** The BDF (made when first needed) or, while the state holds still between jumps, the linear clock. */
        private OdeStepper stepper;
        private OdeStepper bdf;
        private final StillStepper still;
        private final Window window = new Window();
        private final double[] buffer;
        /** Values of the discrete species since the last change (the stepper's copies may drift by round-off). */
        private final double[] held;
        /** The clock value (scaled) at which the next jump fires. */
        private double fireAt;
        private double[] times;
        private int next;

        Trajectory(HybridModel hybrid, Tolerances tolerances, RandomGenerator rng, TrajectoryObserver observer) {
            this.model = hybrid.model();
            this.state = model.newState(0);
            this.events = new EventScheduler(model, state);
            this.rng = rng;
            this.observer = observer;
            this.system = hybrid.newRun(state, tolerances.absolute() / tolerances.relative());
            this.tolerances = tolerances;
            this.clock = system.clock();
            this.still = new StillStepper(system);
            double[] y = Arrays.copyOf(events.initialise(0, model.initialState()), clock + 1);
            system.repartition(y, rng);
            this.held = y.clone();
            this.buffer = new double[y.length];
            drawWaitingTime();
            restart(0, y, false);
        }

        private void drawWaitingTime() {
            fireAt = rng.nextExponential() * system.clockScale();
        }

        void run(double[] outputTimes) {
            this.times = outputTimes;
            next = 0;
            if (times.length > 0 && times[0] == 0) {
                sample(0, stepper.state());
            }
            while (next < times.length) {
                double tPrev = stepper.time();
                double t = stepper.step(Math.min(times[next], events.nextScheduledTime()));
                checkFinite(stepper.state(), t);
                double tJump = stepper.state()[clock] >= fireAt ? locateJump(tPrev, t) : Double.POSITIVE_INFINITY;
                double tLimit = Math.min(t, tJump);
                window.set(stepper, tPrev, tLimit);
                EventScheduler.Root root = events.findRoot(window, tPrev, tLimit, buffer);
                if (root != null || tLimit >= events.nextScheduledTime()) {
                    double tEvent = root != null ? TimeCourse.snap(root.time(), times, next) : tLimit;
                    double[] y = root != null ? root.state() : window.state().clone();
                    sampleBefore(tEvent, false);
                    restartAfterEvents(tEvent, events.fire(tEvent, holdDiscrete(y), root != null), false);
                } else if (tJump <= t) {
                    sampleBefore(tJump, false);
                    double[] y = holdDiscrete(window.state().clone());
                    jump(tJump, y);
                    double[] before = y.clone();
                    double[] after = events.fire(tJump, y, true);
                    // an event that sets only parameters still gets a warm restart: error control keeps it exact
                    restartAfterEvents(tJump, after, Arrays.equals(after, before));
                } else {
                    sampleBefore(t, true);
                    double[] y = holdDiscrete(stepper.state().clone());
                    if (system.repartition(y, rng)) {
                        restart(t, y, false);
                    }
                }
            }
        }

        /** Fires one discrete reaction at tJump, chosen with probability proportional to its propensity. */
        private void jump(double tJump, double[] y) {
            double total = system.propensities(tJump, y);
            system.fire(rng.nextDouble() * total, y); // nothing fires if every propensity fell to exactly 0
            y[clock] = 0;
            drawWaitingTime();
        }

        /** @param jumpOnly true when only a jump changed the state (no event fired, so the warm restart applies) */
        private void restartAfterEvents(double t, double[] y, boolean jumpOnly) {
            while (next < times.length && times[next] == t) {
                sample(next, y);
            }
            boolean repartitioned = system.repartition(y, rng);
            restart(t, y, jumpOnly && !repartitioned);
        }

        /**
         * Restarts the integration at (t, y). After a jump that changed no partition and fired no event the BDF
         * restarts warm ({@link OdeStepper#restartAfterJump}: it keeps the Jacobian): a count changed by one barely
         * changes the Jacobian of the continuous part, and evaluating it anew at every jump was half the cost of a
         * run with thousands of jumps.
         */
        private void restart(double t, double[] y, boolean warm) {
            System.arraycopy(y, 0, held, 0, y.length);
            if (system.still()) {
                stepper = still;
            } else if (bdf == null) {
                stepper = bdf = new BdfMethod().start(system, t, y, tolerances);
                return;
            } else if (warm && stepper == bdf) {
                bdf.restartAfterJump(t, y);
                return;
            } else {
                stepper = bdf;
            }
            stepper.restart(t, y);
        }

        /** The first time in (tPrev, t] at which the clock reaches fireAt, by bisection on the dense output. */
        private double locateJump(double tPrev, double t) {
            double lo = tPrev;
            double hi = t;
            double tol = 4 * Math.ulp(Math.max(1.0, Math.abs(t))) + 1e-14 * (t - tPrev);
            while (hi - lo > tol) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                stepper.interpolate(mid, buffer);
                if (buffer[clock] >= fireAt) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }

        /** Samples every output time before tLimit (and at it when {@code inclusive}) from the dense output. */
        private void sampleBefore(double tLimit, boolean inclusive) {
            while (next < times.length && (times[next] < tLimit || (inclusive && times[next] == tLimit))) {
                stepper.interpolate(times[next], buffer);
                sample(next, holdDiscrete(buffer));
            }
        }

        private void sample(int index, double[] y) {
            state.refresh(times[index], y);
            observer.onSample(index, times[index], state.values());
            next = index + 1;
        }

        /** Discrete species keep their values between jumps exactly: the held values replace the stepper's. */
        private double[] holdDiscrete(double[] y) {
            for (int i = 0; i < clock; i++) {
                if (!system.isContinuous(i)) {
                    y[i] = held[i];
                }
            }
            return y;
        }

        private void checkFinite(double[] y, double t) {
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(y[i])) {
                    throw new SolverException(Double.isNaN(y[i]) ? "value became NaN" : "value became infinite", t,
                            system.componentName(i));
                }
            }
        }
    }

    /**
     * The exact solution while nothing but the clock changes between jumps ({@link HybridModel.Run#still()}): the
     * state holds still and the clock grows at the constant total propensity, so a step goes straight to tStop.
     */
    private static final class StillStepper implements OdeStepper {
        private final HybridModel.Run system;
        private final int clock;
        private double t0;
        private double clock0;
        private double rate;
        private double tPrevious;
        private double t;
        private double[] y;

        StillStepper(HybridModel.Run system) {
            this.system = system;
            this.clock = system.clock();
        }

        @Override
        public void restart(double t, double[] y0) {
            this.y = y0.clone();
            this.t0 = t;
            this.t = t;
            this.tPrevious = t;
            this.clock0 = y0[clock];
            this.rate = system.propensities(t, y0) * system.clockScale();
        }

        @Override
        public double step(double tStop) {
            tPrevious = t;
            t = tStop;
            y[clock] = clock0 + rate * (t - t0);
            return t;
        }

        @Override
        public void interpolate(double time, double[] out) {
            System.arraycopy(y, 0, out, 0, y.length);
            out[clock] = time == t ? y[clock] : clock0 + rate * (time - t0);
        }

        @Override
        public double time() {
            return t;
        }

        @Override
        public double previousTime() {
            return tPrevious;
        }

        @Override
        public double[] state() {
            return y;
        }

        @Override
        public long evaluations() {
            return 0;
        }

        @Override
        public long steps() {
            return 0;
        }
    }

    /**
     * The stepper's last step cut at tLimit (the next jump), so that {@link EventScheduler#findRoot} sees only the
     * part of the step before the state jumps.
     */
    private static final class Window implements OdeStepper {
        private OdeStepper stepper;
        private double from;
        private double to;
        private double[] end;

        void set(OdeStepper stepper, double from, double to) {
            this.stepper = stepper;
            this.from = from;
            this.to = to;
            if (end == null) {
                end = new double[stepper.state().length];
            }
            if (to == stepper.time()) {
                System.arraycopy(stepper.state(), 0, end, 0, end.length);
            } else {
                stepper.interpolate(to, end);
            }
        }

        @Override
        public double time() {
            return to;
        }

        @Override
        public double previousTime() {
            return from;
        }

        @Override
        public double[] state() {
            return end;
        }

        @Override
        public double step(double tStop) {
            throw new IllegalStateException("a window on a step does not step");
        }

        @Override
        public void interpolate(double t, double[] out) {
            if (t == to) {
                System.arraycopy(end, 0, out, 0, end.length);
            } else {
                stepper.interpolate(t, out);
            }
        }

        @Override
        public void restart(double t, double[] y) {
            throw new IllegalStateException("a window on a step does not restart");
        }

        @Override
        public long evaluations() {
            return stepper.evaluations();
        }

        @Override
        public long steps() {
            return stepper.steps();
        }
    }
}
