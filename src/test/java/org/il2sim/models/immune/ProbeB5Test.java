package org.il2sim.models.immune;

import static org.il2sim.models.immune.ImmuneTesting.DAY;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProbeB5Test {
    static double at(double[] xs, double day) { return xs[(int) Math.round(day * 100)]; }
    static int ext(double[][] run, int from) { int i = from; while (i < run[3].length - 1 && run[3][i] > 0) i++; return i; }

    @Test
    void probe() {
        ParameterTable P = InfectionModel.defaults();
        double[] T = ImmuneTesting.grid(180 * DAY, 18_000);
        String[] ids = {"CD8_total", "CD8_memory", "CD4_total", "pathogen", "CD8_first_divisions", "pSTAT5", "CD8_effector",
            "stimulation", "IL2_division_factor", "CD4_memory"};
        double[][] R = ImmuneTesting.run(InfectionModel.build(), InfectionModelTest.TOL, T, ids);
        report("default", R, T, P);
        for (double d = 7.5; d < 12; d += 0.25) System.out.printf("d %.2f V %.4g E %.4g M %.4g f %.4g%n", d, at(R[3], d), at(R[6], d), at(R[1], d), at(R[7], d));
        for (double d4 : new double[] {10.5, 17.3}) {
            double[][] r = ImmuneTesting.run(InfectionModel.build(P.with("CD4_doubling", d4 * 60, "x")), InfectionModelTest.TOL, T, ids);
            System.out.printf("CD4 doubling %s h: ratio %.4g%n", d4, ImmuneTesting.max(r[0]) / ImmuneTesting.max(r[2]));
        }
        String[][] sens = {{"V_0", "0.01"}, {"g", "0.5"}, {"E_ref", "3"}, {"h", "0.2857142857142857"}, {"V_max", "0.1"}, {"h", "3.5"}};
        for (String[] sv : sens) {
            double[][] r = ImmuneTesting.run(InfectionModel.build(P.with(sv[0], P.value(sv[0]) * Double.parseDouble(sv[1]), "x")), InfectionModelTest.TOL, T, ids);
            report(sv[0] + " x " + sv[1], r, T, P);
        }
        double[][] h = ImmuneTesting.run(InfectionModel.build(P.with("h", 3.5 * P.value("h"), "x")), InfectionModelTest.TOL, T, ids);
        System.out.printf("K2 ratio %.4g, peak day %.3f%n", ImmuneTesting.max(R[0]) / ImmuneTesting.max(h[0]), T[ImmuneTesting.argMax(h[0])] / DAY);
        double[][] nh = ImmuneTesting.run(InfectionModel.build(P.with("k_prod", 0, "x")), InfectionModelTest.TOL, T, ids);
        System.out.printf("pSTAT5 max %.4g; no-help change %.4g%n", ImmuneTesting.max(R[5]), ImmuneTesting.max(R[0]) / ImmuneTesting.max(nh[0]) - 1);
        double ch = 60;
        double[][] run = ImmuneTesting.run(InfectionModel.build(P.with("T_challenge", ch * DAY, "x")), InfectionModelTest.TOL, T, ids);
        int from = (int) Math.round(ch * 100);
        double vmin = 1e300; int kmin = 0;
        for (int j = from + 100; j < from + 1000; j++) if (run[3][j] < vmin) { vmin = run[3][j]; kmin = j; }
        System.out.printf("recall: Vmin %.4g at +%.3f, V180 %.4g, Vmax2 %.4g%n", vmin, T[kmin] / DAY - ch, at(run[3], 180),
            ImmuneTesting.max(Arrays.copyOfRange(run[3], from, run[3].length)));
        int k2 = from + ImmuneTesting.argMax(Arrays.copyOfRange(run[0], from, run[0].length));
        int k1 = ImmuneTesting.argMax(R[0]);
        System.out.printf("recall: peak after %.3f d, clearance %.3f d, peak/mem %.4g, peak/primary %.4g, mem180 ratio %.4g%n",
            T[k2] / DAY - ch, 0.0, run[0][k2] / run[1][from], run[0][k2] / R[0][k1], at(run[1], 180) / at(R[1], 180));
    }

    static void report(String name, double[][] R, double[] T, ParameterTable P) {
        int i = 0;
        while (R[4][i] < 0.5 * P.value("CD8_naive_0")) i++;
        int k = ImmuneTesting.argMax(R[0]);
        int ke = ImmuneTesting.argMax(R[6]);
        int v = ImmuneTesting.argMax(R[3]);
        double maxSlope = 0;
        for (int j = 1; j < 1000; j++) maxSlope = Math.max(maxSlope, Math.log(R[0][j + 1] / R[0][j - 1]) / 0.02);
        int below100 = v; while (below100 < T.length - 1 && R[3][below100] >= 100) below100++;
        System.out.printf("%s: onset %.3f; growth2-5 %.4f; maxslope %.4f; peak day %.3f %.4g; effpeak day %.3f f(k-1) %.4f f(k+1) %.4f G %.5f;"
            + " V peak %.3f %.4g; ext %.3f; V<100 %.3f; day7 %.4g; contr30 %.5f; mem60 %.5f; mem180/60 %.6f; CD4 peak %.4g day %.3f ratio %.4g; CD4 mem60/peak %.4g%n",
            name, T[i] / DAY, Math.log(at(R[0], 5) / at(R[0], 2)) / 3, maxSlope, T[k] / DAY, R[0][k], T[ke] / DAY, R[7][ke - 1], R[7][ke + 1], R[8][ke],
            T[v] / DAY, R[3][v], T[ext(R, 0)] / DAY, T[below100] / DAY, at(R[0], 7), 1 - at(R[0], 30) / R[0][k], at(R[1], 60) / R[0][k],
            at(R[1], 180) / at(R[1], 60), ImmuneTesting.max(R[2]), T[ImmuneTesting.argMax(R[2])] / DAY, R[0][k] / ImmuneTesting.max(R[2]),
            at(R[9], 60) / ImmuneTesting.max(R[2]));
    }
}
