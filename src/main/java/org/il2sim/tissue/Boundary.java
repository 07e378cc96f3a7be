package org.il2sim.tissue;

/** Boundary condition of a {@link DiffusionGrid}, the same on all six faces. */
public enum Boundary {
    /** Reflecting walls: no flux through the faces of the outer voxels (homogeneous Neumann). */
    NO_FLUX,
    /** Each face is joined to the opposite one (a torus). */
    PERIODIC
}
