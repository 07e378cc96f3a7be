package org.il2sim.core.sim;

import org.il2sim.core.solver.SolverException;

/**
 * Damped Newton iteration for the small algebraic systems that algebraic rules and fast (equilibrium) reactions
 * add to a model: find u with R(u) = 0, starting from the last solution. The Jacobian is formed by forward
 * differences, which is fine for the few unknowns such constraints have; it is solved by Gaussian elimination with
 * partial pivoting. Per-run state; not thread-safe.
 */
final class ConstraintSolver {

    /** The residual function R(u). */
    interface Residual {
        void evaluate(double[] u, double[] r);
    }

    private static final int MAX_ITERATIONS = 100;

    private final int n;
    private final double[] r;
    private final double[] rTrial;
    private final double[] uTrial;
    private final double[] du;
    private final double[][] jac;

    ConstraintSolver(int n) {
        this.n = n;
        r = new double[n];
        rTrial = new double[n];
        uTrial = new double[n];
        du = new double[n];
        jac = new double[n][n];
    }

    /**
     * Solves R(u) = 0 in place.
     *
     * @throws SolverException when the iteration does not converge
     */
    void solve(Residual f, double[] u, double t, String what) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(u[i])) {
                u[i] = 0;
            }
        }
        f.evaluate(u, r);
        double norm = norm(r);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (norm == 0) {
                return;
            }
            jacobian(f, u);
            for (int i = 0; i < n; i++) {
                du[i] = -r[i];
            }
            if (!gaussSolve(jac, du)) {
                throw new SolverException("the constraints of " + what + " are singular (no unique solution)", t, null);
            }
            double step = 1;
            double trialNorm;
            do {
                for (int i = 0; i < n; i++) {
                    uTrial[i] = u[i] + step * du[i];
                }
                f.evaluate(uTrial, rTrial);
                trialNorm = norm(rTrial);
                step *= 0.5;
            } while (!(trialNorm <= norm) && step > 1e-6);
            boolean small = true;
            for (int i = 0; i < n; i++) {
                if (Math.abs(uTrial[i] - u[i]) > 1e-14 * Math.max(Math.abs(u[i]), 1e-300) + 1e-300) {
                    small = false;
                }
                u[i] = uTrial[i];
                r[i] = rTrial[i];
            }
            norm = trialNorm;
            if (small || norm == 0) {
                return;
            }
        }
        if (norm > 1e-9) {
            throw new SolverException("the constraints of " + what + " could not be satisfied (residual " + norm + ")",
                    t, null);
        }
    }

    private void jacobian(Residual f, double[] u) {
        for (int j = 0; j < n; j++) {
            double saved = u[j];
            double h = 1e-7 * Math.max(Math.abs(saved), 1e-6);
            u[j] = saved + h;
            f.evaluate(u, rTrial);
            u[j] = saved;
            for (int i = 0; i < n; i++) {
                jac[i][j] = (rTrial[i] - r[i]) / h;
            }
        }
    }

    private static double norm(double[] x) {
        double m = 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Solves a x = b in place (b becomes x); false when a is singular. */
    private static boolean gaussSolve(double[][] a, double[] b) {
        int n = b.length;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            if (a[p][k] == 0 || !Double.isFinite(a[p][k])) {
                return false;
            }
            double[] row = a[p];
            a[p] = a[k];
            a[k] = row;
            double tmp = b[p];
            b[p] = b[k];
            b[k] = tmp;
            for (int i = k + 1; i < n; i++) {
                double m = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= m * a[k][j];
                }
                b[i] -= m * b[k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < n; j++) {
                s -= a[k][j] * b[j];
            }
            b[k] = s / a[k][k];
        }
        return true;
    }
}
