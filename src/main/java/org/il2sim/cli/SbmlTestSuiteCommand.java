package org.il2sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.testsuite.CaseResult;
import org.il2sim.io.testsuite.StochasticSuiteRunner;
import org.il2sim.io.testsuite.TestSuiteRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test-suite", mixinStandardHelpOptions = true,
        description = {"Runs SBML Test Suite semantic cases and judges them by the suite's pass rule "
                + "(|expected - simulated| <= absolute + relative * |expected| at every point).",
                "Prints a pass/fail table by tag; the last line is 'N passed, M failed, K skipped'.",
                "Cases that are not time courses are skipped; a case using something unsupported fails.",
                "Stochastic cases (DIR = the suite's stochastic folder) are judged by the DSMTS statistics: "
                        + "Z and Y within the case's ranges, at most one excursion per statistic and species."},
        footer = {"", "Example:", "  il2sim sbml test-suite ../shared/sbml-test-suite/semantic "
                + "--cases ../shared/sbml-test-suite/subset-strict.txt --report report.tsv"})
final class SbmlTestSuiteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding the NNNNN case folders.")
    Path dir;

    @Option(names = "--cases", paramLabel = "FILE",
            description = "File with one case number per line (blank lines and # comments allowed).")
    Path casesFile;

    @Option(names = "--report", paramLabel = "FILE", description = "Write every case's result as tab-separated lines.")
    Path report;

    @CommandLine.Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--replicates", defaultValue = "1000", paramLabel = "N",
            description = "Replicates per stochastic case (judged by the DSMTS Z and Y statistics). "
                    + "Default: ${DEFAULT-VALUE}.")
    int replicates;

    @Option(names = "--stochastic-method", defaultValue = "ssa", paramLabel = "ssa|nrm|tau|hybrid",
            description = "Method for stochastic cases (hybrid: every species discrete). Default: ${DEFAULT-VALUE}.")
    String stochasticMethod;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for stochastic cases.")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Tight tolerances, well inside the suite's (typically 1e-4 relative), so that solver error never decides. */
    static final Tolerances SUITE_TOLERANCES = new Tolerances(1e-10, 1e-14, 5_000_000L, Double.POSITIVE_INFINITY);

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("test-suite folder not found: " + dir);
        }
        List<Path> cases = selectCases();
        int n = threads.count();
        TestSuiteRunner runner = new TestSuiteRunner(Methods.defaultOde(), SUITE_TOLERANCES);
        StochasticMethod method = Methods.stochastic(stochasticMethod);
        boolean hybrid = Methods.HYBRID.equals(stochasticMethod);
        if (method == null && !hybrid) {
            throw new UserInputException("unknown --stochastic-method '" + stochasticMethod + "'; known: "
                    + String.join(", ", Methods.stochasticNames()) + ", " + Methods.HYBRID);
        }
        if (replicates < 2) {
            throw new UserInputException("--replicates must be at least 2 (got " + replicates + ")");
        }
        StochasticSuiteRunner stochastic = hybrid ? StochasticSuiteRunner.hybrid(replicates, seed, n)
                : new StochasticSuiteRunner(method, replicates, seed, n);
        List<Path> deterministic = new ArrayList<>();
        for (Path c : cases) {
            if (!StochasticSuiteRunner.isStochastic(c)) {
                deterministic.add(c);
            }
        }
        Map<Path, CaseResult> byCase = new java.util.HashMap<>();
        List<CaseResult> detResults = runner.runAll(deterministic, n);
        for (int i = 0; i < deterministic.size(); i++) {
            byCase.put(deterministic.get(i), detResults.get(i));
        }
        List<CaseResult> results = new ArrayList<>();
        for (Path c : cases) {
            results.add(byCase.containsKey(c) ? byCase.get(c) : stochastic.run(c));
        }
        PrintWriter out = spec.commandLine().getOut();
        printTable(results, out);
        if (report != null) {
            AtomicFiles.write(report, w -> {
                for (CaseResult r : results) {
                    w.write(r.id() + "\t" + r.status() + "\t" + (r.reason() == null ? "" : r.reason().replace('\t', ' ')
                            .replace('\n', ' ')) + "\n");
                }
            });
        }
        long passed = results.stream().filter(r -> r.status() == CaseResult.Status.PASSED).count();
        long failed = results.stream().filter(r -> r.status() == CaseResult.Status.FAILED).count();
        long skipped = results.stream().filter(r -> r.status() == CaseResult.Status.SKIPPED).count();
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private List<Path> selectCases() throws IOException {
        List<Path> out = new ArrayList<>();
        if (casesFile == null) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{5}")).sorted()
                        .forEach(out::add);
            }
            return out;
        }
        if (!Files.isRegularFile(casesFile)) {
            throw new UserInputException("case list not found: " + casesFile);
        }
        int lineNo = 0;
        for (String line : Files.readAllLines(casesFile)) {
            lineNo++;
            String s = line.replaceFirst("#.*", "").trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("\\d{1,5}")) {
                throw new UserInputException(casesFile + ":" + lineNo + ": expected a case number, got '" + s + "'");
            }
            String id = String.format("%05d", Integer.parseInt(s));
            Path p = dir.resolve(id);
            if (!Files.isDirectory(p)) {
                throw new UserInputException(casesFile + ":" + lineNo + ": case " + id + " not found in " + dir);
            }
            out.add(p);
        }
        return out;
    }

    private static void printTable(List<CaseResult> results, PrintWriter out) {
        Map<String, int[]> byTag = new TreeMap<>();
        for (CaseResult r : results) {
            for (String tag : r.tags()) {
                int[] c = byTag.computeIfAbsent(tag, k -> new int[3]);
                c[r.status().ordinal()]++;
            }
        }
        out.printf("%-32s %8s %8s %8s%n", "tag", "passed", "failed", "skipped");
        byTag.forEach((tag, c) -> out.printf("%-32s %8d %8d %8d%n", tag, c[0], c[1], c[2]));
        for (CaseResult r : results) {
            if (r.status() == CaseResult.Status.FAILED) {
                out.println("FAILED " + r.id() + ": " + r.reason());
            }
        }
    }
}
