package org.il2sim.models.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataTableTest {

    @Test
    void readsRowsWithTheirLinesSkippingCommentsAndBlankLines() {
        DataTable t = DataTable.tsv(DataTableTest.class, "good.tsv");
        assertThat(t.rows()).extracting(r -> r.get("id")).containsExactly("k1", "k2", "k3");
        assertThat(t.rows()).extracting(DataTable.Row::line).containsExactly(3, 5, 6);
        DataTable.Row k1 = t.rows().get(0);
        DataTable.Row k2 = t.rows().get(1);
        assertThat(t.number(k1, "value")).isEqualTo(2.5);
        assertThat(t.optionalNumber(k2, "value")).isNaN();
        assertThat(k2.get("note")).isEqualTo("padded");
        assertThat(k1.get("no such column")).isNull();
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        DataTable t = DataTable.tsv(DataTableTest.class, "good.tsv");
        assertThatThrownBy(() -> t.number(t.rows().get(2), "value")).isInstanceOf(IllegalStateException.class)
                .hasMessage("good.tsv line 6: column 'value' is not a number: 'abc'");
        assertThatThrownBy(() -> DataTable.read(DataTableTest.class, "short.csv", ","))
                .hasMessage("short.csv line 3: 3 fields, expected 2");
        assertThatThrownBy(() -> DataTable.tsv(DataTableTest.class, "missing.tsv"))
                .hasMessage("bundled data file missing: missing.tsv");
    }
}
