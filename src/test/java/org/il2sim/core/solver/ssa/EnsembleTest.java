package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnsembleTest {

    static final MassAction DIMERS = new MassAction("P", "P2").reaction("2P -> P2", 0.001).reaction("P2 -> 2P", 0.01);
    static final double[] X0 = {200, 0};
    static final double[] TIMES = {0, 1, 2.5, 10, 30};

    static Stream<StochasticMethod> methods() {
        return Stream.of(new DirectMethod(), new NextReactionMethod(), new TauLeapingMethod());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void resultsDoNotDependOnTheThreadCount(StochasticMethod method) {
        // 203 replicates: many blocks of Ensemble.BLOCK plus a partial one
        Ensemble.Result one = new Ensemble(method, DIMERS, 1, true).run(0, X0, TIMES, 203, 5);
        Ensemble.Result two = new Ensemble(method, DIMERS, 2, true).run(0, X0, TIMES, 203, 5);
        Ensemble.Result five = new Ensemble(method, DIMERS, 5, true).run(0, X0, TIMES, 203, 5);
        for (Ensemble.Result other : new Ensemble.Result[] {two, five}) {
            assertThat(other.mean()).isDeepEqualTo(one.mean());
            assertThat(other.variance()).isDeepEqualTo(one.variance());
            assertThat(other.trajectories()).isDeepEqualTo(one.trajectories());
            assertThat(other.events()).isEqualTo(one.events());
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void replicateCanBeReplayedAlone(StochasticMethod method) {
        Ensemble.Result r = new Ensemble(method, DIMERS, 2, true).run(0, X0, TIMES, 70, 99);
        for (int rep : new int[] {0, 33, 69}) {
            StochasticRun run = method.start(DIMERS, 0, X0, Ensemble.replicateGenerator(99, rep));
            for (int k = 0; k < TIMES.length; k++) {
                run.advanceTo(TIMES[k]);
                assertThat(run.state()).containsExactly(r.trajectories()[rep][k]);
            }
        }
    }

    @Test
    void welfordStatisticsMatchTwoPassFormulas() {
        Ensemble.Result r = new Ensemble(new DirectMethod(), DIMERS, 2, true).run(0, X0, TIMES, 150, 3);
        for (int k = 0; k < TIMES.length; k++) {
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (double[][] t : r.trajectories()) {
                    sum += t[k][i];
                }
                double mean = sum / 150;
                double ss = 0;
                for (double[][] t : r.trajectories()) {
                    ss += (t[k][i] - mean) * (t[k][i] - mean);
                }
                assertThat(r.mean()[k][i]).isCloseTo(mean, within(1e-9 * (1 + Math.abs(mean))));
                assertThat(r.variance()[k][i]).isCloseTo(ss / 149, within(1e-9 * (1 + ss / 149)));
            }
        }
        assertThat(r.variance()[0]).containsExactly(0, 0); // the deterministic start
        assertThat(r.mean()[0]).containsExactly(X0);
    }

    @Test
    void withoutTrajectoriesNoneAreKeptAndSeedsMatter() {
        Ensemble e = new Ensemble(new DirectMethod(), DIMERS, 2, false);
        Ensemble.Result a = e.run(0, X0, TIMES, 40, 1);
        Ensemble.Result b = e.run(0, X0, TIMES, 40, 2);
        assertThat(a.trajectories()).isNull();
        assertThat(a.mean()[4]).isNotEqualTo(b.mean()[4]);
        assertThat(a.replicates()).isEqualTo(40);
        assertThat(a.events()).isPositive();
    }

    @Test
    void aFailingReplicateFailsTheEnsembleWithItsOwnException() {
        MassAction broken = new MassAction("A").reaction("A ->", -1.0);
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> new Ensemble(new DirectMethod(), broken, threads, false)
                    .run(0, new double[] {5}, TIMES, 100, 1))
                    .isInstanceOf(SolverException.class).hasMessageContaining("propensity");
        }
    }

    @Test
    void rejectsBadGrids() {
        Ensemble e = new Ensemble(new DirectMethod(), DIMERS, 1, false);
        assertThatThrownBy(() -> e.run(0, X0, new double[] {1, 0.5}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.run(2, X0, new double[] {1}, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.run(0, X0, TIMES, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
