package org.il2sim.tissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Prints how long one step of a 100³ grid takes here (never asserted); checks only that the steps converge. */
class DiffusionGridTimingTest {

    @Test
    void printsTheTimeOfOneStepOnA100CubedGrid() {
        double h = 10;       // µm
        double d = 6000;     // µm²/min, IL-2 in water ≈ 100 µm²/s
        double dt = 10 * h * h / (6 * d);   // 10 × the explicit limit: 0.167 min
        DiffusionGrid g = new DiffusionGrid(100, 100, 100, h, d, 0.01, Boundary.NO_FLUX);
        SplittableRandom random = new SplittableRandom(3);
        double[] c = g.concentrations();
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextDouble();
        }
        for (int i = 0; i < 2; i++) {
            g.step(dt);     // warm-up
        }
        int steps = 5;
        long start = System.nanoTime();
        int iterations = 0;
        for (int i = 0; i < steps; i++) {
            g.step(dt);
            iterations += g.lastIterations();
        }
        double ms = (System.nanoTime() - start) / 1e6 / steps;
        System.out.printf("100^3 grid, backward Euler, dt = %.3f min (10x explicit limit): %.0f ms per step, "
                + "%.1f CG iterations per step%n", dt, ms, (double) iterations / steps);
        assertThat(g.lastRelativeResidual()).isLessThanOrEqualTo(DiffusionGrid.DEFAULT_TOLERANCE);
        // a step as long as an agent's (1 min, 360 × the explicit limit): more iterations, no instability
        long startLong = System.nanoTime();
        int iterationsLong = 0;
        for (int i = 0; i < 2; i++) {
            g.step(1.0);
            iterationsLong += g.lastIterations();
        }
        System.out.printf("100^3 grid, backward Euler, dt = 1 min: %.0f ms per step, %.1f CG iterations per step%n",
                (System.nanoTime() - startLong) / 1e6 / 2, iterationsLong / 2.0);
        assertThat(g.lastRelativeResidual()).isLessThanOrEqualTo(DiffusionGrid.DEFAULT_TOLERANCE);
    }
}
