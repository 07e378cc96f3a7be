package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeSystem;

/**
 * Dense iteration matrix: the Jacobian is analytic when {@link OdeSystem#jacobian} returns true, otherwise a
 * column-by-column forward difference (n extra evaluations) with the CVODE increment (see
 * {@link NewtonMatrix#minimumIncrement}); factorisation by {@link DenseLu}. All storage is allocated up front.
 */
final class DenseNewtonMatrix implements NewtonMatrix {

    private final OdeSystem system;
    private final int n;
    private final double[] jac; // row-major J
    private final DenseLu lu;
    private final double[] yWork;
    private final double[] fWork;
    private boolean analytic = true;

    DenseNewtonMatrix(OdeSystem system) {
        this.system = system;
        this.n = system.dimension();
        this.jac = new double[n * n];
        this.lu = new DenseLu(n);
        this.yWork = new double[n];
        this.fWork = new double[n];
    }

    /** The stored Jacobian, row-major (visible for tests). */
    double[] jacobian() {
        return jac;
    }

    /** Forces finite differences even when the system has an analytic Jacobian (for tests and comparisons). */
    void useFiniteDifferences() {
        analytic = false;
    }

    @Override
    public void evaluateJacobian(double t, double[] y, double[] fy, double h, double[] weights) {
        if (analytic && system.jacobian(t, y, jac)) {
            return;
        }
        analytic = false; // the system said it has none; do not ask again
        double minInc = NewtonMatrix.minimumIncrement(h, fy, weights);
        System.arraycopy(y, 0, yWork, 0, n);
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            double inc = NewtonMatrix.increment(yj, weights[j], minInc);
            yWork[j] = yj + inc;
            inc = yWork[j] - yj; // the increment actually representable
            if (inc == 0) {
                inc = Math.sqrt(UNIT_ROUNDOFF) * Math.max(1.0, Math.abs(yj));
                yWork[j] = yj + inc;
                inc = yWork[j] - yj;
            }
            system.derivatives(t, yWork, fWork);
            double inv = 1.0 / inc;
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = (fWork[i] - fy[i]) * inv;
            }
            yWork[j] = yj;
        }
    }

    @Override
    public boolean factor(double gamma) {
        double[] m = lu.matrix();
        for (int k = 0; k < n * n; k++) {
            m[k] = -gamma * jac[k];
        }
        for (int i = 0; i < n; i++) {
            m[i * n + i] += 1.0;
        }
        return lu.factor();
    }

    @Override
    public void solve(double[] b) {
        lu.solve(b);
    }
}
