package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.hipparchus.special.Gamma;
import org.il2sim.core.solver.StochasticMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A <-> B with rates k1 A and k2 B and N molecules all starting as A. Each molecule flips independently as a
 * two-state Markov chain, so A(t) ~ Binomial(N, p(t)) exactly, with p(t) = k2/(k1+k2) + k1/(k1+k2) e^{-(k1+k2)t};
 * at t = 5 (e^{-15}) this is the stationary Binomial(N, k2/(k1+k2)). A chi-square goodness-of-fit test over
 * {@value #REPLICATES} replicates (cells with expected count below 5 pooled) must not reject at the 0.1% level.
 */
class IsomerisationTest {

    static final int N = 40;
    static final double K1 = 1.0;
    static final double K2 = 1.5;
    static final int REPLICATES = 4000;

    static Stream<StochasticMethod> exactMethods() {
        return Stream.of(new DirectMethod(), new NextReactionMethod());
    }

    @ParameterizedTest
    @MethodSource("exactMethods")
    void countOfAIsBinomialAtAllTimes(StochasticMethod method) {
        MassAction system = new MassAction("A", "B").reaction("A -> B", K1).reaction("B -> A", K2);
        double[] times = {0.2, 0.7, 5.0};
        Ensemble.Result r = new Ensemble(method, system, 2, true).run(0, new double[] {N, 0}, times, REPLICATES, 7);
        for (int k = 0; k < times.length; k++) {
            double p = K2 / (K1 + K2) + K1 / (K1 + K2) * Math.exp(-(K1 + K2) * times[k]);
            long[] observed = new long[N + 1];
            for (double[][] trajectory : r.trajectories()) {
                assertThat(trajectory[k][0] + trajectory[k][1]).isEqualTo(N);
                observed[(int) trajectory[k][0]]++;
            }
            double pValue = chiSquarePValue(observed, p);
            System.out.printf("isomerisation %s t=%.1f: chi-square p = %.3f%n", method.name(), times[k], pValue);
            assertThat(pValue).as("%s at t = %s", method.name(), times[k]).isGreaterThan(1e-3);
        }
    }

    /** Pearson's test of counts against Binomial(N, p), pooling adjacent cells until each expects >= 5. */
    static double chiSquarePValue(long[] observed, double p) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double chi2 = 0;
        int cells = 0;
        double expectedPool = 0;
        double observedPool = 0;
        for (int a = 0; a <= N; a++) {
            expectedPool += n * binomialPmf(a, p);
            observedPool += observed[a];
            if (expectedPool >= 5 && tailExpectation(a + 1, p, n) >= 5) {
                chi2 += sq(observedPool - expectedPool) / expectedPool;
                cells++;
                expectedPool = 0;
                observedPool = 0;
            }
        }
        chi2 += sq(observedPool - expectedPool) / expectedPool; // last pool holds the upper tail
        cells++;
        return Gamma.regularizedGammaQ((cells - 1) / 2.0, chi2 / 2);
    }

    private static double tailExpectation(int from, double p, long n) {
        double sum = 0;
        for (int a = from; a <= N; a++) {
            sum += binomialPmf(a, p);
        }
        return n * sum;
    }

    static double binomialPmf(int a, double p) {
        double logChoose = Gamma.logGamma(N + 1.0) - Gamma.logGamma(a + 1.0) - Gamma.logGamma(N - a + 1.0);
        return Math.exp(logChoose + a * Math.log(p) + (N - a) * Math.log1p(-p));
    }

    private static double sq(double v) {
        return v * v;
    }
}
