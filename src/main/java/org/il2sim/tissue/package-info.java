/**
 * Tissue scale: space added to il2sim's models (docs/tissue.md).
 *
 * <p>The field: {@link org.il2sim.tissue.DiffusionGrid}, one diffusing molecule on a uniform 3D Cartesian grid, with
 * decay, per-voxel sources and per-voxel first-order uptake (through which agent cells consume), stepped by an
 * implicit {@link org.il2sim.tissue.TimeScheme} solved by preconditioned conjugate gradients. The first agent model:
 * {@link org.il2sim.tissue.TregMicroDomains}, scenario B4 in space (Tregs and self-reactive CD4 T cells with
 * per-cell receptors around antigen-presenting cells; schedule: cells act, exchange with the grid, the field
 * diffuses, cells divide, die and are primed). This package may use {@code core} and {@code models}, never
 * {@code io} or {@code cli}.
 */
package org.il2sim.tissue;
