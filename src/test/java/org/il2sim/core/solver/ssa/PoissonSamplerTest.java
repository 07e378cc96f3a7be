package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moments and distribution of {@link PoissonSampler} on both sides of the switch to PTRS. For Poisson(l):
 * Var(Xbar) = l / n and Var(S^2) = (mu_4 - sigma^4) / n = (l + 2 l^2) / n, giving Z and Y scores held to 4 and 5;
 * where the support is small enough, a chi-square goodness-of-fit test must not reject at the 0.1% level.
 */
class PoissonSamplerTest {

    static final int N = 200_000;

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.7, 4, 9.99, 10, 17.3, 150, 1e4, 1e7})
    void momentsMatch(double lambda) {
        SplittableRandom rng = new SplittableRandom(Double.doubleToLongBits(lambda));
        double[] sample = new double[N];
        double sum = 0;
        for (int k = 0; k < N; k++) {
            sample[k] = PoissonSampler.sample(rng, lambda);
            assertThat(sample[k]).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(sample[k]));
            sum += sample[k];
        }
        double mean = sum / N;
        double ss = 0;
        for (double v : sample) {
            ss += (v - mean) * (v - mean);
        }
        double variance = ss / (N - 1);
        double z = (mean - lambda) / Math.sqrt(lambda / N);
        double y = (variance - lambda) / Math.sqrt((lambda + 2 * lambda * lambda) / N);
        assertThat(Math.abs(z)).as("Z for mean %s", lambda).isLessThanOrEqualTo(4);
        assertThat(Math.abs(y)).as("Y for mean %s", lambda).isLessThanOrEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {3, 12, 45, 400})
    void distributionFits(double lambda) {
        SplittableRandom rng = new SplittableRandom(17);
        int max = (int) (lambda + 12 * Math.sqrt(lambda) + 20);
        long[] count = new long[max + 1];
        for (int k = 0; k < N; k++) {
            count[(int) Math.min(max, PoissonSampler.sample(rng, lambda))]++;
        }
        double chi2 = 0;
        int cells = 0;
        double expected = 0;
        double observed = 0;
        for (int k = 0; k <= max; k++) {
            expected += N * (k == max ? Gamma.regularizedGammaP(max, lambda) : pmf(k, lambda));
            observed += count[k];
            if (expected >= 5 && N * Gamma.regularizedGammaP(k + 1, lambda) >= 5) {
                chi2 += (observed - expected) * (observed - expected) / expected;
                cells++;
                expected = 0;
                observed = 0;
            }
        }
        if (expected > 0) {
            chi2 += (observed - expected) * (observed - expected) / expected;
            cells++;
        }
        double p = Gamma.regularizedGammaQ((cells - 1) / 2.0, chi2 / 2);
        assertThat(p).as("chi-square p for mean %s", lambda).isGreaterThan(1e-3);
    }

    private static double pmf(int k, double lambda) {
        return Math.exp(k * Math.log(lambda) - lambda - Gamma.logGamma(k + 1.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsInvalidMeans(double lambda) {
        assertThatThrownBy(() -> PoissonSampler.sample(new SplittableRandom(1), lambda))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
