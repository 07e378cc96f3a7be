package org.il2sim.core.solver.ode;

/**
 * In-place LU factorisation with partial pivoting of a dense n×n matrix stored row-major in a flat array
 * (Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 3.4.1, "kij" Gaussian elimination).
 *
 * <p>Hand-written rather than Hipparchus' {@code LUDecomposition} because that class copies the matrix into a
 * freshly allocated {@code double[][]} on every factorisation and allocates the solution vector on every solve; the
 * BDF Newton iteration factors and solves many times per run and must not allocate in its hot loop. A flat row-major
 * array also keeps the inner update loop contiguous in memory.
 */
final class DenseLu {

    private final int n;
    private final double[] a;
    private final int[] pivot;

    DenseLu(int n) {
        this.n = n;
        this.a = new double[n * n];
        this.pivot = new int[n];
    }

    int dimension() {
        return n;
    }

    /** The row-major matrix buffer: fill it, then call {@link #factor()}, which overwrites it with L and U. */
    double[] matrix() {
        return a;
    }

    /**
     * Factors PA = LU in place (unit lower L below the diagonal, U on and above it).
     *
     * @return false when a pivot is exactly zero or not finite (the matrix is singular to working precision)
     */
    boolean factor() {
        for (int k = 0; k < n; k++) {
            // partial pivoting: largest magnitude in column k at or below the diagonal
            int p = k;
            double max = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (!(max > 0) || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                int rk = k * n;
                int rp = p * n;
                for (int j = 0; j < n; j++) {
                    double tmp = a[rk + j];
                    a[rk + j] = a[rp + j];
                    a[rp + j] = tmp;
                }
            }
            int rk = k * n;
            double inv = 1.0 / a[rk + k];
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double lik = a[ri + k];
                if (lik == 0) {
                    continue; // common in banded/sparse-ish systems; skips a whole row update
                }
                lik *= inv;
                a[ri + k] = lik;
                for (int j = k + 1; j < n; j++) {
                    a[ri + j] -= lik * a[rk + j];
                }
            }
        }
        return true;
    }

    /** Solves A x = b in place using the last factorisation. */
    void solve(double[] b) {
        // apply the row interchanges, then forward substitution with unit L
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double tmp = b[k];
                b[k] = b[p];
                b[p] = tmp;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s / a[ri + i];
        }
    }
}
