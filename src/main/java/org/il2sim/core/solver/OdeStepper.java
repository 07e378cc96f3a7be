package org.il2sim.core.solver;

/**
 * One integration run in progress: the per-run state of an {@link OdeMethod}. A stepper advances in accepted steps
 * and offers dense output over the last step, so that drivers can sample output grids and locate event roots
 * without knowing the method.
 */
public interface OdeStepper {

    /** Current time (end of the last accepted step). */
    double time();

    /** Start of the last accepted step (equals {@link #time()} before the first step). */
    double previousTime();

    /** Current state; a live view that must not be modified by callers. */
    double[] state();

    /**
     * Takes one accepted step (or, for methods wrapping a library integrator, possibly several), never past
     * {@code tStop}.
     *
     * @return the new time
     * @throws SolverException on step-size underflow, too many steps, NaN/Inf, or a failed Newton iteration
     */
    double step(double tStop);

    /** Writes the interpolated state at t, previousTime() <= t <= time(), into out. */
    void interpolate(double t, double[] out);

    /** Restarts at (t, y) after a discontinuity such as an event assignment; history is discarded. */
    void restart(double t, double[] y);

    /**
     * Restarts at (t, y) after a jump in the right-hand side that keeps its time scales (a random jump of a hybrid
     * run changes a count by one): the history is discarded as by {@link #restart}, but a method may keep what is
     * only an aid, such as the last Jacobian for its Newton iteration. Error control is unchanged, so the solution
     * is the same to the tolerances. By default a restart.
     */
    default void restartAfterJump(double t, double[] y) {
        restart(t, y);
    }

    /** Number of right-hand-side evaluations so far (for benchmarks and diagnostics). */
    long evaluations();

    /** Number of accepted steps so far. */
    long steps();
}
