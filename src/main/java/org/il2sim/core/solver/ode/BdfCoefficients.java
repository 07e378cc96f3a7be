package org.il2sim.core.solver.ode;

/**
 * Constant-step coefficients of the BDF methods of orders 1 to 5 in Nordsieck form.
 *
 * <p>With x = (t - t_n)/h, the corrector adds Δ·Λ_q(x) to the predicted Nordsieck polynomial, where
 * Λ_q(x) = (1 + x) Π_{i=1}^{q-1} (1 + x/(i+1)) vanishes at the q past points x = -1..-q and Λ_q(0) = 1, so the
 * corrected polynomial still interpolates the past solution values (Byrne &amp; Hindmarsh, ACM TOMS 1:71, 1975;
 * the CVODE l polynomial of Hindmarsh et al., ACM TOMS 31:363, 2005, specialised to constant step sizes). The coefficients l_j of
 * Λ_q are the "l vector"; l_1 = α_q = Σ_{j=1}^q 1/j and γ = h / l_1 is the Newton-matrix coefficient.
 *
 * <p>Error constants: with Δ = y_n - y_n(0) ≈ h^{q+1} y^{(q+1)} (predictor error), the local truncation error of
 * BDF-q is h^{q+1} y^{(q+1)} / ((q+1) α_q) (from h D = Σ_{j≥1} ∇^j / j), so the test quantity is
 * ||Δ|| / ((q+1) α_q). The same formula for orders q - 1 (using the Nordsieck entry z_q = h^q y^{(q)} / q!) and
 * q + 1 (using the difference of successive Δ ≈ h^{q+2} y^{(q+2)}) gives the estimates used for order selection,
 * as in CVODE (Hindmarsh et al. 2005, CVODE section, order selection).
 */
final class BdfCoefficients {

    static final int MAX_ORDER = 5;

    private static final double[][] L = new double[MAX_ORDER + 1][];
    private static final double[][] DECREASE = new double[MAX_ORDER + 1][];
    private static final double[] ALPHA = new double[MAX_ORDER + 2];
    private static final double[] FACTORIAL = new double[MAX_ORDER + 2];

    static {
        FACTORIAL[0] = 1;
        for (int k = 1; k <= MAX_ORDER + 1; k++) {
            FACTORIAL[k] = FACTORIAL[k - 1] * k;
            ALPHA[k] = ALPHA[k - 1] + 1.0 / k;
        }
        for (int q = 1; q <= MAX_ORDER; q++) {
            // Λ_q(x) = (1 + x) Π_{i=1}^{q-1} (1 + x/(i+1)), multiplied out factor by factor
            double[] l = new double[q + 1];
            l[0] = 1;
            l[1] = 1;
            for (int i = 1; i < q; i++) {
                double c = 1.0 / (i + 1);
                for (int j = i + 1; j >= 1; j--) {
                    l[j] += c * l[j - 1];
                }
            }
            L[q] = l;
            // x Π_{i=1}^{q-1} (x + i): the degree-q polynomial vanishing at 0, -1, ..., -(q-1) with leading
            // coefficient 1, subtracted times z_q to drop to order q-1 while keeping the interpolated values there
            double[] d = new double[q + 1];
            d[1] = 1;
            for (int i = 1; i < q; i++) {
                for (int j = i + 1; j >= 1; j--) {
                    d[j] = d[j - 1] + i * d[j];
                }
            }
            DECREASE[q] = d;
        }
    }

    private BdfCoefficients() {
    }

    /** The l vector of order q (length q + 1). */
    static double[] l(int q) {
        return L[q];
    }

    /** l_1 = α_q = Σ_{j=1}^q 1/j; γ = h / α_q. */
    static double alpha(int q) {
        return ALPHA[q];
    }

    /** Multiplier of ||Δ|| giving the estimated local error at order q. */
    static double errorCoefficient(int q) {
        return 1.0 / ((q + 1) * ALPHA[q]);
    }

    /** Multiplier of ||z_q|| giving the estimated local error had order q - 1 been used (q ≥ 2). */
    static double lowerOrderCoefficient(int q) {
        return FACTORIAL[q] / (q * ALPHA[q - 1]);
    }

    /** Multiplier of ||Δ_n - Δ_{n-1}|| giving the estimated local error at order q + 1. */
    static double higherOrderCoefficient(int q) {
        return 1.0 / ((q + 2) * ALPHA[q + 1]);
    }

    /** Coefficients (index 1..q-1 used) of the order-decrease adjustment z_j -= c_j z_q. */
    static double[] decrease(int q) {
        return DECREASE[q];
    }

    static double factorial(int k) {
        return FACTORIAL[k];
    }
}
