package org.il2sim.io.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.il2sim.core.network.Diagnostic;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.Methods;
import org.il2sim.io.sbml.SbmlException;
import org.il2sim.io.sbml.SbmlExporter;
import org.il2sim.io.sbml.SbmlImporter;
import org.il2sim.io.sbml.SbmlValidator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round-trip proof of the SBML exporter on the SBML Test Suite: every time-course case without packages that il2sim
 * passes is imported, exported as SBML Level 3 Version 2, imported again and simulated again. The second simulation
 * must equal the first on the case's output grid (to 1e-9 relative) and still pass the suite's rule. The exported
 * file must also raise no JSBML validation error that the original does not. Cases that fail on
 * the original file (known failures) are skipped, as are models that cannot be exported (fast reactions), visibly.
 */
class SbmlRoundTripTest {

    static final double RELATIVE = 1e-9;

    enum Kind {
        SAME_NETWORK, SAME_VALUES, CLOSE_VALUES, ORIGINAL_FAILS, NOT_EXPORTABLE, DIFFERENT, SECOND_FAILS,
        NEW_VALIDATION_ERRORS, ERROR
    }

    /**
     * Every how many cases (by case number) the exported file is also checked with JSBML's validator (1: all; the
     * checks run one at a time and add about 15 s of CPU for all cases).
     */
    static final int VALIDATE_EVERY = 1;

    /** JSBML's validator is not thread-safe. */
    static final Object VALIDATOR_LOCK = new Object();

    record Outcome(String id, Kind kind, String detail) {
    }

    @TestFactory
    Stream<DynamicTest> everyPassingCaseSurvivesExportAndReimport(@TempDir Path tmp) throws IOException {
        Path list = SemanticSuiteTest.SUITE.resolve("timecourse-no-packages.txt");
        assumeTrue(Files.exists(list), "SBML Test Suite not found: put its semantic cases and case lists in "
                + SemanticSuiteTest.SUITE.toAbsolutePath().normalize() + " to run the round-trip test");
        Map<String, String> known = SemanticSuiteTest.knownFailures("/sbml-test-suite/known-failures.txt");
        List<Path> cases = new ArrayList<>();
        int notTried = 0;
        for (String line : Files.readAllLines(list)) {
            String s = line.replaceFirst("#.*", "").trim();
            if (!s.isEmpty()) {
                String id = String.format("%05d", Integer.parseInt(s));
                if (known.containsKey(id)) {
                    notTried++;
                } else {
                    cases.add(SemanticSuiteTest.SUITE.resolve("semantic").resolve(id));
                }
            }
        }
        TestSuiteRunner runner = new TestSuiteRunner(Methods.defaultOde(), SemanticSuiteTest.TOL);
        List<Outcome> outcomes = runAll(cases, dir -> roundTrip(runner, dir, tmp));
        int[] counts = new int[Kind.values().length];
        outcomes.forEach(o -> counts[o.kind().ordinal()]++);
        System.out.printf(Locale.ROOT, "SBML round trip over %d cases (%d known failures not tried): %d identical "
                        + "networks, %d identical values, %d equal within %.0e, %d different, %d failing the suite "
                        + "after the round trip, %d not exportable (fast reactions), %d failing on the original, "
                        + "%d with JSBML validation errors the original lacks (checked: case numbers divisible by %d), "
                        + "%d errors%n", cases.size(), notTried, counts[Kind.SAME_NETWORK.ordinal()],
                counts[Kind.SAME_VALUES.ordinal()], counts[Kind.CLOSE_VALUES.ordinal()], RELATIVE,
                counts[Kind.DIFFERENT.ordinal()], counts[Kind.SECOND_FAILS.ordinal()],
                counts[Kind.NOT_EXPORTABLE.ordinal()], counts[Kind.ORIGINAL_FAILS.ordinal()],
                counts[Kind.NEW_VALIDATION_ERRORS.ordinal()], VALIDATE_EVERY, counts[Kind.ERROR.ordinal()]);
        return outcomes.stream().map(o -> DynamicTest.dynamicTest("round trip " + o.id(), () -> {
            switch (o.kind()) {
                case SAME_NETWORK, SAME_VALUES, CLOSE_VALUES -> {
                }
                case ORIGINAL_FAILS -> Assumptions.abort("case " + o.id() + ": the original fails the suite: "
                        + o.detail());
                case NOT_EXPORTABLE -> Assumptions.abort("case " + o.id() + ": not exportable: " + o.detail());
                default -> Assertions.fail("case " + o.id() + ": " + o.kind() + ": " + o.detail());
            }
        }));
    }

    static Outcome roundTrip(TestSuiteRunner runner, Path dir, Path tmp) {
        String id = dir.getFileName().toString();
        try {
            Map<String, String> description = TestSuiteRunner.readDescription(dir.resolve(id + "-model.m"));
            if (!description.getOrDefault("testtype", "TimeCourse").equalsIgnoreCase("TimeCourse")) {
                return new Outcome(id, Kind.ORIGINAL_FAILS, "not a time course");
            }
            Path sbml = TestSuiteRunner.highestLevel(dir);
            CaseSettings settings = CaseSettings.read(dir.resolve(id + "-settings.txt"));
            ExpectedResults expected = ExpectedResults.read(dir.resolve(id + "-results.csv"));
            ReactionNetwork first;
            TestSuiteRunner.Simulation one;
            try {
                first = SbmlImporter.read(sbml);
                one = runner.simulate(first, settings, expected);
            } catch (RuntimeException e) {
                return new Outcome(id, Kind.ORIGINAL_FAILS, e.getMessage());
            }
            if (one.failure() != null) {
                return new Outcome(id, Kind.ORIGINAL_FAILS, one.failure());
            }
            Path exported = tmp.resolve(id + "-il2sim-l3v2.xml");
            try {
                SbmlExporter.write(first, exported);
            } catch (SbmlException e) {
                if (e.unsupported()) {
                    return new Outcome(id, Kind.NOT_EXPORTABLE, e.getMessage());
                }
                throw e;
            }
            ReactionNetwork second = SbmlImporter.read(exported);
            TestSuiteRunner.Simulation two = runner.simulate(second, settings, expected);
            if (two.failure() != null) {
                return new Outcome(id, Kind.SECOND_FAILS, two.failure());
            }
            String difference = compare(one, two);
            if (difference != null) {
                return new Outcome(id, Kind.DIFFERENT, difference);
            }
            if (Integer.parseInt(id) % VALIDATE_EVERY == 0) {
                Set<String> before = validationErrors(sbml);
                Set<String> after = validationErrors(exported);
                after.removeAll(before);
                if (!after.isEmpty()) {
                    return new Outcome(id, Kind.NEW_VALIDATION_ERRORS, String.join("; ", after));
                }
            }
            if (second.equals(first)) {
                return new Outcome(id, Kind.SAME_NETWORK, "");
            }
            return new Outcome(id, identical(one, two) ? Kind.SAME_VALUES : Kind.CLOSE_VALUES, "");
        } catch (Exception | StackOverflowError e) {
            return new Outcome(id, Kind.ERROR, String.valueOf(e));
        }
    }

    /** The validation errors of a file, by SBML rule number where there is one (names and lines differ). */
    static Set<String> validationErrors(Path file) {
        List<Diagnostic> problems;
        synchronized (VALIDATOR_LOCK) {
            problems = SbmlValidator.validate(file);
        }
        Set<String> out = new TreeSet<>();
        for (Diagnostic d : problems) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                Matcher m = RULE.matcher(d.message());
                out.add(m.find() ? m.group() : d.element() + ": " + d.message());
            }
        }
        return out;
    }

    static final Pattern RULE = Pattern.compile("^SBML rule \\d+");

    /** Null when the two simulations agree to {@link #RELATIVE} at every point, else the first difference. */
    static String compare(TestSuiteRunner.Simulation a, TestSuiteRunner.Simulation b) {
        if (!a.columns().equals(b.columns()) || a.values().length != b.values().length) {
            return "different outputs: " + a.columns() + " vs " + b.columns();
        }
        for (int i = 0; i < a.values().length; i++) {
            for (int k = 0; k < a.values()[i].length; k++) {
                double x = a.values()[i][k];
                double y = b.values()[i][k];
                boolean same = Double.compare(x, y) == 0
                        || Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
                if (!same) {
                    return String.format(Locale.ROOT, "%s at t=%g: %.17g before export, %.17g after",
                            a.columns().get(k), a.times()[i], x, y);
                }
            }
        }
        return null;
    }

    static boolean identical(TestSuiteRunner.Simulation a, TestSuiteRunner.Simulation b) {
        for (int i = 0; i < a.values().length; i++) {
            for (int k = 0; k < a.values()[i].length; k++) {
                if (Double.compare(a.values()[i][k], b.values()[i][k]) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    interface CaseTask {
        Outcome run(Path dir);
    }

    /** Runs the cases on every core, on threads with a deep stack (as TestSuiteRunner.runAll does). */
    static List<Outcome> runAll(List<Path> cases, CaseTask task) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(null, r, "round-trip", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path dir : cases) {
                futures.add(pool.submit(() -> task.run(dir)));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new Outcome(cases.get(i).getFileName().toString(), Kind.ERROR,
                            String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
