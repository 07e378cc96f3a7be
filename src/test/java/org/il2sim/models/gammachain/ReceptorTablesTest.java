package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Receptor abundances computed from final_receptor_levels.csv against the table of reference §4.3a. */
class ReceptorTablesTest {

    /** Reference §4.3a: IL-2Rα, IL-2Rβ, γc, IL-7Rα (#/cell, rounded). */
    private static final Object[][] TABLE_4_3A = {
        {"Treg", 3476, 657, 14017, 3588},
        {"TregNaive", 3429, 625, 10415, 5656},
        {"TregMemory", 3542, 752, 17637, 2379},
        {"Thelper", 329, 158, 13326, 19158},
        {"ThelperNaive", 270, 50, 12487, 17057},
        {"ThelperMemory", 438, 148, 15722, 25026},
        {"CD8", 22, 511, 12407, 12850},
        {"CD8Naive", 13, 334, 13004, 15541},
        {"CD8Memory", 35, 620, 12687, 2799},
        {"NK", 22, 8503, 7643, 28},
    };

    @Test
    void geometricMeansMatchTheReferenceTable() {
        assertThat(ReceptorTables.farhat2021().keySet()).containsExactly("Treg", "TregNaive", "TregMemory",
                "Thelper", "ThelperNaive", "ThelperMemory", "CD8", "CD8Naive", "CD8Memory", "NK");
        List<Receptor> cols = List.of(Receptor.IL2Ra, Receptor.IL2Rb, Receptor.gc, Receptor.IL7Ra);
        for (Object[] row : TABLE_4_3A) {
            ReceptorAbundances a = ReceptorTables.farhat2021((String) row[0]);
            for (int k = 0; k < cols.size(); k++) {
                // within 1: the reference prints naive CD8 IL-7Rα (geometric mean 15,540.46) as 15,541
                assertThat(a.count(cols.get(k))).as("%s %s", row[0], cols.get(k))
                        .isCloseTo((Integer) row[k + 1], within(1.0));
            }
            assertThat(a.count(Receptor.IL15Ra)).as("IL-15Rα was never observed").isZero();
            assertThat(a.count(Receptor.IL9R)).isZero();
            assertThat(a.count(Receptor.IL4Ra)).isZero();
            assertThat(a.count(Receptor.IL21R)).isZero();
            assertThat(a.source()).contains("final_receptor_levels.csv");
        }
    }

    @Test
    void geometricMeanOfAZeroIsZero() {
        assertThat(ReceptorTables.geometricMean(List.of(2.0, 8.0))).isCloseTo(4.0, within(1e-12));
        assertThat(ReceptorTables.geometricMean(List.of(0.0, 8.0))).isZero();
    }

    @Test
    void unknownCellTypeNamesTheKnownOnes() {
        assertThatThrownBy(() -> ReceptorTables.farhat2021("Bcell")).hasMessageContaining("Treg")
                .hasMessageContaining("NK");
    }

    /** Reference §4.3b (the later pipeline): IL-2Rα, IL-2Rβ, γc, IL-7Rα. */
    @Test
    void tableBHoldsTheFourPopulationsOfTheLaterPipeline() {
        Object[][] table = {{"Treg", 3646, 2350, 6868, 3462}, {"Thelper", 581, 2627, 5612, 21647},
            {"NK", 274, 6517, 3743, 3472}, {"CD8", 526, 3438, 6384, 20181}};
        assertThat(ReceptorTables.tableB().keySet()).containsExactly("Treg", "Thelper", "NK", "CD8");
        List<Receptor> cols = List.of(Receptor.IL2Ra, Receptor.IL2Rb, Receptor.gc, Receptor.IL7Ra);
        for (Object[] row : table) {
            ReceptorAbundances a = ReceptorTables.cell((String) row[0], ReceptorTables.TABLE_B);
            for (int k = 0; k < cols.size(); k++) {
                assertThat(a.count(cols.get(k))).isEqualTo(((Integer) row[k + 1]).doubleValue());
            }
            assertThat(a.source()).contains("RecQuantitation");
        }
        assertThatThrownBy(() -> ReceptorTables.cell("TregNaive", ReceptorTables.TABLE_B))
                .hasMessageContaining("not in receptor table b").hasMessageContaining("Thelper");
        assertThatThrownBy(() -> ReceptorTables.cell("NK", "c")).hasMessageContaining("a, b");
    }

    /**
     * The YT-1 lines are given by the fitted synthesis rates of §4.2; with the reference trafficking they imply the
     * steady-state surface counts the reference quotes (≈ 4,620 / 538 / 1,601 / 1,119), and the IL-2Rα⁻ line differs
     * only in IL-2Rα. (Within 0.5%: the rates are given to three digits.)
     */
    @Test
    void yt1LinesAreTheFittedSynthesisRatesAndTheirSteadyState() {
        ReceptorAbundances yt1 = ReceptorTables.cell("YT1");
        assertThat(yt1.synthesisRates().get(Receptor.IL2Ra)).isEqualTo(4.47);
        double[] quoted = {4620, 538, 1601, 1119};
        List<Receptor> cols = List.of(Receptor.IL2Ra, Receptor.IL2Rb, Receptor.gc, Receptor.IL15Ra);
        for (int k = 0; k < cols.size(); k++) {
            assertThat(yt1.count(cols.get(k))).as("%s", cols.get(k)).isCloseTo(quoted[k], within(quoted[k] * 0.005));
        }
        ReceptorAbundances neg = ReceptorTables.cell("YT1CD25neg");
        assertThat(neg.count(Receptor.IL2Ra)).isZero();
        assertThat(neg.count(Receptor.IL2Rb)).isEqualTo(yt1.count(Receptor.IL2Rb));
        assertThat(CellTypes.canonical("YT-1 IL-2Ra-")).isEqualTo("YT1CD25neg");
        assertThat(CellTypes.canonical("yt-1")).isEqualTo("YT1");
        assertThatThrownBy(() -> CellTypes.canonical("NKT")).hasMessageContaining("no receptor counts");
    }

    /** A fixed synthesis rate is used as given, and the network starts at the steady state it implies. */
    @Test
    void fixedSynthesisRatesEnterTheNetworkAndGiveASteadyState() {
        org.il2sim.core.network.ReactionNetwork n = GammaChainModel.build("YT1CD25neg", Ligand.IL2, 0.0,
                ParameterSet.reference());
        org.il2sim.core.sim.CompiledModel m = org.il2sim.core.sim.CompiledModel.compile(n);
        assertThat(m.initialValue("Rexpr_IL2Rb")).isEqualTo(0.520);
        assertThat(m.initialValue("N_IL2Rb")).isCloseTo(ReceptorTables.cell("YT1").count(Receptor.IL2Rb),
                within(1e-9));
        double[][] rows = org.il2sim.core.sim.TimeCourse.run(m, org.il2sim.core.sim.Methods.defaultOde(),
                GammaChainTesting.TIGHT, new double[] {0, 600},
                List.of(m.readout(ReceptorSpecies.free(Receptor.IL2Rb).id(Location.SURFACE), true)), true);
        assertThat(rows[1][0]).isCloseTo(rows[0][0], within(rows[0][0] * 1e-6));
    }
}
