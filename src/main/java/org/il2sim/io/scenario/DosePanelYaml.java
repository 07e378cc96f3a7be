package org.il2sim.io.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a dose-response panel as the scenario file that {@link ScenarioReader} reads back to the same panel, so a
 * panel given on the command line can be rerun with {@code il2sim run FILE} and its report shows the file that was
 * run. Numbers are written with {@link Double#toString} (they read back exactly); names are quoted.
 */
public final class DosePanelYaml {

    /** Quotes names as JSON strings, which YAML reads as double-quoted scalars. */
    private static final ObjectMapper QUOTE = new ObjectMapper();

    private DosePanelYaml() {
    }

    /**
     * The scenario text of a panel; {@code rtol} and {@code atol} are written for the ODE model only (the
     * multivalent model is an equilibrium and refuses a solver block).
     */
    public static String text(String name, String description, Scenario.DosePanel panel, double rtol, double atol) {
        StringBuilder y = new StringBuilder();
        y.append("# The equivalent scenario file: il2sim run FILE repeats this run (docs/scenarios.md).\n");
        y.append("name: ").append(quote(name)).append('\n');
        y.append("description: ").append(quote(description)).append('\n');
        y.append("experiment: dose-response\n");
        y.append("cells: ").append(names(panel.cells())).append('\n');
        y.append("ligands: ").append(names(panel.ligands())).append('\n');
        if (!panel.ligandDefinitions().isEmpty()) {
            y.append("ligand-definitions:\n");
            for (Map.Entry<String, double[]> d : panel.ligandDefinitions().entrySet()) {
                y.append("  ").append(quote(d.getKey())).append(": {kdAlpha: ").append(d.getValue()[0])
                        .append(" nM, kdBetaGamma: ").append(d.getValue()[1]).append(" nM}\n");
            }
        }
        y.append("doses: ").append(quantities(panel.doses(), "nM")).append('\n');
        y.append("receptor-table: ").append(quote(panel.receptorTable())).append('\n');
        if (panel.multivalent()) {
            y.append("valency: ").append(panel.valency()).append('\n');
            return y.toString();
        }
        y.append("times: ").append(quantities(panel.times(), "min")).append('\n');
        y.append("parameter-set: ").append(quote(panel.parameterSet())).append('\n');
        if (panel.finiteMedium()) {
            if (!Double.isNaN(panel.uniformDensity())) {
                y.append("cell-density: ").append(panel.uniformDensity()).append(" cells/mL\n");
            } else {
                y.append("cell-density:\n");
                panel.cellDensities().forEach((c, d) -> y.append("  ").append(quote(c)).append(": ").append(d)
                        .append(" cells/mL\n"));
            }
            if (panel.coCulture()) {
                y.append("co-culture: true\n");
            }
        }
        y.append("solver: {rtol: ").append(rtol).append(", atol: ").append(atol).append("}\n");
        return y.toString();
    }

    /**
     * The scenario of a panel, read from its {@link #text}: the returned scenario's panel is what the text says, and
     * its {@link Scenario#text()} is the text.
     *
     * @param where what error messages name as the file (e.g. "the command line")
     */
    public static Scenario scenario(String name, String description, Scenario.DosePanel panel, double rtol,
                                    double atol, Path where) throws IOException {
        return ScenarioReader.read(text(name, description, panel, rtol, atol), where);
    }

    private static String names(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(quote(n));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String quantities(double[] values, String unit) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(v + " " + unit);
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String quote(String s) {
        try {
            return QUOTE.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a string", e);
        }
    }
}
