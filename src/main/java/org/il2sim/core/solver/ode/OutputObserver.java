package org.il2sim.core.solver.ode;

/** Receives the state at each point of an output grid from {@link OdeDriver}. */
@FunctionalInterface
public interface OutputObserver {

    /**
     * @param index index of the grid point
     * @param t its time
     * @param y the state at t; valid only during the call (copy it to keep it)
     */
    void output(int index, double t, double[] y);
}
