package org.il2sim.io.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every time-course case of the SBML Test Suite (from ../shared/sbml-test-suite when it exists). A case that
 * newly fails breaks the build; a case in known-failures.txt that fails is shown as skipped with its reason; a listed
 * case that now passes is reported so it can be removed from the list.
 */
class SemanticSuiteTest {

    static final Path SUITE = Path.of("..", "shared", "sbml-test-suite");
    static final Tolerances TOL = new Tolerances(1e-10, 1e-14, 5_000_000L, Double.POSITIVE_INFINITY);

    @TestFactory
    Stream<DynamicTest> timeCourseCases() throws IOException {
        Path list = SUITE.resolve("timecourse-all.txt");
        assumeTrue(Files.exists(list), "SBML Test Suite not found: put its semantic cases and case lists in "
                + SUITE.toAbsolutePath().normalize() + " to run these tests");
        Map<String, String> known = knownFailures("/sbml-test-suite/known-failures.txt");
        List<Path> cases = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            String s = line.replaceFirst("#.*", "").trim();
            if (!s.isEmpty()) {
                cases.add(SUITE.resolve("semantic").resolve(String.format("%05d", Integer.parseInt(s))));
            }
        }
        List<CaseResult> results = new TestSuiteRunner(Methods.defaultOde(), TOL)
                .runAll(cases, Runtime.getRuntime().availableProcessors());
        List<String> nowPassing = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.status() == CaseResult.Status.PASSED && known.containsKey(r.id())) {
                nowPassing.add(r.id());
            }
        }
        if (!nowPassing.isEmpty()) {
            System.out.println("SBML Test Suite: listed as known failures but now passing (remove them from "
                    + "known-failures.txt): " + String.join(", ", nowPassing));
        }
        return results.stream().map(r -> DynamicTest.dynamicTest("case " + r.id(), () -> {
            switch (r.status()) {
                case SKIPPED -> Assumptions.abort("skipped: " + r.reason());
                case FAILED -> {
                    if (known.containsKey(r.id())) {
                        Assumptions.abort("known failure (" + known.get(r.id()) + "): " + r.reason());
                    }
                    Assertions.fail("case " + r.id() + " fails and is not a known failure: " + r.reason());
                }
                case PASSED -> {
                }
            }
        }));
    }

    /** Case id → reason, from src/test/resources/sbml-test-suite/known-failures.txt ("NNNNN reason"). */
    static Map<String, String> knownFailures(String resource) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = SemanticSuiteTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.trim();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] parts = s.split("\\s+", 2);
                out.put(parts[0], parts.length > 1 ? parts[1] : "no reason given");
            }
        }
        return out;
    }
}
