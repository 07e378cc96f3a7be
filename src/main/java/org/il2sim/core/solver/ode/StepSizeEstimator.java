package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeSystem;

/**
 * Initial step size for an order-1 start, by the algorithm of Hairer, Nørsett &amp; Wanner (Solving ODEs I, 2nd
 * ed., section II.4, "starting step size") with p = 1: a first guess from ||y0|| / ||f0||, refined by an
 * estimate of the second derivative from one explicit Euler step. Norms are the weighted RMS norms of the error test.
 */
final class StepSizeEstimator {

    private final OdeSystem system;
    private final double[] y1;
    private final double[] f1;

    StepSizeEstimator(OdeSystem system) {
        this.system = system;
        this.y1 = new double[system.dimension()];
        this.f1 = new double[system.dimension()];
    }

    /**
     * @param f0 f(t0, y0)
     * @param hLimit largest acceptable step (distance to tStop, maximum step size)
     */
    double estimate(double t0, double[] y0, double[] f0, double[] weights, double hLimit) {
        int n = y0.length;
        double d0 = WeightedNorm.norm(y0, weights);
        double d1 = WeightedNorm.norm(f0, weights);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, hLimit);
        for (int i = 0; i < n; i++) {
            y1[i] = y0[i] + h0 * f0[i];
        }
        system.derivatives(t0 + h0, y1, f1);
        double d2 = WeightedNorm.normOfDifference(f1, 1.0, f0, weights) / h0;
        double dmax = Math.max(d1, d2);
        double h1 = (dmax <= 1e-15 || !Double.isFinite(dmax)) ? Math.max(1e-6, h0 * 1e-3) : Math.sqrt(0.01 / dmax);
        double h = Math.min(100 * h0, h1);
        h = Math.min(h, hLimit);
        // guard against a step too small to change t
        double minimum = 16 * Math.ulp(Math.max(Math.abs(t0), Math.abs(t0 + hLimit)));
        return Math.max(h, Math.min(minimum, hLimit));
    }
}
