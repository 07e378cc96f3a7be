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
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Scenario B7 (SYSTEM.md): Treg homeostasis in the lymph-node patch, filled by the thymus from t = 0, and the IL-2
 * knockouts. The B7 setup ({@link LymphNodeSetup#homeostasis()}) uses immune-models.md §4's producers (constant
 * secretion σ_IL2 = k_prod per self-reactive activated cell, no Tkach shut-off); its steady state is checked against
 * an independent solution of the IL-2 and Treg balances (below), the SYSTEM.md criteria numerically, and the knockout
 * directions of immune-parameters.md F8–F10. The last group keeps the analysis of B7 with Tkach's shut-off in every
 * producer (the bundled table without the B7 overlay), where Tregs starve. Values in docs/immune.md (B7).
 */
class TregHomeostasisTest {

    static final Tolerances TOL = Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10);
    /** 0–1000 days every 10 days: the patch reaches its steady state within a few naive lifespans (50 days). */
    static final double[] T = ImmuneTesting.grid(1000 * DAY, 100);
    static final String[] IDS = {"Treg", LymphNodeModel.TREG_FRACTION, "self_active", "Treg_signal", "IL2_pM",
        LymphNodeModel.THYMIC_TREG_OUTPUT, "CD4_naive", "self_pSTAT5", "self_secreting", LymphNodeModel.SUPPRESSION};
    static final int TREG = 0;
    static final int SHARE = 1;
    static final int SELF_ACTIVE = 2;
    static final int SIGNAL = 3;
    static final int IL2 = 4;
    static final int THYMIC = 5;
    static final int NAIVE = 6;
    static final int SELF_PSTAT5 = 7;
    static final int SECRETING = 8;
    static final int SUPPRESSION = 9;
    static final LymphNodeSetup B7 = LymphNodeSetup.homeostasis();
    /** B7 as first built: Tkach's pSTAT5 shut-off in every producer (the bundled table, no overlay). */
    static final LymphNodeSetup TKACH = B7.withoutOverlay();
    static final ParameterTable P = LymphNodeModel.defaults(B7);
    static final ParameterTable PT = LymphNodeModel.defaults(TKACH);
    /** An anti-IL-2 sink that out-paces every producer: 10⁶ per h, in per min. */
    static final double BLOCKING = 1e6 / 60;
    /**
     * The sink switched on by an event at day 1000: 10⁵ per h, still blocking (Tregs reach θ_R/d_starved). With 10⁶
     * per h the event asks, at these tolerances, for steps below the resolution of time at day 1000 (docs/immune.md B7).
     */
    static final double BLOCKING_BY_EVENT = 1e5 / 60;

    static double[][] run(ReactionNetwork n, double[] t) {
        return ImmuneTesting.run(n, TOL, t, IDS);
    }

    static double[] steady(LymphNodeSetup setup, ParameterTable p) {
        double[][] r = run(LymphNodeModel.build(setup, p), T);
        double[] out = new double[IDS.length];
        for (int k = 0; k < IDS.length; k++) {
            out[k] = r[k][T.length - 1];
            assertThat(r[k][T.length - 2]).as("%s steady", IDS[k]).isCloseTo(out[k], within(1e-6 * Math.abs(out[k])
                    + 1e-12));
        }
        return out;
    }

    static double[] steady(ParameterTable p) {
        return steady(B7, p);
    }

    static double pMax(ParameterTable p) {
        return Math.log(2) / p.value("CD4_doubling");
    }

    static double thymicTregOutput(ParameterTable p) {
        return p.value("thymic_Treg_fraction") * p.value("CD4_naive_ss") * p.value("d_naive") * p.value("Treg_density");
    }

    /** Treg death at signal S: d_min + (d_starved − d_min)(1 − S). */
    static double tregDeath(ParameterTable p, double signal) {
        return p.value("d_Treg_min") + (p.value("d_starved") - p.value("d_Treg_min")) * (1 - signal);
    }

    /** Treg* = θ_R / (d_min + (d_starved − d_min)(1 − S) − p·S) at the simulated signal S (immune-models.md §4). */
    static double analyticTregs(ParameterTable p, double signal) {
        return thymicTregOutput(p) / (tregDeath(p, signal) - pMax(p) * signal);
    }

    /** C(x, y, K) = ½[(x + y + K) − √((x + y + K)² − 4xy)], Tkach's equilibrium complex count (immune-models.md §1). */
    static double complexCount(double x, double y, double k) {
        double sum = x + y + k;
        return (sum - Math.sqrt(sum * sum - 4 * x * y)) / 2;
    }

    /**
     * The B7 steady state solved from the balances alone, without the ODE (valid while the producers are IL-2-starved
     * and the Tregs take nearly all IL-2; the producers' own uptake, about 10⁻³ of the supply, is left out):
     * <ul>
     * <li>self-reactive naive cells: θ_self = (d_naive + [g + v(1 − g)]/t_act)·N, activated cells: g·N/t_act =
     * d_starved·A (starved, so neither dividing nor protected);</li>
     * <li>supply Q = k_prod·g·A (σ_IL2 = k_prod, secretion suppressed by g as well);</li>
     * <li>Tregs: θ_R + p·S·R = d(S)·R gives S(R); S gives pSTAT5 P and signalling complexes Y = K_P·P/(1 − P); the
     * per-cell receptors at steady state are α = k_R(α_Treg + α_STAT·P)/(k_R + d), β = k_R·β_Treg/(k_R + d),
     * X = C(α, β, K_R)·κ/(κ + k_endo + d) and X_βγ = (β − C)·κ_βγ/(κ_βγ + k_endo + d) with κ = k_on·c, which gives
     * the IL-2 level c at which Y is reached;</li>
     * <li>IL-2: Q = R·(k_endo + d)·Y + (k_clear + k_anti)·c·V.</li>
     * </ul>
     * Returns {Tregs, IL-2 in pM, g, activated self-reactive cells}.
     */
    static double[] balanceSolution(ParameterTable p) {
        double[] r = new double[4];
        double lo = thymicTregOutput(p) / p.value("d_starved") * (1 + 1e-9);
        double hi = 1e6;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            double f = imbalance(p, mid, r);
            if (f > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        imbalance(p, lo, r);
        return r;
    }

    /** Supply − Treg uptake − clearance at R Tregs (decreasing in R); fills out = {R, c in pM, g, A}. */
    static double imbalance(ParameterTable p, double tregs, double[] out) {
        double dStarved = p.value("d_starved");
        double signal = (dStarved - thymicTregOutput(p) / tregs) / (pMax(p) + dStarved - p.value("d_Treg_min"));
        double pstat5 = p.value("K_S_Treg") * Math.pow(signal / (1 - signal), 1 / p.value("signal_hill"));
        double y = p.value("K_P") * pstat5 / (1 - pstat5);
        double death = tregDeath(p, signal);
        double kR = Math.log(2) / p.value("t_half_R");
        double kEndo = Math.log(2) / p.value("t_half_endo");
        double alpha = kR * p.value("Treg_CD25") * (p.value("alpha_Treg") + p.value("alpha_STAT") * pstat5)
                / (kR + death);
        double beta = kR * p.value("CD122") * p.value("beta_Treg") / (kR + death);
        double assembled = complexCount(alpha, beta, p.value("K_R"));
        double lo = 1e-15;
        double hi = 1e3;
        for (int i = 0; i < 200; i++) {
            double c = Math.sqrt(lo * hi);
            double on = p.value("k_on") * c;
            double onBg = p.value("k_on_bg") * c;
            double bound = assembled * on / (on + kEndo + death) + (beta - assembled) * onBg / (onBg + kEndo + death);
            if (bound < y) {
                lo = c;
            } else {
                hi = c;
            }
        }
        double c = lo;
        double g = 1 / (1 + tregs * (1 - p.value("suppression_needs_STAT5") * (1 - signal)) / p.value("R50"));
        double thymicSelf = p.value("CD4_naive_ss") * p.value("d_naive") * p.value("thymic_self_fraction");
        double tAct = p.value("t_activation");
        double naive = thymicSelf / (p.value("d_naive") + (g + p.value("suppressed_priming_tolerises") * (1 - g))
                / tAct);
        double active = g * naive / tAct / dStarved;
        double supply = p.value("k_prod") * g * active;
        double volume = p.value("V_patch") * Units.AVOGADRO * 1e-9;
        double clearance = (Math.log(2) / p.value("t_half_clear") + p.value("anti_IL2")) * c * volume;
        out[0] = tregs;
        out[1] = c * 1e3;
        out[2] = g;
        out[3] = active;
        return supply - tregs * (kEndo + death) * y - clearance;
    }

    static double share(ParameterTable p, double tregs, double active) {
        double thymicCd4 = p.value("CD4_naive_ss") * p.value("d_naive");
        double naive = thymicCd4 * (1 - p.value("thymic_self_fraction")) / p.value("d_naive");
        double g = 1 / (1 + tregs / p.value("R50"));
        double selfNaive = thymicCd4 * p.value("thymic_self_fraction") / (p.value("d_naive") + (g
                + p.value("suppressed_priming_tolerises") * (1 - g)) / p.value("t_activation"));
        return tregs / (tregs + naive + selfNaive + active);
    }

    static String describe(String name, double[] s) {
        return String.format("%s: Tregs %.4g (%.2f %% of CD4), self-reactive activated %.4g, Treg signal %.3g, "
                + "IL-2 %.3g pM, naive CD4 %.1f, suppression g %.3f", name, s[TREG], 100 * s[SHARE], s[SELF_ACTIVE],
                s[SIGNAL], s[IL2], s[NAIVE], s[SUPPRESSION]);
    }

    // ---- B7 (immune-models.md §4 producers) ----

    /**
     * SYSTEM.md B7: Tregs 5–15 % of CD4 at steady state (F12: 5–10 % of circulating CD4), with the Treg number set
     * by the producers' IL-2 supply: the ODE steady state matches the balance solution (Tregs, IL-2, suppression)
     * and §4's Treg balance at the simulated signal.
     */
    @Test
    void tregShareIsInTheBandAndSetByTheProducersSupply() {
        double[] wt = steady(P);
        double[] b = balanceSolution(P);
        System.out.println("B7 " + describe("wild type", wt));
        System.out.printf("B7 balance solution: Tregs %.4g, IL-2 %.4g pM, g %.4f, self-reactive activated %.4g, "
                + "share %.2f %%%n", b[0], b[1], b[2], b[3], 100 * share(P, b[0], b[3]));
        assertThat(wt[SHARE]).isBetween(0.05, 0.15);
        assertThat(wt[TREG]).isCloseTo(b[0], within(0.01 * b[0]));
        assertThat(wt[IL2]).isCloseTo(b[1], within(0.01 * b[1]));
        assertThat(wt[SUPPRESSION]).isCloseTo(b[2], within(0.01 * b[2]));
        assertThat(wt[SELF_ACTIVE]).isCloseTo(b[3], within(0.01 * b[3]));
        assertThat(wt[TREG]).isCloseTo(analyticTregs(P, wt[SIGNAL]), within(1e-5 * wt[TREG]));
        assertThat(wt[NAIVE]).isCloseTo(P.value("CD4_naive_ss") * (1 - P.value("thymic_self_fraction")),
                within(1e-5 * wt[NAIVE]));
        // the producers are IL-2-starved and secrete at their full rate (no shut-off)
        assertThat(wt[SECRETING]).isGreaterThan(0.999);
    }

    /**
     * Almeida 2006 / Setoguchi 2005 [M]: the Treg number follows the IL-2 producers. Over 30-fold in the producers'
     * secretion σ_IL2 (k_prod × 0.1 … 3) the Treg share rises monotonically and smoothly: each 3-fold step in supply
     * raises it by 1.2–3-fold (suppression feedback: Tregs lower the producers, so the share grows less than the
     * supply), and every point matches the balance solution. With Tkach's shut-off the share jumps instead (last group).
     */
    @Test
    void tregShareRisesSmoothlyWithTheProducersSupply() {
        double[] factors = {0.1, 0.3, 1, 3};
        double previous = Double.NaN;
        StringBuilder line = new StringBuilder("B7 Treg share vs sigma_IL2 (k_prod x):");
        for (double f : factors) {
            ParameterTable p = P.with("k_prod", f * P.value("k_prod"), "producers' secretion x " + f);
            double[] s = steady(p);
            double[] b = balanceSolution(p);
            line.append(String.format(" %.1f: %.2f %% (balance %.2f %%, self-reactive activated %.3g);", f,
                    100 * s[SHARE], 100 * share(p, b[0], b[3]), s[SELF_ACTIVE]));
            assertThat(s[TREG]).isCloseTo(b[0], within(0.02 * b[0]));
            if (!Double.isNaN(previous)) {
                assertThat(s[SHARE] / previous).isBetween(1.2, 3.0);
            }
            previous = s[SHARE];
        }
        System.out.println(line);
    }

    /**
     * SYSTEM.md B7 and F8–F9: blocking anti-IL-2 or CD122 knockout → Treg loss and autoreactive expansion; CD25
     * knockout milder. Tregs fall to the IL-2-free balance θ_R/d_starved; the self-reactive activated cells, IL-2-starved
     * in every case, scale with the suppression g they see (A = g·N/(t_act·d_starved), N fixed when suppressed encounters
     * tolerise), so their expansion is g_KO/g_WT = 1 + R_WT/R50 for CD122 KO. CD25 KO keeps most Tregs (IL-2Rβγ
     * signals at a higher IL-2) and expands the autoreactive cells less.
     */
    @Test
    void il2BlockadeAndCd122KnockoutLoseTregsAndExpandAutoreactiveCells() {
        double[] wt = steady(P);
        double[] cd25 = steady(P.with("Treg_CD25", 0, "CD25 KO").with("conv_CD25", 0, "CD25 KO"));
        double[] cd122 = steady(P.with("CD122", 0, "CD122 KO"));
        double[] anti = steady(P.with("anti_IL2", BLOCKING, "anti-IL-2, blocking"));
        System.out.printf("B7%n  %s%n  %s%n  %s%n  %s%n", describe("wild type", wt), describe("CD25 KO", cd25),
                describe("CD122 KO", cd122), describe("anti-IL-2", anti));
        double starved = analyticTregs(P, 0);
        for (double[] ko : List.of(cd122, anti)) {
            assertThat(ko[TREG]).isCloseTo(starved, within(0.01 * starved));
            assertThat(wt[TREG] / ko[TREG]).isGreaterThan(50);
            double expansion = ko[SELF_ACTIVE] / wt[SELF_ACTIVE];
            assertThat(expansion).isGreaterThan(2);
            assertThat(expansion).isCloseTo(ko[SUPPRESSION] / wt[SUPPRESSION], within(0.01 * expansion));
        }
        assertThat(cd25[TREG]).isGreaterThan(10 * cd122[TREG]).isLessThan(wt[TREG]);
        assertThat(cd25[SHARE]).isGreaterThan(0.05);
        assertThat(cd25[SELF_ACTIVE]).isGreaterThan(wt[SELF_ACTIVE]).isLessThan(cd122[SELF_ACTIVE]);
    }

    /**
     * D'Cruz & Klein 2005 (F10): thymic output needs no IL-2, survival does. A blocking anti-IL-2 given to the
     * steady-state patch at day 1000 (Setoguchi 2005, F8: anti-IL-2 in normal adult mice) leaves the thymic Treg output
     * unchanged while the Tregs lose their signal and fall to the IL-2-free balance θ_R/d_starved, and the
     * self-reactive activated cells expand; CD122 knockout (no IL-2 signal from the start) sits exactly at that balance.
     */
    @Test
    void thymicOutputNeedsNoIl2ButTregSurvivalDoes() {
        ReactionNetwork n = LymphNodeModel.build(B7);
        n = NetworkEdits.withVariable(n, "anti_IL2");
        n = NetworkEdits.withEvent(n, new Event("anti_IL2_given", new Expr.Apply(Op.GEQ, new Expr.Time(),
                Expr.num(1000 * DAY)), false, true, null, null, true,
                List.of(new Event.Assignment("anti_IL2", Expr.num(BLOCKING_BY_EVENT)))));
        double[] t = {999 * DAY, 1000 * DAY, 1100 * DAY, 1200 * DAY};
        double[][] r = run(n, t);
        double starved = analyticTregs(P, 0);
        System.out.printf("B7 anti-IL-2 at day 1000: Tregs %.4g -> %.4g (IL-2-free balance %.4g); thymic output "
                + "%.4g -> %.4g cells/day; Treg signal %.3g -> %.3g; self-reactive activated %.4g -> %.4g%n",
                r[TREG][0], r[TREG][3], starved, r[THYMIC][0] * DAY, r[THYMIC][3] * DAY, r[SIGNAL][0], r[SIGNAL][3],
                r[SELF_ACTIVE][0], r[SELF_ACTIVE][3]);
        assertThat(r[THYMIC][3]).isEqualTo(r[THYMIC][0]);
        assertThat(r[SIGNAL][3]).isLessThan(0.01 * r[SIGNAL][0]);
        assertThat(r[TREG][3]).isCloseTo(starved, within(0.01 * starved));
        assertThat(r[SELF_ACTIVE][3]).isGreaterThan(2 * r[SELF_ACTIVE][0]);

        double[] cd122 = steady(P.with("CD122", 0, "CD122 knockout"));
        assertThat(cd122[SIGNAL]).isZero();
        assertThat(cd122[TREG]).isCloseTo(starved, within(1e-6 * starved));
    }

    /**
     * Without the shut-off a moderate anti-IL-2 sink is no longer compensated: it takes k_anti·c·V from the supply the
     * Tregs live on, while the Tregs keep IL-2 near the level of their self-renewal signal. A sink of 60 per h
     * (44× the clearance) leaves about half the Tregs, as the balance solution predicts.
     */
    @Test
    void aModerateAntiIl2SinkTakesItsShareOfTheSupply() {
        ParameterTable anti = P.with("anti_IL2", 1.0, "anti-IL-2, 60 per h");
        double[] s = steady(anti);
        double[] b = balanceSolution(anti);
        System.out.printf("B7 anti-IL-2 60/h: Tregs %.4g (balance %.4g), IL-2 %.3g pM, self-reactive activated %.4g%n",
                s[TREG], b[0], s[IL2], s[SELF_ACTIVE]);
        assertThat(s[TREG]).isCloseTo(b[0], within(0.02 * b[0]));
        assertThat(s[TREG]).isLessThan(0.7 * steady(P)[TREG]);
    }

    /**
     * Foxp3 deficiency direction (F9: the CD122 knockout's lymphoproliferation is rescued by Foxp3⁺ Tregs): without
     * Tregs the self-reactive cells' own IL-2 saturates their signal and they divide at p_max = ln 2/13.9 h with no
     * death (d_signalled = 0), without limit; the model has no niche that would stop them.
     */
    @Test
    void withoutTregsTheSelfReactiveCellsRunAwayOnTheirOwnIl2() {
        double[] t = {8 * DAY, 10 * DAY};
        double[][] r = run(LymphNodeModel.build(B7, P.with("Treg_density", 0, "no Tregs")), t);
        double rate = Math.log(r[SELF_ACTIVE][1] / r[SELF_ACTIVE][0]) / (2 * DAY);
        System.out.printf("B7 no Tregs: self-reactive activated %.4g (day 8) -> %.4g (day 10), growth %.4g per day "
                + "(p_max %.4g), IL-2 %.3g pM at day 10%n", r[SELF_ACTIVE][0], r[SELF_ACTIVE][1], rate * DAY,
                pMax(P) * DAY, r[IL2][1]);
        assertThat(r[SELF_ACTIVE][1]).isGreaterThan(1e4 * steady(P)[SELF_ACTIVE]);
        assertThat(rate).isCloseTo(pMax(P), within(0.02 * pMax(P)));
    }

    // ---- B7 with Tkach's shut-off in every producer (no overlay): why the Tregs starve ----

    /** r/τ of the exponent-20 secretion switch at 99 % and at 10⁻⁶ on: (s/(1 − s))^(1/20). */
    static final double SWITCH_99 = Math.pow(99, 1.0 / 20);
    static final double SWITCH_1E6 = Math.pow(1e-6 / (1 - 1e-6), 1.0 / 20);

    /**
     * Why the Tregs starve with Tkach's shut-off (docs/immune.md B7): the self-reactive producers' secretion switch
     * H(r, τ) with r = max(E, floor)/(1 + σ_P·P) pins their own pSTAT5 where the switch is neither off nor fully on.
     * For a Hill switch of exponent 20 between 10⁻⁶ and 99 % on, r/τ lies in [0.501, 1.259], so P lies between
     * (max(E, floor)/(1.259 τ) − 1)/σ_P and (max(E, floor)/(0.501 τ) − 1)/σ_P, around Tkach 2014's shut-off
     * P* = (max(E, floor)/τ − 1)/σ_P (E from the TCR equilibrium). Floor 0: E ≈ 10. The Treg share then jumps
     * between the starved and the replete regime: raising the floor 2.5-fold (20 → 50) multiplies it more than
     * 20-fold.
     */
    @Test
    void withTkachsShutOffProducersSitAtTheirPstat5ShutOffAndTheShareJumps() {
        double e = complexCount(PT.value("n_TCR0"), PT.value("pMHC_self"), PT.value("K_TCR_self"));
        double[] share = new double[2];
        double[] floors = {0, 20, 50};
        for (int i = 0; i < floors.length; i++) {
            double floor = floors[i];
            double[] s = steady(TKACH, PT.with("E_repression_floor", floor, "shut-off floor (sensitivity)"));
            double pStar = (Math.max(e, floor) / PT.value("tau") - 1) / PT.value("sigma_P");
            System.out.printf("B7 (Tkach shut-off) floor %.0f: producers' pSTAT5 %.3g vs P* %.3g (E %.2f), secretion "
                    + "switch %.3g, IL-2 %.3g pM, Treg signal %.3g, Tregs %.3g (%.2f %% of CD4), self-reactive "
                    + "activated %.4g%n", floor, s[SELF_PSTAT5], pStar, e, s[SECRETING], s[IL2], s[SIGNAL], s[TREG],
                    100 * s[SHARE], s[SELF_ACTIVE]);
            if (floor < 50) {
                double max = Math.max(e, floor) / PT.value("tau");
                assertThat(s[SECRETING]).isBetween(1e-6, 0.99);
                assertThat(s[SELF_PSTAT5]).isBetween((max / SWITCH_99 - 1) / PT.value("sigma_P"),
                        (max / SWITCH_1E6 - 1) / PT.value("sigma_P"));
            }
            if (i > 0) {
                share[i - 1] = s[SHARE];
            }
        }
        assertThat(share[1] / share[0]).isGreaterThan(20);
    }

    /**
     * With Tkach's shut-off, the floor at 200 engaged TCR (a sensitivity: Tkach's weakest fitted culture, 1 nM K5 on
     * 10⁴ cells) lets the producers make enough IL-2 for Tregs to self-renew. Tregs then grow until their own
     * consumption pins their signal at the self-renewal balance p·S = d_min + (d_starved − d_min)(1 − S), i.e.
     * S* = d_starved/(p + d_starved − d_min) (thymic input is then a small extra, so S sits just below S*). The
     * knockouts separate as F9 describes: CD122 KO falls to θ_R/d_starved, CD25 KO (IL-2Rβγ still signals) keeps most
     * Tregs, and a blocking anti-IL-2 acts like CD122 KO.
     */
    @Test
    void withTkachsShutOffIl2RepleteTregsSelfRenewAtTheirBalanceSignal() {
        ParameterTable p = PT.with("E_repression_floor", 200, "shut-off floor (sensitivity)");
        double[] wt = steady(TKACH, p);
        double[] cd25 = steady(TKACH, p.with("Treg_CD25", 0, "CD25 KO").with("conv_CD25", 0, "CD25 KO"));
        double[] cd122 = steady(TKACH, p.with("CD122", 0, "CD122 KO"));
        double[] anti = steady(TKACH, p.with("anti_IL2", BLOCKING, "anti-IL-2, blocking"));
        double sStar = p.value("d_starved") / (pMax(p) + p.value("d_starved") - p.value("d_Treg_min"));
        double starved = analyticTregs(p, 0);
        System.out.printf("B7 (Tkach shut-off) floor 200: S* %.4f%n  %s%n  %s%n  %s%n  %s%n", sStar,
                describe("wild type", wt), describe("CD25 KO", cd25), describe("CD122 KO", cd122),
                describe("anti-IL-2", anti));
        assertThat(wt[SIGNAL]).isBetween(0.97 * sStar, sStar);
        assertThat(wt[TREG]).isGreaterThan(100 * starved);
        assertThat(cd122[TREG]).isCloseTo(starved, within(1e-6 * starved));
        assertThat(anti[TREG]).isCloseTo(starved, within(0.01 * starved));
        assertThat(cd25[TREG]).isGreaterThan(0.5 * wt[TREG]);
    }

    /**
     * With Tkach's shut-off a moderate antibody sink (100 per h, 72× the clearance) is compensated: with fixed
     * secretion the IL-2 level would fall by (k_clear + k_anti)/k_clear, but the producers' pSTAT5 shut-off (σ_P)
     * releases, and they secrete more. The IL-2 level falls by far less.
     */
    @Test
    void withTkachsShutOffModerateAntiIl2IsCompensatedByDerepressedSecretion() {
        ParameterTable anti = PT.with("anti_IL2", 100.0 / 60, "anti-IL-2, 100 per h");
        double[] wt = steady(TKACH, PT);
        double[] ab = steady(TKACH, anti);
        double kClear = Math.log(2) / PT.value("t_half_clear");
        double fixedSecretionFall = (kClear + anti.value("anti_IL2")) / kClear;
        double fall = wt[IL2] / ab[IL2];
        System.out.printf("B7 (Tkach shut-off) %s; anti-IL-2 100/h: IL-2 %.3g -> %.3g pM (%.2fx; %.0fx at fixed "
                + "secretion), Tregs %.4g -> %.4g%n", describe("wild type", wt), wt[IL2], ab[IL2], fall,
                fixedSecretionFall, wt[TREG], ab[TREG]);
        assertThat(fall).isGreaterThan(1).isLessThan(fixedSecretionFall / 10);
        assertThat(wt[SHARE]).isLessThan(0.01);
        assertThat(wt[TREG]).isCloseTo(analyticTregs(PT, wt[SIGNAL]), within(1e-5 * wt[TREG]));
    }

    /**
     * Soper 2007 (F9) with Tkach's shut-off: with the bundled self antigen the wild-type Tregs already sit near the
     * IL-2-free balance, so the two knockouts cannot differ; with a self antigen 10× stronger, where IL-2 supports
     * the Tregs, CD25 KO is milder than CD122 KO.
     */
    @Test
    void withTkachsShutOffCd25KnockoutIsMilderOnlyWhereIl2SupportsTregs() {
        for (ParameterTable p : List.of(PT, PT.with("K_TCR_self", PT.value("K_TCR_self") / 10, "self antigen 10x "
                + "stronger (sensitivity)"))) {
            double[] wt = steady(TKACH, p);
            double[] cd25 = steady(TKACH, p.with("Treg_CD25", 0, "CD25 KO").with("conv_CD25", 0, "CD25 KO"));
            double[] cd122 = steady(TKACH, p.with("CD122", 0, "CD122 KO"));
            System.out.printf("B7 (Tkach shut-off) K_TCR_self %.0e%n  %s%n  %s%n  %s%n", p.value("K_TCR_self"),
                    describe("wild type", wt), describe("CD25 KO", cd25), describe("CD122 KO", cd122));
            assertThat(cd122[TREG]).isLessThanOrEqualTo(cd25[TREG] * (1 + 1e-6));
            assertThat(cd122[TREG]).isLessThanOrEqualTo(wt[TREG]);
            if (p != PT) {
                assertThat(wt[TREG] / cd122[TREG]).isGreaterThan(100);
                assertThat(cd25[TREG] / cd122[TREG]).isGreaterThan(10);
            }
        }
    }
}
