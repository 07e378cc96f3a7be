/**
 * Turns a {@link org.il2sim.core.network.ReactionNetwork} into something solvers run: a flat value layout, compiled
 * rate laws and rules in dependency order, initial values, and the drivers that sample trajectories.
 */
package org.il2sim.core.sim;
