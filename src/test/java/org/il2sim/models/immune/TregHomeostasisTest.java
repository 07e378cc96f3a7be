package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkEdits;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Scenario B7 (SYSTEM.md): Treg homeostasis in the lymph-node patch, filled by the thymus from t = 0, and the IL-2
 * knockouts. Checks against the analytic Treg balance of immune-models.md §4 and the knockout directions; the
 * values, and the criteria the bundled parameters miss (Treg share of CD4, autoreactive expansion), are in
 * docs/immune.md (B7).
 */
class TregHomeostasisTest {

    static final Tolerances TOL = Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10);
    /** 0–1000 days every 10 days: the patch reaches its steady state within a few naive lifespans (50 days). */
    static final double[] T = ImmuneTesting.grid(1000 * DAY, 100);
    static final String[] IDS = {"Treg", LymphNodeModel.TREG_FRACTION, "self_active", "Treg_signal", "IL2_pM",
        LymphNodeModel.THYMIC_TREG_OUTPUT, "CD4_naive", "self_pSTAT5", "self_secreting"};
    static final ParameterTable P = LymphNodeModel.defaults();
    /** An anti-IL-2 sink that out-paces every producer: 10⁶ per h, in per min. */
    static final double BLOCKING = 1e6 / 60;

    static double[][] run(ReactionNetwork n, double[] t) {
        return ImmuneTesting.run(n, TOL, t, IDS);
    }

    static double[] steady(ParameterTable p) {
        double[][] r = run(LymphNodeModel.build(LymphNodeSetup.homeostasis(), p), T);
        double[] out = new double[IDS.length];
        for (int k = 0; k < IDS.length; k++) {
            out[k] = r[k][T.length - 1];
            assertThat(r[k][T.length - 2]).as("%s steady", IDS[k]).isCloseTo(out[k], within(1e-6 * Math.abs(out[k])
                    + 1e-12));
        }
        return out;
    }

    /** Treg* = θ_R / (d_min + (d_starved − d_min)(1 − S) − p·S) at the simulated signal S (immune-models.md §4). */
    static double analyticTregs(ParameterTable p, double signal) {
        double theta = p.value("thymic_Treg_fraction") * p.value("CD4_naive_ss") * p.value("d_naive")
                * p.value("Treg_density");
        double death = p.value("d_Treg_min") + (p.value("d_starved") - p.value("d_Treg_min")) * (1 - signal);
        return theta / (death - Math.log(2) / p.value("CD4_doubling") * signal);
    }

    static String describe(String name, double[] s) {
        return String.format("%s: Tregs %.3g (%.2f %% of CD4), self-reactive activated %.3g, Treg signal %.3g, "
                + "IL-2 %.3g pM, naive CD4 %.1f", name, s[0], 100 * s[1], s[2], s[3], s[4], s[6]);
    }

    @Test
    void steadyStateFollowsTheAnalyticTregBalance() {
        double[] wt = steady(P);
        System.out.println("B7 " + describe("wild type", wt));
        assertThat(wt[0]).isCloseTo(analyticTregs(P, wt[3]), within(1e-5 * wt[0]));
        assertThat(wt[6]).isCloseTo(P.value("CD4_naive_ss") * (1 - P.value("thymic_self_fraction")),
                within(1e-5 * wt[6]));
    }

    /**
     * D'Cruz & Klein 2005 (F10): thymic output needs no IL-2, survival does. An anti-IL-2 sink that blocks IL-2
     * (10⁶ per h: weaker sinks are compensated, see the next test), given to the steady-state patch at day 1000,
     * leaves the thymic Treg output unchanged while the Tregs lose their signal and fall to the IL-2-free balance
     * θ_R/d_starved; CD122 knockout (no IL-2 signal from the start) sits exactly there.
     */
    @Test
    void thymicOutputNeedsNoIl2ButTregSurvivalDoes() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.homeostasis());
        n = NetworkEdits.withVariable(n, "anti_IL2");
        n = NetworkEdits.withEvent(n, new Event("anti_IL2_given", new Expr.Apply(Op.GEQ, new Expr.Time(),
                Expr.num(1000 * DAY)), false, true, null, null, true,
                List.of(new Event.Assignment("anti_IL2", Expr.num(BLOCKING)))));
        double[] t = {999 * DAY, 1000 * DAY, 1100 * DAY, 1200 * DAY};
        double[][] r = run(n, t);
        double starved = analyticTregs(P, 0);
        System.out.printf("B7 anti-IL-2 at day 1000: Tregs %.4g -> %.4g (IL-2-free balance %.4g); thymic output "
                + "%.4g -> %.4g cells/day; Treg signal %.3g -> %.3g; self-reactive activated %.3g -> %.3g%n",
                r[0][0], r[0][3], starved, r[5][0] * DAY, r[5][3] * DAY, r[3][0], r[3][3], r[2][0], r[2][3]);
        assertThat(r[5][3]).isEqualTo(r[5][0]);
        assertThat(r[3][3]).isLessThan(0.01 * r[3][0]);
        assertThat(r[0][3]).isLessThan(r[0][0]);
        assertThat(r[0][3]).isCloseTo(starved, within(0.01 * starved));

        double[] cd122 = steady(P.with("CD122", 0, "CD122 knockout"));
        System.out.println("B7 " + describe("CD122 KO", cd122));
        assertThat(cd122[3]).isZero();
        assertThat(cd122[0]).isCloseTo(starved, within(1e-6 * starved));
    }

    /**
     * A moderate antibody sink (100 per h, 72× the clearance) is compensated: with fixed secretion the IL-2 level would
     * fall by (k_clear + k_anti)/k_clear, but the self-reactive producers' pSTAT5 shut-off (σ_P) releases, and they
     * secrete more. The IL-2 level falls by far less, and the Tregs barely change.
     */
    @Test
    void moderateAntiIl2IsCompensatedByDerepressedSecretion() {
        ParameterTable anti = P.with("anti_IL2", 100.0 / 60, "anti-IL-2, 100 per h");
        double[][] wt = run(LymphNodeModel.build(LymphNodeSetup.homeostasis(), P), T);
        double[][] ab = run(LymphNodeModel.build(LymphNodeSetup.homeostasis(), anti), T);
        int e = T.length - 1;
        double kClear = Math.log(2) / P.value("t_half_clear");
        double fixedSecretionFall = (kClear + anti.value("anti_IL2")) / kClear;
        double fall = wt[4][e] / ab[4][e];
        System.out.printf("B7 anti-IL-2 100/h: IL-2 %.3g -> %.3g pM (%.2fx; %.0fx at fixed secretion), Tregs %.4g -> "
                + "%.4g%n", wt[4][e], ab[4][e], fall, fixedSecretionFall, wt[0][e], ab[0][e]);
        assertThat(fall).isGreaterThan(1).isLessThan(fixedSecretionFall / 10);
    }

    /**
     * Soper 2007 (F9): CD25 knockout is milder than CD122 knockout, because IL-2Rβγ still signals. With the bundled
     * self antigen the wild-type Tregs already sit near the IL-2-free balance, so the two knockouts cannot differ
     * (docs/immune.md); the comparison is made where IL-2 does support the Tregs, a self antigen 10× stronger.
     */
    @Test
    void cd25KnockoutIsMilderThanCd122KnockoutWhereIl2SupportsTregs() {
        for (ParameterTable p : List.of(P, P.with("K_TCR_self", P.value("K_TCR_self") / 10, "self antigen 10x "
                + "stronger (sensitivity)"))) {
            double[] wt = steady(p);
            double[] cd25 = steady(p.with("Treg_CD25", 0, "CD25 KO").with("conv_CD25", 0, "CD25 KO"));
            double[] cd122 = steady(p.with("CD122", 0, "CD122 KO"));
            double[] anti = steady(p.with("anti_IL2", BLOCKING, "anti-IL-2, blocking"));
            System.out.printf("B7 K_TCR_self %.0e%n  %s%n  %s%n  %s%n  %s%n", p.value("K_TCR_self"),
                    describe("wild type", wt), describe("CD25 KO", cd25), describe("CD122 KO", cd122),
                    describe("anti-IL-2", anti));
            assertThat(cd122[0]).isLessThanOrEqualTo(cd25[0] * (1 + 1e-6));
            assertThat(cd122[0]).isLessThanOrEqualTo(wt[0]);
            if (p != P) {
                assertThat(wt[0] / cd122[0]).isGreaterThan(100);
                assertThat(cd25[0] / cd122[0]).isGreaterThan(10);
            }
        }
    }

    /** r/τ of the exponent-20 secretion switch at 99 % and at 10⁻⁶ on: (s/(1 − s))^(1/20). */
    static final double SWITCH_99 = Math.pow(99, 1.0 / 20);
    static final double SWITCH_1E6 = Math.pow(1e-6 / (1 - 1e-6), 1.0 / 20);

    /** C(x, y, K) = ½[(x + y + K) − √((x + y + K)² − 4xy)], Tkach's equilibrium complex count (immune-models.md §1). */
    static double complexCount(double x, double y, double k) {
        double sum = x + y + k;
        return (sum - Math.sqrt(sum * sum - 4 * x * y)) / 2;
    }

    /**
     * Why the Tregs starve (docs/immune.md B7): the self-reactive producers' secretion switch H(r, τ) with
     * r = max(E, floor)/(1 + σ_P·P) pins their own pSTAT5 where the switch is neither off nor fully on. For a Hill
     * switch of exponent 20 between 10⁻⁶ and 99 % on, r/τ lies in [0.501, 1.259], so P lies between
     * (max(E, floor)/(1.259 τ) − 1)/σ_P and (max(E, floor)/(0.501 τ) − 1)/σ_P, around Tkach 2014's shut-off
     * P* = (max(E, floor)/τ − 1)/σ_P (E from the TCR equilibrium). Bundled: floor 0, E ≈ 10.
     */
    @Test
    void producersSitAtTheirPstat5ShutOff() {
        double e = complexCount(P.value("n_TCR0"), P.value("pMHC_self"), P.value("K_TCR_self"));
        for (double floor : new double[] {0, 20}) {
            double[] s = steady(P.with("E_repression_floor", floor, "shut-off floor (sensitivity)"));
            double pStar = (Math.max(e, floor) / P.value("tau") - 1) / P.value("sigma_P");
            System.out.printf("B7 shut-off floor %.0f: producers' pSTAT5 %.3g vs P* %.3g (E %.2f), secretion switch "
                    + "%.3g, IL-2 %.3g pM, Treg signal %.3g, Tregs %.3g%n", floor, s[7], pStar, e, s[8], s[4], s[3],
                    s[0]);
            double max = Math.max(e, floor) / P.value("tau");
            assertThat(s[8]).isBetween(1e-6, 0.99);
            assertThat(s[7]).isBetween((max / SWITCH_99 - 1) / P.value("sigma_P"), (max / SWITCH_1E6 - 1)
                    / P.value("sigma_P"));
        }
    }

    /**
     * With the shut-off floor at 200 engaged TCR (a sensitivity: Tkach's weakest fitted culture, 1 nM K5 on 10⁴
     * cells), the producers make enough IL-2 for Tregs to self-renew. Tregs then grow until their own consumption
     * pins their signal at the self-renewal balance p·S = d_min + (d_starved − d_min)(1 − S), i.e.
     * S* = d_starved/(p + d_starved − d_min) (thymic input is then a small extra, so S sits just below S*). In this
     * IL-2-replete regime the knockouts separate as F9 describes: CD122 KO falls to the IL-2-free balance
     * θ_R/d_starved, CD25 KO (IL-2Rβγ still signals) keeps most Tregs, and a blocking anti-IL-2 acts like CD122 KO.
     */
    @Test
    void il2RepleteTregsSelfRenewAtTheirBalanceSignal() {
        ParameterTable p = P.with("E_repression_floor", 200, "shut-off floor (sensitivity)");
        double[] wt = steady(p);
        double[] cd25 = steady(p.with("Treg_CD25", 0, "CD25 KO").with("conv_CD25", 0, "CD25 KO"));
        double[] cd122 = steady(p.with("CD122", 0, "CD122 KO"));
        double[] anti = steady(p.with("anti_IL2", BLOCKING, "anti-IL-2, blocking"));
        double pMax = Math.log(2) / p.value("CD4_doubling");
        double sStar = p.value("d_starved") / (pMax + p.value("d_starved") - p.value("d_Treg_min"));
        double starved = analyticTregs(p, 0);
        System.out.printf("B7 shut-off floor 200: S* %.4f%n  %s%n  %s%n  %s%n  %s%n", sStar, describe("wild type", wt),
                describe("CD25 KO", cd25), describe("CD122 KO", cd122), describe("anti-IL-2", anti));
        assertThat(wt[3]).isBetween(0.97 * sStar, sStar);
        assertThat(wt[0]).isGreaterThan(100 * starved);
        assertThat(cd122[0]).isCloseTo(starved, within(1e-6 * starved));
        assertThat(anti[0]).isCloseTo(starved, within(0.01 * starved));
        assertThat(cd25[0]).isGreaterThan(0.5 * wt[0]);
    }
}
