package org.il2sim.core.analysis;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Four-parameter Hill (log-logistic) fit of a dose-response curve,
 * y = bottom + (top - bottom) / (1 + (EC50 / x)^n), by Levenberg-Marquardt least squares (Hipparchus), with the
 * EC50 fitted on a log scale so it stays positive. A fit that fails or lands outside the dose range's neighbourhood
 * is reported as NaN rather than a misleading number.
 */
public final class HillFit {

    /** The fitted curve; NaN fields when the fit failed. */
    public record Result(double ec50, double hill, double top, double bottom) {
        public static final Result FAILED = new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** Emax: the span of the response, top - bottom. */
        public double emax() {
            return top - bottom;
        }
    }

    private HillFit() {
    }

    public static Result fit(double[] doses, double[] responses) {
        int n = doses.length;
        if (n < 4) {
            return Result.FAILED;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double y : responses) {
            if (!Double.isFinite(y)) {
                return Result.FAILED;
            }
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        if (!(max > min)) {
            return Result.FAILED;
        }
        double scale = max - min;
        double half = min + 0.5 * scale;
        double guess = Math.sqrt(doses[0] * doses[n - 1]);
        for (int i = 0; i + 1 < n; i++) {
            if ((responses[i] - half) * (responses[i + 1] - half) <= 0) {
                guess = Math.sqrt(doses[i] * doses[i + 1]);
                break;
            }
        }
        double[] logDose = new double[n];
        for (int i = 0; i < n; i++) {
            logDose[i] = Math.log(doses[i]);
        }
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = (responses[i] - min) / scale; // fit in a unit range: conditioning
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {Math.log(guess), 1.0, 1.0, 0.0})
                .model(p -> model(p, logDose))
                .target(target)
                .maxEvaluations(10_000).maxIterations(10_000)
                .build();
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
            double[] p = opt.getPoint().toArray();
            double ec50 = Math.exp(p[0]);
            if (!Double.isFinite(ec50) || ec50 < doses[0] * 1e-3 || ec50 > doses[n - 1] * 1e3 || !(p[1] > 0)) {
                return Result.FAILED;
            }
            return new Result(ec50, p[1], min + p[2] * scale, min + p[3] * scale);
        } catch (RuntimeException e) {
            return Result.FAILED;
        }
    }

    /** Values and Jacobian of the unit-range model at parameters (ln EC50, n, top, bottom). */
    private static Pair<RealVector, RealMatrix> model(RealVector params, double[] logDose) {
        double lnEc = params.getEntry(0);
        double h = params.getEntry(1);
        double top = params.getEntry(2);
        double bottom = params.getEntry(3);
        int n = logDose.length;
        double[] value = new double[n];
        double[][] jac = new double[n][4];
        for (int i = 0; i < n; i++) {
            // u = (EC50/x)^n = exp(n (lnEC50 - ln x)); f = bottom + (top-bottom)/(1+u)
            double u = Math.exp(h * (lnEc - logDose[i]));
            double g = 1 / (1 + u);
            value[i] = bottom + (top - bottom) * g;
            double dgdu = -g * g;
            jac[i][0] = (top - bottom) * dgdu * u * h;
            jac[i][1] = (top - bottom) * dgdu * u * (lnEc - logDose[i]);
            jac[i][2] = g;
            jac[i][3] = 1 - g;
        }
        return new Pair<>(new ArrayRealVector(value), new Array2DRowRealMatrix(jac, false));
    }
}
