package org.il2sim.tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * How much of its own IL-2 a secreting cell binds on the lattice the agents use (docs/tissue.md, "A cell and its own
 * IL-2 on the lattice"): one voxel with a source q and first-order uptake u in a periodic box with decay k, at steady
 * state. Reference: the lattice Green's function at the source, G₀ = (1/N) Σ_θ 1/(D/h²·Σ_a(2 − 2cos θ_a) + k)
 * summed over the box's Fourier modes (independent of the conjugate-gradient solve), and Sherman–Morrison for the
 * uptake: c₀ = q·G₀/(1 + u·G₀), so the cell keeps u·G₀/(1 + u·G₀). The continuum value k_rec/(k_rec + 4πDa)
 * (immune-parameters.md S6, a = 5 µm) is printed beside it.
 */
class AutocrineCaptureTest {

    static final int N = 16;
    static final double H = 10;                       // µm
    static final double D = 600;                      // µm²/min (10 µm²/s, Busse 2010)
    static final double K = Math.log(2) / 30;         // 1/min (IL-2 clearance t½ 30 min)
    static final double K_ON = 1e11 * 1e-9 / 60;      // 1/(nM·min): Tkach's 1e11 /(M·h)
    static final double MOLECULES_PER_NM = H * H * H * 1e-15 * 1e-9 * 6.02214076e23;

    static double greensFunctionAtSource() {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                for (int l = 0; l < N; l++) {
                    double s = 6 - 2 * Math.cos(2 * Math.PI * i / N) - 2 * Math.cos(2 * Math.PI * j / N)
                            - 2 * Math.cos(2 * Math.PI * l / N);
                    sum += 1 / (D / (H * H) * s + K);
                }
            }
        }
        return sum / (N * N * N);
    }

    @Test
    void aCellKeepsTheShareOfItsIl2ThatTheLatticeGreensFunctionGives() {
        double g0 = greensFunctionAtSource();
        double q = 7.5 * 60;                           // molecules/min: Tkach's k_prod
        // assembled receptors C(α, β, K_R) never exceed IL-2Rβ: 10⁴ (β_max) is the most a cell of these models has
        for (double receptors : new double[]{100, 770, 3000, 1e4}) {
            double u = K_ON * receptors / MOLECULES_PER_NM;
            DiffusionGrid grid = new DiffusionGrid(N, N, N, H, D, K, Boundary.PERIODIC, TimeScheme.BACKWARD_EULER,
                    1e-13, DiffusionGrid.DEFAULT_MAX_ITERATIONS);
            grid.setSource(N / 2, N / 2, N / 2, q / MOLECULES_PER_NM);
            grid.setUptakeRate(N / 2, N / 2, N / 2, u);
            for (int step = 0; step < 60; step++) {
                grid.step(30);                          // backward Euler: long steps converge to the steady state
            }
            double kept = u * grid.get(N / 2, N / 2, N / 2) / (q / MOLECULES_PER_NM);
            double expected = u * g0 / (1 + u * g0);
            double kRec = K_ON * receptors / MOLECULES_PER_NM * H * H * H / 60;   // µm³/s
            double continuum = kRec / (kRec + 4 * Math.PI * 10 * 5);
            System.out.printf("R %.0f: keeps %.4f of its IL-2 on the lattice (Green's function %.4f), continuum "
                    + "%.4f; IL-2 at the cell %.1f pM%n", receptors, kept, expected, continuum,
                    1e3 * grid.get(N / 2, N / 2, N / 2));
            assertThat(kept).isCloseTo(expected, within(1e-6));
            // the lattice keeps more than a 5 µm sphere (its voxel acts as a smaller one), by less than 2x
            assertThat(kept).isGreaterThan(continuum).isLessThan(2 * continuum);
        }
    }
}
