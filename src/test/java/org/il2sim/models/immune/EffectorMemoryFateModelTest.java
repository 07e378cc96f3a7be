package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Scenario B6, effector vs memory fate: verification of the signal integration against closed forms, and the B6
 * criterion (prolonged IL-2 signalling raises terminal effectors and lowers memory) measured, not assumed.
 */
class EffectorMemoryFateModelTest {

    static final Tolerances TIGHT = Tolerances.DEFAULT.withRelative(1e-9).withAbsolute(1e-6);
    private static final ParameterTable P = EffectorMemoryFateModel.defaults();
    /** 0.05-day grid over 0–60 days. */
    private static final double[] T = ImmuneTesting.grid(60 * DAY, 1200);

    private static double at(double[] xs, double day) {
        return xs[(int) Math.round(day * 20)];
    }

    private static double[][] run(ReactionNetwork n) {
        return ImmuneTesting.run(n, TIGHT, T, EffectorMemoryFateModel.TE, EffectorMemoryFateModel.MEMORY,
                EffectorMemoryFateModel.TOTAL, EffectorMemoryFateModel.PRECURSORS,
                EffectorMemoryFateModel.CD25_HIGH_FRACTION);
    }

    @Test
    void withoutIl2ItIsDeBoersOnOffModel() {
        // no IL-2: nobody commits, so the response is B5's with memory(∞) = peak · r / (α + r)
        double[][] r = run(EffectorMemoryFateModel.build(P.with("IL2_endogenous", 0, "test: no IL-2")));
        double peak = P.value("CD8_naive_0") * Math.exp(P.value("rho") * (P.value("T_off") - P.value("T_on")));
        assertThat(at(r[2], 5.5)).isCloseTo(peak, within(1e-6 * peak));
        assertThat(at(r[0], 20)).isZero();
        double decay = Math.exp(-P.value("contraction") * (60 * DAY - P.value("T_off")));
        assertThat(at(r[1], 60)).isCloseTo(peak * P.value("r") / P.value("contraction") * (1 - decay),
                within(1e-6 * peak));
    }

    @Test
    void uncommittedCellsDecayByTheIntegratedSignal() {
        // K_R → 0 keeps every cell CD25-high; then P is constant while IL-2 is made and the uncommitted pool at
        // T_IL2_off is A_0 e^{ρ(t − T_on)} e^{−k_TE P_hi (T_IL2_off − T_IL2_on)}
        ReactionNetwork n = EffectorMemoryFateModel.build(P.with("K_R", 1e-12, "test: all cells stay CD25-high"));
        double[][] r = run(n);
        double c = P.value("IL2_endogenous");
        double x = P.value("IL2Rb_activated") * c / (P.value("Kd_high") + c);
        double pHi = x / (P.value("K_P") + x);
        double tOff = P.value("T_IL2_off");
        double grown = P.value("CD8_naive_0") * Math.exp(P.value("rho") * (tOff - P.value("T_on")));
        double expected = grown * Math.exp(-P.value("k_TE") * pHi * (tOff - P.value("T_IL2_on")));
        assertThat(at(r[3], tOff / DAY)).isCloseTo(expected, within(1e-5 * expected));
        assertThat(at(r[4], 3.0)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void b6ProlongedIl2RaisesTerminalEffectorsAndLowersMemory() {
        double[][] base = run(EffectorMemoryFateModel.build());
        double[][] longer = run(EffectorMemoryFateModel.build(P.with("T_IL2_off", 7 * DAY,
                "test: IL-2 made until day 7")));
        double[][] given = run(EffectorMemoryFateModel.build(P.with("IL2_given", 0.1, "test: 100 pM IL-2 given")));
        String[] names = {"baseline", "IL-2 until day 7", "IL-2 100 pM given days 3-7"};
        double[][][] runs = {base, longer, given};
        for (int k = 0; k < 3; k++) {
            double[][] r = runs[k];
            double peak = ImmuneTesting.max(r[2]);
            System.out.printf("%s: TE peak %.4g (day %.2f), total peak %.4g, MP fraction at day 5.5 %.4f, "
                    + "memory d30 %.4g d60 %.4g, memory/peak d30 %.5f d60 %.5f, CD25hi d3 %.3f d4.5 %.3f%n",
                    names[k], ImmuneTesting.max(r[0]), ImmuneTesting.argMax(r[0]) / 20.0, peak,
                    at(r[3], 5.5) / (at(r[3], 5.5) + at(r[0], 5.5)), at(r[1], 30), at(r[1], 60),
                    at(r[1], 30) / peak, at(r[1], 60) / peak, at(r[4], 3), at(r[4], 4.5));
        }
        for (double[][] r : List.of(longer, given)) {
            assertThat(ImmuneTesting.max(r[0])).isGreaterThan(ImmuneTesting.max(base[0]));
            for (double day : new double[] {30, 45, 60}) {
                assertThat(at(r[1], day) / ImmuneTesting.max(r[2]))
                        .isLessThan(at(base[1], day) / ImmuneTesting.max(base[2]));
            }
        }
    }

    /**
     * commitment_signal = 1: cells commit at k_TE·pAkt, pAkt the γc signalling layer's Akt module at steady state for
     * the same complexes. With every cell CD25-high the uncommitted pool follows the closed form with pAkt computed here
     * from the signalling layer's table values; and the B6 criterion still holds.
     */
    @Test
    void commitmentThroughPaktFollowsItsClosedFormAndKeepsTheB6Criterion() {
        ParameterTable akt = P.with("commitment_signal", 1, "test: pAkt");
        double[][] r = run(EffectorMemoryFateModel.build(akt.with("K_R", 1e-12, "test: all cells stay CD25-high")));
        org.il2sim.models.gammachain.ParameterSet sig = org.il2sim.models.gammachain.ParameterSet.named(
                org.il2sim.models.gammachain.ParameterSet.IL2SIM);
        double c = P.value("IL2_endogenous");
        double x = P.value("IL2Rb_activated") * c / (P.value("Kd_high") + c);
        double u = sig.value("k_pi3k_on") * x / sig.value("K_AKT");
        double pip3 = u / (u + sig.value("k_pip3_off"));
        double pAkt = sig.value("k_akt_on") * pip3 / (sig.value("k_akt_on") * pip3 + sig.value("k_akt_off"));
        double tOff = P.value("T_IL2_off");
        double grown = P.value("CD8_naive_0") * Math.exp(P.value("rho") * (tOff - P.value("T_on")));
        double expected = grown * Math.exp(-P.value("k_TE") * pAkt * (tOff - P.value("T_IL2_on")));
        assertThat(at(r[3], tOff / DAY)).isCloseTo(expected, within(1e-5 * expected));

        double[][] base = run(EffectorMemoryFateModel.build(akt));
        double[][] longer = run(EffectorMemoryFateModel.build(akt.with("T_IL2_off", 7 * DAY, "test: until day 7")));
        double[][] given = run(EffectorMemoryFateModel.build(akt.with("IL2_given", 0.1, "test: 100 pM given")));
        System.out.printf("pAkt commitment: pAkt_hi %.4f; TE peak %.4g / %.4g / %.4g; memory/peak d60 %.5f / %.5f / "
                + "%.5f (baseline / IL-2 until day 7 / 100 pM given)%n", pAkt, ImmuneTesting.max(base[0]),
                ImmuneTesting.max(longer[0]), ImmuneTesting.max(given[0]), at(base[1], 60) / ImmuneTesting.max(base[2]),
                at(longer[1], 60) / ImmuneTesting.max(longer[2]), at(given[1], 60) / ImmuneTesting.max(given[2]));
        for (double[][] q : List.of(longer, given)) {
            assertThat(ImmuneTesting.max(q[0])).isGreaterThan(ImmuneTesting.max(base[0]));
            assertThat(at(q[1], 60) / ImmuneTesting.max(q[2])).isLessThan(at(base[1], 60) / ImmuneTesting.max(base[2]));
        }
    }
}
