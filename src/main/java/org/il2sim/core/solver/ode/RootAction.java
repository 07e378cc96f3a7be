package org.il2sim.core.solver.ode;

/** What {@link OdeDriver} does after a {@link RootHandler} has seen a root. */
public enum RootAction {
    /** Go on from the root with the (possibly modified) state; the stepper is restarted there. */
    CONTINUE,
    /** End the integration at the root. */
    STOP
}
