package org.il2sim.core.analysis;

import java.util.function.Function;
import java.util.function.IntConsumer;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.ValueAndJacobianFunction;
import org.hipparchus.util.Pair;
import org.il2sim.core.parallel.Parallel;

/**
 * Least squares over positive parameters, fitted as their logarithms so they stay positive and rates spanning
 * decades are scaled alike (Levenberg–Marquardt, Hipparchus). An optional Gaussian penalty in log space,
 * (ln p − ln p₀)/σ per parameter, turns the fit into a maximum a posteriori estimate under log-normal priors: this is
 * how the γc anchor's own fit was regularised. The Jacobian is by forward differences in ln p, its columns computed
 * in parallel (each column is one independent model evaluation, usually a batch of ODE solves), and only at the
 * points the optimiser accepts (lazy evaluation).
 */
public final class LogLeastSquares {

    /** Relative step of the forward differences, in ln p. */
    private static final double STEP = 1e-4;

    /**
     * @param estimate fitted values
     * @param lower95 lower end of the approximate 95% interval (Gauss–Newton covariance in ln p, data residuals only)
     * @param upper95 upper end
     * @param startCost sum of squared data residuals at the start
     * @param cost sum of squared data residuals at the estimate
     * @param residuals data residuals at the estimate
     * @param evaluations model evaluations used
     */
    public record Result(double[] estimate, double[] lower95, double[] upper95, double startCost, double cost,
                         double[] residuals, int evaluations, int iterations, boolean converged) {
    }

    private LogLeastSquares() {
    }

    /**
     * @param residuals data residuals (model − data, scaled as wanted) for a parameter vector in natural units
     * @param start starting values (> 0)
     * @param priorCentre centres of the log-normal penalties (> 0); null for none
     * @param priorSigma their standard deviations in ln p (> 0; infinite for no penalty on a parameter)
     * @param threads worker threads for the Jacobian columns
     */
    public static Result fit(Function<double[], double[]> residuals, double[] start, double[] priorCentre,
                             double[] priorSigma, int maxIterations, int threads) {
        int n = start.length;
        for (double s : start) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("start values must be positive and finite");
            }
        }
        int penalties = priorCentre == null ? 0 : n;
        int[] evaluations = {0};
        Function<double[], double[]> full = logP -> {
            double[] p = exp(logP);
            double[] r = residuals.apply(p);
            double[] out = new double[r.length + penalties];
            System.arraycopy(r, 0, out, 0, r.length);
            for (int k = 0; k < penalties; k++) {
                out[r.length + k] = Double.isInfinite(priorSigma[k]) ? 0
                        : (logP[k] - Math.log(priorCentre[k])) / priorSigma[k];
            }
            return out;
        };
        Best best = new Best();
        Model model = new Model(full, threads, evaluations, best);
        double[] first = model.values(log(start));
        int m = first.length - penalties;
        double[] r0 = java.util.Arrays.copyOf(first, m);
        // lazy evaluation: the optimiser asks for residuals at trial points and for the Jacobian (n more model runs)
        // only at the points it accepts
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(log(start))
                .target(new double[m + penalties])
                .model(model)
                .lazyEvaluation(true)
                .maxEvaluations(Integer.MAX_VALUE)
                .maxIterations(maxIterations)
                .build();
        double[] logEstimate;
        int iterations;
        boolean converged = true;
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(problem);
            logEstimate = opt.getPoint().toArray();
            iterations = opt.getIterations();
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            if (e.getSpecifier() != org.hipparchus.exception.LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                throw e;
            }
            // the iteration limit: the best point evaluated so far is the answer, reported as not converged
            logEstimate = best.point;
            iterations = maxIterations;
            converged = false;
        }
        double[] estimate = exp(logEstimate);
        // usually the optimiser's last point, so the model's cached value (the interval's Jacobian reuses it too)
        double[] r = java.util.Arrays.copyOf(model.values(logEstimate), m);
        double cost = sumOfSquares(r);
        double[] lower = new double[n];
        double[] upper = new double[n];
        interval(model, logEstimate, m, penalties > 0, cost, lower, upper);
        return new Result(estimate, lower, upper, sumOfSquares(r0), cost, r, evaluations[0], iterations, converged);
    }

    /** The point of lowest penalised cost the optimiser has evaluated. */
    private static final class Best {
        double[] point;
        double cost = Double.POSITIVE_INFINITY;

        void offer(double[] x, double[] values) {
            double c = sumOfSquares(values);
            if (c < cost) {
                cost = c;
                point = x.clone();
            }
        }
    }

    /**
     * 95% intervals from the Gauss–Newton covariance of the data residuals, σ²(JᵀJ)⁻¹ with σ² = cost/(m − n). When
     * the data alone leave JᵀJ singular (a parameter no data point depends on) and there are penalties, the penalty
     * rows are included, so such a parameter gets its prior's width instead of every interval becoming NaN.
     */
    private static void interval(Model model, double[] logP, int m, boolean penalised, double cost, double[] lower,
                                 double[] upper) {
        int n = logP.length;
        Pair<RealVector, RealMatrix> vj = model.value(new ArrayRealVector(logP, false));
        RealMatrix j = vj.getSecond().getSubMatrix(0, m - 1, 0, n - 1);
        double sigma2 = m > n ? cost / (m - n) : Double.NaN;
        RealMatrix cov;
        try {
            cov = new org.hipparchus.linear.QRDecomposition(j.transpose().multiply(j), 1e-14).getSolver().getInverse();
        } catch (RuntimeException singular) {
            if (!penalised) {
                java.util.Arrays.fill(lower, Double.NaN);
                java.util.Arrays.fill(upper, Double.NaN);
                return;
            }
            // posterior precision: data rows weighted by 1/σ², penalty rows (already in units of their σ) by 1
            RealMatrix penalty = vj.getSecond().getSubMatrix(m, vj.getSecond().getRowDimension() - 1, 0, n - 1);
            RealMatrix precision = j.transpose().multiply(j).scalarMultiply(1 / sigma2)
                    .add(penalty.transpose().multiply(penalty));
            try {
                cov = new org.hipparchus.linear.QRDecomposition(precision, 1e-14).getSolver().getInverse()
                        .scalarMultiply(1 / sigma2); // undone by the σ² below
            } catch (RuntimeException stillSingular) {
                java.util.Arrays.fill(lower, Double.NaN);
                java.util.Arrays.fill(upper, Double.NaN);
                return;
            }
        }
        for (int k = 0; k < n; k++) {
            double sd = Math.sqrt(sigma2 * cov.getEntry(k, k));
            lower[k] = Double.isFinite(sd) ? Math.exp(logP[k] - 1.96 * sd) : Double.NaN;
            upper[k] = Double.isFinite(sd) ? Math.exp(logP[k] + 1.96 * sd) : Double.NaN;
        }
    }

    /**
     * The penalised residuals in ln p and their forward-difference Jacobian (columns in parallel). The last value is
     * kept, so the Jacobian at a point whose residuals were just computed costs n runs, not n + 1.
     */
    private static final class Model implements ValueAndJacobianFunction {
        private final Function<double[], double[]> full;
        private final int threads;
        private final int[] evaluations;
        private final Best best;
        private double[] lastPoint;
        private double[] lastValue;

        Model(Function<double[], double[]> full, int threads, int[] evaluations, Best best) {
            this.full = full;
            this.threads = threads;
            this.evaluations = evaluations;
            this.best = best;
        }

        double[] values(double[] x) {
            if (lastPoint != null && java.util.Arrays.equals(x, lastPoint)) {
                return lastValue;
            }
            double[] f = full.apply(x);
            evaluations[0]++;
            best.offer(x, f);
            lastPoint = x.clone();
            lastValue = f;
            return f;
        }

        @Override
        public RealVector computeValue(double[] x) {
            return new ArrayRealVector(values(x), true);
        }

        @Override
        public RealMatrix computeJacobian(double[] x) {
            int n = x.length;
            double[] value = values(x);
            double[][] columns = new double[n][];
            IntConsumer column = k -> {
                double[] xk = x.clone();
                xk[k] += STEP;
                columns[k] = full.apply(xk);
            };
            Parallel.forEach(n, threads, column::accept);
            evaluations[0] += n;
            double[][] jac = new double[value.length][n];
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < value.length; i++) {
                    jac[i][k] = (columns[k][i] - value[i]) / STEP;
                }
            }
            return new Array2DRowRealMatrix(jac, false);
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] x = point.toArray();
            return new Pair<>(computeValue(x), computeJacobian(x));
        }
    }

    private static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }

    private static double[] log(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.log(p[i]);
        }
        return out;
    }

    private static double[] exp(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.exp(p[i]);
        }
        return out;
    }
}
