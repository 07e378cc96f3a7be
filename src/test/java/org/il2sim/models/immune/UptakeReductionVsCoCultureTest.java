package org.il2sim.models.immune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.ReceptorTables;
import org.il2sim.models.gammachain.SharedMedium;
import org.junit.jupiter.api.Test;

/**
 * The quasi-steady-state reduction of the B6 complex model (immune-models.md §6 item 8: each cell takes up ligand at
 * its 24-h uptake J_k(c), {@link GammaChainSignal#uptake}) against the direct coupling (items 1-4: every cell type's
 * 62-state receptor network in one shared medium, {@link SharedMedium}), for the three populations of
 * {@link Il2ComplexModel} at its densities (counts over V_distribution), without clearance or division, over 5 days.
 */
class UptakeReductionVsCoCultureTest {

    private static final String[] CELLS = {"Treg", "NK", "CD8Memory"};
    private static final String[] POPS = {"Treg", "NK", "CD8_memory"};
    private static final double READOUT = 1440;
    private static final double DAY = 1440;

    /** Medium (nM) and active complexes per cell at days 0..5: [0] direct, [1] reduced; [.][day][0 medium, 1.. cells]. */
    static double[][][] compare(String ligand, double dose) {
        ParameterTable p = Il2ComplexModel.defaults();
        double litres = p.value("V_distribution"); // canonical unit L
        double[] density = new double[CELLS.length];
        for (int i = 0; i < CELLS.length; i++) {
            density[i] = p.value(POPS[i] + "_0") / litres;
        }
        LigandDefinition l = LigandDefinition.named(ligand);
        ParameterSet set = l.apply(ParameterSet.reference());
        List<SharedMedium.Member> members = new ArrayList<>();
        for (int i = 0; i < CELLS.length; i++) {
            members.add(new SharedMedium.Member(CELLS[i], GammaChainModel.build(ReceptorTables.cell(CELLS[i]),
                    Map.of(l.base(), dose), set), density[i]));
        }
        CompiledModel m = CompiledModel.compile(SharedMedium.of(members));
        List<CompiledModel.Readout> r = new ArrayList<>();
        r.add(m.readout(l.base().mediumParameter(), false));
        for (String c : CELLS) {
            r.add(m.readout(SharedMedium.memberId(c, GammaChainModel.ACTIVE_COMPLEXES), false));
        }
        double[] days = {0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY};
        double[][] direct = TimeCourse.run(m, Methods.defaultOde(), Tolerances.DEFAULT.withRelative(1e-8)
                .withAbsolute(1e-14), days, r);
        // the reduction: dL/dt = −Σ_k ρ_k·J_k(L)·1e9/N_A, classical Runge-Kutta with 0.1-min steps (independent of
        // the engine's solvers)
        GammaChainSignal.TwoSite[] u = new GammaChainSignal.TwoSite[CELLS.length];
        GammaChainSignal.Hill[] x = new GammaChainSignal.Hill[CELLS.length];
        for (int i = 0; i < CELLS.length; i++) {
            u[i] = GammaChainSignal.uptake(CELLS[i], ligand, READOUT, 1);
            x[i] = GammaChainSignal.of(CELLS[i], ligand, READOUT, 1);
        }
        double[][] reduced = new double[days.length][CELLS.length + 1];
        double c = dose;
        double h = 0.1;
        int steps = (int) Math.round(DAY / h);
        for (int d = 0; d < days.length; d++) {
            if (d > 0) {
                for (int s = 0; s < steps; s++) {
                    double k1 = rate(u, density, c);
                    double k2 = rate(u, density, c + h / 2 * k1);
                    double k3 = rate(u, density, c + h / 2 * k2);
                    double k4 = rate(u, density, c + h * k3);
                    c += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                }
            }
            reduced[d][0] = c;
            for (int i = 0; i < CELLS.length; i++) {
                reduced[d][i + 1] = x[i].at(Math.max(c, 0));
            }
        }
        System.out.printf("%s at %.3g nM; day: medium direct/reduced (nM) | active complexes per cell direct/reduced "
                + "(Treg, NK, CD8 memory)%n", ligand, dose);
        for (int d = 0; d < days.length; d++) {
            System.out.printf("  %d: %.4g/%.4g |", d, direct[d][0], reduced[d][0]);
            for (int i = 1; i <= CELLS.length; i++) {
                System.out.printf(" %.4g/%.4g", direct[d][i], reduced[d][i]);
            }
            System.out.println();
        }
        return new double[][][] {direct, reduced};
    }

    private static double rate(GammaChainSignal.TwoSite[] u, double[] density, double c) {
        double r = 0;
        for (int i = 0; i < u.length; i++) {
            r -= density[i] * u[i].at(c) * 1e9 / Units.AVOGADRO;
        }
        return r;
    }

    @Test
    void atTheComplexDosesTheReductionFollowsTheDirectCoupling() {
        // B6 gives 48.9 nM three times; the βγ-directed complex (t½ 12 h) is still above 1 nM at day 5
        for (double dose : new double[] {48.9, 1}) {
            double[][][] r = compare("IL2_notAlpha", dose);
            for (int d = 1; d < r[0].length; d++) {
                double direct = r[0][d][0];
                double reduced = r[1][d][0];
                // the reduction is the uptake of cells at quasi-steady state: it misses the first day's loading of
                // the ligand-free cells' receptors and endosomes (measured: it takes up 27 % less on day 1 from 48.9
                // nM, 43 % less from 1 nM), so the sustained uptake is compared, day by day from day 2
                if (d >= 2) {
                    double directDay = r[0][d - 1][0] - direct;
                    double reducedDay = r[1][d - 1][0] - reduced;
                    System.out.printf("%s nM, day %d: taken up, reduced/direct %.4f%n", dose, d, reducedDay / directDay);
                    assertThat(reducedDay).as("taken up on day %d from %s nM", d, dose)
                            .isBetween(0.85 * directDay, 1.15 * directDay);
                }
                assertThat(reduced).as("medium at day %d from %s nM", d, dose).isBetween(0.8 * direct, 1.2 * direct);
                for (int i = 1; i <= CELLS.length; i++) {
                    assertThat(r[1][d][i]).as("%s active complexes at day %d from %s nM", CELLS[i - 1], d, dose)
                            .isBetween(0.8 * r[0][d][i], 1.25 * r[0][d][i]);
                }
            }
        }
    }

    @Test
    void belowATenthOfANanomolarTheReductionDepletesFaster() {
        // a documented limit (docs/immune.md, B6): from 10 pM of IL-2 the cells' history matters, and the reduced pool falls
        // below the direct one by day 3 (measured: 4-fold)
        double[][][] r = compare("IL2", 0.01);
        assertThat(r[1][3][0]).isLessThan(0.5 * r[0][3][0]);
    }
}
