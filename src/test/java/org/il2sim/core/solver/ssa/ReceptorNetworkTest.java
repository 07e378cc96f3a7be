package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;
import org.junit.jupiter.api.Test;

/**
 * The DSMTS models have two reactions, which barely exercise the dependency graph. Here the 20-reaction receptor
 * network of {@link SsaBenchmark} is run with the direct method and the next reaction method and compared with a
 * reference direct method that recomputes every propensity after every event (Gillespie 1977 verbatim), so a missing
 * dependency edge or a stale propensity would show as a biased mean. Two-sample Z = (m1 - m2) / sqrt(v1/n + v2/n)
 * over 9 species x 3 times x 2 comparisons; |Z| <= 4 keeps the family-wise false-alarm rate below 0.4%.
 */
class ReceptorNetworkTest {

    static final int N = 1500;
    static final double[] TIMES = {2, 10, 25};
    /** A tenth of the benchmark's counts keeps the fast binding equilibria at a few hundred events per time unit. */
    static final double[] X0 = {500, 200, 100, 100, 0, 0, 0, 0, 0};

    /** The textbook direct method without any caching, as a reference. */
    static final class ReferenceDirectMethod implements StochasticMethod {
        @Override
        public String name() {
            return "reference";
        }

        @Override
        public StochasticRun start(StochasticSystem system, double t0, double[] x0, RandomGenerator rng) {
            double[] x = x0.clone();
            double[] a = new double[system.reactionCount()];
            return new StochasticRun() {
                double t = t0;
                long events;

                @Override
                public double time() {
                    return t;
                }

                @Override
                public double[] state() {
                    return x;
                }

                @Override
                public void advanceTo(double tStop) {
                    while (fireNext(tStop)) {
                        // one reaction at a time
                    }
                }

                @Override
                public boolean fireNext(double tStop) {
                    double a0 = 0;
                    for (int j = 0; j < a.length; j++) {
                        a[j] = system.propensity(j, x, t);
                        a0 += a[j];
                    }
                    double tau = a0 > 0 ? -Math.log(1 - rng.nextDouble()) / a0 : Double.POSITIVE_INFINITY;
                    if (t + tau > tStop) {
                        t = tStop;
                        return false;
                    }
                    t += tau;
                    double r = rng.nextDouble() * a0;
                    int j = 0;
                    for (double sum = a[0]; sum <= r && j < a.length - 1; sum += a[++j]) {
                        // find the smallest j with a[0] + ... + a[j] > r
                    }
                    int[] s = system.changedSpecies(j);
                    double[] d = system.changes(j);
                    for (int k = 0; k < s.length; k++) {
                        x[s[k]] += d[k];
                    }
                    events++;
                    return true;
                }

                @Override
                public void reset(double[] newState) {
                    System.arraycopy(newState, 0, x, 0, x.length);
                }

                @Override
                public long events() {
                    return events;
                }
            };
        }
    }

    @Test
    void directAndNextReactionMethodsAgreeWithTheUncachedReference() {
        MassAction network = SsaBenchmark.receptorNetwork();
        Ensemble.Result reference = run(new ReferenceDirectMethod(), network, 1);
        Ensemble.Result direct = run(new DirectMethod(), network, 2);
        Ensemble.Result nrm = run(new NextReactionMethod(), network, 3);
        double worst = 0;
        for (Ensemble.Result r : new Ensemble.Result[] {direct, nrm}) {
            for (int k = 0; k < TIMES.length; k++) {
                for (int i = 0; i < network.speciesCount(); i++) {
                    double se = Math.sqrt((r.variance()[k][i] + reference.variance()[k][i]) / N);
                    double z = se == 0 ? 0 : (r.mean()[k][i] - reference.mean()[k][i]) / se;
                    worst = Math.max(worst, Math.abs(z));
                    assertThat(Math.abs(z)).as("%s, t = %s", network.speciesName(i), TIMES[k]).isLessThanOrEqualTo(4);
                }
            }
        }
        System.out.printf("receptor network: worst two-sample |Z| = %.2f, %.0f events per run%n", worst,
                (double) reference.events() / N);
        assertThat(reference.mean()[2][7]).isPositive(); // the full complex does form
    }

    private static Ensemble.Result run(StochasticMethod method, MassAction network, long seed) {
        return new Ensemble(method, network, 2, false).run(0, X0, TIMES, N, seed);
    }
}
