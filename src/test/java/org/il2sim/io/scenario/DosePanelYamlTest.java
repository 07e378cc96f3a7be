package org.il2sim.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.models.gammachain.DoseResponse;
import org.junit.jupiter.api.Test;

/** A panel written as a scenario file reads back to the same panel (every field, numbers exactly). */
class DosePanelYamlTest {

    static final Path WHERE = Path.of("the command line");

    @Test
    void anOdePanelWithEveryOptionReadsBackExactly() throws IOException {
        Map<String, double[]> defs = new LinkedHashMap<>();
        // names that YAML would read as a number, a boolean and null unless quoted
        defs.put("1e5", new double[] {1.0 / 3, 52.96});
        defs.put("true", new double[] {0.19, 5.3});
        defs.put("null", new double[] {7, 8});
        Scenario.DosePanel panel = new Scenario.DosePanel(List.of("Treg", "NK"), List.of("IL2", "1e5", "true", "null"),
                new double[] {1e-4 / 3, 0.1, 7.123456789012345}, new double[] {1.0 / 7, 0.5, 60}, "farhat2021", "b",
                defs, 3.3e6, Scenario.DosePanel.ODE_MODEL);
        Scenario s = DosePanelYaml.scenario("dose-response", "il2sim dose-response --out 'x'", panel, 1e-9, 2.5e-7,
                WHERE);

        assertSamePanel(s.panel(), panel);
        assertThat(s.experiment()).isEqualTo("dose-response");
        assertThat(s.description()).isEqualTo("il2sim dose-response --out 'x'");
        assertThat(s.solver().rtol()).isEqualTo(1e-9);
        assertThat(s.solver().atol()).isEqualTo(2.5e-7);
        assertThat(s.text()).isEqualTo(DosePanelYaml.text("dose-response", "il2sim dose-response --out 'x'", panel,
                1e-9, 2.5e-7));
    }

    @Test
    void aCoCulturePanelReadsBack() throws IOException {
        Scenario.DosePanel panel = new Scenario.DosePanel(List.of("Treg", "NK"), List.of("IL2"), new double[] {0.01},
                new double[] {60}, "il2sim", "a", Map.of(), 1e6, Scenario.DosePanel.ODE_MODEL, true);
        Scenario s = DosePanelYaml.scenario("n", "d", panel, 1e-8, 1e-8, WHERE);
        assertSamePanel(s.panel(), panel);
        assertThat(s.text()).contains("co-culture: true");
    }

    @Test
    void aConstantMediumPanelHasNoCellDensity() throws IOException {
        Scenario.DosePanel panel = new Scenario.DosePanel(List.of("CD8"), List.of("IL15"), new double[] {1, 10},
                new double[] {60}, "il2sim", "a", Map.of(), DoseResponse.CONSTANT_MEDIUM, Scenario.DosePanel.ODE_MODEL);
        Scenario s = DosePanelYaml.scenario("n", "d", panel, 1e-8, 1e-8, WHERE);
        assertSamePanel(s.panel(), panel);
        assertThat(s.text()).doesNotContain("cell-density");
    }

    @Test
    void aMultivalentPanelLeavesOutTheOdeKeys() throws IOException {
        Scenario.DosePanel panel = new Scenario.DosePanel(List.of("Treg", "CD8"), List.of("WT_Cterm", "N88D_Cterm"),
                new double[] {1e-3, 1, 1e3}, new double[] {30, 60, 120, 240}, "il2sim", "a", Map.of(),
                DoseResponse.CONSTANT_MEDIUM, 2);
        Scenario s = DosePanelYaml.scenario("n", "d", panel, 1e-8, 1e-8, WHERE);
        assertThat(s.panel().valency()).isEqualTo(2);
        assertThat(s.panel().doses()).containsExactly(panel.doses());
        assertThat(s.panel().cells()).isEqualTo(panel.cells());
        assertThat(s.panel().ligands()).isEqualTo(panel.ligands());
        // the reader refuses times, parameter-set and solver with a valency, so the text must leave them out
        assertThat(s.text()).doesNotContain("times:").doesNotContain("parameter-set:").doesNotContain("solver:");
    }

    static void assertSamePanel(Scenario.DosePanel got, Scenario.DosePanel want) {
        assertThat(got.cells()).isEqualTo(want.cells());
        assertThat(got.ligands()).isEqualTo(want.ligands());
        assertThat(got.doses()).containsExactly(want.doses());
        assertThat(got.times()).containsExactly(want.times());
        assertThat(got.parameterSet()).isEqualTo(want.parameterSet());
        assertThat(got.receptorTable()).isEqualTo(want.receptorTable());
        assertThat(got.cellDensities()).isEqualTo(want.cellDensities());
        assertThat(got.valency()).isEqualTo(want.valency());
        assertThat(got.coCulture()).isEqualTo(want.coCulture());
        assertThat(got.ligandDefinitions().keySet()).isEqualTo(want.ligandDefinitions().keySet());
        want.ligandDefinitions().forEach((k, v) -> assertThat(got.ligandDefinitions().get(k)).containsExactly(v));
    }
}
