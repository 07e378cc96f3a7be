package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultivalentBindingTest {

    private static final double KX = MultivalentBinding.kxStar();

    @Test
    void valencyOneWithOneReceptorIsTheMonovalentEquilibrium() {
        double ka = 1 / 3.043e-9;
        double rTot = 8503;
        for (double l0 : new double[]{1e-13, 1e-11, 3.043e-9, 1e-7, 1e-5}) {
            double rb = MultivalentBinding.solve(l0, KX, new double[]{rTot}, new int[][]{{1}}, new double[]{1},
                    new double[][]{{ka}})[0];
            double analytic = rTot * l0 * ka / (1 + l0 * ka);
            assertThat(rb).isCloseTo(analytic, within(1e-9 * rTot));
        }
    }

    @Test
    void monovalentIl2MatchesAHandSolvedTwoReceptorEquilibrium() {
        // valency 1 of the IL-2 encoding: one α-binding and one βγ-binding subunit. A complex binds IL-2Rα, IL-2Rβ or
        // both (weight ψ_α ψ_β / Kx*); mass balance is solved here by nested bisection as an independent check.
        // The off-diagonal Ka is set to 0 here (the hand solution has no cross terms).
        LigandDefinition l = LigandDefinition.named("N88D_Cterm");
        ReceptorAbundances nk = ReceptorTables.cell("NK", ReceptorTables.TABLE_A);
        double kaA = 1 / (l.kdAlpha() * 1e-9);
        double kaB = 1 / (l.kdBetaGamma() * 1e-9);
        double rA = nk.count(Receptor.IL2Ra);
        double rB = nk.count(Receptor.IL2Rb);
        for (double l0 : new double[]{1e-11, 24.0166e-9, 1e-6}) {
            double[] rb = MultivalentBinding.solve(l0, KX, new double[]{rA, rB}, new int[][]{{1, 1}},
                    new double[]{1}, new double[][]{{kaA, 0}, {0, kaB}});
            double[] free = bisect2(l0, kaA, kaB, rA, rB);
            double boundB = l0 * kaB * free[1] * (1 + free[0] * kaA * KX);
            double boundA = l0 * kaA * free[0] * (1 + free[1] * kaB * KX);
            assertThat(rb[1]).isCloseTo(boundB, within(1e-9 * rB));
            assertThat(rb[0]).isCloseTo(boundA, within(1e-9 * rA));
        }
    }

    /** Nested bisection for the two-receptor monovalent system without cross terms. */
    private static double[] bisect2(double l0, double kaA, double kaB, double rA, double rB) {
        double lo = 0;
        double hi = rA;
        double fb = 0;
        for (int i = 0; i < 200; i++) {
            double fa = (lo + hi) / 2;
            fb = freeBeta(l0, kaA, kaB, fa, rB);
            double boundA = l0 * kaA * fa * (1 + fb * kaB * KX);
            if (fa + boundA > rA) {
                hi = fa;
            } else {
                lo = fa;
            }
        }
        double fa = (lo + hi) / 2;
        return new double[]{fa, freeBeta(l0, kaA, kaB, fa, rB)};
    }

    private static double freeBeta(double l0, double kaA, double kaB, double fa, double rB) {
        // R_B = f_B + L0 kaB f_B (1 + fa kaA Kx*) is linear in f_B
        return rB / (1 + l0 * kaB * (1 + fa * kaA * KX));
    }

    @Test
    void closedFormSumEqualsEnumerationOfBoundStates() {
        // bivalent IL-2 complex (2 α-binding, 2 βγ-binding subunits) at fixed free receptors: enumerate every state of
        // the 4 subunits (unbound, on IL-2Rα, on IL-2Rβ), weight (L0/Kx*)·Π ψ over the bonds, at least one bond
        double[][] ka = {{1 / 1.01e-9, 1e2}, {1e2, 1 / 24.0166e-9}};
        int[] type = {0, 0, 1, 1};
        double[] free = {2500, 400};
        double l0 = 3e-10;
        double[] expected = new double[2];
        int states = (int) Math.pow(3, type.length);
        for (int s = 0; s < states; s++) {
            int code = s;
            double w = l0 / KX;
            int bonds = 0;
            int[] count = new int[2];
            for (int k = 0; k < type.length; k++) {
                int st = code % 3;
                code /= 3;
                if (st > 0) {
                    int rec = st - 1;
                    w *= free[rec] * ka[type[k]][rec] * KX;
                    count[rec]++;
                    bonds++;
                }
            }
            if (bonds > 0) {
                expected[0] += w * count[0];
                expected[1] += w * count[1];
            }
        }
        double[] rb = MultivalentBinding.bound(l0, KX, free, new int[][]{{2, 2}}, new double[]{1}, ka);
        assertThat(rb[0]).isCloseTo(expected[0], within(1e-10 * expected[0]));
        assertThat(rb[1]).isCloseTo(expected[1], within(1e-10 * expected[1]));
    }

    @Test
    void massBalanceHoldsAtTheSolution() {
        for (String c : new String[]{"Treg", "NK", "CD8"}) {
            ReceptorAbundances cell = ReceptorTables.cell(c, ReceptorTables.TABLE_A);
            double[] total = {cell.count(Receptor.IL2Ra), cell.count(Receptor.IL2Rb)};
            double[][] ka = MultivalentBinding.il2Affinities(LigandDefinition.named("WT_Cterm"));
            for (int v = 1; v <= 4; v++) {
                for (double l0 : new double[]{1e-14, 1e-11, 1e-9, 1e-7, 1e-5}) {
                    int[][] theta = {{v, v}};
                    double[] free = MultivalentBinding.solveFree(l0, KX, total, theta, new double[]{1}, ka);
                    double[] rb = MultivalentBinding.bound(l0, KX, free, theta, new double[]{1}, ka);
                    for (int r = 0; r < 2; r++) {
                        assertThat(free[r]).isPositive();
                        assertThat(free[r] + rb[r]).isCloseTo(total[r], within(1e-10 * total[r]));
                    }
                }
            }
        }
    }

    @Test
    void bivalentBindsMoreThanTwiceAsMuchOnCellsWithManyReceptors() {
        // one receptor type, homogeneous valency f (polyfc): at low dose R_eq ≈ R_tot, and
        // R_bound = (L0/Kx*)·f·ψ·(1+ψ)^(f-1), so bivalent/monovalent = 2(1+ψ) with ψ = R·Ka·Kx*
        double ka = 1 / 3.043e-9;
        double l0 = 1e-15;
        double lowRatio = 0;
        for (double r : new double[]{100, 8503}) {
            double one = MultivalentBinding.solve(l0, KX, new double[]{r}, new int[][]{{1}}, new double[]{1},
                    new double[][]{{ka}})[0];
            double two = MultivalentBinding.solve(l0, KX, new double[]{r}, new int[][]{{2}}, new double[]{1},
                    new double[][]{{ka}})[0];
            double psi = r * ka * KX;
            assertThat(two / one).isCloseTo(2 * (1 + psi), within(1e-4 * 2 * (1 + psi)));
            if (r == 100) {
                lowRatio = two / one;
            } else {
                assertThat(two / one).isGreaterThan(5 * lowRatio);
            }
        }
    }

    @Test
    void bivalentFormsAreMoreTregSelectiveThanMonovalentForms() {
        ReceptorAbundances treg = ReceptorTables.cell("Treg", ReceptorTables.TABLE_A);
        ReceptorAbundances nk = ReceptorTables.cell("NK", ReceptorTables.TABLE_A);
        ReceptorAbundances cd8 = ReceptorTables.cell("CD8", ReceptorTables.TABLE_A);
        for (String m : new String[]{"WT_Cterm", "V91K_Cterm", "N88D_Cterm"}) {
            LigandDefinition l = LigandDefinition.named(m);
            double[][] ratios = new double[2][];
            for (int v = 1; v <= 2; v++) {
                double eTreg = MultivalentBinding.halfSaturationDose(l, v, treg, 1e-8, 1e8);
                double eNk = MultivalentBinding.halfSaturationDose(l, v, nk, 1e-8, 1e8);
                double eCd8 = MultivalentBinding.halfSaturationDose(l, v, cd8, 1e-8, 1e8);
                ratios[v - 1] = new double[]{eTreg / eNk, eTreg / eCd8};
                System.out.printf("%s v=%d EC50 nM: Treg %.4g NK %.4g CD8 %.4g; Treg/NK %.4g Treg/CD8 %.4g%n", m, v,
                        eTreg, eNk, eCd8, eTreg / eNk, eTreg / eCd8);
            }
            assertThat(ratios[1][0]).as(m + " Treg/NK").isLessThan(ratios[0][0]);
            assertThat(ratios[1][1]).as(m + " Treg/CD8").isLessThan(ratios[0][1]);
        }
    }
}
