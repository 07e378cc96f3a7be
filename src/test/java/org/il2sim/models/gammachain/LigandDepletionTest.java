package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.units.Units;
import org.junit.jupiter.api.Test;

/** Finite medium: IL-2 molecules are conserved between medium and receptors; a sparse culture is the reference. */
class LigandDepletionTest {

    static final Tolerances TOL = new Tolerances(1e-10, 1e-10, 1_000_000, Double.POSITIVE_INFINITY);

    static double[] run(ReactionNetwork n, double t, List<String> ids) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> r = ids.stream().map(id -> m.readout(id, false)).toList();
        return TimeCourse.run(m, Methods.defaultOde(), TOL, new double[] {0, t}, r)[1];
    }

    @Test
    void il2MoleculesAreConservedBetweenMediumAndReceptorsWithTraffickingOff() {
        ParameterSet p = ParameterSet.reference().with("k_endo", 0).with("k_endo_a", 0).with("k_deg", 0);
        double density = 1e10; // cells per litre (1e7 per mL): 1 pM IL-2 is then 60 molecules per cell
        ReactionNetwork n = LigandDepletion.apply(GammaChainModel.build("Treg", Ligand.IL2, 0.001, p), density);
        List<String> complexes = List.of("IL2_IL2Ra_surf", "IL2_IL2Rb_surf", "IL2_IL2Ra_IL2Rb_surf", "IL2_IL2Ra_gc_surf",
                "IL2_IL2Rb_gc_surf", "IL2_IL2Ra_IL2Rb_gc_surf");
        List<String> ids = new java.util.ArrayList<>(complexes);
        ids.add("IL2_medium");
        double[] end = run(n, 240, ids);
        double moleculesPerCellAtStart = Units.moleculesPerCell(0.001, 1 / density);
        double bound = 0;
        for (int i = 0; i < complexes.size(); i++) {
            bound += end[i];
        }
        double free = Units.moleculesPerCell(end[complexes.size()], 1 / density);
        assertThat(bound + free).isCloseTo(moleculesPerCellAtStart, within(1e-6 * moleculesPerCellAtStart));
        assertThat(moleculesPerCellAtStart).isCloseTo(60.2, within(0.1));
        assertThat(end[complexes.size()]).as("the medium is depleted").isLessThan(0.9 * 0.001);
    }

    @Test
    void aSparseCultureBehavesLikeTheConstantLigandReference() {
        ParameterSet p = ParameterSet.reference();
        String active = GammaChainModel.ACTIVE_COMPLEXES;
        double constant = run(GammaChainModel.build("NK", Ligand.IL2, 0.1, p), 60, List.of(active))[0];
        double sparse = run(LigandDepletion.apply(GammaChainModel.build("NK", Ligand.IL2, 0.1, p), 1e3), 60,
                List.of(active))[0];
        double dense = run(LigandDepletion.apply(GammaChainModel.build("NK", Ligand.IL2, 0.1, p), 1e10), 60,
                List.of(active))[0];
        assertThat(sparse).isCloseTo(constant, within(1e-6 * constant));
        assertThat(dense).isLessThan(0.9 * constant);
    }
}
