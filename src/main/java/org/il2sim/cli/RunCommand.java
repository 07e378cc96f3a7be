package org.il2sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.il2sim.io.output.ConditionFiles;
import org.il2sim.io.output.DoseResponseFiles;
import org.il2sim.io.output.HtmlReport;
import org.il2sim.io.output.Plots;
import org.il2sim.io.output.RunJson;
import org.il2sim.io.output.ReplicateSummary;
import org.il2sim.io.output.TidyCsv;
import org.il2sim.io.scenario.DoseResponseResult;
import org.il2sim.io.scenario.RunResult;
import org.il2sim.io.scenario.Scenario;
import org.il2sim.io.scenario.ScenarioReader;
import org.il2sim.io.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a scenario file (docs/scenarios.md) and writes timecourse.csv (tidy: "
                + "time,replicate,quantity,value,unit), timecourse.png and .svg, report.html and run.json into the "
                + "output folder.",
                "A dose-response scenario writes dose_response.csv, ec50.csv, plots per ligand and time, report.html "
                        + "and run.json instead.",
                "Without a file it runs the built-in default: the IL-2 and IL-15 dose-response of Treg, T helper, NK "
                        + "and CD8 cells with the 62-state gamma-chain model (Farhat et al. 2021): Tregs answer IL-2 "
                        + "at far lower doses, but not IL-15."},
        footer = {"", "Examples:", "  il2sim run", "  il2sim run examples/il2-washout.yaml --out results/washout",
                "  il2sim run examples/acute-infection.yaml"})
final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_SCENARIO = "/org/il2sim/scenarios/default.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "The scenario to run (default: the built-in default scenario).")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (created if missing; default runs/<scenario>-<timestamp>/).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar and no summary on the terminal.")
    boolean quiet;

    @Option(names = "--json", description = "Print the run's summary (run.json) on stdout for scripts.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = scenarioFile != null ? ScenarioReader.read(scenarioFile) : defaultScenario();
        Path dir = out != null ? out : Path.of("runs", scenario.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + dir + " exists and is not a folder");
        }
        if ("dose-response".equals(scenario.experiment())) {
            return runDoseResponse(scenario, dir);
        }
        if (!scenario.conditions().isEmpty()) {
            return runConditions(scenario, dir);
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && !json && System.console() != null);
        RunResult result;
        try {
            result = ScenarioRunner.run(scenario, bar::update);
        } finally {
            bar.finish();
        }
        createOutputFolder(dir);
        String version = new Main.Version().getVersion()[0];
        TidyCsv.write(dir.resolve("timecourse.csv"), result);
        byte[] png = Plots.timeCourse(result, dir);
        HtmlReport.write(dir.resolve("report.html"), result, png, version);
        List<String> files = new ArrayList<>(List.of("timecourse.csv", "timecourse.png", "timecourse.svg",
                "report.html", "run.json"));
        if (ReplicateSummary.applies(List.of(result))) {
            ReplicateSummary.write(dir.resolve("summary.csv"), List.of(scenario.name()), List.of(result));
            files.add("summary.csv");
        }
        Map<String, Object> summary = RunJson.summary(result, dir, version, files);
        RunJson.write(dir.resolve("run.json"), summary);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(RunJson.toJson(summary));
        } else if (!quiet) {
            o.printf(Locale.ROOT, "%s: %d quantities x %d times x %d replicate(s) in %d ms%n", scenario.name(),
                    result.quantities().size(), result.times().length, result.values().length, result.wallMillis());
            result.warnings().forEach(w -> o.println("warning: " + w));
            o.println("wrote " + String.join(", ", files) + " to " + dir);
        }
        o.flush();
        return ExitCode.OK;
    }

    private int runDoseResponse(Scenario scenario, Path dir) throws IOException {
        DoseResponseResult result = ScenarioRunner.runDoseResponse(scenario);
        createOutputFolder(dir);
        String version = new Main.Version().getVersion()[0];
        DoseResponseOutput.Written written = DoseResponseOutput.write(dir, result, version, false);
        Map<String, Object> summary = written.summary();
        List<DoseResponseFiles.Ec50> fits = written.fits();
        List<String> files = written.files();
        boolean multivalent = scenario.panel().multivalent();
        boolean signalling = DoseResponseOutput.signalling(result);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(RunJson.toJson(summary));
        } else if (!quiet) {
            o.printf(Locale.ROOT, "%s: %d cells x %d ligands x %d doses x %d times in %d ms%n", scenario.name(),
                    scenario.panel().cells().size(), scenario.panel().ligands().size(), scenario.panel().doses().length,
                    multivalent ? 1 : scenario.panel().times().length, result.wallMillis());
            double last = multivalent ? Double.POSITIVE_INFINITY
                    : scenario.panel().times()[scenario.panel().times().length - 1];
            String shown = signalling ? "pstat5" : "active_complexes";
            String what = signalling ? "pSTAT5" : multivalent ? "bound IL-2Rb" : "active complexes";
            String when = multivalent ? "at equilibrium" : String.format(Locale.ROOT, "at %g min", last);
            o.printf(Locale.ROOT, "EC50 of %s %s (nM):%n", what, when);
            for (DoseResponseFiles.Ec50 e : fits) {
                if (e.readout().equals(shown) && e.time() == last) {
                    o.printf(Locale.ROOT, "  %-14s %-12s %.4g%n", e.cell(), e.ligand(), e.fit().ec50());
                }
            }
            o.println("wrote " + files.size() + " files to " + dir);
        }
        o.flush();
        return ExitCode.OK;
    }

    private int runConditions(Scenario scenario, Path dir) throws IOException {
        long started = System.nanoTime();
        List<RunResult> runs = ScenarioRunner.runConditions(scenario);
        createOutputFolder(dir);
        String version = new Main.Version().getVersion()[0];
        ConditionFiles.writeCsv(dir.resolve("conditions.csv"), scenario.conditions(), runs);
        Map<String, byte[]> plots = ConditionFiles.writePlots(dir, scenario.conditions(), runs);
        ConditionFiles.writeReport(dir.resolve("report.html"), scenario, scenario.conditions(), runs, plots, version);
        List<String> files = new ArrayList<>(List.of("conditions.csv", "report.html", "run.json"));
        if (ReplicateSummary.applies(runs)) {
            ReplicateSummary.write(dir.resolve("summary.csv"),
                    scenario.conditions().stream().map(Scenario.Condition::name).toList(), runs);
            files.add("summary.csv");
        }
        files.addAll(Plots.files(plots.keySet()));
        Map<String, Object> summary = RunJson.base(version, scenario, dir, files);
        summary.put("conditions", scenario.conditions().stream().map(Scenario.Condition::name).toList());
        // the solver settings are the scenario's, the same for every condition; a tissue model's field_tolerance is
        // a model value that a condition can change, so it is given per condition
        RunJson.putMethod(summary, runs.get(0));
        if (!runs.get(0).solverTolerancesApply()) {
            Map<String, Double> fieldTolerances = new java.util.LinkedHashMap<>();
            for (int c = 0; c < runs.size(); c++) {
                fieldTolerances.put(scenario.conditions().get(c).name(), runs.get(c).fieldTolerance());
            }
            summary.put("fieldTolerance", fieldTolerances);
        }
        summary.put("seed", scenario.seed());
        summary.put("wallMillis", (System.nanoTime() - started) / 1_000_000);
        Map<String, Map<String, Double>> finals = new java.util.LinkedHashMap<>();
        for (int c = 0; c < runs.size(); c++) {
            RunResult r = runs.get(c);
            Map<String, Double> last = new java.util.LinkedHashMap<>();
            for (int k = 0; k < r.quantities().size(); k++) {
                double mean = 0;
                for (double[][] rep : r.values()) {
                    mean += rep[r.times().length - 1][k] / r.values().length;
                }
                last.put(r.quantities().get(k), mean);
            }
            finals.put(scenario.conditions().get(c).name(), last);
        }
        summary.put("finalValues", finals);
        RunJson.write(dir.resolve("run.json"), summary);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(RunJson.toJson(summary));
        } else if (!quiet) {
            o.printf(Locale.ROOT, "%s: %s of %d conditions in %d ms%n", scenario.name(), scenario.experiment(),
                    runs.size(), (System.nanoTime() - started) / 1_000_000);
            o.println("wrote " + files.size() + " files to " + dir);
        }
        o.flush();
        return ExitCode.OK;
    }

    private static void createOutputFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    static Scenario defaultScenario() throws IOException {
        try (InputStream in = RunCommand.class.getResourceAsStream(DEFAULT_SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("built-in default scenario missing from the jar");
            }
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Path.of("default.yaml"));
        }
    }
}
