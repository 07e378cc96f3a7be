package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;
import static org.il2sim.models.immune.ImmuneTesting.HOUR;

import java.util.List;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Scenario B4 (SYSTEM.md): Tregs, a weak (self) and a strong (foreign) CD4 clone in one lymph-node patch, bundled
 * parameters. Each criterion is measured from the simulation; docs/immune.md (B4) lists the values and which
 * criteria the model misses with them (the strong clone does not expand; the density response is not switch-like),
 * and what the TCR-programmed division variant changes (the strong clone escapes; the weak clone is co-opted).
 */
class TregTugOfWarTest {

    static final Tolerances TOL = Tolerances.DEFAULT.withRelative(1e-6).withAbsolute(1e-8);
    /** 0–12 days every hour. */
    static final double[] T = ImmuneTesting.grid(12 * DAY, 288);
    static final double START = LymphNodeModel.defaults().value("self_naive_0");

    /** Marchingo 2014's destiny split, 15 TCR-driven generations of 17 (immune-parameters.md K9). */
    static final double MARCHINGO = 15.0 / 17;

    /** self total, foreign total, Treg share of the IL-2 signal, Tregs. */
    static double[][] run(ParameterTable p) {
        return run(p, T);
    }

    static double[][] run(ParameterTable p, double[] T) {
        return run(LymphNodeSetup.tugOfWar(), p, T);
    }

    static double[][] run(LymphNodeSetup setup, ParameterTable p, double[] T) {
        double[][] r = ImmuneTesting.run(LymphNodeModel.build(setup, p), TOL, T, "self_naive",
                "self_active", "foreign_naive", "foreign_active", LymphNodeModel.TREG_SIGNAL_SHARE, "Treg");
        double[][] out = new double[4][T.length];
        for (int i = 0; i < T.length; i++) {
            out[0][i] = r[0][i] + r[1][i];
            out[1][i] = r[2][i] + r[3][i];
            out[2][i] = r[4][i];
            out[3][i] = r[5][i];
        }
        return out;
    }

    static ParameterTable with(String id, double value) {
        return LymphNodeModel.defaults().with(id, value, "B4 intervention");
    }

    /** O'Gorman 2009 (S9): within hours of priming, IL-2-driven pSTAT5 is mainly in Tregs. */
    @Test
    void earlyPstat5IsMostlyInTregs() {
        double[][] r = run(LymphNodeModel.defaults());
        double mean = 0;
        for (int i = 1; i <= 24; i++) {
            mean += r[2][i] / 24;
        }
        System.out.printf("B4 Treg share of the IL-2 signal: 1 h %.3f, 6 h %.3f, 12 h %.3f, 24 h %.3f; mean over "
                + "the first day %.3f%n", r[2][1], r[2][6], r[2][12], r[2][24], mean);
        for (int i = 1; i <= 12; i++) {
            assertThat(r[2][i]).as("share at %s h", i).isGreaterThan(0.5);
        }
        assertThat(mean).isGreaterThan(0.5);
    }

    /** Wong 2021 (S8): self-activated cells expand transiently, then are pruned; the strong clone should escape. */
    @Test
    void weakSelfCloneIsPruned() {
        double[][] r = run(LymphNodeModel.defaults());
        int end = T.length - 1;
        System.out.printf("B4 baseline: self clone peak %.1f (day %.2f), day 12 %.1f; foreign clone peak %.1f "
                        + "(day %.2f), day 12 %.2f; start %.0f each%n", ImmuneTesting.max(r[0]),
                T[ImmuneTesting.argMax(r[0])] / DAY, r[0][end], ImmuneTesting.max(r[1]),
                T[ImmuneTesting.argMax(r[1])] / DAY, r[1][end], START);
        assertThat(r[0][end]).isLessThan(START / 2);
    }

    /** Removing Tregs, or their CD25, lets the weak clone expand (B4; Feinerman 2010, P9). */
    @Test
    void removingTregsOrTheirCd25LetsTheWeakCloneExpand() {
        double base = ImmuneTesting.max(run(LymphNodeModel.defaults())[0]);
        double noTregs = ImmuneTesting.max(run(with("Treg_density", 0))[0]);
        double noCd25 = ImmuneTesting.max(run(with("Treg_CD25", 0))[0]);
        System.out.printf("B4 self clone peak: baseline %.1f, no Tregs %.1f (%.1fx), Tregs without CD25 %.1f "
                + "(%.1fx)%n", base, noTregs, noTregs / base, noCd25, noCd25 / base);
        assertThat(noTregs / base).isGreaterThan(10);
        assertThat(noCd25 / START).isGreaterThan(10);
        assertThat(noCd25 / base).isGreaterThan(2);
    }

    /** Wong 2021 (S8): a modest drop in Treg density breaks control more than in proportion. */
    @Test
    void halvingTregDensityChangesTheWeakCloneMoreThanTwofold() {
        double[] f = {0.25, 0.5, 0.75, 1, 1.5, 2};
        double[] peak = new double[f.length];
        StringBuilder s = new StringBuilder("B4 self clone peak vs Treg density:");
        for (int k = 0; k < f.length; k++) {
            peak[k] = ImmuneTesting.max(run(with("Treg_density", f[k]))[0]);
            s.append(String.format(" %.2f: %.1f;", f[k], peak[k]));
        }
        double halving = peak[1] / peak[3];
        double elasticity = Math.log(halving) / Math.log(2);
        System.out.println(s + String.format(" halving: %.2fx (elasticity %.2f)", halving, elasticity));
        for (int k = 1; k < f.length; k++) {
            assertThat(peak[k]).isLessThan(peak[k - 1]);
        }
        assertThat(halving).isGreaterThan(2);
    }

    /**
     * Chinen 2016 (F11): STAT5 is essential for Treg suppressor function. With suppression by IL-2-signalled Tregs
     * only (bundled), Tregs without CD25 lose suppression as well as IL-2 capture, so the weak clone gains more than
     * with suppression by every Treg (the first version, suppression_needs_STAT5 = 0).
     */
    @Test
    void stat5DependentSuppressionDeepensTheTregCd25Knockout() {
        double withStat5 = ImmuneTesting.max(run(with("Treg_CD25", 0))[0]) / ImmuneTesting.max(run(
                LymphNodeModel.defaults())[0]);
        ParameterTable every = with("suppression_needs_STAT5", 0);
        double everyTreg = ImmuneTesting.max(run(every.with("Treg_CD25", 0, "KO"))[0]) / ImmuneTesting.max(run(
                every)[0]);
        System.out.printf("B4 Treg CD25 KO, self clone peak gain: STAT5-dependent suppression %.2fx, every Treg "
                + "suppresses %.2fx%n", withStat5, everyTreg);
        assertThat(withStat5).isGreaterThan(everyTreg);
        assertThat(withStat5).isGreaterThan(5);
    }

    /**
     * The TCR-programmed division variant (Marchingo 2014, K9: TCR and IL-2 inputs add; De Boer 2001: no
     * contraction while antigen drives expansion). The strong clone, whose IL-2 signal Tkach's crosstalk cuts ~47×,
     * escapes and expands (Feinerman 2010, P9), while the convex split of the first version (IL-2 weighted 1 − φ,
     * survival by IL-2 alone) gives it only 2.5×. The weak clone is co-opted by the foreign IL-2 (Voisinne 2015, S10)
     * and then pruned once the antigen is gone (Wong 2021, S8), so it is measured over 20 days.
     */
    @Test
    void tcrProgrammedDivisionLetsTheStrongCloneEscape() {
        double[] t20 = ImmuneTesting.grid(20 * DAY, 480);
        ParameterTable destiny = with("TCR_division_share", MARCHINGO);
        double[][] r = run(destiny, t20);
        double[][] noTregs = run(destiny.with("Treg_density", 0, "no Tregs"), t20);
        ParameterTable split = destiny.with("division_inputs_add", 0, "convex split").with("TCR_survival", 0,
                "survival by IL-2 alone");
        double[][] s = run(split, t20);
        int end = t20.length - 1;
        double foreign = ImmuneTesting.max(r[1]) / START;
        System.out.printf("B4 TCR-programmed division: foreign clone peak %.1f (%.1fx, day %.1f), day 20 %.1f; self "
                + "clone peak %.1f (day %.1f), day 20 %.1f; without Tregs self peak %.1f (%.2fx); convex split: "
                + "foreign peak %.1f, self peak %.1f%n", ImmuneTesting.max(r[1]), foreign,
                t20[ImmuneTesting.argMax(r[1])] / DAY, r[1][end], ImmuneTesting.max(r[0]),
                t20[ImmuneTesting.argMax(r[0])] / DAY, r[0][end], ImmuneTesting.max(noTregs[0]),
                ImmuneTesting.max(noTregs[0]) / ImmuneTesting.max(r[0]), ImmuneTesting.max(s[1]),
                ImmuneTesting.max(s[0]));
        assertThat(foreign).isGreaterThan(5);
        assertThat(ImmuneTesting.max(s[1]) / START).isLessThan(3);
        assertThat(r[0][end]).isLessThan(START / 2);
        assertThat(ImmuneTesting.max(noTregs[0])).isGreaterThan(ImmuneTesting.max(r[0]));
    }

    /**
     * Without the foreign clone the weak clone has only its own IL-2, and Tkach's shut-off stops a producer with
     * E ≈ 10 at pSTAT5 ≈ (E/τ − 1)/σ_P ≈ 3 × 10⁻⁵ (docs/immune.md B4, B7): the clone never rises above its start, with
     * or without Tregs, and IL-2 after the first day stays on average more than 10× below the ~10 pM signalling
     * threshold (P2; the first hours, before the producers' receptors build up, reach a few pM). So the weak-clone
     * effects of the tug-of-war are co-option by the foreign clone's IL-2.
     */
    @Test
    void weakCloneAloneMakesTooLittleIl2ToExpand() {
        LymphNodeSetup selfOnly = new LymphNodeSetup(false, false);
        StringBuilder out = new StringBuilder("B4 self antigen only:");
        for (ParameterTable p : new ParameterTable[] {LymphNodeModel.defaults(), with("Treg_density", 0)}) {
            double[][] r = ImmuneTesting.run(LymphNodeModel.build(selfOnly, p), TOL, T, "self_naive", "self_active",
                    LymphNodeModel.IL2_PM);
            double peak = 0;
            for (int i = 0; i < T.length; i++) {
                peak = Math.max(peak, r[0][i] + r[1][i]);
            }
            double il2 = ImmuneTesting.max(r[2]);
            double mean = 0;
            for (int i = 24; i < T.length; i++) {
                mean += r[2][i] / (T.length - 24);
            }
            out.append(String.format(" Treg density %.0f: self peak %.2f, day 12 %.2f, IL-2 max %.3g pM, mean over "
                    + "days 1-12 %.3g pM;", p.value("Treg_density"), peak, r[0][T.length - 1] + r[1][T.length - 1],
                    il2, mean));
            assertThat(peak).isLessThanOrEqualTo(START * (1 + 1e-6));
            assertThat(mean).isLessThan(1);
        }
        System.out.println(out);
    }

    // ---- the counted division destiny (LymphNodeSetup.tugOfWarCountedDestiny; docs/immune.md B4) ----

    static final LymphNodeSetup DESTINY = LymphNodeSetup.tugOfWarCountedDestiny();

    /** Tkach 2014's C(x, y, K): the equilibrium complex count of x + y ⇌ xy with dissociation constant K. */
    static double complex(double x, double y, double k) {
        double sum = x + y + k;
        return (sum - Math.sqrt(sum * sum - 4 * x * y)) / 2;
    }

    /**
     * The generation chain is bookkeeping only when nothing is counted (counted_destiny = 0): every generation then
     * divides and dies at the one-compartment model's rates, so the sum over generations must follow that model, for
     * the bundled rate model and for the TCR-programmed rate variant (φ = 15/17).
     */
    @Test
    void generationsWithoutCountingFollowTheOneCompartmentModel() {
        for (ParameterTable p : new ParameterTable[] {LymphNodeModel.defaults(), with("TCR_division_share",
                MARCHINGO)}) {
            double[][] one = run(p);
            double[][] chain = run(DESTINY, p.with("counted_destiny", 0, "rate model"), T);
            double worst = 0;
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < T.length; i++) {
                    worst = Math.max(worst, Math.abs(chain[k][i] - one[k][i]) / (1e-3 + Math.abs(one[k][i])));
                    assertThat(chain[k][i]).isCloseTo(one[k][i], org.assertj.core.api.Assertions.within(
                            1e-4 * Math.abs(one[k][i]) + 1e-3));
                }
            }
            System.out.printf("B4 generation chain, counted_destiny 0 (phi %.3f): largest relative difference from "
                    + "the one-compartment model %.2g%n", p.value("TCR_division_share"), worst);
        }
    }

    /** Largest |a − b| over every quantity and time, relative to the quantity's largest value in b. */
    static double largestDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int q = 0; q < a.length; q++) {
            double scale = Math.max(ImmuneTesting.max(b[q]), 1e-12);
            for (int i = 0; i < a[q].length; i++) {
                worst = Math.max(worst, Math.abs(a[q][i] - b[q][i]) / scale);
            }
        }
        return worst;
    }

    /**
     * The smoothing of the free receptors is numerical only: B4 (bundled and counted destiny, 12 days) and B7 (the
     * homeostasis patch, 200 days) read the same with binding_kink_width 0, the sharp max, within 1e-5 of each
     * quantity's largest value (ten times the solver's rtol).
     */
    @Test
    void smoothingTheFreeReceptorsChangesNoReadOut() {
        double[] days200 = ImmuneTesting.grid(200 * DAY, 200);
        for (LymphNodeSetup s : List.of(LymphNodeSetup.tugOfWar(), DESTINY, LymphNodeSetup.homeostasis())) {
            double[] grid = s == LymphNodeSetup.homeostasis() ? days200 : T;
            ParameterTable p = LymphNodeModel.defaults(s);
            double[][] smooth = run(s, p, grid);
            double[][] sharp = run(s, p.with("binding_kink_width", 0, "the sharp max"), grid);
            double worst = largestDifference(smooth, sharp);
            System.out.printf("free-receptor smoothing, largest difference from the sharp max relative to each "
                    + "read-out's largest value: %.2g%n", worst);
            assertThat(worst).isLessThan(1e-5);
        }
        // without Tregs (µM IL-2, complexes on the kink) the sharp run needs tight tolerances to be accurate at all;
        // at rtol 1e-9 both agree (at the default 1e-6 the sharp run was off by 1.8e-3 of a read-out's range)
        Tolerances tight = Tolerances.DEFAULT.withRelative(1e-9).withAbsolute(1e-10);
        ParameterTable none = LymphNodeModel.defaults(DESTINY).with("Treg_density", 0, "no Tregs");
        double[] days6 = ImmuneTesting.grid(6 * DAY, 72);
        String[] ids = {"self_active", "foreign_active", "self_active_signal", LymphNodeModel.IL2_PM};
        double[][] smooth = ImmuneTesting.run(LymphNodeModel.build(DESTINY, none), tight, days6, ids);
        double[][] sharp = ImmuneTesting.run(LymphNodeModel.build(DESTINY, none.with("binding_kink_width", 0,
                "the sharp max")), tight, days6, ids);
        double worst = largestDifference(smooth, sharp);
        System.out.printf("free-receptor smoothing without Tregs (rtol 1e-9): largest difference %.2g%n", worst);
        assertThat(worst).isLessThan(1e-5);
    }

    /**
     * Without Tregs the foreign clone's IL-2 reaches µM and binding holds the complexes within a fraction of a
     * molecule of the assembled receptors, where free receptors max(R − X, 0) have their kink. With the kink sharp,
     * the BDF held steps near 10⁻⁴ min there and a run whose first output came after day 3.9 stopped at 10⁶ steps;
     * smoothed over binding_kink_width (10⁻⁵ of the receptors) it runs. Checked: a run with only day 12 as output
     * gives what a run with 288 outputs gives at day 12.
     */
    @Test
    void countedDestinyWithoutTregsRunsOnASparseOutputGrid() {
        ParameterTable p = LymphNodeModel.defaults(DESTINY).with("Treg_density", 0, "no Tregs");
        double[] last = {12 * DAY};
        double[][] sparse = run(DESTINY, p, last);
        double[][] dense = run(DESTINY, p, T);
        int end = T.length - 1;
        System.out.printf("B4 destiny without Tregs, day 12: sparse grid self %.4f foreign %.4f; dense grid self %.4f "
                + "foreign %.4f%n", sparse[0][0], sparse[1][0], dense[0][end], dense[1][end]);
        assertThat(sparse[0][0]).isCloseTo(dense[0][end], within(1e-4 * dense[0][end]));
        assertThat(sparse[1][0]).isCloseTo(dense[1][end], within(1e-4 * dense[1][end]));
    }

    /**
     * Counted destiny (Marchingo 2014, K9): the strong clone (E ≈ 4,600, N ≈ 14.7 + 2S generations) divides as long
     * as its antigen lasts and escapes (Feinerman 2010, P9), peaking when its antigen is cleared (De Boer 2001's
     * expansion window, t_foreign_antigen); the weak clone (E ≈ 10, N ≈ 1.35 + 2S) expands transiently and is pruned
     * (Wong 2021, S8); early pSTAT5 stays in Tregs (S9). Bound: with at most N_TCR·E/(E + K_E) + N_IL2 generations,
     * no weak-clone cell leaves more than 2^N descendants, so its peak in any Treg setting is at most its naive cells
     * (start plus thymic inflow over 12 days) times 2^N.
     */
    @Test
    void countedDestinyLetsTheStrongCloneEscapeAndPrunesTheWeakOne() {
        ParameterTable p = LymphNodeModel.defaults();
        double[][] r = run(DESTINY, p, T);
        int end = T.length - 1;
        double foreign = ImmuneTesting.max(r[1]) / START;
        double foreignDay = T[ImmuneTesting.argMax(r[1])] / DAY;
        double mean = 0;
        for (int i = 1; i <= 24; i++) {
            mean += r[2][i] / 24;
        }
        double eSelf = complex(p.value("n_TCR0"), p.value("pMHC_self"), p.value("K_TCR_self"));
        double n = p.value("destiny_TCR_generations") * eSelf / (eSelf + p.value("K_TCR_division"))
                + p.value("destiny_IL2_generations");
        double cap = weakCloneCap(p); // 2^ceil(N): a fractional destiny still lets a cell reach generation ceil(N)
        double[][] none = run(DESTINY, with("Treg_density", 0), T);
        double[][] ko = run(DESTINY, with("Treg_CD25", 0), T);
        System.out.printf("B4 counted destiny: Treg share of the IL-2 signal 1 h %.3f, 6 h %.3f, 24 h %.3f, day-1 "
                        + "mean %.3f; foreign peak %.1f (%.1fx, day %.2f), day 12 %.1f; self peak %.1f (day %.2f), day "
                        + "12 %.1f; self bound %.0f (N = %.2f generations); self peak without Tregs %.1f, Treg CD25 KO "
                        + "%.1f%n", r[2][1], r[2][6], r[2][24], mean, ImmuneTesting.max(r[1]), foreign, foreignDay,
                r[1][end], ImmuneTesting.max(r[0]), T[ImmuneTesting.argMax(r[0])] / DAY, r[0][end], cap, n,
                ImmuneTesting.max(none[0]), ImmuneTesting.max(ko[0]));
        for (int i = 1; i <= 12; i++) {
            assertThat(r[2][i]).as("share at %s h", i).isGreaterThan(0.5);
        }
        assertThat(foreign).isGreaterThan(5);
        assertThat(foreignDay).isBetween(p.value("t_foreign_antigen") / DAY - 0.5,
                p.value("t_foreign_antigen") / DAY + 0.5);
        assertThat(r[0][end]).isLessThan(START / 2);
        for (double[][] x : new double[][][] {r, none, ko}) {
            assertThat(ImmuneTesting.max(x[0])).isLessThanOrEqualTo(cap);
        }
    }

    /**
     * Counted destiny and Treg control of the weak clone. Removing Tregs lets it expand, by more than one generation
     * per recruited cell (peak ratio > 2). But the foreign clone's IL-2 saturates the weak clone's IL-2 signal with
     * Tregs present (S > 0.9 from day 1 to the antigen's end), so the IL-2 term of its destiny is already full:
     * removing the Tregs' CD25 cannot add a generation (peak ratio < 2), and the Treg density acts only through
     * recruitment, less than in proportion (halving gives less than 2x: the non-linear breakdown is missed).
     */
    @Test
    void countedDestinyTregControlOfTheWeakClone() {
        double[] f = {0.25, 0.5, 0.75, 1, 1.5, 2};
        double[] peak = new double[f.length];
        StringBuilder out = new StringBuilder("B4 counted destiny, self clone peak vs Treg density:");
        for (int k = 0; k < f.length; k++) {
            peak[k] = ImmuneTesting.max(run(DESTINY, with("Treg_density", f[k]), T)[0]);
            out.append(String.format(" %.2f: %.1f;", f[k], peak[k]));
        }
        double base = peak[3];
        double none = ImmuneTesting.max(run(DESTINY, with("Treg_density", 0), T)[0]);
        double ko = ImmuneTesting.max(run(DESTINY, with("Treg_CD25", 0), T)[0]);
        double[] days = ImmuneTesting.grid(4 * DAY, 96);
        double[][] signal = ImmuneTesting.run(LymphNodeModel.build(DESTINY), TOL, days, "self_active_signal");
        double least = 1;
        for (int i = 24; i < days.length; i++) {
            least = Math.min(least, signal[0][i]);
        }
        double halving = peak[1] / base;
        System.out.println(out + String.format(" halving %.2fx (elasticity %.2f), 0.75: %.2fx (local elasticity "
                        + "%.2f); no Tregs %.1f (%.2fx); Treg CD25 KO %.1f (%.2fx); least self signal days 1-4 %.3f",
                halving, Math.log(halving) / Math.log(2), peak[2] / base, Math.log(peak[2] / base) / Math.log(4.0 / 3),
                none, none / base, ko, ko / base, least));
        for (int k = 1; k < f.length; k++) {
            assertThat(peak[k]).isLessThan(peak[k - 1]);
        }
        assertThat(none / base).isGreaterThan(2);
        assertThat(least).isGreaterThan(0.9);
        assertThat(ko / base).isLessThan(2);
        assertThat(halving).isLessThan(2);
    }

    // ---- B7's producer values with the counted destiny (b4b; docs/immune.md B4, "B7 producers with the counted
    // destiny"): a finding, not a setup, since the density criterion is missed in both readings ----

    /** The counted destiny with B7's overlay (lymph-node-homeostasis.tsv): the B4 patch, and self antigen only. */
    static final LymphNodeSetup DESTINY_B7 = new LymphNodeSetup(true, false, true, LymphNodeSetup.HOMEOSTASIS_TABLE);
    static final LymphNodeSetup SELF_ONLY_B7 = new LymphNodeSetup(false, false, true,
            LymphNodeSetup.HOMEOSTASIS_TABLE);
    static final double[] DENSITIES = {0.25, 0.5, 0.75, 1, 1.5, 2};

    /** Weak-clone peaks at DENSITIES, then without Tregs, then with Treg CD25 KO. */
    static double[] weakClonePeaks(LymphNodeSetup s, ParameterTable p) {
        double[] out = new double[DENSITIES.length + 2];
        for (int k = 0; k < DENSITIES.length; k++) {
            out[k] = ImmuneTesting.max(run(s, p.with("Treg_density", DENSITIES[k], "density"), T)[0]);
        }
        out[DENSITIES.length] = ImmuneTesting.max(run(s, p.with("Treg_density", 0, "no Tregs"), T)[0]);
        out[DENSITIES.length + 1] = ImmuneTesting.max(run(s, p.with("Treg_CD25", 0, "Treg CD25 KO"), T)[0]);
        return out;
    }

    /**
     * Strict bound on a weak-clone peak: its naive cells (start plus 12 days of thymic inflow) times 2^ceil(N), N the
     * largest destiny N_TCR·E/(E + K_E) + N_IL2; a generation below ceil(N) divides at a fractional rate but does not
     * die while within it, so given time every cell can reach generation ceil(N).
     */
    static double weakCloneCap(ParameterTable p) {
        double e = complex(p.value("n_TCR0"), p.value("pMHC_self"), p.value("K_TCR_self"));
        double n = p.value("destiny_TCR_generations") * e / (e + p.value("K_TCR_division"))
                + p.value("destiny_IL2_generations");
        double inflow = p.value("thymic_self_fraction") * p.value("CD4_naive_ss") * p.value("d_naive")
                * T[T.length - 1];
        return (START + inflow) * Math.pow(2, Math.ceil(n));
    }

    static String describe(double[] peaks) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < DENSITIES.length; k++) {
            out.append(String.format(" %.2f: %.1f;", DENSITIES[k], peaks[k]));
        }
        double base = peaks[3];
        return out + String.format(" halving %.2fx (elasticity %.2f), 0.75: %.2fx (local elasticity %.2f); no Tregs "
                        + "%.1f (%.2fx); Treg CD25 KO %.1f (%.2fx)", peaks[1] / base, halvingElasticity(peaks),
                peaks[2] / base, localElasticity(peaks), peaks[6], peaks[6] / base, peaks[7], peaks[7] / base);
    }

    /** d ln(peak) / d ln(1/density) from density 1 to 0.5 (1 = in proportion). */
    static double halvingElasticity(double[] peaks) {
        return Math.log(peaks[1] / peaks[3]) / Math.log(2);
    }

    /** The same from density 1 to 0.75, a modest drop. */
    static double localElasticity(double[] peaks) {
        return Math.log(peaks[2] / peaks[3]) / Math.log(4.0 / 3);
    }

    /**
     * The B4 patch (both antigens) with B7's producer values and the counted destiny. Met: early pSTAT5 in Tregs
     * (S9), the weak clone pruned (S8), the strong clone escaping (P9), removing Tregs lets the weak clone expand.
     * Missed: Treg CD25 KO adds less than one generation (< 2x), and the weak clone's peak follows the Treg density
     * about in proportion (elasticity < 1.25 for the halving and for a 25 % drop), not as a break of control. The
     * foreign IL-2 no longer saturates the weak clone only because the overlay's boost_fold = 0 also removes the
     * strong clone's Boost: with the Boost back (boost_fold 30, Tkach's value, fitted on the strong stimulation the
     * foreign clone has) the weak clone's signal is saturated again (> 0.9 on days 1-4) and both Treg-control
     * criteria fall back below 2x, as with the bundled table.
     */
    @Test
    void b7ProducersWithCountedDestinyInThePatch() {
        ParameterTable p = LymphNodeModel.defaults(DESTINY_B7);
        double[][] r = run(DESTINY_B7, p, T);
        int end = T.length - 1;
        double[] peaks = weakClonePeaks(DESTINY_B7, p);
        double base = peaks[3];
        double[] days = ImmuneTesting.grid(4 * DAY, 96);
        double[][] il2 = ImmuneTesting.run(LymphNodeModel.build(DESTINY_B7, p), TOL, days, LymphNodeModel.IL2_PM,
                "self_active_signal");
        double meanIl2 = 0;
        for (int i = 0; i < days.length; i++) {
            meanIl2 += il2[0][i] / days.length;
        }
        ParameterTable boosted = p.with("boost_fold", 30, "Tkach's Boost back (both clones)");
        double[][] b = ImmuneTesting.run(LymphNodeModel.build(DESTINY_B7, boosted), TOL, days, LymphNodeModel.IL2_PM,
                "self_active_signal");
        double least = 1;
        double boostedIl2 = 0;
        for (int i = 24; i < days.length; i++) {
            least = Math.min(least, b[1][i]);
        }
        for (int i = 0; i < days.length; i++) {
            boostedIl2 += b[0][i] / days.length;
        }
        double boostedBase = ImmuneTesting.max(run(DESTINY_B7, boosted, T)[0]);
        double boostedKo = ImmuneTesting.max(run(DESTINY_B7, boosted.with("Treg_CD25", 0, "KO"), T)[0]);
        double boostedHalf = ImmuneTesting.max(run(DESTINY_B7, boosted.with("Treg_density", 0.5, "half"), T)[0]);
        System.out.printf("B4 counted destiny with B7 producers (patch): Treg share of the IL-2 signal 6 h %.3f, 24 h "
                        + "%.3f; foreign peak %.1f (%.1fx, day %.2f); self peak %.1f (day %.2f), day 12 %.2f; IL-2 "
                        + "mean days 0-4 %.2f pM, self signal day 4 %.3f; cap %.0f;%s; Boost back: IL-2 mean %.1f pM, "
                        + "least self signal days 1-4 %.3f, Treg CD25 KO %.2fx, halving %.2fx%n", r[2][6], r[2][24],
                ImmuneTesting.max(r[1]), ImmuneTesting.max(r[1]) / START, T[ImmuneTesting.argMax(r[1])] / DAY, base,
                T[ImmuneTesting.argMax(r[0])] / DAY, r[0][end], meanIl2, il2[1][days.length - 1], weakCloneCap(p),
                describe(peaks), boostedIl2, least, boostedKo / boostedBase, boostedHalf / boostedBase);
        // met
        for (int i = 1; i <= 12; i++) {
            assertThat(r[2][i]).as("share at %s h", i).isGreaterThan(0.5);
        }
        assertThat(ImmuneTesting.max(r[1]) / START).isGreaterThan(5);
        assertThat(r[0][end]).isLessThan(START / 2);
        assertThat(peaks[6] / base).isGreaterThan(2);
        for (double peak : peaks) {
            assertThat(peak).isLessThanOrEqualTo(weakCloneCap(p));
        }
        for (int k = 1; k < DENSITIES.length; k++) {
            assertThat(peaks[k]).isLessThanOrEqualTo(peaks[k - 1]);
        }
        // missed: CD25 KO below one generation; density about in proportion
        assertThat(peaks[7] / base).isLessThan(2);
        assertThat(halvingElasticity(peaks)).isLessThan(1.25);
        assertThat(localElasticity(peaks)).isLessThan(1.25);
        // why it differs from the bundled counted destiny: IL-2 below the ~10 pM signalling threshold (P2), so the
        // weak clone's signal is not saturated by day 4; with the strong clone's Boost back it is, and control is lost
        assertThat(meanIl2).isLessThan(10);
        assertThat(il2[1][days.length - 1]).isLessThan(0.5);
        assertThat(least).isGreaterThan(0.9);
        assertThat(boostedKo / boostedBase).isLessThan(2);
        assertThat(boostedHalf / boostedBase).isLessThan(2);
    }

    /**
     * The same with the self antigen only (no foreign clone): the reading of Feinerman 2010's cultures, one
     * stimulation at a time. Unlike Tkach's shut-off ({@link #weakCloneAloneMakesTooLittleIl2ToExpand}), the weak
     * clone's own IL-2 now matters: without Tregs it passes three generations per starting cell (> 8x its start) up
     * to the destiny bound, and Treg CD25 KO gives more than one generation (> 2x). The density response stays about
     * in proportion (elasticity < 1.25): the non-linear break is missed here too.
     */
    @Test
    void b7ProducersWithCountedDestinySelfAntigenOnly() {
        ParameterTable p = LymphNodeModel.defaults(SELF_ONLY_B7);
        double[][] r = run(SELF_ONLY_B7, p, T);
        int end = T.length - 1;
        double[] peaks = weakClonePeaks(SELF_ONLY_B7, p);
        double base = peaks[3];
        System.out.printf("B4 counted destiny with B7 producers, self antigen only: Treg share of the IL-2 signal 6 h "
                + "%.3f, 24 h %.3f; self peak %.1f (day %.2f), day 12 %.2f; cap %.0f;%s%n", r[2][6], r[2][24], base,
                T[ImmuneTesting.argMax(r[0])] / DAY, r[0][end], weakCloneCap(p), describe(peaks));
        for (int i = 1; i <= 12; i++) {
            assertThat(r[2][i]).as("share at %s h", i).isGreaterThan(0.5);
        }
        assertThat(r[0][end]).isLessThan(START / 2);
        assertThat(peaks[6]).isGreaterThan(8 * START);
        assertThat(peaks[7] / base).isGreaterThan(2);
        for (double peak : peaks) {
            assertThat(peak).isLessThanOrEqualTo(weakCloneCap(p));
        }
        for (int k = 1; k < DENSITIES.length; k++) {
            assertThat(peaks[k]).isLessThanOrEqualTo(peaks[k - 1]);
        }
        assertThat(halvingElasticity(peaks)).isLessThan(1.25);
        assertThat(localElasticity(peaks)).isLessThan(1.25);
    }
}
