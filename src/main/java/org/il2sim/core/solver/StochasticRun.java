package org.il2sim.core.solver;

/** Per-run state of a {@link StochasticMethod}. */
public interface StochasticRun {

    double time();

    /** Current counts; a live view that must not be modified by callers. */
    double[] state();

    /**
     * Fires reactions until the next one would occur after {@code tStop}, then sets the time to tStop. The state is
     * then the exact state of the process at tStop.
     */
    void advanceTo(double tStop);

    /**
     * Fires the next reaction if it occurs at or before {@code tStop} and returns true (the time is then that
     * reaction's time); otherwise sets the time to tStop and returns false. Approximate methods advance by one leap.
     * Event handling uses this to see every state change.
     */
    boolean fireNext(double tStop);

    /** Replaces the state at the current time (after an event); cached propensities are recomputed. */
    void reset(double[] x);

    /** Number of reaction events fired so far. */
    long events();
}
