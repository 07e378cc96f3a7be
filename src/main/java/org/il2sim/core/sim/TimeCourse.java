package org.il2sim.core.sim;

import java.util.List;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;

/**
 * Runs a compiled model deterministically from t = 0 and samples chosen quantities on an output grid. Events are
 * handled by {@link EventScheduler}; between discontinuities any {@link OdeMethod} integrates.
 */
public final class TimeCourse {

    private TimeCourse() {
    }

    /**
     * @param times increasing output times, all >= 0
     * @return result[i][k] = quantity k at times[i]
     */
    public static double[][] run(CompiledModel model, OdeMethod method, Tolerances tolerances, double[] times,
                                 List<CompiledModel.Readout> outputs) {
        return run(model, method, tolerances, times, outputs, false);
    }

    /**
     * As {@link #run(CompiledModel, OdeMethod, Tolerances, double[], List)}; with {@code checkNegative}, a species
     * amount that the solver drives below zero by more than its error allowance (1000 atol + 1% of the largest
     * amount it has had) stops the run with the time and species. SBML allows negative amounts, so SBML runs leave
     * the check off unless asked; il2sim's own models, where amounts are molecule counts, turn it on.
     */
    public static double[][] run(CompiledModel model, OdeMethod method, Tolerances tolerances, double[] times,
                                 List<CompiledModel.Readout> outputs, boolean checkNegative) {
        GridRecorder recorder = new GridRecorder(times.length, outputs);
        run(model, method, tolerances, times, recorder, checkNegative);
        return recorder.rows();
    }

    /** Runs the model and hands every output sample (and, if it asks, every step) to the observer. */
    public static void run(CompiledModel model, OdeMethod method, Tolerances tolerances, double[] times,
                           TrajectoryObserver observer, boolean checkNegative) {
        OutputGrid.checkIncreasing(times);
        ModelState state = model.newState(0);
        model = state.model(); // a model with delays is a private copy per run
        double[] y = model.initialState();
        double[] buffer = new double[y.length];
        EventScheduler events = new EventScheduler(model, state); // may register delays of triggers
        boolean delays = state.hasDelays();
        double maxDelayStep = state.maxStepForDelays();
        if (delays) {
            state.recordHistory(0, y);
        }
        y = events.initialise(0, y);
        if (delays) {
            state.recordHistory(0, y);
        }
        OdeStepper stepper = y.length == 0 ? new EmptyStepper(0) : method.start(state, 0, y, tolerances);
        int next = 0;
        double[] largest = y.clone();
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        if (times.length > 0 && times[0] == 0) {
            next = sample(state, stepper.state(), 0, next, observer);
        }
        while (next < times.length) {
            double tStop = Math.min(tEnd, events.nextScheduledTime());
            double tPrev = stepper.time();
            if (delays) {
                tStop = Math.min(tStop, tPrev + maxDelayStep);
            }
            if (events.hasEvents() && next < times.length && times[next] > tPrev) {
                tStop = Math.min(tStop, times[next]); // bounded steps: triggers are checked at least this often
            }
            double t = stepper.step(tStop);
            checkFinite(stepper.state(), t, state);
            if (checkNegative) {
                checkNonNegative(stepper.state(), t, model, tolerances, largest);
            }
            if (delays) {
                recordStep(state, stepper, tPrev, t, buffer);
            }
            if (observer.wantsSteps()) {
                state.refresh(t, stepper.state());
                observer.onStep(t, state.values());
            }
            EventScheduler.Root root = events.findRoot(stepper, tPrev, t, buffer);
            boolean eventDue = root != null || t >= events.nextScheduledTime();
            double tEvent = root != null ? snap(root.time(), times, next) : t;
            while (next < times.length && (times[next] < tEvent || (!eventDue && times[next] == tEvent))) {
                stepper.interpolate(times[next], buffer);
                next = sample(state, buffer, times[next], next, observer);
            }
            if (eventDue) {
                double[] yEvent = root != null ? root.state() : stepper.state().clone();
                double[] yAfter = events.fire(tEvent, yEvent, root != null);
                while (next < times.length && times[next] == tEvent) {
                    next = sample(state, yAfter, tEvent, next, observer);
                }
                stepper.restart(tEvent, yAfter);
                if (delays) {
                    state.recordHistory(tEvent, yAfter);
                }
            }
        }
    }

    /** Records the history of delayed expressions at interior points of an accepted step, for cubic look-ups. */
    private static void recordStep(ModelState state, OdeStepper stepper, double tPrev, double t, double[] buffer) {
        int pieces = 8;
        for (int i = 1; i <= pieces; i++) {
            double ti = i == pieces ? t : tPrev + (t - tPrev) * i / pieces;
            stepper.interpolate(ti, buffer);
            state.recordHistory(ti, buffer);
        }
    }

    /**
     * A located trigger time within a few rounding errors of the next output time is taken to be that time, so the
     * output shows the state after the event (as the SBML Test Suite expects for triggers like time >= 2).
     */
    static double snap(double tRoot, double[] times, int next) {
        double eps = 1e-13 * Math.max(1.0, Math.abs(tRoot));
        int j = next;
        while (j < times.length && times[j] < tRoot - eps) {
            j++;
        }
        if (j < times.length && Math.abs(times[j] - tRoot) <= eps) {
            return times[j];
        }
        return tRoot;
    }

    private static int sample(ModelState state, double[] y, double t, int index, TrajectoryObserver observer) {
        state.refresh(t, y);
        observer.onSample(index, t, state.values());
        return index + 1;
    }

    private static void checkNonNegative(double[] y, double t, CompiledModel model, Tolerances tol,
                                         double[] largest) {
        for (int i = 0; i < y.length; i++) {
            if (model.stateSpeciesSlot[i] < 0) {
                continue;
            }
            largest[i] = Math.max(largest[i], Math.abs(y[i]));
            if (y[i] < -(1000 * tol.absolute() + 0.01 * largest[i])) {
                throw new SolverException("negative amount " + y[i] + " beyond the solver's tolerance (tighten "
                        + "--rtol/--atol, or check the model's rate laws)", t, model.stateName(i));
            }
        }
    }

    private static void checkFinite(double[] y, double t, ModelState state) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new SolverException(Double.isNaN(y[i]) ? "value became NaN" : "value became infinite", t,
                        state.componentName(i));
            }
        }
    }
}
