package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.junit.jupiter.api.Test;

/**
 * IL-15 trans-presented as the IL-15·IL-15Rα complex: it enters the model only when asked for, binds IL-2Rβ then γc,
 * and (with k_tp fitted to Ring et al. 2012 on YT-1 cells) is more potent than soluble IL-15 on IL-2Rβ-high cells
 * without any preference for CD25-high Tregs.
 */
class TransPresentationTest {

    /** k_tp is an il2sim extension: only the il2sim set has it. */
    private static final ParameterSet IL2SIM = ParameterSet.named("il2sim");

    @Test
    void thePublishedSetRefusesTheComplexWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GammaChainModel.build(ReceptorTables.cell("NK"),
                Map.of(Ligand.IL15_15Ra, 1.0), ParameterSet.reference())).hasMessageContaining("k_tp")
                .hasMessageContaining("il2sim");
    }

    @Test
    void theComplexAddsFiveStatesOnlyWhenAskedFor() {
        ReactionNetwork reference = GammaChainModel.build("NK", Ligand.IL15, 1, ParameterSet.reference());
        ReactionNetwork plain = GammaChainModel.build("NK", Ligand.IL15, 1, IL2SIM);
        ReactionNetwork trans = GammaChainModel.build(ReceptorTables.cell("NK"), Map.of(Ligand.IL15_15Ra, 1.0), IL2SIM);
        assertThat(reference.species()).hasSize(62);
        assertThat(reference.parametersById()).doesNotContainKey(GammaChainModel.TRANS_PRESENTATION_RATE);
        assertThat(trans.species()).hasSize(plain.species().size() + 5);
        assertThat(trans.speciesById()).containsKeys("IL15_15Ra_IL2Rb_surf", "IL15_15Ra_IL2Rb_gc_surf",
                "IL15_15Ra_IL2Rb_endo", "IL15_15Ra_IL2Rb_gc_endo", "IL15_15Ra_endo");
        assertThat(LigandDefinition.named("IL-15/IL-15Ra").base()).isEqualTo(Ligand.IL15_15Ra);
    }

    private static double active(String cell, Ligand l, double dose) {
        CompiledModel m = CompiledModel.compile(GammaChainModel.build(ReceptorTables.cell(cell), Map.of(l, dose),
                IL2SIM));
        return TimeCourse.run(m, Methods.defaultOde(), GammaChainTesting.TIGHT, new double[] {0, 60},
                List.of(m.readout(GammaChainModel.ACTIVE_COMPLEXES, false)), true)[1][0];
    }

    @Test
    void moreActiveThanSolubleIl15OnNkCellsAndNoTregPreference() {
        for (double dose : new double[] {0.01, 0.1}) {
            assertThat(active("NK", Ligand.IL15_15Ra, dose)).as("NK at %s nM", dose)
                    .isGreaterThan(3 * active("NK", Ligand.IL15, dose));
        }
        // per IL-2Rβ, Tregs (657 per cell) answer no better than NK cells (8,503): no CD25-driven preference
        double tregPerBeta = active("Treg", Ligand.IL15_15Ra, 0.01) / ReceptorTables.cell("Treg").count(Receptor.IL2Rb);
        double nkPerBeta = active("NK", Ligand.IL15_15Ra, 0.01) / ReceptorTables.cell("NK").count(Receptor.IL2Rb);
        assertThat(tregPerBeta).isLessThan(1.5 * nkPerBeta);
    }
}
