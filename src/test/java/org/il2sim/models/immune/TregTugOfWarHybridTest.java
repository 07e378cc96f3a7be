package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;

/**
 * Scenario B4 under the hybrid method with the partition of examples/treg-tug-of-war-stochastic.yaml: the six cell
 * populations are discrete (random jumps), every molecular quantity is continuous, and a population of 1000 cells
 * or more follows the ODE. The replicate mean is compared with the deterministic model (TregTugOfWarTest's ODE);
 * then a result the ODE cannot give: whether a clone's activated cells die out.
 */
class TregTugOfWarHybridTest {

    /** The cell populations; everything else in the network is molecules (or the boundary antigen). */
    static final Set<String> CELLS = Set.of(LymphNodeModel.TREG, LymphNodeModel.CD4_NAIVE, "self_naive",
            "self_active", "foreign_naive", "foreign_active");
    static final String[] IDS = {"self_naive", "self_active", "foreign_naive", "foreign_active", "Treg"};
    static final double THRESHOLD = 1000;
    /** As the example: jump times to 10⁻⁴ of a waiting time, IL-2 to 10⁻⁶ molecules (amounts). */
    static final Tolerances TOL = new Tolerances(1e-4, 1e-6, 1_000_000, Double.POSITIVE_INFINITY);

    /** runs[r][i][k]: replicate r, time days[i], quantity IDS[k]. */
    static double[][][] hybridRuns(ParameterTable p, double[] days, int replicates, long seed) {
        ReactionNetwork network = LymphNodeModel.build(LymphNodeSetup.tugOfWar(), p);
        CompiledModel m = CompiledModel.compile(network);
        List<String> continuous = new ArrayList<>();
        for (Species s : network.species()) {
            if (!CELLS.contains(s.id()) && !s.boundaryCondition()) {
                continuous.add(s.id());
            }
        }
        HybridModel h = new HybridModel(m, continuous, THRESHOLD);
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : IDS) {
            outs.add(m.readout(id, true));
        }
        double[] times = new double[days.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = days[i] * DAY;
        }
        double[][][] runs = new double[replicates][][];
        Parallel.forEach(replicates, Parallel.cores(), r -> runs[r] = HybridTimeCourse.run(h, TOL, times,
                Ensemble.replicateGenerator(seed, r), outs));
        return runs;
    }

    /**
     * Against the full jump process, molecules included, under tau-leaping (the only stochastic method fast enough
     * for this network: 10⁵–10⁶ binding and synthesis events per hour) over the first hour. In that hour a few
     * cells are recruited and a few Tregs divide, so the counts are near Poisson; the hybrid differs only in
     * treating molecules as continuous, so both mean and variance of every count must agree: means within four
     * standard errors of the difference, variances within four standard errors of the ratio (s² of a near-normal
     * count has relative standard error sqrt(2/(n − 1))).
     */
    @Test
    void agreesWithTauLeapingOverTheFirstHour() {
        double[] days = {1.0 / 24};
        int tauReplicates = 40;
        int hybridReplicates = 400;
        double[][][] hybrid = hybridRuns(LymphNodeModel.defaults(), days, hybridReplicates, 7);
        CompiledModel m = CompiledModel.compile(LymphNodeModel.build(LymphNodeSetup.tugOfWar()));
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : IDS) {
            outs.add(m.readout(id, true));
        }
        double[] t = {days[0] * DAY};
        double[][][] tau = new double[tauReplicates][][];
        Parallel.forEach(tauReplicates, Parallel.cores(), r -> tau[r] = StochasticTimeCourse.run(m,
                Methods.stochastic("tau"), t, Ensemble.replicateGenerator(11, r), outs));
        for (int k = 0; k < IDS.length; k++) {
            double mh = mean(hybrid, 0, k);
            double mt = mean(tau, 0, k);
            double vh = variance(hybrid, 0, k);
            double vt = variance(tau, 0, k);
            double se = Math.sqrt(vh / hybridReplicates + vt / tauReplicates);
            double ratioSe = Math.sqrt(2.0 / (hybridReplicates - 1) + 2.0 / (tauReplicates - 1));
            System.out.printf("B4 1 h %s: hybrid mean %.2f var %.2f (%d runs), tau mean %.2f var %.2f (%d runs)%n",
                    IDS[k], mh, vh, hybridReplicates, mt, vt, tauReplicates);
            assertThat(mh).as("%s mean", IDS[k]).isCloseTo(mt, within(4 * se + 1e-9));
            assertThat(vh).as("%s variance", IDS[k]).isGreaterThan(0);
            assertThat(Math.log(vt / vh)).as("%s log variance ratio", IDS[k]).isCloseTo(0, within(4 * ratioSe));
        }
    }

    static double mean(double[][][] runs, int i, int k) {
        double s = 0;
        for (double[][] r : runs) {
            s += r[i][k];
        }
        return s / runs.length;
    }

    static double variance(double[][][] runs, int i, int k) {
        double m = mean(runs, i, k);
        double s = 0;
        for (double[][] r : runs) {
            s += (r[i][k] - m) * (r[i][k] - m);
        }
        return s / (runs.length - 1);
    }

    static int zeros(double[][][] runs, int i, int k) {
        int n = 0;
        for (double[][] r : runs) {
            n += r[i][k] == 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Over the first two days (recruitment, the first divisions, the foreign clone's IL-2 burst) the replicate mean of
     * every cell count is the ODE's within four standard errors. The network is not linear (shared IL-2, Treg
     * suppression), so the mean of the jump process differs from the ODE by O(1/N) for N cells; with 50–100 cells
     * that is below the statistical error of 48 replicates, which is what the test checks. Counts stay whole.
     */
    @Test
    void meanCellCountsFollowTheOdeOverTheFirstDays() {
        double[] days = {0.25, 0.5, 1, 1.5, 2};
        int replicates = 48;
        double[][][] runs = hybridRuns(LymphNodeModel.defaults(), days, replicates, 2014);
        double[] grid = new double[days.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = days[i] * DAY;
        }
        double[][] ode = ImmuneTesting.run(LymphNodeModel.build(LymphNodeSetup.tugOfWar()),
                TregTugOfWarTest.TOL, grid, IDS); // ode[k][i]
        for (int i = 0; i < days.length; i++) {
            for (int k = 0; k < IDS.length; k++) {
                double se = Math.sqrt(variance(runs, i, k) / replicates);
                System.out.printf("B4 hybrid day %.2f %s: mean %.2f ± %.2f (SE), ODE %.2f, sd %.2f%n", days[i],
                        IDS[k], mean(runs, i, k), se, ode[k][i], Math.sqrt(variance(runs, i, k)));
                assertThat(mean(runs, i, k)).as("%s mean, day %s", IDS[k], days[i])
                        .isCloseTo(ode[k][i], within(4 * se + 1e-3 * ode[k][i] + 1e-6));
                for (double[][] r : runs) {
                    assertThat(r[i][k]).isEqualTo(Math.rint(r[i][k])); // whole cells (all below the threshold)
                }
            }
        }
        // chance: the recruited self cells spread, at least as a Poisson count would (variance ≥ mean / 2)
        assertThat(variance(runs, 2, 1)).isGreaterThan(0.5 * mean(runs, 2, 1));
    }

    /**
     * After the foreign antigen is cleared (day 4) the foreign clone's activated cells contract. In the ODE they only
     * decay towards 0; in the jump process the last cell dies, in a replicate-dependent fraction of runs. Tregs,
     * which hold the clone small and take its IL-2, make that extinction likelier than without Tregs (counted at
     * day 8 over 32 replicates each; the ODE values are printed for comparison).
     */
    @Test
    void foreignCloneDiesOutByChanceMoreOftenWithTregs() {
        double[] days = {4, 8};
        int replicates = 32;
        int foreignActive = 3;
        double[][][] with = hybridRuns(LymphNodeModel.defaults(), days, replicates, 4);
        double[][][] without = hybridRuns(TregTugOfWarTest.with("Treg_density", 0), days, replicates, 4);
        double[] grid = {8 * DAY};
        double odeWith = ImmuneTesting.run(LymphNodeModel.build(LymphNodeSetup.tugOfWar()), TregTugOfWarTest.TOL,
                grid, "foreign_active")[0][0];
        double odeWithout = ImmuneTesting.run(LymphNodeModel.build(LymphNodeSetup.tugOfWar(),
                TregTugOfWarTest.with("Treg_density", 0)), TregTugOfWarTest.TOL, grid, "foreign_active")[0][0];
        int extinctWith = zeros(with, 1, foreignActive);
        int extinctWithout = zeros(without, 1, foreignActive);
        System.out.printf("B4 hybrid day 8: foreign_active extinct in %d/%d with Tregs (mean %.2f, ODE %.2f), "
                        + "%d/%d without (mean %.2f, ODE %.2f); self_active mean %.1f sd %.1f with, %.1f sd %.1f "
                        + "without; day 4 self_active sd %.1f with, %.1f without%n", extinctWith, replicates,
                mean(with, 1, foreignActive), odeWith, extinctWithout, replicates, mean(without, 1, foreignActive),
                odeWithout, mean(with, 1, 1), Math.sqrt(variance(with, 1, 1)), mean(without, 1, 1),
                Math.sqrt(variance(without, 1, 1)), Math.sqrt(variance(with, 0, 1)),
                Math.sqrt(variance(without, 0, 1)));
        assertThat(odeWith).isGreaterThan(0); // the ODE never reaches 0
        assertThat(extinctWith).isGreaterThan(0);
        assertThat(extinctWith).isGreaterThan(extinctWithout);
        // two-sample test on the extinction fractions (pooled binomial SE), at two standard errors
        double p = (extinctWith + extinctWithout) / (2.0 * replicates);
        double se = Math.sqrt(p * (1 - p) * 2.0 / replicates);
        assertThat((extinctWith - extinctWithout) / (double) replicates).isGreaterThan(2 * se);
    }
}
