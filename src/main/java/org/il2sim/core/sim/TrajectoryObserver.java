package org.il2sim.core.sim;

/**
 * Receives a run's output as it happens: the value array at each output time, and optionally after every accepted
 * solver step. Recording on a grid, streaming to a file and progress reporting are observers, not solver options.
 * The value array is live: read what you need during the call, do not keep it.
 */
public interface TrajectoryObserver {

    /** The model's values at output time {@code times[index]} (post-event values at event times). */
    void onSample(int index, double t, double[] values);

    /** Called after every accepted step with the values at its end; does nothing unless overridden. */
    default void onStep(double t, double[] values) {
    }

    /** True when {@link #onStep} wants calls (refreshing the values after every step costs a little). */
    default boolean wantsSteps() {
        return false;
    }
}
