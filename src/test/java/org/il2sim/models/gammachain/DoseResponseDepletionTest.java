package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/**
 * Dose-response in a finite medium (Fallon &amp; Lauffenburger 2000): the depleted culture reaches the equilibrium
 * that the constant-medium model has at the culture's final free concentration, with every IL-2 molecule accounted
 * for; the panel's density option runs exactly that network.
 */
class DoseResponseDepletionTest {

    static final Tolerances TOL = new Tolerances(1e-10, 1e-12, 1_000_000, Double.POSITIVE_INFINITY);
    static final List<String> BOUND = List.of("IL2_IL2Ra_surf", "IL2_IL2Rb_surf", "IL2_IL2Ra_IL2Rb_surf",
            "IL2_IL2Ra_gc_surf", "IL2_IL2Rb_gc_surf", "IL2_IL2Ra_IL2Rb_gc_surf");

    static double[] run(ReactionNetwork n, double t, List<String> ids) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> r = ids.stream().map(id -> m.readout(id, false)).toList();
        return TimeCourse.run(m, Methods.defaultOde(), TOL, new double[] {0, t}, r)[1];
    }

    @Test
    void aDepletedCultureEquilibratesWhereTheConstantMediumModelDoesAtTheSameFreeIl2() {
        // trafficking off: a closed, detailed-balanced binding network, so both runs reach a true equilibrium
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        double cellsPerLitre = 1e10; // 1e7 cells/mL: 1 pM IL-2 is 60 molecules per cell, fewer than Treg's 657 IL-2Rb
        double dose = 0.001;
        List<String> ids = new ArrayList<>(BOUND);
        ids.add("IL2_medium");
        double[] depleted = run(LigandDepletion.apply(GammaChainModel.build("Treg", Ligand.IL2, dose, p),
                cellsPerLitre), 5000, ids);
        double free = depleted[BOUND.size()];
        assertThat(free).as("the medium is depleted (21 %)").isLessThan(0.9 * dose);
        double[] constant = run(GammaChainModel.build("Treg", Ligand.IL2, free, p), 5000, BOUND);
        double bound = 0;
        for (int i = 0; i < BOUND.size(); i++) {
            assertThat(depleted[i]).as(BOUND.get(i)).isCloseTo(constant[i], within(1e-5 * constant[i] + 1e-9));
            bound += depleted[i];
        }
        double total = Units.moleculesPerCell(dose, 1 / cellsPerLitre);
        assertThat(bound + Units.moleculesPerCell(free, 1 / cellsPerLitre)).isCloseTo(total, within(1e-6 * total));
    }

    @Test
    void thePanelRunsTheDepletedNetworkAndASparseCultureIsTheConstantMedium() {
        ParameterSet p = ParameterSet.named(ParameterSet.DEFAULT);
        List<LigandDefinition> il2 = List.of(LigandDefinition.named("IL2"));
        double[] doses = {0.001, 0.1};
        double[] times = {60};
        double perMl = 1e7;
        List<DoseResponse.Point> dense = DoseResponse.run(List.of("NK"), ReceptorTables.TABLE_A, il2, doses, times, p,
                perMl, TOL, 1);
        List<DoseResponse.Point> sparse = DoseResponse.run(List.of("NK"), ReceptorTables.TABLE_A, il2, doses, times,
                p, 1e-3, TOL, 1);
        List<DoseResponse.Point> constant = DoseResponse.run(List.of("NK"), ReceptorTables.TABLE_A, il2, doses, times,
                p, TOL, 1);
        for (int i = 0; i < doses.length; i++) {
            double direct = run(LigandDepletion.apply(GammaChainModel.build(ReceptorTables.cell("NK",
                    ReceptorTables.TABLE_A), java.util.Map.of(Ligand.IL2, doses[i]), il2.get(0).apply(p)), perMl * 1e3), 60,
                    List.of(GammaChainModel.ACTIVE_COMPLEXES))[0];
            assertThat(dense.get(i).activeComplexes()).isCloseTo(direct, within(1e-6 * direct));
            assertThat(dense.get(i).activeComplexes()).isLessThan(constant.get(i).activeComplexes());
            assertThat(sparse.get(i).activeComplexes()).isCloseTo(constant.get(i).activeComplexes(),
                    within(1e-6 * constant.get(i).activeComplexes()));
            assertThat(sparse.get(i).pstat5()).isCloseTo(constant.get(i).pstat5(), within(1e-6));
        }
    }

    @Test
    void noCultureIsDenserThanItsCellsPacked() {
        // a cell of radius 5 um (immune-parameters.md S6) is 524 fL: at most 1.91e9 cells/mL
        assertThat(DoseResponse.maxCellsPerMillilitre()).isCloseTo(1 / (4.0 / 3 * Math.PI * 125e-12), within(1e3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LigandDepletion.apply(
                GammaChainModel.build("NK", Ligand.IL2, 0.1, ParameterSet.reference()), 2e12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own volume");
    }
}
