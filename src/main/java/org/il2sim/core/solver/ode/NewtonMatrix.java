package org.il2sim.core.solver.ode;

/**
 * The iteration matrix M = I - γJ of the BDF modified Newton iteration (Hindmarsh et al., ACM TOMS 31:363, 2005,
 * CVODE section): it keeps the last Jacobian J so that M can be re-formed for a new γ without re-evaluating J.
 */
interface NewtonMatrix {

    /** Unit roundoff (half machine epsilon, as in the CVODE paper). */
    double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    /**
     * Evaluates and stores J = df/dy at (t, y), analytically when the system offers it, else by finite differences.
     *
     * @param fy f(t, y), already evaluated
     * @param h the current step size, which sets the smallest finite-difference increment
     * @param weights error weights 1 / (rtol |y_i| + atol)
     */
    void evaluateJacobian(double t, double[] y, double[] fy, double h, double[] weights);

    /**
     * Forms and factors I - γJ with the stored J.
     *
     * @return false when it is singular
     */
    boolean factor(double gamma);

    /** Solves (I - γJ) x = b in place with the last factorisation. */
    void solve(double[] b);

    /**
     * The smallest increment parameter σ0 = 1000 |h| U N ||f||_WRMS of the difference-quotient Jacobian (Hindmarsh
     * et al. 2005, CVODE section, difference-quotient Jacobian); column j is perturbed by max(sqrt(U) |y_j|, σ0 / w_j).
     */
    static double minimumIncrement(double h, double[] fy, double[] weights) {
        double fnorm = WeightedNorm.norm(fy, weights);
        double s = 1000 * Math.abs(h) * UNIT_ROUNDOFF * fy.length * fnorm;
        return s > 0 ? s : 1.0;
    }

    static double increment(double yj, double weight, double minInc) {
        return Math.max(Math.sqrt(UNIT_ROUNDOFF) * Math.abs(yj), minInc / weight);
    }
}
