/**
 * Stochastic simulation algorithms behind {@link org.il2sim.core.solver.StochasticMethod}.
 *
 * <ul>
 *   <li>{@link org.il2sim.core.solver.ssa.DirectMethod} ("ssa"): Gillespie's direct method (J. Phys. Chem. 81:2340,
 *       1977) with dependency-graph propensity updates (Gibson &amp; Bruck, J. Phys. Chem. A 104:1876, 2000).</li>
 *   <li>{@link org.il2sim.core.solver.ssa.NextReactionMethod} ("nrm"): Gibson &amp; Bruck's next reaction method with
 *       an indexed binary heap of putative reaction times.</li>
 *   <li>{@link org.il2sim.core.solver.ssa.TauLeapingMethod} ("tau"): explicit tau-leaping with the step-size
 *       selection of Cao, Gillespie &amp; Petzold (J. Chem. Phys. 124:044109, 2006).</li>
 *   <li>{@link org.il2sim.core.solver.ssa.Ensemble}: reproducible parallel replicate runs with Welford statistics.</li>
 * </ul>
 *
 * <p>All randomness comes from the {@link java.util.random.RandomGenerator} passed to
 * {@link org.il2sim.core.solver.StochasticMethod#start}; the runs allocate nothing per event.
 */
package org.il2sim.core.solver.ssa;
