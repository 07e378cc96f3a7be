package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario B4 with the counted division destiny ({@link LymphNodeSetup#tugOfWarCountedDestiny()}) under the hybrid
 * method. The partition is TregTugOfWarHybridTest's with the generation compartments in place of the activated
 * compartments: the cells ({@code Treg}, {@code CD4_naive}, the naive clones and {@code self_active_g0..g17},
 * {@code foreign_active_g0..g17}) are discrete, every molecular quantity is continuous ({@code self_active} and
 * {@code foreign_active} are rules, the sums of the generations), and a population of 1000 cells or more follows the
 * ODE (the Tregs, from about day 2.5 to day 10). One set of replicates with Tregs and one without serve three checks:
 * the mean against the ODE over days 0.25–4, the IL-2 balance and the generation counts in every replicate, and the
 * foreign clone's death phase after its antigen is cleared (day 4), whose survival and extinction follow, replicate
 * by replicate, from its own counts.
 */
class TregTugOfWarDestinyHybridTest {

    static final LymphNodeSetup SETUP = LymphNodeSetup.tugOfWarCountedDestiny();
    static final Pattern GENERATION = Pattern.compile("(self|foreign)_active_g(\\d+)");
    static final List<String> CELLS = List.of(LymphNodeModel.TREG, LymphNodeModel.CD4_NAIVE, "self_naive",
            "foreign_naive");
    /** The counts compared with the ODE. */
    static final String[] COUNTS = {"Treg", "self_active", "foreign_active", "self_naive", "foreign_naive"};
    static final int FOREIGN = 2;
    /** Days 0.25–4 (expansion; the foreign antigen is cleared at day 4), then the death phase, days 8–20. */
    static final double[] DAYS = {0.25, 0.5, 1, 2, 3, 4, 8, 12, 16, 20};
    static final int EXPANSION_END = 5;
    static final int DEATH_START = 6;
    /** Replicates with Tregs and without (the runs without cost about 1.6 times as much: more cells, more jumps). */
    static final int WITH_REPLICATES = 16;
    static final int WITHOUT_REPLICATES = 8;
    static final long SEED = 2014;
    /** The foreign clone's destiny N = 15 E/(E + K_E) + 2 S below which the death phase is pure death (S ≤ N/2). */
    static final double NO_SIGNAL = 1e-5;

    /** The output columns: COUNTS, the IL-2 account, two rules; the generations of the network follow them. */
    static final List<String> OUTPUTS = outputs();
    static final int SECRETED = OUTPUTS.indexOf("IL2_secreted");
    static final int FIRST_HELD = SECRETED + 1;
    static final int DESTINY = OUTPUTS.indexOf("foreign_active_destiny");
    static final int SELF_TCR = OUTPUTS.indexOf("self_TCR_engaged");
    static final int FIRST_GENERATION = OUTPUTS.size();

    static List<String> outputs() {
        List<String> ids = new ArrayList<>(List.of(COUNTS));
        ids.add("IL2_secreted");
        ids.addAll(LymphNodeModelTest.IL2_HELD); // FIRST_HELD .. DESTINY - 1
        ids.add("foreign_active_destiny");
        ids.add("self_TCR_engaged");
        return List.copyOf(ids);
    }

    static double[][][] with;
    static double[][][] without;
    static List<String> generations;

    static ReactionNetwork network(double tregDensity) {
        return LymphNodeModel.build(SETUP, TregTugOfWarTest.with("Treg_density", tregDensity));
    }

    /** runs[r][i][k]: replicate r, time DAYS[i], output k (OUTPUTS, then the generations). */
    static double[][][] hybridRuns(double tregDensity, int replicates) {
        ReactionNetwork network = network(tregDensity);
        CompiledModel m = CompiledModel.compile(network);
        List<String> gens = new ArrayList<>();
        List<String> continuous = new ArrayList<>();
        for (Species s : network.species()) {
            if (GENERATION.matcher(s.id()).matches()) {
                gens.add(s.id());
            } else if (!CELLS.contains(s.id()) && !s.boundaryCondition()) {
                continuous.add(s.id());
            }
        }
        generations = gens;
        HybridModel h = new HybridModel(m, continuous, TregTugOfWarHybridTest.THRESHOLD);
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : OUTPUTS) {
            outs.add(m.readout(id, true));
        }
        for (String id : gens) {
            outs.add(m.readout(id, true));
        }
        double[] times = new double[DAYS.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = DAYS[i] * DAY;
        }
        double[][][] runs = new double[replicates][][];
        Parallel.forEach(replicates, Parallel.cores(), r -> runs[r] = HybridTimeCourse.run(h,
                TregTugOfWarHybridTest.TOL, times, Ensemble.replicateGenerator(SEED, r), outs));
        return runs;
    }

    @BeforeAll
    static void runReplicates() {
        long start = System.nanoTime();
        with = hybridRuns(1, WITH_REPLICATES);
        long half = System.nanoTime();
        without = hybridRuns(0, WITHOUT_REPLICATES);
        System.out.printf("B4 destiny hybrid: %d replicates with Tregs %.1f s, %d without %.1f s (wall, %d threads)%n",
                WITH_REPLICATES, (half - start) / 1e9, WITHOUT_REPLICATES, (System.nanoTime() - half) / 1e9,
                Parallel.cores());
        ParameterTable p = LymphNodeModel.defaults();
        int perClone = (int) Math.ceil(p.value("destiny_TCR_generations") + p.value("destiny_IL2_generations")) + 1;
        assertThat(generations).hasSize(2 * perClone);
    }

    static double[][] ode(double tregDensity, double[] days, String... ids) {
        double[] grid = new double[days.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = days[i] * DAY;
        }
        return ImmuneTesting.run(network(tregDensity), TregTugOfWarTest.TOL, grid, ids); // [k][i]
    }

    /**
     * Over days 0.25–4 (recruitment, the divisions through the generations, the foreign clone's IL-2 burst, the
     * Tregs through the threshold) the replicate mean of every count is the ODE's within four standard errors (plus
     * 0.1 %), with Tregs and without them (where IL-2 reaches µM and the foreign clone 4,000 cells).
     */
    @Test
    void meanCountsFollowTheOdeUntilTheAntigenIsCleared() {
        double[] days = Arrays.copyOf(DAYS, EXPANSION_END + 1);
        for (double density : new double[] {1, 0}) {
            double[][][] runs = density > 0 ? with : without;
            double[][] ode = ode(density, DAYS, COUNTS); // on the replicates' grid
            for (int i = 0; i <= EXPANSION_END; i++) {
                for (int k = 0; k < COUNTS.length; k++) {
                    double m = TregTugOfWarHybridTest.mean(runs, i, k);
                    double se = Math.sqrt(TregTugOfWarHybridTest.variance(runs, i, k) / runs.length);
                    System.out.printf("B4 destiny hybrid, Treg_density %.0f, day %.2f %s: mean %.2f ± %.2f (SE, %d "
                            + "runs), ODE %.2f (%.1f SE)%n", density, days[i], COUNTS[k], m, se, runs.length,
                            ode[k][i], se > 0 ? (m - ode[k][i]) / se : 0);
                    assertThat(m).as("%s mean, day %s, Treg_density %s", COUNTS[k], days[i], density)
                            .isCloseTo(ode[k][i], within(4 * se + 1e-3 * ode[k][i] + 1e-6));
                }
            }
        }
    }

    /**
     * In every replicate and at every output time: the IL-2 molecules secreted equal those held (in the patch, bound,
     * internalised, cleared, neutralised, lost with dying cells) to 10⁻⁸ of the secreted amount, although every one of
     * the thousands of jumps restarts the integration; every generation count is a whole number ≥ 0 unless it has
     * reached the threshold (then it follows the ODE until it falls below half of it); and the self clone never
     * passes generation ⌈N_max⌉, N_max = 15 E/(E + K_E) + 2 its largest destiny (E its constant engaged TCR, about
     * 9.9, so N_max ≈ 3.35): generation ⌈N_max⌉ divides at rate p_max·max(0, N − ⌈N_max⌉) = 0 exactly, so a jump
     * into the next generation would be a jump of a zero-propensity channel. That generation itself is reached.
     */
    @Test
    void il2BalancesAndGenerationsStayWholeAndCapped() {
        ParameterTable p = LymphNodeModel.defaults();
        double maxEngaged = 0;
        for (double[][][] runs : List.of(with, without)) {
            for (double[][] r : runs) {
                for (double[] row : r) {
                    maxEngaged = Math.max(maxEngaged, row[SELF_TCR]);
                }
            }
        }
        double nMax = p.value("destiny_TCR_generations") * maxEngaged / (maxEngaged + p.value("K_TCR_division"))
                + p.value("destiny_IL2_generations");
        int cap = (int) Math.ceil(nMax);
        double worstBalance = 0;
        double largest = 0;
        int reachedCap = 0;
        double halfThreshold = HybridModel.RETURN_FRACTION * TregTugOfWarHybridTest.THRESHOLD;
        for (double[][][] runs : List.of(with, without)) {
            for (double[][] r : runs) {
                boolean reached = false;
                for (double[] row : r) {
                    double held = 0;
                    for (int k = FIRST_HELD; k < DESTINY; k++) {
                        held += row[k];
                    }
                    assertThat(row[SECRETED]).isGreaterThan(0);
                    worstBalance = Math.max(worstBalance, Math.abs(held - row[SECRETED]) / row[SECRETED]);
                    for (int g = 0; g < generations.size(); g++) {
                        String id = generations.get(g);
                        double n = row[FIRST_GENERATION + g];
                        largest = Math.max(largest, n);
                        assertThat(n).as(id).isGreaterThanOrEqualTo(0);
                        if (n < halfThreshold) {
                            assertThat(n).as(id).isEqualTo(Math.rint(n));
                        }
                        Matcher match = GENERATION.matcher(id);
                        assertThat(match.matches()).isTrue();
                        int k = Integer.parseInt(match.group(2));
                        if (match.group(1).equals("self") && k > cap) {
                            assertThat(n).as(id).isEqualTo(0);
                        }
                        reached |= match.group(1).equals("self") && k == cap && n > 0;
                    }
                }
                reachedCap += reached ? 1 : 0;
            }
        }
        System.out.printf("B4 destiny hybrid: IL-2 balance worst %.2e of the secreted; largest generation count %.0f; "
                        + "self E ≤ %.3f, N_max %.3f, generation %d reached in %d of %d replicates%n", worstBalance,
                largest, maxEngaged, nMax, cap, reachedCap, WITH_REPLICATES + WITHOUT_REPLICATES);
        assertThat(worstBalance).isLessThan(1e-8);
        assertThat(reachedCap).isGreaterThan(0);
    }

    /**
     * Chance: after its antigen is cleared (day 4) the foreign clone gets no recruits and, once the IL-2 is gone,
     * no signal (destiny N = 2S below 10⁻⁵ at every output time from day 8 while cells remain; asserted), so its
     * cells neither divide nor survive by IL-2: each dies at d_starved (0.5/day) independently of the others. Then,
     * given n cells at one output time, the survivors Δ = 4 days later are Binomial(n, e^(−d Δ)) and the clone is
     * extinct with probability (1 − e^(−d Δ))^n. Summed over the replicates (with and without Tregs) and the
     * intervals 8–12, 12–16, 16–20 days, the survivors and the extinctions must match these laws within four and
     * three standard deviations (increments of a martingale, so the variances add). The ODE decays towards 0 and
     * never reaches it. Tregs hold the clone smaller (about 230 cells at day 8 against 590 without), so by this law
     * it dies out by day 20 more than twice as often with them as without.
     */
    @Test
    void foreignCloneDiesCellByCellAfterItsAntigen() {
        double d = LymphNodeModel.defaults().value("d_starved");
        double survivors = 0;
        double expectedSurvivors = 0;
        double survivorVariance = 0;
        int extinctions = 0;
        double expectedExtinctions = 0;
        double extinctionVariance = 0;
        int last = DAYS.length - 1;
        for (double[][][] runs : List.of(with, without)) {
            for (double[][] r : runs) {
                for (int i = DEATH_START; i < last; i++) {
                    double n = r[i][FOREIGN];
                    if (n == 0) {
                        assertThat(r[i + 1][FOREIGN]).isEqualTo(0); // no recruits without antigen
                        continue;
                    }
                    assertThat(r[i][DESTINY]).isLessThan(NO_SIGNAL);
                    assertThat(n).isEqualTo(Math.rint(n));
                    double q = Math.exp(-d * (DAYS[i + 1] - DAYS[i]) * DAY);
                    survivors += r[i + 1][FOREIGN];
                    expectedSurvivors += n * q;
                    survivorVariance += n * q * (1 - q);
                    double p = Math.pow(1 - q, n);
                    extinctions += r[i + 1][FOREIGN] == 0 ? 1 : 0;
                    expectedExtinctions += p;
                    extinctionVariance += p * (1 - p);
                }
            }
        }
        // the chance of extinction by day 20 that each replicate's day-8 count gives, averaged per condition
        double q8to20 = Math.exp(-d * (DAYS[last] - DAYS[DEATH_START]) * DAY);
        double[] predicted = new double[2];
        for (int c = 0; c < 2; c++) {
            double[][][] runs = c == 0 ? with : without;
            for (double[][] r : runs) {
                predicted[c] += Math.pow(1 - q8to20, r[DEATH_START][FOREIGN]) / runs.length;
            }
        }
        int extinctWith = TregTugOfWarHybridTest.zeros(with, last, FOREIGN);
        int extinctWithout = TregTugOfWarHybridTest.zeros(without, last, FOREIGN);
        // on the replicates' grid, as in the mean-vs-ODE check
        double odeWith = ode(1, DAYS, "foreign_active")[0][last];
        double odeWithout = ode(0, DAYS, "foreign_active")[0][last];
        System.out.printf("B4 destiny hybrid, foreign clone, days 8-20: survivors %.0f, expected %.1f ± %.1f (SD); "
                        + "extinctions %d, expected %.2f ± %.2f; day 20 extinct in %d/%d with Tregs (mean %.2f, ODE "
                        + "%.2f), %d/%d without (mean %.2f, ODE %.2f); day 8 mean %.1f with, %.1f without, giving "
                        + "extinction by day 20 with probability %.2f with, %.2f without%n",
                survivors, expectedSurvivors, Math.sqrt(survivorVariance), extinctions, expectedExtinctions,
                Math.sqrt(extinctionVariance), extinctWith, WITH_REPLICATES,
                TregTugOfWarHybridTest.mean(with, last, FOREIGN), odeWith, extinctWithout, WITHOUT_REPLICATES,
                TregTugOfWarHybridTest.mean(without, last, FOREIGN), odeWithout,
                TregTugOfWarHybridTest.mean(with, DEATH_START, FOREIGN),
                TregTugOfWarHybridTest.mean(without, DEATH_START, FOREIGN), predicted[0], predicted[1]);
        assertThat(survivors).isCloseTo(expectedSurvivors, within(4 * Math.sqrt(survivorVariance)));
        assertThat((double) extinctions).isCloseTo(expectedExtinctions, within(3 * Math.sqrt(extinctionVariance)));
        assertThat(expectedExtinctions).isGreaterThan(3); // the law is tested where extinction is common
        assertThat(odeWith).isGreaterThan(0);
        assertThat(extinctWith).isGreaterThan(0);
        // with 16 and 8 replicates the observed fractions cannot separate the two conditions; the law can
        assertThat(predicted[0]).isGreaterThan(2 * predicted[1]);
    }
}
