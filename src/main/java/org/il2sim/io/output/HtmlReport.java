package org.il2sim.io.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.il2sim.core.network.Parameter;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.scenario.RunResult;

/**
 * report.html: one self-contained page (plots embedded as data URIs, no external resources) with the scenario, every
 * parameter used with unit and source, the solver and tolerances, seed, version, wall time and warnings.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The hybrid method's partition in words. */
    static String partition(org.il2sim.io.scenario.Scenario.SolverSettings solver) {
        String listed = solver.continuous().isEmpty() ? "none" : String.join(", ", solver.continuous());
        String threshold = Double.isInfinite(solver.threshold()) ? "none"
                : String.format(Locale.ROOT, "%g (back to discrete below %g)", solver.threshold(),
                        org.il2sim.core.sim.HybridModel.RETURN_FRACTION * solver.threshold());
        return "continuous species: " + listed + "; threshold: " + threshold;
    }

    public static void write(Path file, RunResult r, byte[] png, String version) throws IOException {
        StringBuilder h = new StringBuilder();
        head(h, r.scenario().name());
        h.append("<h1>").append(esc(r.scenario().name())).append("</h1>\n");
        if (!r.scenario().description().isEmpty()) {
            h.append("<p>").append(esc(r.scenario().description())).append("</p>\n");
        }
        h.append("<h2>Run</h2>\n<table>");
        row(h, "model", r.network().name() + " (" + r.network().id() + ")");
        row(h, "experiment", r.scenario().experiment());
        row(h, "method", r.method());
        if ("hybrid".equals(r.method())) {
            row(h, "hybrid partition", partition(r.scenario().solver()));
        }
        row(h, "tolerances", r.toleranceText());
        row(h, "seed", Long.toString(r.scenario().seed()));
        row(h, "replicates", Integer.toString(r.values().length));
        row(h, "time", String.format(Locale.ROOT, "%g to %g min in %d steps", r.times()[0],
                r.times()[r.times().length - 1], r.times().length - 1));
        row(h, "il2sim version", version);
        row(h, "wall time", r.wallMillis() + " ms");
        h.append("</table>\n");
        if (!r.warnings().isEmpty()) {
            h.append("<h2>Warnings</h2>\n<ul>");
            r.warnings().forEach(w -> h.append("<li class=\"warn\">").append(esc(w)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<h2>Time course</h2>\n<img alt=\"time course\" style=\"max-width:100%\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        parameterTable(h, "Parameters", r);
        h.append("<h2>Scenario</h2>\n<pre>").append(esc(r.scenario().text())).append("</pre>\n");
        h.append("</body></html>\n");
        AtomicFiles.write(file, w -> w.write(h.toString()));
    }

    /** The report of a dose-response experiment: plots, EC50 table, parameters with sources, the scenario. */
    public static void writeDoseResponse(Path file, org.il2sim.io.scenario.DoseResponseResult r,
                                         java.util.List<DoseResponseFiles.Ec50> fits,
                                         java.util.Map<String, byte[]> plots, String version) throws IOException {
        StringBuilder h = new StringBuilder();
        head(h, r.scenario().name());
        h.append("<h1>").append(esc(r.scenario().name())).append("</h1>\n");
        if (!r.scenario().description().isEmpty()) {
            h.append("<p>").append(esc(r.scenario().description())).append("</p>\n");
        }
        var panel = r.scenario().panel();
        h.append("<h2>Run</h2>\n<table>");
        boolean multivalent = panel.multivalent();
        row(h, "model", multivalent
                ? "steady-state multivalent binding model (Orcutt-Jahns et al. 2023), complexes of " + panel.valency()
                        + " IL-2 units; active_complexes = bound IL-2Rb per cell; receptor table " + panel.receptorTable()
                : "62-state gamma-chain receptor model (Farhat et al. 2021), parameter set " + panel.parameterSet()
                        + " (" + r.parameters().name() + "), receptor table " + panel.receptorTable());
        row(h, "experiment", "dose-response: " + String.join(", ", panel.cells()) + " x "
                + String.join(", ", panel.ligands()));
        row(h, "doses", panel.doses().length + " from " + panel.doses()[0] + " to "
                + panel.doses()[panel.doses().length - 1] + " nM");
        row(h, "times", multivalent ? "equilibrium" : java.util.Arrays.toString(panel.times()) + " min");
        row(h, "medium", !panel.finiteMedium()
                ? "constant ligand concentration (no depletion)"
                : panel.coCulture()
                        ? "finite, one medium shared by all cell types (co-culture): " + panel.densityText()
                                + " (dose = starting concentration)"
                        : "finite, depleted by the cells: each cell type alone at " + panel.densityText()
                                + " (dose = starting concentration)");
        if (multivalent) {
            row(h, "method", "equilibrium (Newton on the mass balance; no ODE solver)");
        } else {
            row(h, "method", r.scenario().solver().method());
            row(h, "tolerances", String.format(Locale.ROOT, "rtol %.3g, atol %.3g", r.scenario().solver().rtol(),
                    r.scenario().solver().atol()));
        }
        row(h, "il2sim version", version);
        row(h, "wall time", r.wallMillis() + " ms");
        h.append("</table>\n<h2>Dose-response</h2>\n");
        plots.forEach((name, png) -> h.append("<img alt=\"").append(esc(name))
                .append("\" style=\"max-width:49%\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n"));
        h.append("<h2>EC50 (four-parameter Hill fits)</h2>\n<p>Read-outs: active complexes (Emax in molecules/cell); "
                + "with the signalling layer also pSTAT5, pERK and pAkt (Emax as a fraction of the pool).</p>\n"
                + "<table><tr><th>cell</th><th>ligand</th><th>time (min)</th><th>read-out</th><th>EC50 (nM)</th>"
                + "<th>Hill</th><th>Emax</th></tr>\n");
        boolean signalling = r.parameters().hasSignalling() && !multivalent;
        for (DoseResponseFiles.Ec50 e : fits) {
            if (signalling || e.readout().equals("active_complexes")) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%g</td><td>%s</td><td>%.4g</td>"
                        + "<td>%.3g</td><td>%.4g</td></tr>%n", esc(e.cell()), esc(e.ligand()), e.time(),
                        esc(e.readout()), e.fit().ec50(), e.fit().hill(), e.fit().emax()));
            }
        }
        if (multivalent) {
            h.append("</table>\n<h2>Parameters</h2>\n<p>Receptor counts from receptor table ")
                    .append(esc(panel.receptorTable())).append("; each variant's K_D for IL-2Ra and IL-2Rb/gc as its"
                            + " ligand definition gives them.</p>\n<table><tr><th>id</th><th>value</th><th>unit</th>"
                            + "<th>source</th></tr>\n");
            for (Map<String, String> p : org.il2sim.models.gammachain.MultivalentBinding.parameterRows()) {
                h.append("<tr><td>").append(esc(p.get("id"))).append("</td><td>").append(esc(p.get("value")))
                        .append("</td><td>").append(esc(p.get("unit"))).append("</td><td>").append(esc(p.get("source")))
                        .append("</td></tr>\n");
            }
        } else {
            h.append("</table>\n<h2>Parameters</h2>\n<table><tr><th>id</th><th>value</th><th>unit</th><th>status</th>"
                    + "<th>95% interval</th><th>source</th></tr>\n");
            for (var p : r.parameters().values()) {
                h.append("<tr><td>").append(esc(p.id())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.6g", p.value())).append("</td><td>")
                        .append(esc(p.unit())).append("</td><td>").append(esc(String.valueOf(p.status())))
                        .append("</td><td>").append(p.hasInterval()
                                ? String.format(Locale.ROOT, "[%.3g, %.3g]", p.lower95(), p.upper95()) : "")
                        .append("</td><td>").append(esc(p.source())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<h2>Scenario</h2>\n<pre>").append(esc(r.scenario().text())).append("</pre>\n");
        h.append("</body></html>\n");
        AtomicFiles.write(file, w -> w.write(h.toString()));
    }

    /** The parameters a run used: id, value at t = 0, unit and source. */
    static void parameterTable(StringBuilder h, String heading, RunResult r) {
        h.append("<h2>").append(esc(heading)).append("</h2>\n<table><tr><th>id</th><th>value</th><th>unit</th>"
                + "<th>source</th></tr>\n");
        for (Parameter p : r.network().parameters()) {
            h.append("<tr><td>").append(esc(p.id())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.6g", r.parameterValues().getOrDefault(p.id(), p.value())))
                    .append("</td><td>").append(esc(p.unit())).append("</td><td>").append(esc(p.source()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** The page start every il2sim report shares: title and style. */
    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>il2sim: ")
                .append(esc(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
                .append("th{background:#f0f0f0}pre{background:#f7f7f7;padding:1em;overflow:auto}")
                .append(".warn{color:#a60}</style></head><body>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
