package org.il2sim.tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.models.immune.LymphNodeModel;
import org.il2sim.models.immune.LymphNodeSetup;
import org.il2sim.models.immune.ParameterTable;
import org.junit.jupiter.api.Test;

/**
 * The agent-based patch against independent references: every IL-2 molecule accounted for; its well-mixed limit
 * against the well-mixed ODE model ({@link LymphNodeModel}, a different code path through the network solver);
 * reproducible from its seed; bad values refused by name.
 */
class TregMicroDomainsTest {

    static final double DAY = 1440;

    static double[] grid(double end, int n) {
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = end * i / n;
        }
        return t;
    }

    static int column(String id) {
        return TregMicroDomains.OUTPUTS.indexOf(id);
    }

    static TregMicroDomains.Run run(ParameterTable p, double[] times, long seed) {
        return TregMicroDomains.run(p, times, Ensemble.replicateGenerator(seed, 0), null);
    }

    @Test
    void everyIl2MoleculeIsAccountedFor() {
        // space, moving Tregs, both clones (the foreign antigen ending within the run) and an antibody sink: the field
        // solve, binding, internalisation, clearance and the bound IL-2 of dying cells must add up to what was secreted
        // (Tregs that walk everywhere, Treg_arrest 0, suppress less priming than Tregs gathered on the APCs: more IL-2)
        ParameterTable p = TregMicroDomains.defaults().with("Treg_motility", 60, "test").with("Treg_arrest", 0,
                "test").with("anti_IL2", 0.01, "test").with("foreign_antigen", 1, "test").with("t_foreign_antigen", DAY,
                "test");
        TregMicroDomains.Run r = run(p, grid(1.5 * DAY, 3), 3);
        System.out.printf("IL-2 balance after 1.5 days: %.3g of %.3g molecules secreted%n", r.il2Balance(),
                r.il2Secreted());
        assertThat(r.il2Secreted()).isGreaterThan(1e7);
        assertThat(Math.abs(r.il2Balance())).isLessThan(1e-6 * r.il2Secreted());
    }

    /**
     * Motile Tregs that stop where they touch an APC (Liu 2015: held by their TCR) gather on the APCs; without the
     * arrest the random walk keeps them spread as they started (uniform over free voxels), and held Tregs stay put, as
     * do Tregs in the well-mixed limit. No self-reactive cells, so only motion, and Treg death and division (the held
     * and well-mixed runs show how little those move it), change the share. The arrest acts from the hop that reaches
     * an APC, so a 10-min step gathers them as fast as the 1-min default. Measured (seed 4): 0.195 at the start; at
     * 10 min 0.826 (0.802 with the 10-min step); 0.997 at 1 h; at 6 h 1.000, random walk 0.213, held 0.199, well
     * mixed 0.199.
     */
    @Test
    void motileTregsGatherOnTheApcsWhereTheirTcrHoldsThem() {
        ParameterTable p = TregMicroDomains.defaults().with("self_naive_0", 0, "test").with("thymic_Treg_fraction", 0,
                "test").with("Treg_motility", 75, "test");
        double[] t = {0, 10, 60, 120, 180, 240, 300, 360};
        int atApc = column("Treg_at_APC");
        double[][] arrest = run(p.with("Treg_arrest", 1, "test"), t, 4).samples();
        double[][] longStep = run(p.with("Treg_arrest", 1, "test").with("time_step", 10, "test"), t, 4).samples();
        double[][] walk = run(p.with("Treg_arrest", 0, "test"), t, 4).samples();
        double[][] held = run(p.with("Treg_motility", 0, "test"), t, 4).samples();
        double[][] mixed = run(p.with("well_mixed", 1, "test"), t, 4).samples();
        int last = t.length - 1;
        System.out.printf("Tregs touching an APC: start %.3f; at 10 min with the arrest %.3f (10-min step %.3f), at 1 h"
                + " %.3f; at 6 h with the arrest %.3f, random walk %.3f, held %.3f (start %.3f), well mixed %.3f (start "
                + "%.3f)%n", arrest[0][atApc], arrest[1][atApc], longStep[1][atApc], arrest[2][atApc],
                arrest[last][atApc], walk[last][atApc], held[last][atApc], held[0][atApc], mixed[last][atApc],
                mixed[0][atApc]);
        double uniform = arrest[0][atApc];
        assertThat(uniform).isBetween(0.1, 0.35);
        assertThat(arrest[2][atApc]).isGreaterThan(0.9);
        assertThat(arrest[last][atApc]).isGreaterThan(0.9);
        assertThat(arrest[1][atApc]).isGreaterThan(uniform + 0.3);
        assertThat(longStep[1][atApc]).isCloseTo(arrest[1][atApc], within(0.06));
        assertThat(walk[last][atApc]).isCloseTo(uniform, within(0.07));
        assertThat(held[last][atApc]).isCloseTo(held[0][atApc], within(0.03));
        assertThat(mixed[last][atApc]).isCloseTo(mixed[0][atApc], within(0.03));
    }

    /** Without Tregs IL-2 reaches nM: long steps saturate the free receptors and binding is capped at them. */
    @Test
    void everyIl2MoleculeIsAccountedForAtHighIl2() {
        ParameterTable p = TregMicroDomains.defaults().with("Treg_density", 0, "test").with("box_voxels", 12, "test");
        TregMicroDomains.Run r = run(p, grid(2.5 * DAY, 5), 3);
        double[][] v = r.samples();
        System.out.printf("no Tregs: IL-2 %.0f pM at day 2.5; balance %.3g of %.3g molecules%n",
                v[5][column("IL2_pM")], r.il2Balance(), r.il2Secreted());
        assertThat(v[5][column("IL2_pM")]).isGreaterThan(500);
        assertThat(Math.abs(r.il2Balance())).isLessThan(1e-6 * r.il2Secreted());
    }

    /**
     * The default step (1 min) against a step 8 times shorter, in the fastest regime (no Tregs, IL-2 up to nM):
     * means of 6 replicates agree within 25 % (measured: IL-2 1,764 / 1,751 pM, activated cells 323 / 351).
     */
    @Test
    void theDefaultTimeStepAgreesWithAShorterOne() {
        ParameterTable p = TregMicroDomains.defaults().with("Treg_density", 0, "test").with("box_voxels", 12, "test");
        double[] t = {0, 1.5 * DAY};
        double[][] means = new double[2][];
        double[] steps = {1, 0.125};
        for (int k = 0; k < 2; k++) {
            ParameterTable q = p.with("time_step", steps[k], "test");
            double[] mean = new double[TregMicroDomains.OUTPUTS.size()];
            for (int r = 0; r < 6; r++) {
                double[] end = TregMicroDomains.run(q, t, Ensemble.replicateGenerator(9, r), null).samples()[1];
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += end[j] / 6;
                }
            }
            means[k] = mean;
            System.out.printf("time_step %.3g min: IL-2 %.1f pM, activated %.1f at day 1.5%n", steps[k],
                    mean[column("IL2_pM")], mean[column("self_active")]);
        }
        for (String id : List.of("IL2_pM", "self_active")) {
            assertThat(means[0][column(id)]).as(id).isCloseTo(means[1][column(id)],
                    org.assertj.core.data.Percentage.withPercentage(25));
        }
    }

    /** Scenarios see exactly the values the agents read: no value that would be set to no effect. */
    @Test
    void everyValueOfTheTableIsReadAndNoneElse() throws java.io.IOException {
        // the code without its comments: a value named in a comment is not read
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/java/org/il2sim/tissue/TregMicroDomains.java")).replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\n]*", "");
        java.util.Set<String> read = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bp\\.value\\(\"([A-Za-z0-9_]+)\"\\)")
                .matcher(source);
        while (m.find()) {
            read.add(m.group(1));
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        TregMicroDomains.defaults().parameters().forEach(q -> listed.add(q.id()));
        assertThat(listed).isEqualTo(read);
    }

    /**
     * Counted destiny (Marchingo 2014): a primed self-reactive cell divides while its generation is below
     * N = N_TCR·E/(E + K_E) + N_IL2·S ≤ 1.35 + 2, so it leaves at most 2^⌈3.35⌉ = 16 descendants, even without Tregs
     * and with IL-2 at nM (the rate model has no such bound; in a box it is held by the voxels alone).
     */
    @Test
    void aCountedDestinyBoundsEachPrimedCellsDescendants() {
        ParameterTable p = TregMicroDomains.defaults().with("Treg_density", 0, "test").with("box_voxels", 12, "test");
        double engaged = complex(p.value("n_TCR0"), p.value("pMHC_self"), p.value("K_TCR_self"));
        double most = p.value("destiny_TCR_generations") * engaged / (engaged + p.value("K_TCR_division"))
                + p.value("destiny_IL2_generations");
        double bound = Math.pow(2, Math.ceil(most));
        double[] t = grid(3 * DAY, 12);
        double[][] counted = run(p.with("counted_destiny", 1, "test"), t, 4).samples();
        double largest = 0;
        for (double[] row : counted) {
            assertThat(row[column("self_active")]).isLessThanOrEqualTo(bound * row[column("self_primed_total")]);
            largest = Math.max(largest, row[column("self_active")] / Math.max(1, row[column("self_primed_total")]));
        }
        System.out.printf("activated per primed cell, at most: %.2f (bound %.0f)%n", largest, bound);
        assertThat(bound).isEqualTo(16);
        // the bound is not met trivially: primed cells did divide, several times
        assertThat(largest).isGreaterThan(2);
    }

    /**
     * Treg_counted_destiny 1 (an option): a Treg divides while its generation is below N_IL2·S ≤ 2, so without thymic
     * output the Tregs never exceed 2^2 = 4 times their start; bundled (0) they outgrow that in the same run (IL-2
     * from both clones, 6 days).
     */
    @Test
    void aTregDestinyBoundsTregExpansion() {
        ParameterTable p = TregMicroDomains.defaults().with("foreign_antigen", 1, "test").with("counted_destiny", 1,
                "test").with("thymic_Treg_fraction", 0, "test");
        double bound = Math.pow(2, Math.ceil(p.value("destiny_IL2_generations")));
        double[] t = grid(6 * DAY, 24);
        double[][] bounded = run(p.with("Treg_counted_destiny", 1, "test"), t, 1).samples();
        double[][] bundled = run(p, t, 1).samples();
        int treg = column("Treg");
        double start = bounded[0][treg];
        double mostBounded = 0;
        double mostBundled = 0;
        for (int i = 0; i < t.length; i++) {
            mostBounded = Math.max(mostBounded, bounded[i][treg]);
            mostBundled = Math.max(mostBundled, bundled[i][treg]);
        }
        System.out.printf("Tregs from %.0f: at most %.0f with a Treg destiny (bound %.0f), %.0f without%n", start,
                mostBounded, bound * start, mostBundled);
        assertThat(bound).isEqualTo(4);
        assertThat(mostBounded).isLessThanOrEqualTo(bound * start).isGreaterThan(1.5 * start);
        assertThat(mostBundled).isGreaterThan(bound * start);
    }

    static double complex(double x, double y, double k) {
        return TregMicroDomains.complex(x, y, k);
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        double[] t = grid(DAY, 4);
        double[][] a = run(TregMicroDomains.defaults(), t, 11).samples();
        double[][] b = run(TregMicroDomains.defaults(), t, 11).samples();
        double[][] c = run(TregMicroDomains.defaults(), t, 12).samples();
        assertThat(b).isDeepEqualTo(a);
        assertThat(c[4][column("self_active")]).isNotEqualTo(a[4][column("self_active")]);
    }

    /**
     * The well-mixed limit (one IL-2 pool, every Treg suppressing every cell) of the agents, averaged over
     * replicates, against the ODE of the well-mixed patch with the same values, scaled to the box (8 nL: 8× the cells,
     * R50 = R50_contact / contact share). The ODE is a mean field of the agents: it follows one average cell per
     * population, while agents differ (daughters start with half the receptors), so they agree closely while few
     * cells have divided and drift apart later.
     */
    @Test
    void wellMixedAgentsFollowTheWellMixedOde() {
        String[] ids = {"IL2_pM", "Treg", "self_naive", "self_active"};
        // the micro-domain overlay's producer values in the ODE too (the agents have them by default)
        double[][][] agentsAndOde = wellMixedAgentsAndOde(false, Map.of(), Map.of("boost_fold", 0.0,
                "secretion_shutoff", 0.0), ids, 1, 5);
        // IL-2 without a sampling-noise allowance here (no producer columns): the mean-field tolerance alone
        assertAgree(agentsAndOde, ids);
    }

    /**
     * The same with B4's foreign clone ({@code foreign_antigen} 1): its own engaged TCR and Tkach crosstalk, its
     * antigen ending at half a day (the well-mixed model's event), and Tkach's Boost on both clones (the well-mixed
     * model has one value for both), against the well-mixed ODE of the patch with infection.
     */
    @Test
    void wellMixedAgentsWithTheForeignCloneFollowTheWellMixedOde() {
        String[] ids = {"IL2_pM", "Treg", "self_naive", "self_active", "foreign_naive", "foreign_active"};
        Map<String, Double> both = Map.of("boost_fold", 30.0, "secretion_shutoff", 0.0, "foreign_boost_fold", 30.0,
                "foreign_secretion_shutoff", 0.0, "t_foreign_antigen", DAY / 2);
        double[][][] agentsAndOde = wellMixedAgentsAndOde(true, both, Map.of("boost_fold", 30.0, "secretion_shutoff",
                0.0, "t_foreign_antigen", DAY / 2), ids, 1);
        assertAgree(agentsAndOde, ids, 3, 5);
    }

    /**
     * The foreign clone reads its own Boost and shut-off, not the self clone's: with no self-reactive cells at the
     * start, its values (Boost 30, no shut-off) and the opposite self values (Boost 0, shut-off 1), over 2 days of
     * antigen, against the ODE with Boost 30 and no shut-off. The Boost builds up, so the check can tell: at day 1.5
     * the agents' IL-2 is 0.273 pM, the ODE's 0.363 with the Boost and 0.100 without (measured).
     */
    @Test
    void theForeignCloneReadsItsOwnBoostAndShutOff() {
        // Tregs left out: over 2 days their mean-field drift (daughters with half the receptors) passes 10 %
        String[] ids = {"IL2_pM", "foreign_naive", "foreign_active"};
        Map<String, Double> agents = Map.of("boost_fold", 0.0, "secretion_shutoff", 1.0, "foreign_boost_fold", 30.0,
                "foreign_secretion_shutoff", 0.0, "self_naive_0", 0.0);
        Map<String, Double> ode = Map.of("boost_fold", 30.0, "secretion_shutoff", 0.0, "self_naive_0", 0.0);
        double[][][] agentsAndOde = wellMixedAgentsAndOde(true, agents, ode, ids, 2);
        assertAgree(agentsAndOde, ids, 2);
        // the check can tell: without the Boost the ODE's IL-2 at day 2 is far below the agents'
        Map<String, Double> noBoost = new java.util.HashMap<>(ode);
        noBoost.put("boost_fold", 0.0);
        double[][] unboosted = wellMixedAgentsAndOde(true, agents, noBoost, new String[]{"IL2_pM"}, 2)[1];
        System.out.printf("IL-2 at day 1.5: agents %.3g pM, ODE with Boost %.3g, without %.3g%n",
                agentsAndOde[0][6][0], agentsAndOde[1][6][0], unboosted[6][0]);
        assertThat(agentsAndOde[0][6][0]).isGreaterThan(1.5 * unboosted[6][0]);
    }

    /**
     * Tkach's pSTAT5 shut-off (secretion_shutoff 1, σ_P = 3 × 10⁵) is where agents and the mean field part: a
     * freshly primed agent has no IL-2 receptors yet, so no pSTAT5, and secretes fully, while the ODE shuts every
     * producer off by the population's mean pSTAT5. The agents' IL-2 is then several times the ODE's (measured at day
     * 1, self antigen only: 0.080 vs 0.026 pM) and their self clone smaller (49 vs 138 activated cells, more Tregs);
     * with the same seeds and no shut-off they agree (0.127 vs 0.124 pM). Pinned because docs/tissue.md reports it;
     * the reason the micro-domain values (shut-off 0) are the ones compared.
     */
    @Test
    void tkachsShutOffActsOnEachAgentNotOnTheMeanCell() {
        String[] ids = {"IL2_pM", "self_active", "Treg"};
        double[][] ratio = new double[2][];
        for (int shutoff = 0; shutoff <= 1; shutoff++) {
            Map<String, Double> values = Map.of("boost_fold", 30.0, "secretion_shutoff", (double) shutoff);
            double[][][] agentsAndOde = wellMixedAgentsAndOde(false, values, values, ids, 1);
            double[] agents = agentsAndOde[0][8];
            double[] ode = agentsAndOde[1][8];
            ratio[shutoff] = new double[]{agents[0] / ode[0], agents[1] / ode[1], agents[2] / ode[2]};
        }
        System.out.printf("agents / ODE at day 1, shut-off 0: IL-2 %.2f, activated %.2f, Tregs %.2f; shut-off 1: "
                + "%.2f, %.2f, %.2f%n", ratio[0][0], ratio[0][1], ratio[0][2], ratio[1][0], ratio[1][1], ratio[1][2]);
        assertThat(ratio[0][0]).isCloseTo(1, org.assertj.core.data.Offset.offset(0.2));
        assertThat(ratio[1][0]).isGreaterThan(2);
        assertThat(ratio[1][1]).isLessThan(0.5);
        assertThat(ratio[1][2]).isGreaterThan(1.2);
    }

    /**
     * Counts within 5 % (first half of the samples) or 10 % plus 3 standard errors of a Poisson count's mean over 8
     * replicates (the mean-field error grows with the divisions; counts carry sampling noise); IL-2 within twice that
     * percentage, plus 3 standard errors of the producers' relative mean (IL-2 follows them) when producer columns
     * are given.
     */
    private static void assertAgree(double[][][] agentsAndOde, String[] ids, int... producerColumns) {
        double[][] mean = agentsAndOde[0];
        double[][] o = agentsAndOde[1];
        for (int i = 1; i < o.length; i++) {
            double tolerance = i <= 4 ? 0.05 : 0.10;
            double producers = 0;
            for (int k : producerColumns) {
                producers += o[i][k];
            }
            double il2Noise = producerColumns.length == 0 ? 0 : 3 / Math.sqrt(8 * Math.max(producers, 1));
            assertThat(mean[i][0]).as("IL-2 at sample %s", i).isCloseTo(o[i][0],
                    org.assertj.core.data.Offset.offset((2 * tolerance + il2Noise) * o[i][0]));
            for (int k = 1; k < ids.length; k++) {
                double expected = o[i][k];
                double allowed = tolerance * expected + 3 * Math.sqrt(expected / 8);
                assertThat(mean[i][k]).as("%s at sample %s", ids[k], i).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(allowed));
            }
        }
    }

    /**
     * Means over 8 replicates (from seed 6 unless given) of the well-mixed agents and the well-mixed ODE, each with
     * its own changed values, over the given days, 9 samples: [agents or ODE][sample][id].
     */
    private static double[][][] wellMixedAgentsAndOde(boolean infection, Map<String, Double> agentValues,
                                                      Map<String, Double> odeValues, String[] ids, double days) {
        return wellMixedAgentsAndOde(infection, agentValues, odeValues, ids, days, 6);
    }

    private static double[][][] wellMixedAgentsAndOde(boolean infection, Map<String, Double> agentValues,
                                                      Map<String, Double> odeValues, String[] ids, double days,
                                                      long seed) {
        ParameterTable agents = TregMicroDomains.defaults().with("well_mixed", 1, "test")
                .with("foreign_antigen", infection ? 1 : 0, "test");
        for (Map.Entry<String, Double> e : agentValues.entrySet()) {
            agents = agents.with(e.getKey(), e.getValue(), "test");
        }
        double[] t = grid(days * DAY, 8);
        int replicates = 8;
        double[][] mean = new double[t.length][ids.length];
        for (int r = 0; r < replicates; r++) {
            double[][] v = TregMicroDomains.run(agents, t, Ensemble.replicateGenerator(seed, r), null).samples();
            for (int i = 0; i < t.length; i++) {
                for (int k = 0; k < ids.length; k++) {
                    mean[i][k] += v[i][column(ids[k])] / replicates;
                }
            }
        }
        double scale = boxVolume(agents) / agents.value("V_patch");
        double contact = Math.pow(2 * agents.value("contact_radius") + 1, 3) / Math.pow(agents.value("box_voxels"), 3);
        ParameterTable ode = LymphNodeModel.defaults();
        for (Map.Entry<String, Double> e : odeValues.entrySet()) {
            ode = ode.with(e.getKey(), e.getValue(), "test");
        }
        for (String id : List.of("V_patch", "Treg_0", "self_naive_0", "foreign_naive_0", "CD4_naive_ss")) {
            ode = ode.with(id, ode.value(id) * scale, "scaled to the agents' box");
        }
        ode = ode.with("R50", agents.value("R50_contact") / contact, "the agents' contact rule, averaged");
        CompiledModel m = CompiledModel.compile(LymphNodeModel.build(new LymphNodeSetup(infection, false), ode));
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : ids) {
            outs.add(m.readout(id, !id.equals("IL2_pM")));
        }
        double[][] o = TimeCourse.run(m, Methods.defaultOde(), Tolerances.DEFAULT.withRelative(1e-8)
                .withAbsolute(1e-10), t, outs, true);
        for (int i = 1; i < t.length; i++) {
            StringBuilder line = new StringBuilder(String.format("%.2f d:", t[i] / DAY));
            for (int k = 0; k < ids.length; k++) {
                line.append(String.format(" %s %.4g / %.4g", ids[k], mean[i][k], o[i][k]));
            }
            System.out.println(line + " (agents / ODE; " + odeValues + ")");
        }
        return new double[][][]{mean, o};
    }

    static double boxVolume(ParameterTable p) {
        double side = p.value("box_voxels") * p.value("voxel_edge") * 1e-5;  // µm → dm
        return side * side * side;                                          // L
    }

    @Test
    void badValuesAreRefusedByName() {
        double[] t = grid(10, 1);
        ParameterTable p = TregMicroDomains.defaults();
        assertThatThrownBy(() -> run(p.with("box_voxels", 2.5, "test"), t, 1)).hasMessageContaining("box_voxels");
        assertThatThrownBy(() -> run(p.with("contact_radius", 10, "test"), t, 1))
                .hasMessageContaining("contact_radius");
        assertThatThrownBy(() -> run(p.with("well_mixed", 0.5, "test"), t, 1)).hasMessageContaining("well_mixed");
        assertThatThrownBy(() -> run(p.with("foreign_antigen", 2, "test"), t, 1))
                .hasMessageContaining("foreign_antigen");
        // E/(E + K_TCR_division) is 0/0 once the foreign antigen is gone
        assertThatThrownBy(() -> run(p.with("K_TCR_division", 0, "test"), t, 1))
                .hasMessageContaining("K_TCR_division must be positive");
        assertThatThrownBy(() -> run(p.with("foreign_secretion_shutoff", 1.5, "test"), t, 1))
                .hasMessageContaining("foreign_secretion_shutoff must be from 0 to 1");
        assertThatThrownBy(() -> run(p.with("APC_density", 0, "test"), t, 1)).hasMessageContaining("APC_density");
        assertThatThrownBy(() -> run(p.with("R50_contact", 0, "test"), t, 1)).hasMessageContaining("R50_contact");
        assertThatThrownBy(() -> run(p.with("counted_destiny", 0.5, "test"), t, 1))
                .hasMessageContaining("counted_destiny");
        assertThatThrownBy(() -> run(p.with("Treg_counted_destiny", 0.5, "test"), t, 1))
                .hasMessageContaining("Treg_counted_destiny must be 0");
        assertThatThrownBy(() -> run(p.with("Treg_arrest", 0.5, "test"), t, 1))
                .hasMessageContaining("Treg_arrest must be 0");
        assertThatThrownBy(() -> run(p.with("contact_radius", 0, "test"), t, 1))
                .hasMessageContaining("Treg_arrest 1 needs contact_radius of at least 1");
        assertThatThrownBy(() -> run(p.with("suppression_needs_STAT5", 2, "test"), t, 1))
                .hasMessageContaining("suppression_needs_STAT5 must be from 0 to 1");
        assertThatThrownBy(() -> run(p, new double[]{10, 5}, 1)).hasMessageContaining("ascend");
        assertThatThrownBy(() -> run(p.with("V_patch", 0, "test"), t, 1)).hasMessageContaining("V_patch");
        assertThatThrownBy(() -> run(p.with("self_naive_0", -3, "test"), t, 1))
                .hasMessageContaining("self_naive_0");
        assertThatThrownBy(() -> run(p.with("time_step", 1e-300, "test"), t, 1)).hasMessageContaining("time_step");
        assertThatThrownBy(() -> run(p.with("box_voxels", 1000, "test"), t, 1)).hasMessageContaining("box_voxels");
        // more cells than voxels
        assertThatThrownBy(() -> run(p.with("box_voxels", 4, "test").with("Treg_density", 25, "test"), t, 1))
                .hasMessageContaining("the box holds 64 cells");
    }
}
