/**
 * Cell-population models of the immune response (SYSTEM.md parts S4–S11): cells are species of the same reaction
 * network as molecules, so every il2sim solver (stiff ODE, Gillespie, tau-leaping) runs them.
 *
 * <ul>
 *   <li>{@link org.il2sim.models.immune.AcuteInfectionModel}: scenario B5, CD8 and CD4 expansion, contraction and
 *       memory in an acute infection (De Boer et al. 2001, on/off model).</li>
 *   <li>{@link org.il2sim.models.immune.ClosedCultureModel}: scenario B2, IL-2 secretion and consumption in a closed
 *       CD4 culture (Tkach et al. 2014), n simulated cell classes sharing one IL-2 pool.</li>
 * </ul>
 *
 * <p>Each façade returns a {@link org.il2sim.core.network.ReactionNetwork}; parameter values come from bundled
 * tables ({@code src/main/resources/org/il2sim/models/immune/*.tsv}) with unit and source, converted on reading to
 * il2sim's canonical units (time in min). Reference specification: {@code shared/docs/reference/immune-models.md}
 * and {@code immune-parameters.md}; what is implemented, the choices made and the values measured are in
 * {@code docs/immune.md}.
 */
package org.il2sim.models.immune;
