package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.il2sim.core.solver.StochasticSystem;
import org.junit.jupiter.api.Test;

class TauLeapingMethodTest {

    /** X decays in bursts of three molecules at rate k X: the propensity is first order but each firing takes 3. */
    static class BurstDecay implements StochasticSystem {
        @Override
        public int speciesCount() {
            return 1;
        }

        @Override
        public int reactionCount() {
            return 1;
        }

        @Override
        public double propensity(int reaction, double[] x, double t) {
            return x[0];
        }

        @Override
        public int[] changedSpecies(int reaction) {
            return new int[] {0};
        }

        @Override
        public double[] changes(int reaction) {
            return new double[] {-3};
        }

        @Override
        public int[] readSpecies(int reaction) {
            return new int[] {0};
        }

        @Override
        public int[] reactantOrders(int reaction) {
            return new int[] {1};
        }
    }

    @Test
    void countsNeverGoNegativeAndOvershootingLeapsAreRejected() {
        // epsilon 0.9 makes leaps long enough that Poisson draws often overshoot, exercising step 6 (reject, halve)
        TauLeapingMethod method = new TauLeapingMethod(0.9);
        long rejections = 0;
        for (int seed = 0; seed < 200; seed++) {
            TauLeapingMethod.Run run = (TauLeapingMethod.Run) method.start(new BurstDecay(), 0, new double[] {1000},
                    new SplittableRandom(seed));
            for (int k = 1; k <= 60; k++) {
                run.advanceTo(0.1 * k);
                double x = run.state()[0];
                assertThat(x).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(x));
                assertThat(1000 - x).isEqualTo(3 * run.events()); // events counts firings, 3 molecules each
            }
            rejections += run.rejections();
            assertThat(run.state()[0]).isEqualTo(1); // 1000 = 3 * 333 + 1: the last molecule can never go
        }
        assertThat(rejections).isPositive();
    }

    @Test
    void leapsWhenCountsAreLargeAndFallsBackToExactStepsWhenSmall() {
        MassAction immigrationDeath = new MassAction("X").reaction("-> X", 1000).reaction("X ->", 0.1);
        TauLeapingMethod.Run large = (TauLeapingMethod.Run) new TauLeapingMethod().start(immigrationDeath, 0,
                new double[] {10_000}, new SplittableRandom(4));
        large.advanceTo(50);
        assertThat(large.leaps()).isPositive();
        assertThat(large.exactSteps()).isZero();
        assertThat(large.events()).isGreaterThan(50 * large.leaps()); // many firings per leap

        MassAction small = new MassAction("X").reaction("-> X", 1).reaction("X ->", 0.1);
        TauLeapingMethod.Run few = (TauLeapingMethod.Run) new TauLeapingMethod().start(small, 0, new double[] {0},
                new SplittableRandom(4));
        few.advanceTo(50);
        assertThat(few.exactSteps()).isEqualTo(few.events()); // tau' < 10/a0 throughout: plain SSA
    }

    @Test
    void guessesReactantOrdersWhenTheSystemDoesNotGiveThem() {
        // same burst decay without reactantOrders: the guess (order max(1, 3) = 3) is more cautious, still valid
        StochasticSystem noOrders = new BurstDecay() {
            @Override
            public int[] reactantOrders(int reaction) {
                return null;
            }
        };
        TauLeapingMethod.Run run = (TauLeapingMethod.Run) new TauLeapingMethod().start(noOrders, 0,
                new double[] {30_000}, new SplittableRandom(8));
        run.advanceTo(1);
        assertThat(run.leaps()).isPositive();
        assertThat(run.state()[0]).isGreaterThan(0);
    }

    @Test
    void validatesEpsilon() {
        assertThatThrownBy(() -> new TauLeapingMethod(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TauLeapingMethod(1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TauLeapingMethod().epsilon()).isEqualTo(0.03);
        assertThat(new TauLeapingMethod().name()).isEqualTo("tau");
    }
}
