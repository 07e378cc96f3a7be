package org.il2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.output.DoseResponseFiles;
import org.il2sim.io.output.HtmlReport;
import org.il2sim.io.output.Plots;
import org.il2sim.io.output.RunJson;
import org.il2sim.io.scenario.DoseResponseResult;
import org.il2sim.io.scenario.Scenario;

/**
 * The files of a dose-response run, the same from {@code il2sim run} with a dose-response scenario and from
 * {@code il2sim dose-response}: dose_response.csv, ec50.csv, the plots, report.html and run.json, and, when the
 * panel came from the command line, scenario.yaml (the equivalent scenario file).
 */
final class DoseResponseOutput {

    /** What was written: the run.json content, the EC50 fits and the file names. */
    record Written(Map<String, Object> summary, List<DoseResponseFiles.Ec50> fits, List<String> files) {
    }

    private DoseResponseOutput() {
    }

    /** Writes every file into {@code dir} (which must exist); {@code scenarioFile} true also writes scenario.yaml. */
    static Written write(Path dir, DoseResponseResult result, String version, boolean scenarioFile)
            throws IOException {
        Scenario scenario = result.scenario();
        Scenario.DosePanel panel = scenario.panel();
        DoseResponseFiles.Written written = DoseResponseFiles.writeAll(dir, result.points());
        List<DoseResponseFiles.Ec50> fits = written.fits();
        Map<String, byte[]> plots = written.plots();
        HtmlReport.writeDoseResponse(dir.resolve("report.html"), result, fits, plots, version);
        List<String> files = new ArrayList<>(List.of("dose_response.csv", "ec50.csv", "report.html", "run.json"));
        if (scenarioFile) {
            AtomicFiles.write(dir.resolve("scenario.yaml"), w -> w.write(scenario.text()));
            files.add("scenario.yaml");
        }
        files.addAll(Plots.files(plots.keySet()));
        Map<String, Object> summary = RunJson.base(version, scenario, dir, files);
        if (scenarioFile) {
            summary.put("scenarioFile", dir.resolve("scenario.yaml").toString()); // the panel came from options
        }
        boolean multivalent = panel.multivalent();
        summary.put("model", multivalent ? "multivalent-binding" : "gamma-chain");
        if (multivalent) {
            summary.put("valency", panel.valency());
        } else {
            summary.put("parameterSet", panel.parameterSet());
        }
        summary.put("receptorTable", panel.receptorTable());
        summary.put("cells", panel.cells());
        summary.put("ligands", panel.ligands());
        summary.put("doses", panel.doses().length);
        if (!multivalent) {
            summary.put("timesMin", panel.times());
        }
        if (panel.finiteMedium()) {
            // one number when every cell type has the same density, else cell type → density
            summary.put("cellDensityPerMl", Double.isNaN(panel.uniformDensity()) ? panel.cellDensities()
                    : panel.uniformDensity());
            summary.put("coCulture", panel.coCulture());
        }
        summary.put("wallMillis", result.wallMillis());
        summary.put("ec50ActiveComplexesNanomolar", ec50(fits, "active_complexes"));
        if (signalling(result)) {
            summary.put("ec50PSTAT5Nanomolar", ec50(fits, "pstat5"));
        }
        RunJson.write(dir.resolve("run.json"), summary);
        return new Written(summary, fits, files);
    }

    /** Whether the run has the signalling read-outs (pSTAT5, pERK, pAkt). */
    static boolean signalling(DoseResponseResult result) {
        return result.parameters().hasSignalling() && !result.scenario().panel().multivalent();
    }

    /** EC50s of one read-out keyed cell/ligand/TIMEmin, numbers as the CSV files write them. */
    private static Map<String, Double> ec50(List<DoseResponseFiles.Ec50> fits, String readout) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (DoseResponseFiles.Ec50 e : fits) {
            if (e.readout().equals(readout)) {
                out.put(e.cell() + "/" + e.ligand() + "/" + WideCsv.format(e.time()) + "min", e.fit().ec50());
            }
        }
        return out;
    }
}
