/**
 * Numerical methods that know nothing of biology: ODE methods behind {@link org.il2sim.core.solver.OdeMethod},
 * stochastic simulation algorithms behind {@link org.il2sim.core.solver.StochasticMethod}, and the contracts of the
 * systems they run.
 */
package org.il2sim.core.solver;
