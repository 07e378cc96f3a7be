package org.il2sim.tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Exact balances of the scheme: amount, decay factors, sources, periodic translation invariance. */
class DiffusionGridConservationTest {

    private static final double H = 10;      // µm
    private static final double D = 100;     // µm²/min, so h²/(6D) = 0.167 min
    private static final double DT = 2;      // min, 12 times the explicit limit

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void amountIsConservedWithNoFluxWallsOverManySteps(TimeScheme scheme) {
        DiffusionGrid grid = new DiffusionGrid(24, 20, 16, H, D, 0, Boundary.NO_FLUX, scheme,
                DiffusionGrid.DEFAULT_TOLERANCE, DiffusionGrid.DEFAULT_MAX_ITERATIONS);
        double[] c = grid.concentrations();
        SplittableRandom random = new SplittableRandom(7);
        double max = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextDouble() < 0.05 ? 100 * random.nextDouble() : 0; // rough, sparse field
            max = Math.max(max, c[i]);
        }
        double m0 = grid.totalAmount();
        double worst = 0;
        for (int n = 0; n < 200; n++) {
            grid.step(DT);
            worst = Math.max(worst, Math.abs(grid.totalAmount() - m0) / m0);
        }
        System.out.printf("%s: worst relative amount drift over 200 steps %.2e%n", scheme, worst);
        assertThat(worst).isLessThan(1e-10);
        // after 400 min (diffusion length 400 µm > the 240 µm box) the field is nearly uniform at its mean
        double mean = m0 / (grid.voxelVolume() * c.length);
        for (double v : c) {
            assertThat(v).isCloseTo(mean, within(1e-2 * mean));
        }
    }

    @Test
    void backwardEulerKeepsTheFieldWithinItsInitialRange() {
        DiffusionGrid grid = new DiffusionGrid(16, 16, 16, H, D, 0, Boundary.NO_FLUX);
        grid.set(0, 0, 0, 50);
        grid.set(15, 15, 15, 10);
        for (int n = 0; n < 10; n++) {
            grid.step(5 * DT);
            for (double v : grid.concentrations()) {
                assertThat(v).isBetween(-1e-12 * 50, 50.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void periodicAndNoFluxBothConserveAndPeriodicIsTranslationInvariant(Boundary boundary) {
        // periodic: a release in a corner voxel gives the field of a release in the middle, shifted
        DiffusionGrid corner = new DiffusionGrid(15, 13, 11, H, D, 0, boundary);
        DiffusionGrid middle = new DiffusionGrid(15, 13, 11, H, D, 0, boundary);
        corner.set(0, 0, 0, 1000);
        middle.set(7, 6, 5, 1000);
        for (int n = 0; n < 20; n++) {
            corner.step(DT / 4);
            middle.step(DT / 4);
        }
        assertThat(corner.totalAmount()).isCloseTo(1000 * corner.voxelVolume(), within(1e-10 * 1000 * H * H * H));
        if (boundary == Boundary.PERIODIC) {
            for (int z = 0; z < 11; z++) {
                for (int y = 0; y < 13; y++) {
                    for (int x = 0; x < 15; x++) {
                        double shifted = middle.get((x + 7) % 15, (y + 6) % 13, (z + 5) % 11);
                        assertThat(corner.get(x, y, z)).isCloseTo(shifted, within(1e-9));
                    }
                }
            }
        } else {
            // with walls the corner release stays more concentrated near its corner than the middle one
            assertThat(corner.get(0, 0, 0)).isGreaterThan(middle.get(7, 6, 5));
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void uniformFieldDecaysByTheSchemesOwnFactorExactly(TimeScheme scheme) {
        double k = 0.1;
        double dt = 1;
        int steps = 30;
        // decay split between the grid's k and a uniform uptake: the operator sees only k + u
        DiffusionGrid grid = new DiffusionGrid(8, 7, 6, H, D, 0.06, Boundary.NO_FLUX, scheme,
                DiffusionGrid.DEFAULT_TOLERANCE, DiffusionGrid.DEFAULT_MAX_ITERATIONS);
        grid.fill(5);
        java.util.Arrays.fill(grid.uptakeRates(), k - 0.06);
        for (int n = 0; n < steps; n++) {
            grid.step(dt);
        }
        double factor = scheme == TimeScheme.BACKWARD_EULER
                ? 1 / (1 + k * dt)
                : (1 - k * dt / 2) / (1 + k * dt / 2);
        double expected = 5 * Math.pow(factor, steps);
        for (double v : grid.concentrations()) {
            assertThat(v).isCloseTo(expected, within(1e-12 * 5));
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void uniformDecayApproachesTheExponentialAsTheStepShrinks(TimeScheme scheme) {
        double k = 0.1;
        double t = 30;
        double exact = 5 * Math.exp(-k * t);
        double previous = Double.NaN;
        int order = scheme == TimeScheme.BACKWARD_EULER ? 1 : 2;
        for (int steps = 200; steps <= 1600; steps *= 2) {
            DiffusionGrid grid = new DiffusionGrid(2, 2, 2, H, D, k, Boundary.NO_FLUX, scheme,
                    DiffusionGrid.DEFAULT_TOLERANCE, DiffusionGrid.DEFAULT_MAX_ITERATIONS);
            grid.fill(5);
            for (int n = 0; n < steps; n++) {
                grid.step(t / steps);
            }
            double error = Math.abs(grid.get(1, 1, 1) - exact) / exact;
            // leading error terms: BE k²tΔt/2, CN k³tΔt²/12
            double leading = order == 1 ? k * k * t * (t / steps) / 2 : Math.pow(k, 3) * t * Math.pow(t / steps, 2) / 12;
            assertThat(error).isCloseTo(leading, within(0.05 * leading));
            if (!Double.isNaN(previous)) {
                assertThat(previous / error).isCloseTo(Math.pow(2, order), within(0.05 * Math.pow(2, order)));
            }
            previous = error;
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void sourcesAddExactlyTheirAmountPerStep(TimeScheme scheme) {
        DiffusionGrid grid = new DiffusionGrid(12, 12, 12, H, D, 0, Boundary.NO_FLUX, scheme,
                DiffusionGrid.DEFAULT_TOLERANCE, DiffusionGrid.DEFAULT_MAX_ITERATIONS);
        grid.setSource(3, 4, 5, 2.0);   // nM/min
        grid.setSource(10, 1, 0, 0.5);
        for (int n = 0; n < 25; n++) {
            grid.step(DT);
        }
        double expected = 2.5 * grid.voxelVolume() * 25 * DT;
        assertThat(grid.totalAmount()).isCloseTo(expected, within(1e-10 * expected));
    }
}
