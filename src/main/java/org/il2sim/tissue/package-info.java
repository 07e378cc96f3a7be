/**
 * Tissue scale: space added to il2sim's models (docs/tissue.md).
 *
 * <p>So far only the field part: {@link org.il2sim.tissue.DiffusionGrid}, one diffusing molecule on a uniform 3D
 * Cartesian grid, with decay, per-voxel sources and per-voxel first-order uptake (the hook for agent cells), stepped
 * by an implicit {@link org.il2sim.tissue.TimeScheme} solved by preconditioned conjugate gradients. Agents with
 * positions and per-agent state and the schedule (cells act → exchange with the grid → diffuse → observe) are not
 * yet written. This package may use {@code core} and {@code models}, never {@code io} or {@code cli}.
 */
package org.il2sim.tissue;
