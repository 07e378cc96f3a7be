package org.il2sim.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The log-space least-squares fitter against models whose answer is known. */
class LogLeastSquaresTest {

    /** y = A·exp(−k t) sampled without noise: the fit recovers A and k from a start a decade off. */
    @Test
    void recoversAnExponentialDecayExactly() {
        double[] t = {0, 0.5, 1, 2, 4, 8};
        double a = 3.0;
        double k = 0.7;
        LogLeastSquares.Result r = LogLeastSquares.fit(p -> {
            double[] out = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                out[i] = p[0] * Math.exp(-p[1] * t[i]) - a * Math.exp(-k * t[i]);
            }
            return out;
        }, new double[] {30, 0.07}, null, null, 200, 2);
        assertThat(r.estimate()[0]).isCloseTo(a, within(1e-6));
        assertThat(r.estimate()[1]).isCloseTo(k, within(1e-6));
        assertThat(r.cost()).isLessThan(1e-12);
        assertThat(r.startCost()).isGreaterThan(1);
    }

    /**
     * Linear regression through the origin, y = b·x + noise with known σ: the 95% interval of b is the textbook
     * b̂ ± 1.96·s/√Σx² (in ln b, to first order), and with a tight prior the estimate stays at the prior centre.
     */
    @Test
    void intervalsMatchLinearRegressionAndPriorsPull() {
        Random rnd = new Random(7);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i * 0.05;
            y[i] = 2.0 * x[i] + 0.1 * rnd.nextGaussian();
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        double bHat = sxy / sxx;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += Math.pow(y[i] - bHat * x[i], 2);
        }
        double se = Math.sqrt(ss / (n - 1) / sxx);
        LogLeastSquares.Result r = LogLeastSquares.fit(p -> {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = p[0] * x[i] - y[i];
            }
            return out;
        }, new double[] {1}, null, null, 100, 1);
        assertThat(r.estimate()[0]).isCloseTo(bHat, within(1e-8));
        double halfWidth = (r.upper95()[0] - r.lower95()[0]) / 2;
        assertThat(halfWidth).isCloseTo(1.96 * se, within(0.01 * 1.96 * se));

        LogLeastSquares.Result pinned = LogLeastSquares.fit(p -> {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = p[0] * x[i] - y[i];
            }
            return out;
        }, new double[] {1}, new double[] {1}, new double[] {1e-6}, 100, 1);
        assertThat(pinned.estimate()[0]).isCloseTo(1.0, within(1e-3));
    }
}
