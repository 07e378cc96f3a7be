package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ode.BdfMethod;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;

/**
 * The hybrid method against independent references: analytic distributions of jump processes when every species is
 * discrete (it is then an exact SSA), the ODE when every species is continuous, the full SSA of a mixed network, an
 * analytic first-jump law for a time-dependent propensity, events, and threshold re-partitioning (linear networks,
 * whose mean is the ODE solution under any partition, and the extinction probability of a small clone).
 */
class HybridTimeCourseTest {

    private static final Tolerances TOL = new Tolerances(1e-6, 1e-9, 1_000_000, Double.POSITIVE_INFINITY);

    // --- network helpers -------------------------------------------------------------------------------------

    private static Expr sym(String id) {
        return new Expr.Sym(id);
    }

    private static Expr times(Expr... factors) {
        return new Expr.Apply(Op.TIMES, factors);
    }

    private static Expr num(double v) {
        return new Expr.Num(v);
    }

    private static List<SpeciesReference> refs(String... ids) {
        List<SpeciesReference> out = new ArrayList<>();
        for (String id : ids) {
            out.add(SpeciesReference.of(id, 1));
        }
        return out;
    }

    private static Reaction reaction(String id, List<SpeciesReference> reactants, List<SpeciesReference> products,
                                     Expr rate) {
        return new Reaction(id, id, reactants, products, List.of(), rate, false, false);
    }

    private static NetworkBuilder network(String... speciesAndAmounts) {
        NetworkBuilder b = new NetworkBuilder("m").add(new Compartment("c", "c", 3, 1.0, true));
        for (int i = 0; i < speciesAndAmounts.length; i += 2) {
            b.add(new Species(speciesAndAmounts[i], speciesAndAmounts[i], "c",
                    Double.parseDouble(speciesAndAmounts[i + 1]), Double.NaN, true, false, false, null));
        }
        return b;
    }

    /** Moments of each output over replicates: [time][output] mean and unbiased variance, and all values. */
    private record Stats(double[][] mean, double[][] variance, double[][][] values) {
        static Stats of(double[][][] runs) {
            int nt = runs[0].length;
            int nq = runs[0][0].length;
            double[][] m = new double[nt][nq];
            double[][] v = new double[nt][nq];
            for (int i = 0; i < nt; i++) {
                for (int k = 0; k < nq; k++) {
                    double s = 0;
                    for (double[][] r : runs) {
                        s += r[i][k];
                    }
                    m[i][k] = s / runs.length;
                    double ss = 0;
                    for (double[][] r : runs) {
                        ss += (r[i][k] - m[i][k]) * (r[i][k] - m[i][k]);
                    }
                    v[i][k] = ss / (runs.length - 1);
                }
            }
            return new Stats(m, v, runs);
        }
    }

    private static Stats hybrid(HybridModel h, double[] times, int replicates, long seed, String... outputs) {
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        for (String id : outputs) {
            readouts.add(h.model().readout(id, true));
        }
        double[][][] runs = new double[replicates][][];
        for (int r = 0; r < replicates; r++) {
            runs[r] = HybridTimeCourse.run(h, TOL, times, Ensemble.replicateGenerator(seed, r), readouts);
        }
        return Stats.of(runs);
    }

    private static Stats ssa(CompiledModel model, double[] times, int replicates, long seed, String... outputs) {
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        for (String id : outputs) {
            readouts.add(model.readout(id, true));
        }
        StochasticModel system = new StochasticModel(model);
        double[][][] runs = new double[replicates][][];
        for (int r = 0; r < replicates; r++) {
            GridRecorder rec = new GridRecorder(times.length, readouts);
            StochasticTimeCourse.run(system, new DirectMethod(), times, Ensemble.replicateGenerator(seed, r), rec);
            runs[r] = rec.rows();
        }
        return Stats.of(runs);
    }

    /** Standard error of a sample variance s² of n draws with variance sigma2 and fourth central moment mu4. */
    private static double varianceError(double sigma2, double mu4, int n) {
        return Math.sqrt((mu4 - sigma2 * sigma2 * (n - 3.0) / (n - 1.0)) / n);
    }

    // --- (a) every species discrete: the exact jump process -------------------------------------------------

    @Test
    void allDiscreteImmigrationDeathReachesThePoissonStationaryLaw() {
        double k = 10;
        double mu = 1;
        ReactionNetwork n = network("X", "0").add(new Parameter("k", k, true)).add(new Parameter("mu", mu, true))
                .add(reaction("in", List.of(), refs("X"), sym("k")))
                .add(reaction("out", refs("X"), List.of(), times(sym("mu"), sym("X")))).build();
        int reps = 1500;
        Stats s = hybrid(HybridModel.allDiscrete(CompiledModel.compile(n)), new double[] {10}, reps, 11, "X");
        double lambda = k / mu * (1 - Math.exp(-mu * 10)); // Poisson at every time from X(0) = 0
        assertThat(s.mean()[0][0]).isCloseTo(lambda, within(4 * Math.sqrt(lambda / reps)));
        double poissonMu4 = lambda + 3 * lambda * lambda;
        assertThat(s.variance()[0][0]).isCloseTo(lambda, within(4 * varianceError(lambda, poissonMu4, reps)));
        for (double[][] run : s.values()) {
            assertThat(run[0][0]).isEqualTo(Math.rint(run[0][0])); // counts stay whole numbers
        }
    }

    @Test
    void allDiscreteYuleProcessHasTheAnalyticMeanAndVariance() {
        double lambda = 1;
        int n0 = 10;
        double t = 1.5;
        ReactionNetwork n = network("X", String.valueOf(n0)).add(new Parameter("b", lambda, true))
                .add(reaction("div", refs("X"), List.of(SpeciesReference.of("X", 2)), times(sym("b"), sym("X"))))
                .build();
        int reps = 1500;
        Stats s = hybrid(HybridModel.allDiscrete(CompiledModel.compile(n)), new double[] {t}, reps, 12, "X");
        double g = Math.exp(lambda * t);
        double mean = n0 * g; // negative binomial (Yule 1925; Bailey 1964, 8.4)
        double var = n0 * g * g * (1 - 1 / g);
        assertThat(s.mean()[0][0]).isCloseTo(mean, within(4 * Math.sqrt(var / reps)));
        // X - n0 is negative binomial (n0 successes, success probability p = 1/g): excess kurtosis 6/n0 + p²/(n0 q)
        double p = 1 / g;
        double mu4 = var * var * (3 + 6.0 / n0 + p * p / (n0 * (1 - p)));
        assertThat(s.variance()[0][0]).isCloseTo(var, within(4 * varianceError(var, mu4, reps)));
    }

    /**
     * With every species discrete and time-independent propensities the hybrid draws its random numbers in the order
     * of Gillespie's direct method (a waiting time, then at each reaction the channel and the next waiting time), so
     * from the same generator it follows the same path as {@link DirectMethod}, an independent implementation.
     */
    @Test
    void allDiscreteFollowsTheDirectMethodPathByPath() {
        ReactionNetwork n = network("C", "10", "L", "300").add(new Parameter("b", 1.0, true))
                .add(new Parameter("K", 100, true)).add(new Parameter("d", 0.3, true))
                .add(reaction("div", refs("C"), List.of(SpeciesReference.of("C", 2)),
                        times(sym("b"), new Expr.Apply(Op.DIVIDE, sym("L"), new Expr.Apply(Op.PLUS, sym("K"),
                                sym("L"))), sym("C"))))
                .add(reaction("death", refs("C"), List.of(), times(sym("d"), sym("C"))))
                .add(reaction("uptake", refs("L", "C"), refs("C"), times(num(0.002), sym("C"), sym("L")))).build();
        CompiledModel model = CompiledModel.compile(n);
        double[] grid = OutputGrid.uniform(0, 4, 8);
        Stats ssa = ssa(model, grid, 40, 5, "C", "L");
        Stats hyb = hybrid(HybridModel.allDiscrete(model), grid, 40, 5, "C", "L");
        assertThat(hyb.values()).isDeepEqualTo(ssa.values());
        assertThat(ssa.mean()[8][1]).isLessThan(250); // the ligand was used up in part: every channel fired
    }

    // --- (b) every species continuous: the ODE ---------------------------------------------------------------

    @Test
    void allContinuousEqualsTheOde() {
        ReactionNetwork n = network("A", "1000", "B", "0", "C", "0").add(new Parameter("k1", 0.002, true))
                .add(new Parameter("k2", 0.3, true))
                .add(reaction("bind", refs("A", "A"), refs("B"), times(sym("k1"), sym("A"), sym("A"))))
                .add(reaction("conv", refs("B"), refs("C"), times(sym("k2"), sym("B")))).build();
        CompiledModel model = CompiledModel.compile(n);
        double[] grid = OutputGrid.uniform(0, 20, 40);
        List<CompiledModel.Readout> out = List.of(model.readout("A", true), model.readout("B", true),
                model.readout("C", true));
        Tolerances tight = new Tolerances(1e-10, 1e-10, 1_000_000, Double.POSITIVE_INFINITY);
        double[][] ode = TimeCourse.run(model, new BdfMethod(), tight, grid, out);
        HybridModel listed = new HybridModel(model, List.of("A", "B", "C"), Double.POSITIVE_INFINITY);
        double[][] hyb = HybridTimeCourse.run(listed, tight, grid, Ensemble.replicateGenerator(1, 0), out);
        for (int i = 0; i < grid.length; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(hyb[i][k]).as("t=%s species %d", grid[i], k).isCloseTo(ode[i][k], within(1e-6));
            }
        }
        // A + 2B + 2C is conserved at A(0) = 1000 (two A make one B)
        assertThat(hyb[40][0] + 2 * hyb[40][1] + 2 * hyb[40][2]).isCloseTo(1000, within(1e-6));
    }

    // --- (c) a mixed network against the full SSA ---------------------------------------------------------------

    /**
     * Cells C divide at a rate that saturates in a ligand L, which decays and which the cells consume; C is discrete,
     * L (thousands of molecules) continuous. The full SSA, with L in molecules, is the reference: C's mean and
     * variance agree within the statistical error of both ensembles.
     */
    @Test
    void mixedCellsAndLigandAgreeWithTheFullSsa() {
        ReactionNetwork n = network("C", "10", "L", "3000").add(new Parameter("b", 1.0, true))
                .add(new Parameter("K", 1000, true)).add(new Parameter("d", 0.3, true))
                .add(new Parameter("kdeg", 0.2, true)).add(new Parameter("kc", 0.004, true))
                .add(reaction("div", refs("C"), List.of(SpeciesReference.of("C", 2)),
                        times(sym("b"), new Expr.Apply(Op.DIVIDE, sym("L"), new Expr.Apply(Op.PLUS, sym("K"),
                                sym("L"))), sym("C"))))
                .add(reaction("death", refs("C"), List.of(), times(sym("d"), sym("C"))))
                .add(reaction("decay", refs("L"), List.of(), times(sym("kdeg"), sym("L"))))
                .add(reaction("uptake", refs("L"), List.of(), times(sym("kc"), sym("C"), sym("L")))).build();
        CompiledModel model = CompiledModel.compile(n);
        double[] grid = {1.5, 3};
        int reps = 800;
        Stats full = ssa(model, grid, reps, 21, "C", "L");
        Stats hyb = hybrid(new HybridModel(model, List.of("L"), Double.POSITIVE_INFINITY), grid, reps, 22, "C", "L");
        for (int i = 0; i < grid.length; i++) {
            double se = Math.sqrt((full.variance()[i][0] + hyb.variance()[i][0]) / reps);
            assertThat(hyb.mean()[i][0]).as("mean C at %s", grid[i]).isCloseTo(full.mean()[i][0], within(4 * se));
            // variance ratio: each sample variance has relative error about sqrt(2/n) (heavier tails allowed for)
            double ratio = hyb.variance()[i][0] / full.variance()[i][0];
            assertThat(ratio).as("variance ratio of C at %s", grid[i]).isBetween(0.75, 1.33);
            assertThat(hyb.mean()[i][1]).as("mean L at %s", grid[i])
                    .isCloseTo(full.mean()[i][1], within(0.02 * full.mean()[i][1]));
        }
        assertThat(full.mean()[1][0]).isGreaterThan(20); // the cells did grow: the coupling was exercised
    }

    // --- (d) a time-dependent propensity: the integrated clock is exact ----------------------------------------

    @Test
    void timeDependentPropensityFollowsTheIntegratedRate() {
        double k = 2;
        ReactionNetwork n = network("X", "0").add(new Parameter("k", k, true))
                .add(reaction("in", List.of(), refs("X"), times(sym("k"), new Expr.Time()))).build();
        int reps = 3000;
        double[] grid = {0.5, 1, 2};
        Stats s = hybrid(HybridModel.allDiscrete(CompiledModel.compile(n)), grid, reps, 31, "X");
        for (int i = 0; i < grid.length; i++) {
            double m = k * grid[i] * grid[i] / 2; // X(t) ~ Poisson(∫ k s ds)
            assertThat(s.mean()[i][0]).as("mean at %s", grid[i]).isCloseTo(m, within(4 * Math.sqrt(m / reps)));
            double p0 = Math.exp(-m); // P(first jump after t)
            long zeros = java.util.Arrays.stream(s.values()).filter(r -> r[0][0] == 0).count();
            if (i == 0) {
                assertThat((double) zeros / reps).as("P(no jump by 0.5)")
                        .isCloseTo(p0, within(4 * Math.sqrt(p0 * (1 - p0) / reps)));
            }
        }
    }

    // --- (e) events -----------------------------------------------------------------------------------------

    /**
     * A time event switches an immigration on (a parameter the propensity reads), a state event switches it off
     * when X reaches 50 (checked after every jump), and a time event halves a continuous species.
     */
    @Test
    void eventsFireOnTimeAndOnJumpsAndReachThePropensities() {
        ReactionNetwork n = network("X", "0", "Y", "1000").add(new Parameter("k", 0, false))
                .add(reaction("in", List.of(), refs("X"), sym("k")))
                .add(reaction("decay", refs("Y"), List.of(), sym("Y")))
                .add(new Event("on", new Expr.Apply(Op.GEQ, new Expr.Time(), num(1)), false, true, null, null, true,
                        List.of(new Event.Assignment("k", num(100)))))
                .add(new Event("off", new Expr.Apply(Op.GEQ, sym("X"), num(50)), false, true, null, null, true,
                        List.of(new Event.Assignment("k", num(0)))))
                .add(new Event("halve", new Expr.Apply(Op.GEQ, new Expr.Time(), num(1.5)), false, true, null, null,
                        true, List.of(new Event.Assignment("Y", new Expr.Apply(Op.DIVIDE, sym("Y"), num(2))))))
                .build();
        HybridModel h = new HybridModel(CompiledModel.compile(n), List.of("Y"), Double.POSITIVE_INFINITY);
        Stats s = hybrid(h, new double[] {0.99, 1.2, 3}, 200, 41, "X", "Y");
        for (double[][] run : s.values()) {
            assertThat(run[0][0]).isZero(); // nothing before the switch-on
            assertThat(run[2][0]).isEqualTo(50); // stopped exactly at 50
            // the ODE's global error at rtol 1e-6 is about 2e-5 relative here (the plain BDF run has the same)
            assertThat(run[2][1]).isCloseTo(1000 * Math.exp(-3) / 2, within(1e-4 * 1000 * Math.exp(-3)));
        }
        // X(1.2) ~ Poisson(100 * 0.2) = Poisson(20), well below 50
        assertThat(s.mean()[1][0]).isCloseTo(20, within(4 * Math.sqrt(20.0 / 200)));
    }

    // --- threshold re-partitioning ---------------------------------------------------------------------------

    /**
     * A small clone of a birth-death process with a threshold of 50: the clone is discrete while small and may die
     * out, with the branching-process probability [d(e^{(b-d)t} - 1)/(b e^{(b-d)t} - d)]^{n0} (Bailey 1964, 8.6),
     * and continuous once large. The network is linear, so the mean is the ODE's n0 e^{(b-d)t} under any partition.
     */
    @Test
    void aSmallCloneDiesOutWithTheBranchingProbabilityAndKeepsTheLinearMean() {
        double b = 1;
        double d = 0.5;
        int n0 = 2;
        double t = 6;
        ReactionNetwork n = network("X", String.valueOf(n0)).add(new Parameter("b", b, true))
                .add(new Parameter("d", d, true))
                .add(reaction("div", refs("X"), List.of(SpeciesReference.of("X", 2)), times(sym("b"), sym("X"))))
                .add(reaction("die", refs("X"), List.of(), times(sym("d"), sym("X")))).build();
        int reps = 2000;
        HybridModel h = new HybridModel(CompiledModel.compile(n), List.of(), 50);
        Stats s = hybrid(h, new double[] {t}, reps, 51, "X");
        double g = Math.exp((b - d) * t);
        double extinct = Math.pow(d * (g - 1) / (b * g - d), n0);
        long zeros = java.util.Arrays.stream(s.values()).filter(r -> r[0][0] == 0).count();
        assertThat((double) zeros / reps).isCloseTo(extinct, within(4 * Math.sqrt(extinct * (1 - extinct) / reps)));
        double var = n0 * (b + d) / (b - d) * g * (g - 1); // birth-death variance (Bailey 1964, 8.6)
        assertThat(s.mean()[0][0]).isCloseTo(n0 * g, within(4 * Math.sqrt(var / reps)));
        long large = java.util.Arrays.stream(s.values()).filter(r -> r[0][0] > 50).count();
        assertThat(large).isGreaterThan(reps / 4); // most survivors crossed the threshold: both modes were used
    }

    /**
     * A pure death process from 10⁴ with threshold 1000: continuous until it falls below 500, then discrete, its
     * amount rounded keeping the mean. The count at t is binomial(X0, e^{-t}); the hybrid keeps the mean and, as
     * the late randomness comes from the discrete phase, the variance of a binomial with the same mean.
     */
    @Test
    void aDecliningSpeciesReturnsToWholeCountsKeepingTheBinomialLaw() {
        double x0 = 10_000;
        double t = 8;
        ReactionNetwork n = network("X", String.valueOf(x0))
                .add(reaction("die", refs("X"), List.of(), sym("X"))).build();
        int reps = 1500;
        Stats s = hybrid(new HybridModel(CompiledModel.compile(n), List.of(), 1000), new double[] {1, t}, reps, 61,
                "X");
        double p = Math.exp(-t);
        double mean = x0 * p;
        double var = x0 * p * (1 - p);
        assertThat(s.mean()[1][0]).isCloseTo(mean, within(4 * Math.sqrt(var / reps)));
        double mu4 = mean + 3 * mean * mean; // nearly Poisson
        assertThat(s.variance()[1][0]).isCloseTo(var, within(4 * varianceError(var, mu4, reps)));
        for (double[][] run : s.values()) {
            assertThat(run[0][0]).isCloseTo(x0 * Math.exp(-1), within(1e-3 * x0)); // still continuous at t = 1
            assertThat(run[1][0]).isEqualTo(Math.rint(run[1][0])); // whole counts after the return
        }
    }

    @Test
    void replicatesAreReproducibleFromSeedAndReplicate() {
        ReactionNetwork n = network("X", "5", "L", "2000").add(new Parameter("b", 1.0, true))
                .add(reaction("div", refs("X"), List.of(SpeciesReference.of("X", 2)),
                        times(sym("b"), sym("X"), new Expr.Apply(Op.DIVIDE, sym("L"), num(2000)))))
                .add(reaction("use", refs("L"), List.of(), times(num(0.01), sym("X"), sym("L")))).build();
        HybridModel h = new HybridModel(CompiledModel.compile(n), List.of("L"), Double.POSITIVE_INFINITY);
        List<CompiledModel.Readout> out = List.of(h.model().readout("X", true), h.model().readout("L", true));
        double[] grid = OutputGrid.uniform(0, 3, 6);
        double[][] a = HybridTimeCourse.run(h, TOL, grid, Ensemble.replicateGenerator(7, 3), out);
        double[][] b = HybridTimeCourse.run(h, TOL, grid, Ensemble.replicateGenerator(7, 3), out);
        double[][] c = HybridTimeCourse.run(h, TOL, grid, Ensemble.replicateGenerator(7, 4), out);
        assertThat(a).isDeepEqualTo(b);
        assertThat(java.util.Arrays.deepEquals(a, c)).isFalse();
    }

    @Test
    void unknownContinuousSpeciesAndBadThresholdsAreRefused() {
        CompiledModel model = CompiledModel.compile(network("X", "1").add(new Parameter("k", 1, true))
                .add(reaction("die", refs("X"), List.of(), sym("k"))).build());
        assertThatThrownBy(() -> new HybridModel(model, List.of("k"), 10)).isInstanceOf(ModelException.class)
                .hasMessageContaining("'k' is not a species").hasMessageContaining("known: X");
        assertThatThrownBy(() -> new HybridModel(model, List.of(), 0)).isInstanceOf(ModelException.class)
                .hasMessageContaining("threshold must be positive");
    }

    @Test
    void roundingKeepsTheMean() {
        var rng = Ensemble.replicateGenerator(3, 0);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double r = HybridModel.roundKeepingMean(2.3, rng);
            assertThat(r).isIn(2.0, 3.0);
            sum += r;
        }
        assertThat(sum / n).isCloseTo(2.3, within(4 * Math.sqrt(0.21 / n)));
        assertThat(HybridModel.roundKeepingMean(-0.4, rng)).isZero();
    }
}
