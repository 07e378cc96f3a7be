package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.StochasticSystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour that every method in this package shares: stopping, resetting, reproducibility, bad input. */
class ExactMethodContractTest {

    static Stream<StochasticMethod> methods() {
        return Stream.of(new DirectMethod(), new NextReactionMethod(), new TauLeapingMethod());
    }

    static Stream<StochasticMethod> exactMethods() {
        return Stream.of(new DirectMethod(), new NextReactionMethod());
    }

    static MassAction conversion() {
        return new MassAction("A", "B").reaction("A -> B", 2.0);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void zeroTotalPropensityStopsCleanlyAtTheStopTime(StochasticMethod method) {
        StochasticRun run = method.start(conversion(), 0, new double[] {5, 0}, new SplittableRandom(1));
        run.advanceTo(100);
        assertThat(run.time()).isEqualTo(100);
        assertThat(run.state()).containsExactly(0, 5);
        assertThat(run.events()).isEqualTo(5);
        run.advanceTo(250);
        assertThat(run.time()).isEqualTo(250);
        assertThat(run.events()).isEqualTo(5);

        StochasticRun idle = method.start(conversion(), 3, new double[] {0, 7}, new SplittableRandom(1));
        idle.advanceTo(3); // a zero-length advance is allowed
        idle.advanceTo(10);
        assertThat(idle.time()).isEqualTo(10);
        assertThat(idle.state()).containsExactly(0, 7);
        assertThat(idle.events()).isZero();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void systemWithoutReactionsOnlyAdvancesTime(StochasticMethod method) {
        StochasticRun run = method.start(new MassAction("A"), 0, new double[] {4}, new SplittableRandom(1));
        run.advanceTo(1);
        assertThat(run.time()).isEqualTo(1);
        assertThat(run.state()).containsExactly(4);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void resetReplacesStateAndPropensities(StochasticMethod method) {
        StochasticRun run = method.start(conversion(), 0, new double[] {5, 0}, new SplittableRandom(2));
        run.advanceTo(50);
        run.reset(new double[] {3, 0});
        assertThat(run.time()).isEqualTo(50);
        run.advanceTo(100);
        assertThat(run.state()).containsExactly(0, 3);
        assertThat(run.events()).isEqualTo(8);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void sameSeedGivesSameTrajectory(StochasticMethod method) {
        MassAction system = new MassAction("P", "P2").reaction("2P -> P2", 0.001).reaction("P2 -> 2P", 0.01);
        double[][] first = sample(method, system, 42);
        double[][] second = sample(method, system, 42);
        double[][] other = sample(method, system, 43);
        assertThat(second).isDeepEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static double[][] sample(StochasticMethod method, StochasticSystem system, long seed) {
        StochasticRun run = method.start(system, 0, new double[] {300, 0}, new SplittableRandom(seed));
        double[][] out = new double[20][];
        for (int k = 0; k < out.length; k++) {
            run.advanceTo(k + 1);
            out[k] = run.state().clone();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("exactMethods")
    void trajectoryDoesNotDependOnTheOutputGrid(StochasticMethod method) {
        // exact methods keep their pending event across stop times, so a seed fixes the whole path
        MassAction system = new MassAction("X").reaction("-> X", 10).reaction("X ->", 0.1);
        StochasticRun coarse = method.start(system, 0, new double[] {0}, new SplittableRandom(9));
        StochasticRun fine = method.start(system, 0, new double[] {0}, new SplittableRandom(9));
        coarse.advanceTo(20);
        for (int k = 1; k <= 2000; k++) {
            fine.advanceTo(k * 0.01);
        }
        assertThat(fine.state()).containsExactly(coarse.state());
        assertThat(fine.events()).isEqualTo(coarse.events());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void rejectsBadInput(StochasticMethod method) {
        assertThatThrownBy(() -> method.start(conversion(), 0, new double[] {1}, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        StochasticRun run = method.start(conversion(), 1, new double[] {1, 0}, new SplittableRandom(1));
        assertThatThrownBy(() -> run.advanceTo(0.5)).isInstanceOf(IllegalArgumentException.class);
        StochasticSystem negative = new MassAction("A").reaction("A ->", -1.0);
        assertThatThrownBy(() -> method.start(negative, 0, new double[] {3}, new SplittableRandom(1)).advanceTo(1))
                .isInstanceOf(SolverException.class).hasMessageContaining("propensity");
    }

    @ParameterizedTest
    @MethodSource("exactMethods")
    void piecewiseConstantTimeDependenceConvergesToTheInhomogeneousPoissonProcess(StochasticMethod method) {
        // immigration at rate alpha (1 + sin t): X(t) ~ Poisson(alpha (t + 1 - cos t)) exactly
        double alpha = 20;
        double refresh = 1e-3;
        StochasticMethod m = method instanceof DirectMethod ? new DirectMethod(refresh) : new NextReactionMethod(refresh);
        MassAction system = new MassAction("X").reaction("-> X", alpha, t -> 1 + Math.sin(t));
        double[] times = {2, 5};
        int n = 4000;
        Ensemble.Result r = new Ensemble(m, system, 2, false).run(0, new double[] {0}, times, n, 11);
        for (int k = 0; k < times.length; k++) {
            double lambda = alpha * (times[k] + 1 - Math.cos(times[k]));
            // freezing a(t) for at most `refresh` shifts the mean by at most refresh * max|a'| * t (|a'| <= alpha)
            double bias = refresh * alpha * times[k];
            assertThat(Math.abs(r.mean()[k][0] - lambda)).as("%s mean at t = %s", m.name(), times[k])
                    .isLessThanOrEqualTo(3 * Math.sqrt(lambda / n) + bias);
            assertThat(Math.abs(Dsmts.y(r.variance()[k][0], Math.sqrt(lambda), n)))
                    .as("%s variance at t = %s", m.name(), times[k]).isLessThanOrEqualTo(5);
        }
    }
}
