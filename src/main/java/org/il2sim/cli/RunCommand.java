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
import org.il2sim.io.output.HtmlReport;
import org.il2sim.io.output.Plots;
import org.il2sim.io.output.RunJson;
import org.il2sim.io.output.TidyCsv;
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
                "Without a file it runs the built-in default: IL-2 binding to IL-2Ra (CD25), IL-2Rb (CD122) and the "
                        + "common gamma chain on a regulatory T cell at 1 nM IL-2 for 30 minutes (Farhat et al. 2021)."},
        footer = {"", "Examples:", "  il2sim run", "  il2sim run examples/il2-washout.yaml --out results/washout"})
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
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && !json && System.console() != null);
        RunResult result;
        try {
            result = ScenarioRunner.run(scenario, bar::update);
        } finally {
            bar.finish();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + " (" + e.getMessage() + ")");
        }
        String version = new Main.Version().getVersion()[0];
        TidyCsv.write(dir.resolve("timecourse.csv"), result);
        byte[] png = Plots.timeCourse(result, dir);
        HtmlReport.write(dir.resolve("report.html"), result, png, version);
        List<String> files = new ArrayList<>(List.of("timecourse.csv", "timecourse.png", "timecourse.svg",
                "report.html", "run.json"));
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
