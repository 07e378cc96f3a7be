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
}
