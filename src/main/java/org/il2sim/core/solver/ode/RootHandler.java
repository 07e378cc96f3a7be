package org.il2sim.core.solver.ode;

/** Called by {@link OdeDriver} at each located root. */
@FunctionalInterface
public interface RootHandler {

    /**
     * @param t the time of the root (to within the driver's tolerance, on the side where the sign has changed)
     * @param y the state at t; the handler may modify it in place (an event assignment)
     * @param which which functions changed sign (in either direction) at t
     */
    RootAction handle(double t, double[] y, boolean[] which);
}
