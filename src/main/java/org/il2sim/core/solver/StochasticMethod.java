package org.il2sim.core.solver;

import java.util.random.RandomGenerator;

/** A stateless stochastic simulation algorithm; {@link #start} creates the per-run state. */
public interface StochasticMethod {

    /** Short name used on the command line, e.g. "ssa", "nrm", "tau". */
    String name();

    /** Begins a run at (t0, x0); x0 is copied; all randomness comes from rng. */
    StochasticRun start(StochasticSystem system, double t0, double[] x0, RandomGenerator rng);
}
