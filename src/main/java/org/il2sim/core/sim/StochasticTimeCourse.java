package org.il2sim.core.sim;

import java.util.List;
import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;

/**
 * One stochastic trajectory of a compiled model, sampled on an output grid (the counterpart of {@link TimeCourse}).
 * Events follow the same SBML semantics as in deterministic runs: triggers are checked after every reaction (the
 * state changes only then), and a trigger that changes with time while the counts hold still is located exactly
 * before the next reaction is drawn; after an event the run continues from the new state (the process is Markov, so
 * the pending reaction is redrawn).
 */
public final class StochasticTimeCourse {

    private StochasticTimeCourse() {
    }

    /** @return result[i][k] = quantity k at times[i] */
    public static double[][] run(CompiledModel model, StochasticMethod method, double[] times, RandomGenerator rng,
                                 List<CompiledModel.Readout> outputs) {
        GridRecorder recorder = new GridRecorder(times.length, outputs);
        run(model, method, times, rng, recorder);
        return recorder.rows();
    }

    public static void run(CompiledModel model, StochasticMethod method, double[] times, RandomGenerator rng,
                           TrajectoryObserver observer) {
        run(new StochasticModel(model), method, times, rng, observer);
    }

    /** Runs one trajectory of a prepared (thread-safe, reusable) stochastic view of a model. */
    public static void run(StochasticModel system, StochasticMethod method, double[] times, RandomGenerator rng,
                           TrajectoryObserver observer) {
        OutputGrid.checkIncreasing(times);
        CompiledModel model = system.model();
        ModelState state = model.newState(0);
        EventScheduler events = new EventScheduler(model, state);
        double[] x = events.initialise(0, model.initialState());
        // with events, propensities are evaluated in this run's own state, which the events change
        StochasticModel.Bound bound = events.hasEvents() ? system.boundTo(state) : null;
        StochasticRun run = method.start(bound != null ? bound : system, 0, x, rng);
        ConstantStepper still = new ConstantStepper();
        double[] buffer = new double[x.length];
        for (int i = 0; i < times.length; i++) {
            if (bound == null) {
                run.advanceTo(times[i]);
            } else {
                advanceWithEvents(run, events, still, times[i], buffer, bound);
            }
            state.refresh(times[i], run.state());
            observer.onSample(i, times[i], state.values());
        }
    }

    private static void advanceWithEvents(StochasticRun run, EventScheduler events, ConstantStepper still,
                                          double tOut, double[] buffer, StochasticModel.Bound bound) {
        while (run.time() < tOut) {
            double t = run.time();
            double limit = Math.min(tOut, events.nextScheduledTime());
            // time-driven trigger changes while the counts hold still (none when no trigger reads time)
            EventScheduler.Root root = null;
            if (limit > t && events.triggersReadTime()) {
                still.set(t, limit, run.state());
                root = events.findRoot(still, t, limit, buffer);
            }
            double tStop = root != null ? root.time() : limit;
            long firedBefore = run.events();
            // a leap (or a batch of exact steps) that lands on tStop changes the counts but returns false
            boolean fired = run.fireNext(tStop) | run.events() != firedBefore;
            boolean due = fired || (root != null && run.time() >= root.time())
                    || run.time() >= events.nextScheduledTime();
            if (due) {
                long executedBefore = events.executions();
                double[] after = events.fire(run.time(), run.state().clone(), true);
                if (events.executions() != executedBefore) {
                    // an event changed counts or parameters: every cached propensity may be stale
                    bound.invalidate();
                    run.reset(after);
                }
            }
        }
    }
}
