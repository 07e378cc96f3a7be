package org.il2sim.tissue;

/**
 * Implicit θ-scheme of a {@link DiffusionGrid} step: (I + θΔt·M)·c⁺ = (I − (1 − θ)Δt·M)·c + Δt·s, where
 * M = −D·Δ_h + k + u is the discrete operator (Δ_h the 7-point Laplacian, k decay, u per-voxel uptake) and s the
 * source. Both schemes are unconditionally stable for any Δt > 0 because M is symmetric positive semi-definite.
 */
public enum TimeScheme {
    /** θ = 1: first order in Δt, L-stable (no oscillation whatever the step; the safe default). */
    BACKWARD_EULER(1.0),
    /**
     * θ = ½ (Crank &amp; Nicolson, Proc. Camb. Phil. Soc. 43:50, 1947): second order in Δt, A-stable but not
     * L-stable, so a sharp initial field stepped with Δt ≫ h²/D decays with alternating sign in its fastest modes.
     */
    CRANK_NICOLSON(0.5);

    private final double theta;

    TimeScheme(double theta) {
        this.theta = theta;
    }

    /** The implicit weight θ. */
    public double theta() {
        return theta;
    }
}
