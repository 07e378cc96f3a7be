package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Scenario B6, IL-2/anti-IL-2 complexes (Boyman et al. 2006): the fold changes of Treg, NK and memory CD8 at day 5 after
 * injections on days 0-2 (and the Treg share of CD4), for free IL-2, the βγ-directed and the α-directed complex, against
 * the SYSTEM.md B6 criteria;
 * the shared ligand pool checked for conservation (immune-models.md §6 item 6) and its initial uptake rate against a
 * hand computation from the per-cell uptake constants; the division destiny checked as a cap of 2^destiny; and, with
 * uptake and destiny switched off, the network against an independent quadrature of exp(p ∫ S dt).
 */
class Il2ComplexModelTest {

    static final Tolerances TIGHT = Tolerances.DEFAULT.withRelative(1e-9).withAbsolute(1e-9);
    private static final ParameterTable P = Il2ComplexModel.defaults();
    private static final double[] T = ImmuneTesting.grid(7 * DAY, 140);
    private static final String[] POPS = {"Treg", "NK", "CD8_memory"};
    private static final String[] TREATMENTS = {"IL2", "S4B6", "JES6"};

    private static double[][] run(String treatment) {
        ParameterTable p = treatment == null ? P : P.with("give_" + treatment, 1, "test: " + treatment);
        return ImmuneTesting.run(Il2ComplexModel.build(p), TIGHT, T, "Treg_fold", "NK_fold", "CD8_memory_fold",
                Il2ComplexModel.SHARE_FOLD);
    }

    private static double day(double[] xs, double d) {
        return xs[(int) Math.round(d * 20)];
    }

    private static double doseNanomolar() {
        return P.value("IL2_dose") * 1e3 / (P.value("IL2_molar_mass") * P.value("V_distribution"));
    }

    @Test
    void withoutUptakeAndDestinyTheFoldIsExpOfTheIntegratedSignal() {
        // no consumption (the complex decays at its clearance rate alone, §6 case a) and a destiny far above the
        // divisions reached: the chain of generations must sum to N_0·exp(p ∫ S dt). (The cells' generations are
        // Poisson(m), m = p ∫ S; weighted by 2^g they are Poisson(2m), 2m ≈ 30 for NK here, so 80 generations leave a
        // negligible tail beyond the last.) Reference independent of the
        // network: c(t) from the dosing schedule, S from the Hill constants, ∫ by Simpson's rule.
        ParameterTable p = P.with("give_S4B6", 1, "test").with("uptake_scale", 0, "test: no consumption")
                .with("destiny_Treg", 80, "test").with("destiny_NK", 80, "test").with("destiny_CD8_memory", 80, "test");
        ReactionNetwork n = Il2ComplexModel.build(p);
        double[][] r = ImmuneTesting.run(n, TIGHT, T, "Treg_fold", "NK_fold", "CD8_memory_fold", "S4B6");
        double dose = doseNanomolar();
        double k = Math.log(2) / P.value("t_half_complex");
        double[] injections = {0, P.value("injection_2"), P.value("injection_3")};
        int steps = 20_000;
        double end = 5 * DAY;
        double free = 0;
        for (double t0 : injections) {
            free += dose * Math.exp(-k * (end - t0));
        }
        assertThat(day(r[3], 5)).isCloseTo(free, within(1e-6 * free));
        for (int i = 0; i < POPS.length; i++) {
            String pre = POPS[i] + "_S4B6";
            double xMax = n.parametersById().get(pre + "_Xmax").value();
            double ec50 = n.parametersById().get(pre + "_EC50").value();
            double h = n.parametersById().get(pre + "_n").value();
            double ref = n.parametersById().get(POPS[i] + "_IL2_Xmax").value();
            double sum = 0;
            for (int j = 0; j <= steps; j++) {
                double t = end * j / steps;
                double c = 0;
                for (double t0 : injections) {
                    c += t >= t0 ? dose * Math.exp(-k * (t - t0)) : 0;
                }
                double x = Math.pow(c / ec50, h);
                double sig = xMax * x / (1 + x) / ref;
                sum += sig * (j == 0 || j == steps ? 1 : (j % 2 == 1 ? 4 : 2));
            }
            double integral = sum * (end / steps) / 3;
            double expected = Math.exp(P.value("p_" + POPS[i]) * integral);
            assertThat(day(r[i], 5)).as(POPS[i]).isCloseTo(expected, within(1e-4 * expected));
        }
    }

    @Test
    void ligandPoolIsConserved() {
        // free + taken up by cells + cleared = the three injections, for every treatment, at every output time
        double dose = doseNanomolar();
        for (String t : TREATMENTS) {
            ParameterTable p = P.with("give_" + t, 1, "test: " + t);
            double[][] r = ImmuneTesting.run(Il2ComplexModel.build(p), TIGHT, T, t, t + Il2ComplexModel.CONSUMED,
                    t + Il2ComplexModel.CLEARED);
            for (int i = 0; i < T.length; i++) {
                double injected = dose * (1 + (T[i] >= P.value("injection_2") ? 1 : 0)
                        + (T[i] >= P.value("injection_3") ? 1 : 0));
                assertThat(r[0][i] + r[1][i] + r[2][i]).as("%s at %s min", t, T[i])
                        .isCloseTo(injected, within(1e-6 * injected));
            }
            System.out.printf("%s day 7: free %.4g, taken up by cells %.4g, cleared %.4g nM of %.4g%n", t, r[0][140],
                    r[1][140], r[2][140], 3 * dose);
        }
    }

    @Test
    void initialUptakeIsCellsTimesPerCellUptakeOverTheVolume() {
        // uptake in the first minute, by hand: Σ_k N_k·J_k(c0) molecules/min, J from the two-site constants, over V·N_A
        ReactionNetwork n = Il2ComplexModel.build(P.with("give_S4B6", 1, "test"));
        double c0 = doseNanomolar();
        double molecules = 0;
        for (String pop : POPS) {
            String pre = pop + "_S4B6";
            double j1 = n.parametersById().get(pre + "_J1").value();
            double k1 = n.parametersById().get(pre + "_K1").value();
            double j2 = n.parametersById().get(pre + "_J2").value();
            double k2 = n.parametersById().get(pre + "_K2").value();
            molecules += P.value(pop + "_0") * (j1 * c0 / (k1 + c0) + j2 * c0 / (k2 + c0));
        }
        double expected = molecules / (P.value("V_distribution") * Units.AVOGADRO * 1e-9); // nM per min
        double[][] r = ImmuneTesting.run(n, TIGHT, new double[] {0, 1}, "S4B6" + Il2ComplexModel.CONSUMED);
        assertThat(r[0][1]).isCloseTo(expected, within(1e-3 * expected));
    }

    @Test
    void b6ComplexesExpandTheirTargetPopulations() {
        double[][] none = run(null);
        double[][] il2 = run("IL2");
        double[][] s4b6 = run("S4B6");
        double[][] jes6 = run("JES6");
        String[] names = {"none", "free IL-2", "S4B6-type", "JES6-1-type"};
        double[][][] all = {none, il2, s4b6, jes6};
        for (int k = 0; k < all.length; k++) {
            System.out.printf("%s: day-5 fold Treg %.4g NK %.4g CD8 memory %.4g; Treg share of CD4 %.4g-fold%n",
                    names[k], day(all[k][0], 5), day(all[k][1], 5), day(all[k][2], 5), day(all[k][3], 5));
        }
        assertThat(day(none[0], 5)).isEqualTo(1.0);
        // the division destiny caps every fold at 2^destiny
        for (double[][] r : all) {
            for (int i = 0; i < POPS.length; i++) {
                double cap = Math.pow(2, P.value("destiny_" + POPS[i]));
                for (double f : r[i]) {
                    assertThat(f).as(POPS[i]).isLessThanOrEqualTo(cap * (1 + 1e-6));
                }
            }
        }
        // βγ-directed: memory CD8 and NK expand more than 100-fold (F4)
        assertThat(day(s4b6[1], 5)).isGreaterThan(100);
        assertThat(day(s4b6[2], 5)).isGreaterThan(100);
        // α-directed: Tregs expand about 3-4-fold (F4), read at day 5 after injections on days 0-2 (Boyman 2006 /
        // Webster 2009 protocol [M]) and, to show the reading does not decide it, on days 4 to 7 and as the Treg share
        // of CD4. The upper bound is the cap 2^destiny_Treg = 4 (docs/immune.md: met because of that choice).
        for (double d = 4; d <= 7; d++) {
            assertThat(day(jes6[0], d)).as("Treg number, day %s", d).isBetween(3.0, 4.0 * (1 + 1e-6));
        }
        // with f <= 4 the share fold is at most 4·(r0 + c0)/(4·r0 + c0) = 3.08 (table counts), so only its lower
        // bound can fail
        assertThat(day(jes6[3], 5)).as("Treg share of CD4").isGreaterThan(3.0);
        // the share read-out against its definition, from the table's counts
        double r0 = P.value("Treg_0");
        double c0 = P.value("CD4_conv_0");
        double f = day(jes6[0], 5);
        assertThat(day(jes6[3], 5)).isCloseTo(f * r0 / (f * r0 + c0) / (r0 / (r0 + c0)), within(1e-9));
        // ... and selectively: NK and memory CD8 change less than 3-fold and less than the Tregs
        for (int i = 1; i < 3; i++) {
            assertThat(day(jes6[i], 5)).as(POPS[i]).isLessThan(3).isLessThan(day(jes6[0], 5));
        }
        // free IL-2 at the same dose does much less than either complex (short half-life): a tenth of the CD8 fold of
        // the βγ-directed complex, and a third of the Treg gain (fold - 1) of the α-directed one
        assertThat(day(il2[2], 5)).isLessThan(day(s4b6[2], 5) / 10);
        assertThat(day(il2[0], 5) - 1).isLessThan((day(jes6[0], 5) - 1) / 3);
    }

    /**
     * The cap decides how far the Tregs expand, not whether the α-directed complex selects them: with the same
     * destiny as NK and memory CD8 (7), the Tregs' own signal still expands them far more than the others (the
     * destiny-7 run gave 68× against 1.05× and 2.0×, docs/immune.md B6).
     */
    @Test
    void theAlphaDirectedComplexSelectsTregsWhateverTheirDestiny() {
        ParameterTable p = P.with("give_JES6", 1, "test").with("destiny_Treg", P.value("destiny_NK"),
                "test: the NK destiny for Tregs too");
        double[][] r = ImmuneTesting.run(Il2ComplexModel.build(p), TIGHT, T, "Treg_fold", "NK_fold", "CD8_memory_fold");
        assertThat(day(r[0], 5)).isGreaterThan(10 * day(r[1], 5)).isGreaterThan(10 * day(r[2], 5));
    }

    private static final org.il2sim.models.gammachain.ParameterSet SIGNALLING =
            org.il2sim.models.gammachain.ParameterSet.named(org.il2sim.models.gammachain.ParameterSet.IL2SIM);

    /**
     * A signalling read-out of the full 62-state model with the signalling layer (set il2sim) after 24 h of constant
     * IL-2, for Treg and NK cells at 0.003-3 nM, against {@code reduced} applied to the Hill reduction of the active
     * complexes: within 5 %.
     */
    private static void assertReductionMatchesFullModel(String readout,
                                                        java.util.function.DoubleUnaryOperator reduced) {
        double minutes = P.value("signal_readout_time");
        for (String cell : new String[] {"Treg", "NK"}) {
            GammaChainSignal.Hill h = GammaChainSignal.of(cell, "IL2", minutes, P.value("alpha_only_k2_factor"));
            for (double c : new double[] {0.003, 0.03, 0.3, 3}) {
                ReactionNetwork full = org.il2sim.models.gammachain.GammaChainModel.build(
                        org.il2sim.models.gammachain.ReceptorTables.cell(cell),
                        java.util.Map.of(org.il2sim.models.gammachain.Ligand.IL2, c),
                        org.il2sim.models.gammachain.LigandDefinition.named("IL2").apply(SIGNALLING));
                double want = ImmuneTesting.run(full, TIGHT, new double[] {0, minutes}, readout)[0][1];
                assertThat(reduced.applyAsDouble(h.at(c))).as("%s %s at %s nM", readout, cell, c)
                        .isCloseTo(want, within(0.05 * want + 1e-4));
            }
        }
    }

    /**
     * division_signal = 1 reads pAkt: the reduction (the Hill constants of the active complexes at 24 h, then the Akt
     * module's quasi-steady state) against the full model.
     */
    @Test
    void thePaktSignalMatchesTheFullModelWithItsSignallingLayer() {
        assertReductionMatchesFullModel(org.il2sim.models.gammachain.GammaChainModel.PAKT, r -> {
            double u = SIGNALLING.value("k_pi3k_on") * r / SIGNALLING.value("K_AKT");
            double pip3 = u / (u + SIGNALLING.value("k_pip3_off"));
            return SIGNALLING.value("k_akt_on") * pip3 / (SIGNALLING.value("k_akt_on") * pip3
                    + SIGNALLING.value("k_akt_off"));
        });
    }

    /** The Ras/MAPK module's steady state at drive r, by bisection on its own equations (not on the quadratic). */
    private static double erkByBisection(double r) {
        // e = k_erk_on Ras/(k_erk_on Ras + k_erk_off), Ras = v/(v + k_ras_off),
        // v = k_ras_on (R/K_ERK)/(1 + (k_fb_on/k_fb_off) e); f(e) = model(e) - e falls through 0 once
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            double e = (lo + hi) / 2;
            double v = SIGNALLING.value("k_ras_on") * r / SIGNALLING.value("K_ERK")
                    / (1 + SIGNALLING.value("k_fb_on") / SIGNALLING.value("k_fb_off") * e);
            double ras = v / (v + SIGNALLING.value("k_ras_off"));
            double model = SIGNALLING.value("k_erk_on") * ras / (SIGNALLING.value("k_erk_on") * ras
                    + SIGNALLING.value("k_erk_off"));
            if (model > e) {
                lo = e;
            } else {
                hi = e;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * division_signal = 2 reads pERK, the Ras/MAPK module's plateau: its steady state at the reduced complexes against
     * the full model, and the network's quadratic closed form against the module's equations.
     */
    @Test
    void thePerkSignalMatchesTheFullModelWithItsSignallingLayer() {
        assertReductionMatchesFullModel(org.il2sim.models.gammachain.GammaChainModel.PERK,
                Il2ComplexModelTest::erkByBisection);
        // the network's closed form (the quadratic) at the reduced complexes equals the bisection: read at t = 0,
        // where the free IL-2 is the injected dose
        ParameterTable erk = P.with("division_signal", 2, "test: pERK").with("give_IL2", 1, "test");
        double[][] r = ImmuneTesting.run(Il2ComplexModel.build(erk), TIGHT, new double[] {0, 1}, "IL2",
                "NK_active_complexes", "NK_pERK");
        double rate = SIGNALLING.value("k_ras_on") * r[1][0] / SIGNALLING.value("K_ERK");
        double a = SIGNALLING.value("k_fb_on") / SIGNALLING.value("k_fb_off");
        // residual of the steady-state equations at the network's pERK
        double e = r[2][0];
        double ras = rate / (1 + a * e) / (rate / (1 + a * e) + SIGNALLING.value("k_ras_off"));
        double model = SIGNALLING.value("k_erk_on") * ras / (SIGNALLING.value("k_erk_on") * ras + SIGNALLING.value("k_erk_off"));
        assertThat(model).isCloseTo(e, within(1e-12));
        assertThat(e).isBetween(0.0, 1.0);
    }

    /** Another value of division_signal makes the signal NaN, so the run stops at t = 0 instead of guessing. */
    @Test
    void anUnknownDivisionSignalStopsTheRunAtTheStart() {
        ParameterTable bad = P.with("division_signal", 3, "test: no such read-out").with("give_IL2", 1, "test");
        ReactionNetwork n = Il2ComplexModel.build(bad);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImmuneTesting.run(n, TIGHT, new double[] {0, 60},
                "Treg_fold")).hasMessageContaining("NaN").hasMessageContaining("t = 0.0");
        assertThat(org.il2sim.core.sim.CompiledModel.compile(n).initialValue("Treg_signal")).isNaN();
    }

    /** With pAkt or pERK as the division signal the complexes still select their targets (folds at day 5 reported). */
    @Test
    void withPaktOrPerkAsTheDivisionSignalTheComplexesStillSelectTheirTargets() {
        for (int signal = 1; signal <= 2; signal++) {
            selectTheirTargets(signal);
        }
    }

    private static void selectTheirTargets(int signal) {
        double[][][] r = new double[3][][];
        for (int k = 0; k < 3; k++) {
            ParameterTable p = P.with("division_signal", signal, "test: signal").with("give_" + TREATMENTS[k], 1,
                    "test");
            r[k] = ImmuneTesting.run(Il2ComplexModel.build(p), TIGHT, T, "Treg_fold", "NK_fold", "CD8_memory_fold");
            System.out.printf("%s division signal, %s: day-5 fold Treg %.4g NK %.4g CD8 memory %.4g%n",
                    signal == 1 ? "pAkt" : "pERK", TREATMENTS[k], day(r[k][0], 5), day(r[k][1], 5), day(r[k][2], 5));
        }
        // βγ-directed: NK and memory CD8 far above free IL-2; α-directed: Tregs above NK and memory CD8
        assertThat(day(r[1][1], 5)).isGreaterThan(10 * day(r[0][1], 5));
        assertThat(day(r[1][2], 5)).isGreaterThan(10 * day(r[0][2], 5));
        assertThat(day(r[2][0], 5)).isGreaterThan(day(r[2][1], 5)).isGreaterThan(1);
        assertThat(day(r[2][0], 5)).isGreaterThan(day(r[2][2], 5));
    }
}
