/**
 * ODE methods behind {@link org.il2sim.core.solver.OdeMethod}: a variable-order, variable-step BDF method for stiff
 * systems ({@link org.il2sim.core.solver.ode.BdfMethod}), a wrapper of Hipparchus' Dormand–Prince 8(5,3) method for
 * non-stiff systems ({@link org.il2sim.core.solver.ode.DormandPrince853Method}), the dense and sparse linear algebra
 * the BDF Newton iteration needs, and {@link org.il2sim.core.solver.ode.OdeDriver}, which samples output grids and
 * locates roots of event functions on any method's dense output.
 */
package org.il2sim.core.solver.ode;
