package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;
import static org.il2sim.models.immune.ImmuneTesting.HOUR;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.NetworkEdits;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;

/**
 * The lymph-node patch model (scenarios B4/B7) as a network: ids, units and sources, the checks of immune-models.md
 * §6 that do not depend on biology (no cells: clearance only; doubling cells and volume; IL-2 conservation), and a
 * run under tau-leaping. The B4 and B7 criteria are in {@link TregTugOfWarTest} and {@link TregHomeostasisTest}.
 */
class LymphNodeModelTest {

    static final Tolerances TOL = Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10);
    /** Every IL-2 sink and store: with the secreted counter they must balance. */
    static final List<String> IL2_HELD = List.of("IL2_medium", "IL2_internalised", "IL2_cleared", "IL2_neutralised",
            "IL2_lost_with_cells", "Treg_IL2_bound_total", "Treg_IL2_bound_bg_total", "self_active_IL2_bound_total",
            "self_active_IL2_bound_bg_total", "foreign_active_IL2_bound_total", "foreign_active_IL2_bound_bg_total");

    @Test
    void networkHasReadableIdsUnitsAndSources() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.tugOfWar());
        assertThat(n.speciesById()).containsKeys("IL2_medium", "Treg", "CD4_naive", "self_naive", "self_active",
                "foreign_naive", "foreign_active", "Treg_IL2Ra_total", "self_active_IL2_bound_total",
                "foreign_active_boost_total");
        n.parameters().forEach(q -> assertThat(q.source()).as(q.id()).isNotEmpty());
        n.parameters().forEach(q -> assertThat(q.unit()).as(q.id()).isNotEmpty());
        assertThat(LymphNodeModel.quantities()).containsEntry("Treg.fraction", "Treg_fraction");
        assertThat(LymphNodeModel.unitOf("Treg")).isEqualTo("cells");
        assertThat(LymphNodeModel.unitOf("IL2_medium")).isEqualTo("nM");
        assertThat(LymphNodeModel.unitOf("Treg_IL2Ra_total")).isEqualTo("molecules");
        ParameterTable p = LymphNodeModel.defaults();
        assertThat(p.value("k_on")).isCloseTo(1e11 * 1e-9 / 60, within(1e-12)); // M⁻¹h⁻¹ → nM⁻¹min⁻¹
        // ARCADE's IL-2Rβγ k_on, M⁻¹s⁻¹ → nM⁻¹min⁻¹
        assertThat(p.value("k_on_bg")).isCloseTo(3.833e5 * 60e-9, within(1e-9));
        assertThat(p.value("anti_IL2")).isZero();
        CompiledModel m = CompiledModel.compile(n);
        // 1 nM in 1 nL is 6.0e5 molecules; 1 pM is 602 molecules (immune-parameters.md: 1 pM = 6.0e-4 /µm³)
        assertThat(m.initialValue("patch")).isCloseTo(6.022e5, within(1e2));
        // thymic output: 500 naive CD4 × 1/50 per day = 10 cells/day, 4 % of it Tregs
        assertThat(m.initialValue("thymic_CD4_output") * DAY).isCloseTo(10, within(1e-9));
        assertThat(m.initialValue(LymphNodeModel.THYMIC_TREG_OUTPUT) * DAY).isCloseTo(0.4, within(1e-9));
        assertThat(m.initialValue("Treg")).isEqualTo(50);
        assertThat(m.initialValue("Treg_IL2Ra_total")).isEqualTo(50 * 3589);
    }

    /**
     * The B7 setup's overlay table replaces exactly its own values (the producers' secretion and the suppression
     * options), each with a source; B4 uses the bundled table as it is; an overlay id the bundled table lacks is refused.
     */
    @Test
    void homeostasisOverlayReplacesOnlyItsOwnValues() {
        ParameterTable bundled = LymphNodeModel.defaults();
        ParameterTable b7 = LymphNodeModel.defaults(LymphNodeSetup.homeostasis());
        assertThat(LymphNodeModel.defaults(LymphNodeSetup.tugOfWar())).isSameAs(bundled);
        List<String> changed = new ArrayList<>();
        for (var q : bundled.parameters()) {
            if (b7.value(q.id()) != q.value()) {
                changed.add(q.id());
                assertThat(b7.get(q.id()).source()).as(q.id()).contains("replaces");
                assertThat(b7.get(q.id()).unit()).isEqualTo(q.unit());
            }
        }
        assertThat(changed).containsExactlyInAnyOrder("secretion_shutoff", "boost_fold",
                "suppressed_priming_tolerises", "suppression_needs_STAT5");
        assertThat(bundled.value("secretion_shutoff")).isEqualTo(1);
        assertThat(bundled.value("suppressed_priming_tolerises")).isZero();
        assertThat(b7.value("secretion_shutoff")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bundled.overlaid("closed-culture.tsv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not in");
    }

    /** §6 (a): without cells, IL-2 decays at the clearance rate alone, IL(t) = IL(0)·2^(−t/t½). */
    @Test
    void withoutCellsIl2DecaysAtTheClearanceRate() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.homeostasis(),
                LymphNodeModel.defaults().with("CD4_naive_ss", 0, "no thymic output: no cells at all"));
        n = NetworkEdits.withInitial(n, "IL2_medium", 0.01, false); // 10 pM
        double[] t = ImmuneTesting.grid(3 * HOUR, 6);
        double[][] r = ImmuneTesting.run(n, TOL, t, "IL2_medium", "Treg", "self_active");
        double half = LymphNodeModel.defaults().value("t_half_clear");
        for (int i = 0; i < t.length; i++) {
            assertThat(r[0][i]).isCloseTo(0.01 * Math.pow(2, -t[i] / half), within(1e-6 * 0.01));
            assertThat(r[1][i]).isZero();
            assertThat(r[2][i]).isZero();
        }
    }

    /**
     * §6 (e): secreted = medium + bound (αβγ and βγ) + internalised + cleared + neutralised + lost with dying cells,
     * to 1e-6 of the total secreted, at every output time of B4 with an antibody sink switched on.
     */
    @Test
    void il2IsConserved() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.tugOfWar(),
                LymphNodeModel.defaults().with("anti_IL2", 0.5 / 60, "a weak antibody sink, to exercise it"));
        assertConserved(n, ImmuneTesting.grid(12 * DAY, 96), 1e7); // 4e7 molecules, 70 nM-equivalents in 1 nL
    }

    /** The same balance in B7 (constant secretion, tolerising suppression), 100 days from the empty patch. */
    @Test
    void il2IsConservedInTheHomeostasisSetup() {
        LymphNodeSetup b7 = LymphNodeSetup.homeostasis();
        ReactionNetwork n = LymphNodeModel.build(b7, LymphNodeModel.defaults(b7).with("anti_IL2", 0.5 / 60,
                "a weak antibody sink, to exercise it"));
        assertConserved(n, ImmuneTesting.grid(100 * DAY, 100), 1e6);
    }

    static void assertConserved(ReactionNetwork n, double[] t, double minSecreted) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> outs = new ArrayList<>();
        outs.add(m.readout("IL2_secreted", true));
        for (String id : IL2_HELD) {
            outs.add(m.readout(id, true));
        }
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), TOL, t, outs, true);
        double secreted = rows[t.length - 1][0];
        assertThat(secreted).isGreaterThan(minSecreted);
        double[] last = rows[t.length - 1];
        for (int k = 1; k < last.length; k++) {
            assertThat(last[k]).as(IL2_HELD.get(k - 1)).isGreaterThanOrEqualTo(0);
        }
        assertThat(last[1 + IL2_HELD.indexOf("IL2_neutralised")]).isGreaterThan(0);
        assertThat(last[1 + IL2_HELD.indexOf("IL2_lost_with_cells")]).isGreaterThan(0);
        for (double[] row : rows) {
            double held = 0;
            for (int k = 1; k < row.length; k++) {
                held += row[k];
            }
            assertThat(held).isCloseTo(row[0], within(1e-6 * secreted));
        }
    }

    /** §6 (d): doubling every cell number and the volume leaves concentrations and per-cell values unchanged. */
    @Test
    void doublingCellsAndVolumeChangesNoConcentration() {
        ParameterTable p = LymphNodeModel.defaults();
        ParameterTable twice = p;
        for (String id : List.of("V_patch", "Treg_0", "CD4_naive_ss", "self_naive_0", "foreign_naive_0", "R50")) {
            twice = twice.with(id, 2 * p.value(id), "doubled");
        }
        double[] t = ImmuneTesting.grid(12 * DAY, 48);
        String[] ids = {"IL2_medium", "Treg", "self_active", "foreign_active", "Treg_IL2Ra", "self_pSTAT5",
            "Treg_fraction"};
        double[][] one = ImmuneTesting.run(LymphNodeModel.build(LymphNodeSetup.tugOfWar(), p), TOL, t, ids);
        double[][] two = ImmuneTesting.run(LymphNodeModel.build(LymphNodeSetup.tugOfWar(), twice), TOL, t, ids);
        for (int k = 0; k < ids.length; k++) {
            double scale = List.of("Treg", "self_active", "foreign_active").contains(ids[k]) ? 2 : 1;
            double max = ImmuneTesting.max(one[k]);
            for (int i = 0; i < t.length; i++) {
                assertThat(two[k][i]).as("%s at %s min", ids[k], t[i])
                        .isCloseTo(scale * one[k][i], within(1e-4 * scale * max));
            }
        }
    }

    /**
     * The B4 network under tau-leaping for its first 3 hours (longer horizons take minutes: the IL-2 and receptor
     * molecules make millions of events): species stay counts, IL-2 molecules balance exactly in every replicate, and
     * the replicate mean of the cell numbers is near the ODE.
     */
    @Test
    void runsUnderTauLeaping() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.tugOfWar());
        CompiledModel m = CompiledModel.compile(n);
        double[] t = {1 * HOUR, 2 * HOUR, 3 * HOUR};
        List<CompiledModel.Readout> outs = new ArrayList<>();
        outs.add(m.readout("IL2_secreted", true));
        for (String id : IL2_HELD) {
            outs.add(m.readout(id, true));
        }
        outs.add(m.readout("Treg", true));
        outs.add(m.readout("self_active", true));
        outs.add(m.readout("foreign_active", true));
        int replicates = 6;
        double[][] mean = new double[t.length][3];
        for (int r = 0; r < replicates; r++) {
            double[][] rows = StochasticTimeCourse.run(m, Methods.stochastic("tau"), t,
                    Ensemble.replicateGenerator(2014L, r), outs);
            for (int i = 0; i < t.length; i++) {
                double held = 0;
                for (int k = 1; k <= IL2_HELD.size(); k++) {
                    held += rows[i][k];
                    assertThat(rows[i][k]).isGreaterThanOrEqualTo(0);
                    // amounts read back as concentration × size: integers to rounding
                    assertThat(rows[i][k]).isCloseTo(Math.rint(rows[i][k]), within(1e-6));
                }
                assertThat(held).isCloseTo(rows[i][0], within(1e-6));
                for (int c = 0; c < 3; c++) {
                    mean[i][c] += rows[i][IL2_HELD.size() + 1 + c] / replicates;
                }
            }
        }
        double[][] ode = ImmuneTesting.run(n, TOL, t, "Treg", "self_active", "foreign_active");
        for (int i = 0; i < t.length; i++) {
            System.out.printf("tau mean at %4.0f h: Treg %.1f (ODE %.1f), self %.1f (%.1f), foreign %.1f (%.1f)%n",
                    t[i] / HOUR, mean[i][0], ode[0][i], mean[i][1], ode[1][i], mean[i][2], ode[2][i]);
            for (int c = 0; c < 3; c++) {
                // Poisson-scale spread of a mean of the replicates, plus 10 % for the non-linear IL-2 coupling
                double tol = 4 * Math.sqrt(Math.max(ode[c][i], 1) / replicates) + 0.1 * ode[c][i];
                assertThat(mean[i][c]).isCloseTo(ode[c][i], within(tol));
            }
        }
    }
}
