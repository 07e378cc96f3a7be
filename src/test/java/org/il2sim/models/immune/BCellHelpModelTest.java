package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.il2sim.models.immune.ImmuneTesting.DAY;

import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * Scenario B11, B-cell help: plasmablasts and Ig with and without IL-2 and IL-21 (Berglund et al. 2013), measured;
 * the no-cytokine case against its closed form.
 */
class BCellHelpModelTest {

    static final Tolerances TIGHT = Tolerances.DEFAULT.withRelative(1e-9).withAbsolute(1e-6);
    private static final ParameterTable P = BCellHelpModel.defaults();
    private static final double[] T = ImmuneTesting.grid(14 * DAY, 14 * 4);
    private static final double IL2 = 0.1;
    private static final double IL21 = 1;

    private static double[][] run(double il2, double il21, double cd25) {
        ParameterTable p = P.with("IL2", il2, "test").with("IL21", il21, "test").with("B_CD25", cd25, "test");
        return ImmuneTesting.run(BCellHelpModel.build(p), TIGHT, T, BCellHelpModel.PB, BCellHelpModel.IG_CONC,
                BCellHelpModel.IG);
    }

    @Test
    void withoutCytokinesPlasmablastsFollowTheClosedForm() {
        double[][] r = run(0, 0, 1);
        double k = P.value("k_PB") * P.value("PB_basal");
        double d = Math.log(2) / P.value("t_half_PB");
        for (int i : new int[] {4, 28, 56}) {
            double t = T[i];
            double pb = P.value("B_0") * k / (d - k) * (Math.exp(-k * t) - Math.exp(-d * t));
            assertThat(r[0][i]).isCloseTo(pb, within(1e-6 * P.value("B_0")));
        }
    }

    @Test
    void b11Il2AndIl21RaisePlasmablastsAndIg() {
        double[][] none = run(0, 0, 1);
        double[][] il2 = run(IL2, 0, 1);
        double[][] il21 = run(0, IL21, 1);
        double[][] both = run(IL2, IL21, 1);
        double[][] bothCd25ko = run(IL2, IL21, 0);
        double[][] il21Cd25ko = run(0, IL21, 0);
        String[] names = {"none", "IL-2 100 pM", "IL-21 1 nM", "IL-2 + IL-21", "IL-2 + IL-21, CD25-deficient",
            "IL-21, CD25-deficient"};
        double[][][] all = {none, il2, il21, both, bothCd25ko, il21Cd25ko};
        int day7 = 28;
        for (int k = 0; k < all.length; k++) {
            System.out.printf("%s: plasmablast peak %.4g (day %.2f), Ig day 7 %.4g ug/mL, day 14 %.4g ug/mL%n",
                    names[k], ImmuneTesting.max(all[k][0]), ImmuneTesting.argMax(all[k][0]) / 4.0, all[k][1][day7],
                    all[k][1][56]);
        }
        assertThat(ImmuneTesting.max(il2[0])).isGreaterThan(ImmuneTesting.max(none[0]));
        assertThat(ImmuneTesting.max(both[0])).isGreaterThan(ImmuneTesting.max(il21[0]));
        assertThat(both[1][day7]).isGreaterThan(il21[1][day7]).isGreaterThan(none[1][day7]);
        assertThat(il2[1][day7]).isGreaterThan(none[1][day7]);
        // Berglund 2013: IL-2 adds to IL-21 only through CD25; in CD25-deficient cells its gain is smaller
        double gain = both[1][day7] / il21[1][day7];
        double gainKo = bothCd25ko[1][day7] / il21Cd25ko[1][day7];
        System.out.printf("IL-2 gain on top of IL-21 at day 7: %.3f with CD25, %.3f CD25-deficient%n", gain, gainKo);
        assertThat(gain).isGreaterThan(gainKo);
    }
}
