package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;

/**
 * Scenario B5 under the hybrid method with the reference's switch at 10³ cells (immune-models.md §2; the setting of
 * examples/acute-infection-hybrid.yaml). The De Boer on/off network is linear and its events happen at fixed times,
 * so the mean of the hybrid process is the ODE solution whatever the partition; before a population reaches the
 * threshold the hybrid is the exact jump process, whose law in the expansion is the Yule process's.
 */
class AcuteInfectionHybridTest {

    private static final double THRESHOLD = 1000;
    private static final int REPLICATES = 120;
    private static final String[] IDS = {"CD8_effector", "CD8_memory", "CD4_effector", "CD4_total"};
    private static final double[] DAYS = {1, 2, 3, 5.5, 8, 12};

    private static final ReactionNetwork NETWORK = AcuteInfectionModel.build();
    private static final ParameterTable P = AcuteInfectionModel.defaults();

    /** runs[r][i][k]: replicate r, time DAYS[i], quantity IDS[k]. */
    private static double[][][] hybridRuns() {
        CompiledModel m = CompiledModel.compile(NETWORK);
        HybridModel h = new HybridModel(m, List.of(), THRESHOLD);
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : IDS) {
            outs.add(m.readout(id, true));
        }
        double[] times = new double[DAYS.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = DAYS[i] * DAY;
        }
        Tolerances tol = new Tolerances(1e-6, 1e-6, 1_000_000, Double.POSITIVE_INFINITY);
        double[][][] runs = new double[REPLICATES][][];
        Parallel.forEach(REPLICATES, Parallel.cores(), r -> runs[r] = HybridTimeCourse.run(h, tol, times,
                Ensemble.replicateGenerator(2001, r), outs));
        return runs;
    }

    private static double mean(double[][][] runs, int i, int k) {
        double s = 0;
        for (double[][] r : runs) {
            s += r[i][k];
        }
        return s / runs.length;
    }

    private static double variance(double[][][] runs, int i, int k) {
        double m = mean(runs, i, k);
        double s = 0;
        for (double[][] r : runs) {
            s += (r[i][k] - m) * (r[i][k] - m);
        }
        return s / (runs.length - 1);
    }

    @Test
    void meanFollowsTheOdeAndTheEarlyPhaseIsTheYuleProcess() {
        double[][][] runs = hybridRuns();
        double[] grid = new double[DAYS.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = DAYS[i] * DAY;
        }
        Tolerances tight = new Tolerances(1e-10, 1e-8, 1_000_000, Double.POSITIVE_INFINITY);
        double[][] ode = ImmuneTesting.run(NETWORK, tight, grid, IDS); // ode[k][i]

        // the mean is the ODE at every time, expansion, peak, contraction and memory (four standard errors)
        for (int i = 0; i < DAYS.length; i++) {
            for (int k = 0; k < IDS.length; k++) {
                double se = Math.sqrt(variance(runs, i, k) / REPLICATES);
                assertThat(mean(runs, i, k)).as("%s mean, day %s", IDS[k], DAYS[i])
                        .isCloseTo(ode[k][i], within(4 * se + 1e-4 * ode[k][i] + 1e-9));
            }
        }
        // day 1, before T_on: the precursors sit still
        for (double[][] r : runs) {
            assertThat(r[0][0]).isZero();
            assertThat(r[0][3]).isEqualTo(P.get("CD4_naive_0").value());
        }
        // day 2: both populations are still below the threshold, so the hybrid is the exact jump process and the
        // counts are Yule: mean n0 e^{ρτ}, variance n0 e^{2ρτ}(1 - e^{-ρτ}) (n0 e^{ρτ} ≈ 670 CD8 and 71 CD4)
        double[] tau = {2 * DAY - P.get("CD8_T_on").value(), 2 * DAY - P.get("CD4_T_on").value()};
        double[] n0 = {P.get("CD8_naive_0").value(), P.get("CD4_naive_0").value()};
        double[] rho = {P.get("CD8_rho").value(), Math.log(2) / P.get("CD4_doubling").value()};
        int[] column = {0, 2};
        for (int p = 0; p < 2; p++) {
            double g = Math.exp(rho[p] * tau[p]);
            double yuleMean = n0[p] * g;
            double yuleVar = n0[p] * g * g * (1 - 1 / g);
            assertThat(yuleMean).isLessThan(THRESHOLD);
            double m = mean(runs, 1, column[p]);
            double v = variance(runs, 1, column[p]);
            assertThat(m).as("Yule mean, %s", IDS[column[p]])
                    .isCloseTo(yuleMean, within(4 * Math.sqrt(yuleVar / REPLICATES)));
            // s² of near-normal counts has relative standard error sqrt(2 / (n - 1))
            assertThat(v / yuleVar).as("Yule variance ratio, %s", IDS[column[p]])
                    .isCloseTo(1, within(4 * Math.sqrt(2.0 / (REPLICATES - 1))));
            for (double[][] r : runs) {
                assertThat(r[1][column[p]]).isEqualTo(Math.rint(r[1][column[p]])); // whole cells while discrete
            }
        }
        // chance in small clones: the CD4 clone (39 precursors) spreads relatively more than the CD8 one (150)
        double cv8 = Math.sqrt(variance(runs, 3, 0)) / mean(runs, 3, 0);
        double cv4 = Math.sqrt(variance(runs, 3, 2)) / mean(runs, 3, 2);
        assertThat(cv4).isGreaterThan(cv8);
    }
}
