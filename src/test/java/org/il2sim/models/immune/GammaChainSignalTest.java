package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Hill reduction of the 62-state γc model (GammaChainSignal) against the full model (models.gammachain
 * DoseResponse) at doses that are not on the fit grid, for the three cells and three ligands of the IL-2 complex model.
 * The tolerance is 8 % of the cell's maximum for free IL-2, the scale of the signal the population model reads.
 */
class GammaChainSignalTest {

    private static final double READOUT = 1440;
    private static final double K2_FACTOR = 1e6;

    @Test
    void reductionMatchesTheFullModelOffTheFitGrid() {
        double[] doses = {3e-4, 3e-3, 0.03, 0.3, 3, 30};
        for (String cell : new String[] {"Treg", "NK", "CD8Memory"}) {
            double ref = GammaChainSignal.of(cell, "IL2", READOUT, K2_FACTOR).xMax();
            for (String ligand : new String[] {"IL2", "IL2_notAlpha", GammaChainSignal.ALPHA_ONLY}) {
                GammaChainSignal.Hill h = GammaChainSignal.of(cell, ligand, READOUT, K2_FACTOR);
                double[] full = GammaChainSignal.full(cell, ligand, READOUT, K2_FACTOR, doses);
                StringBuilder sb = new StringBuilder(String.format("%s %s: Xmax %.4g EC50 %.4g nM n %.3f | Hill/full:",
                        cell, ligand, h.xMax(), h.ec50(), h.n()));
                for (int i = 0; i < doses.length; i++) {
                    sb.append(String.format(" %.3g/%.3g", h.at(doses[i]), full[i]));
                }
                System.out.println(sb);
                for (int i = 0; i < doses.length; i++) {
                    assertThat(h.at(doses[i])).as("%s %s at %s nM", cell, ligand, doses[i])
                            .isCloseTo(full[i], within(0.08 * ref));
                }
            }
        }
    }

    @Test
    void uptakeReductionMatchesTheFullModelOffTheFitGrid() {
        // the net uptake (molecules/cell/min) relative to the full model's at every dose, the lowest included: a
        // depleting pool decays at Σ N·J(c)/c, so J must be right relative to itself where little ligand is left;
        // within 20 % (measured worst 14.9 %: NK, IL2_notAlpha at 0.3 nM, 16.95 vs 19.92)
        double[] doses = {3e-6, 3e-5, 3e-4, 3e-3, 0.03, 0.3, 3, 30, 100};
        for (String cell : new String[] {"Treg", "NK", "CD8Memory"}) {
            for (String ligand : new String[] {"IL2", "IL2_notAlpha", GammaChainSignal.ALPHA_ONLY}) {
                GammaChainSignal.TwoSite u = GammaChainSignal.uptake(cell, ligand, READOUT, K2_FACTOR);
                double[] full = GammaChainSignal.fullWithUptake(cell, ligand, READOUT, K2_FACTOR, doses)[1];
                StringBuilder sb = new StringBuilder(String.format("%s %s uptake: J1 %.4g K1 %.4g nM J2 %.4g K2 %.4g nM"
                        + " | reduced/full:", cell, ligand, u.j1(), u.k1(), u.j2(), u.k2()));
                for (int i = 0; i < doses.length; i++) {
                    sb.append(String.format(" %.3g/%.3g", u.at(doses[i]), full[i]));
                }
                System.out.println(sb);
                for (int i = 0; i < doses.length; i++) {
                    assertThat(full[i]).as("%s %s at %s nM", cell, ligand, doses[i]).isPositive();
                    assertThat(u.at(doses[i])).as("%s %s at %s nM", cell, ligand, doses[i])
                            .isCloseTo(full[i], within(0.2 * full[i]));
                }
            }
        }
    }

    @Test
    void twoSiteUptakeIsLinearAtLowConcentration() {
        // binding to free receptors is first order in the ligand: J(c)/c tends to J1/K1 + J2/K2 as c → 0
        GammaChainSignal.TwoSite u = GammaChainSignal.uptake("NK", "IL2", READOUT, K2_FACTOR);
        double slope = u.j1() / u.k1() + u.j2() / u.k2();
        assertThat(u.at(1e-9) / 1e-9).isCloseTo(slope, within(1e-6 * slope));
        double[] full = GammaChainSignal.fullWithUptake("NK", "IL2", READOUT, K2_FACTOR, new double[] {1e-7, 1e-6})[1];
        assertThat(full[1] / full[0]).as("the full model is linear there too").isCloseTo(10, within(0.01));
    }

    @Test
    void alphaDirectedLigandNeedsIl2Ra() {
        // without IL-2Rα the α-only ligand gives (almost) no signal on NK; with it, Treg respond as to IL-2
        double nk = GammaChainSignal.of("NK", GammaChainSignal.ALPHA_ONLY, READOUT, K2_FACTOR).at(30);
        double nkIl2 = GammaChainSignal.of("NK", "IL2", READOUT, K2_FACTOR).at(30);
        double treg = GammaChainSignal.of("Treg", GammaChainSignal.ALPHA_ONLY, READOUT, K2_FACTOR).at(30);
        double tregIl2 = GammaChainSignal.of("Treg", "IL2", READOUT, K2_FACTOR).at(30);
        assertThat(nk / nkIl2).isLessThan(0.01);
        assertThat(treg / tregIl2).isGreaterThan(0.9);
    }
}
