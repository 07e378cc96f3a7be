package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.Species;
import org.il2sim.core.solver.OdeStepper;

/**
 * SBML Level 3 event semantics over any ODE stepper: trigger transitions located by bisection on the stepper's dense
 * output, delays, persistence, trigger initial values, values from trigger or execution time, and priorities
 * (SBML L3V2 specification, section 4.12). Per-run state; one instance per run.
 */
final class EventScheduler {

    /** A located trigger transition. */
    record Root(double time, double[] state) {
    }

    private record Pending(int event, double time, double[] values, long order) {
    }

    /** Trigger checks per step (the last at the step's end). */
    private static final int INTERIOR_CHECKS = 4;

    private final CompiledModel model;
    private final ModelState state;
    private final Event[] events;
    private final Evaluator[] triggers;
    private final Evaluator[] delays;
    private final Evaluator[] priorities;
    private final Evaluator[][] assignments;
    private final int[][] targets;
    private final boolean[] previous;
    /**
     * Trigger checks evaluate only the triggers and the refresh steps they read, in a scratch copy of the value
     * array, leaving the run's state alone; null where the model has algebraic constraints (then every check
     * refreshes the state, as the constraints couple everything).
     */
    private final double[] scratch;
    private final int[] triggerSteps;
    private final boolean triggersReadTime;
    /** The reference path: every trigger check refreshes the whole state (see {@link EventChecks}). */
    private final boolean fullRefresh = EventChecks.FULL_REFRESH.get();
    private final List<Pending> pending = new ArrayList<>();
    private long sequence;
    private long executions;
    /** Breaks ties between events of equal priority; fixed seed so deterministic runs stay reproducible. */
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EEDL);

    EventScheduler(CompiledModel model, ModelState state) {
        this.model = model;
        this.state = state;
        this.events = model.network().events().toArray(Event[]::new);
        int n = events.length;
        triggers = new Evaluator[n];
        delays = new Evaluator[n];
        priorities = new Evaluator[n];
        assignments = new Evaluator[n][];
        targets = new int[n][];
        previous = new boolean[n];
        for (int k = 0; k < n; k++) {
            Event e = events[k];
            String where = "event '" + (e.id() == null ? "#" + (k + 1) : e.id()) + "'";
            triggers[k] = model.compileExpression(e.trigger(), where + " trigger");
            delays[k] = e.delay() == null ? null : model.compileExpression(e.delay(), where + " delay");
            priorities[k] = e.priority() == null ? null : model.compileExpression(e.priority(), where + " priority");
            assignments[k] = new Evaluator[e.assignments().size()];
            targets[k] = new int[e.assignments().size()];
            for (int a = 0; a < assignments[k].length; a++) {
                Event.Assignment as = e.assignments().get(a);
                assignments[k][a] = model.compileExpression(as.math(), where + " assignment to '" + as.variable() + "'");
                targets[k][a] = model.slot(as.variable());
            }
        }
        List<org.il2sim.core.expr.Expr> triggerMath = new ArrayList<>();
        for (Event e : events) {
            triggerMath.add(e.trigger());
        }
        NetworkCompiler.StepSubset read = model.stepsReadBy(triggerMath);
        triggerSteps = read.steps();
        triggersReadTime = read.readsTime() || model.hasConstraints() || fullRefresh;
        scratch = model.hasConstraints() || fullRefresh ? null : state.values().clone();
    }

    /**
     * False when no trigger can change while the state holds still: no trigger reads time or delay(), directly or
     * through rules. Stochastic drivers then need not search for trigger changes between reactions.
     */
    boolean triggersReadTime() {
        return triggersReadTime;
    }

    /** Values in which the triggers at (t, y) can be evaluated (not the values of anything else). */
    private double[] triggerValues(double t, double[] y) {
        if (scratch == null) {
            state.refresh(t, y);
            return state.values();
        }
        state.evaluateInto(t, y, scratch, triggerSteps);
        return scratch;
    }

    /** Every value at (t, y), as a refresh gives them, for delays and assignments evaluated at trigger time. */
    private double[] allValues(double t, double[] y) {
        if (scratch == null) {
            state.refresh(t, y);
            return state.values();
        }
        state.evaluateInto(t, y, scratch, null);
        return scratch;
    }

    /** Copies values that events set (parameters, compartments) into the scratch array. */
    private void syncScratch() {
        if (scratch != null) {
            System.arraycopy(state.values(), 0, scratch, 0, scratch.length);
        }
    }

    /** Sets trigger states at t0 and fires events whose trigger is true at t0 but whose initial value is false. */
    double[] initialise(double t0, double[] y) {
        for (int k = 0; k < events.length; k++) {
            previous[k] = events[k].initialValue();
        }
        if (events.length == 0) {
            return y;
        }
        return fire(t0, y.clone(), true);
    }

    /** Number of event executions so far (assignments carried out). */
    long executions() {
        return executions;
    }

    boolean hasEvents() {
        return events.length > 0;
    }

    /** Time of the earliest scheduled (delayed) execution, or +infinity. */
    double nextScheduledTime() {
        double t = Double.POSITIVE_INFINITY;
        for (Pending p : pending) {
            t = Math.min(t, p.time());
        }
        return t;
    }

    /**
     * The earliest trigger change in (tPrev, t], located on the stepper's dense output, or null. Triggers are also
     * checked at interior points, so a trigger that turns true and back within one step is not missed.
     */
    Root findRoot(OdeStepper stepper, double tPrev, double t, double[] buffer) {
        if (events.length == 0) {
            return null;
        }
        double a = tPrev;
        for (int s = 1; s <= INTERIOR_CHECKS; s++) {
            double b = s == INTERIOR_CHECKS ? t : tPrev + (t - tPrev) * s / INTERIOR_CHECKS;
            double[] v;
            if (b >= t) {
                v = triggerValues(t, stepper.state());
            } else {
                stepper.interpolate(b, buffer);
                v = triggerValues(b, buffer);
            }
            double earliest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < events.length; k++) {
                boolean now = triggers[k].eval(v) != 0;
                if (now != previous[k]) {
                    earliest = Math.min(earliest, locate(k, stepper, a, b, buffer));
                }
            }
            if (earliest != Double.POSITIVE_INFINITY) {
                double[] y = new double[buffer.length];
                if (earliest >= t) {
                    System.arraycopy(stepper.state(), 0, y, 0, y.length);
                } else {
                    stepper.interpolate(earliest, y);
                }
                return new Root(earliest, y);
            }
            a = b;
        }
        return null;
    }

    /** Bisection for the first time in (a, b] at which trigger k differs from its previous value. */
    private double locate(int k, OdeStepper stepper, double a, double b, double[] buffer) {
        double lo = a;
        double hi = b;
        double tol = 4 * Math.ulp(Math.max(1.0, Math.abs(b))) + 1e-15 * Math.abs(b - a);
        while (hi - lo > tol) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            stepper.interpolate(mid, buffer);
            boolean value = triggers[k].eval(triggerValues(mid, buffer)) != 0;
            if (value != previous[k]) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * Handles everything that happens at time t: trigger transitions, then executions of every event due, highest
     * priority first, re-checking triggers after each execution.
     *
     * <p>When nothing is due it returns at once without refreshing the shared {@code ModelState} to (t, y) (the
     * trigger checks work on a scratch array): a caller that reads the state's values afterwards must refresh it
     * itself, as every current caller does.
     *
     * @param checkTriggers true when trigger values may have changed since the last call
     * @return the state after all executions
     */
    double[] fire(double t, double[] y, boolean checkTriggers) {
        if (checkTriggers) {
            updateTriggers(t, y);
        }
        while (true) {
            if (!fullRefresh && !anyDue(t)) {
                return y;
            }
            int best = -1;
            int ties = 0;
            double bestPriority = Double.NEGATIVE_INFINITY;
            state.refresh(t, y);
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                if (p.time() > t) {
                    continue;
                }
                double prio = priorities[p.event()] == null ? Double.NEGATIVE_INFINITY
                        : priorities[p.event()].eval(state.values());
                if (best < 0 || prio > bestPriority) {
                    best = i;
                    bestPriority = prio;
                    ties = 1;
                } else if (prio == bestPriority && ++ties > 0 && random.nextInt(ties) == 0) {
                    best = i; // SBML: events of equal priority execute in random order (reservoir choice)
                }
            }
            if (best < 0) {
                return y;
            }
            Pending p = pending.remove(best);
            y = execute(p, t, y);
            executions++;
            updateTriggers(t, y);
        }
    }

    private boolean anyDue(double t) {
        for (Pending p : pending) {
            if (p.time() <= t) {
                return true;
            }
        }
        return false;
    }

    private void updateTriggers(double t, double[] y) {
        double[] v = triggerValues(t, y);
        boolean complete = scratch == null;
        for (int k = 0; k < events.length; k++) {
            boolean now = triggers[k].eval(v) != 0;
            if (now && !previous[k]) {
                if (!complete) {
                    // delays and values from trigger time may read anything; the triggers' values stay the same
                    v = allValues(t, y);
                    complete = true;
                }
                double delay = delays[k] == null ? 0 : delays[k].eval(v);
                double[] values = events[k].useValuesFromTriggerTime() ? evaluateAssignments(k, v) : null;
                pending.add(new Pending(k, t + delay, values, sequence++));
            } else if (!now && previous[k] && !events[k].persistent()) {
                final int kk = k;
                pending.removeIf(p -> p.event() == kk);
            }
            previous[k] = now;
        }
    }

    private double[] evaluateAssignments(int k, double[] v) {
        double[] out = new double[assignments[k].length];
        for (int a = 0; a < out.length; a++) {
            out[a] = assignments[k][a].eval(v);
        }
        return out;
    }

    /** Applies an event's assignments: other symbols first, then species, so amounts use the new sizes. */
    private double[] execute(Pending p, double t, double[] y) {
        int k = p.event();
        state.refresh(t, y);
        double[] values = p.values() != null ? p.values() : evaluateAssignments(k, state.values());
        double[] out = y.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < values.length; a++) {
                int slot = targets[k][a];
                boolean isSpecies = model.isSpecies(model.slotNames[slot - 1]);
                if (isSpecies == (pass == 1)) {
                    double before = state.values()[slot];
                    assign(slot, values[a], out);
                    if (model.compartment(model.slotNames[slot - 1]) != null && before != values[a]) {
                        keepAmountsOfRateRuledSpecies(k, model.slotNames[slot - 1], before, values[a], out);
                    }
                }
            }
            state.refresh(t, out);
        }
        syncScratch();
        return out;
    }

    /**
     * A species whose concentration has a rate rule keeps its amount when an event resizes its compartment (the
     * concentration scales by old/new size), as for species changed by reactions (SBML Test Suite 01505).
     */
    private void keepAmountsOfRateRuledSpecies(int event, String compartment, double oldSize, double newSize,
                                               double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (model.stateSpeciesSlot[i] >= 0) {
                continue;
            }
            Species s = model.species(model.stateNames[i]);
            if (s != null && !s.hasOnlySubstanceUnits() && s.compartment().equals(compartment)
                    && !assignsTo(event, model.slot(s.id()))) {
                y[i] *= oldSize / newSize;
            }
        }
    }

    private boolean assignsTo(int event, int slot) {
        for (int target : targets[event]) {
            if (target == slot) {
                return true;
            }
        }
        return false;
    }

    private void assign(int slot, double value, double[] y) {
        String id = model.slotNames[slot - 1];
        int stateIndex = model.stateIndexOfSymbol(slot);
        Species s = model.species(id);
        if (stateIndex >= 0 && model.stateSpeciesSlot[stateIndex] >= 0) {
            double size = state.values()[model.slot(s.compartment())];
            y[stateIndex] = s.hasOnlySubstanceUnits() ? value : value * size;
        } else if (stateIndex >= 0) {
            y[stateIndex] = value;
        } else {
            state.setValue(slot, value);
        }
    }
}
