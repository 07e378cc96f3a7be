/**
 * Cell-population models of the immune response (SYSTEM.md parts S4–S11): cells are species of the same reaction
 * network as molecules, so every il2sim solver (stiff ODE, Gillespie, tau-leaping) runs them.
 *
 * <ul>
 *   <li>{@link org.il2sim.models.immune.AcuteInfectionModel}: scenario B5, CD8 and CD4 expansion, contraction and
 *       memory in an acute infection (De Boer et al. 2001, on/off model).</li>
 *   <li>{@link org.il2sim.models.immune.ClosedCultureModel}: scenario B2, IL-2 secretion and consumption in a closed
 *       CD4 culture (Tkach et al. 2014), n simulated cell classes sharing one IL-2 pool.</li>
 *   <li>{@link org.il2sim.models.immune.EffectorMemoryFateModel}: scenario B6, CD8 effector vs memory fate set by
 *       the integrated IL-2 signal (Kalia et al. 2010).</li>
 *   <li>{@link org.il2sim.models.immune.Il2ComplexModel}: scenario B6, IL-2/anti-IL-2 complexes on Treg, NK and
 *       memory CD8 (Boyman et al. 2006), with signals from {@link org.il2sim.models.immune.GammaChainSignal}, a Hill
 *       reduction of the 62-state γc model.</li>
 *   <li>{@link org.il2sim.models.immune.Il15NkMemoryModel} and {@link org.il2sim.models.immune.BCellHelpModel}:
 *       scenario B11, IL-15 for NK and memory CD8, and IL-2/IL-21 help for B cells.</li>
 * </ul>
 *
 * <p>Each façade returns a {@link org.il2sim.core.network.ReactionNetwork}; parameter values come from bundled
 * tables ({@code src/main/resources/org/il2sim/models/immune/*.tsv}) with unit and source, converted on reading to
 * il2sim's canonical units (time in min). Reference specification: {@code shared/docs/reference/immune-models.md}
 * and {@code immune-parameters.md}; what is implemented, the choices made and the values measured are in
 * {@code docs/immune.md}.
 */
package org.il2sim.models.immune;
