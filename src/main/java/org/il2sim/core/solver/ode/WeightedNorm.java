package org.il2sim.core.solver.ode;

/**
 * The weighted root-mean-square norm used for all error control, ||v|| = sqrt(mean((v_i w_i)^2)) with
 * w_i = 1 / (rtol |y_i| + atol) (Hindmarsh et al., ACM TOMS 31:363, 2005, CVODE section).
 */
final class WeightedNorm {

    private WeightedNorm() {
    }

    /** Writes the error weights for state y. */
    static void weights(double[] y, double rtol, double atol, double[] w) {
        for (int i = 0; i < y.length; i++) {
            double scale = rtol * Math.abs(y[i]) + atol;
            // atol = 0 with a zero component would give an infinite weight (and 0 * inf = NaN); use a huge one
            w[i] = scale > 0 ? 1.0 / scale : 1e300;
        }
    }

    static double norm(double[] v, double[] w) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double e = v[i] * w[i];
            s += e * e;
        }
        return Math.sqrt(s / v.length);
    }

    /** Norm of a - c b without a temporary array. */
    static double normOfDifference(double[] a, double c, double[] b, double[] w) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double e = (a[i] - c * b[i]) * w[i];
            s += e * e;
        }
        return Math.sqrt(s / a.length);
    }

    /** Index of the component with the largest weighted magnitude, for error messages. */
    static int largest(double[] v, double[] w) {
        int best = 0;
        double max = -1;
        for (int i = 0; i < v.length; i++) {
            double e = Math.abs(v[i] * w[i]);
            if (!(e <= max)) { // also picks NaN
                max = e;
                best = i;
                if (Double.isNaN(e)) {
                    break;
                }
            }
        }
        return best;
    }

    /** Index of the first component that is NaN or infinite, or -1. */
    static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }
}
