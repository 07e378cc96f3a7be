package org.il2sim.core.solver;

/** A stateless ODE method; {@link #start} creates the per-run state. */
public interface OdeMethod {

    /** Short name used on the command line and in reports, e.g. "bdf". */
    String name();

    /** Begins a run of {@code system} at (t0, y0); y0 is copied. */
    OdeStepper start(OdeSystem system, double t0, double[] y0, Tolerances tolerances);
}
