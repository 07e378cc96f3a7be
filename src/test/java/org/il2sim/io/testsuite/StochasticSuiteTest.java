package org.il2sim.io.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The DSMTS cases (stochastic 00001-00039) imported from SBML and run with the direct method, 1,000 replicates each,
 * judged by the suite's Z and Y statistics. Known failures (with reasons) are in known-stochastic-failures.txt.
 */
class StochasticSuiteTest {

    static final Path STOCHASTIC = SemanticSuiteTest.SUITE.resolve("stochastic");

    @TestFactory
    Stream<DynamicTest> dsmtsCases() throws IOException {
        assumeTrue(Files.isDirectory(STOCHASTIC), "SBML Test Suite stochastic cases not found at "
                + STOCHASTIC.toAbsolutePath().normalize());
        Map<String, String> known = SemanticSuiteTest.knownFailures("/sbml-test-suite/known-stochastic-failures.txt");
        StochasticSuiteRunner runner = new StochasticSuiteRunner(new DirectMethod(), 1000, 1,
                Runtime.getRuntime().availableProcessors());
        return IntStream.rangeClosed(1, 39).mapToObj(i -> String.format("%05d", i)).map(id ->
                DynamicTest.dynamicTest("DSMTS case " + id, () -> {
                    CaseResult r = runner.run(STOCHASTIC.resolve(id));
                    if (r.status() == CaseResult.Status.FAILED) {
                        if (known.containsKey(id)) {
                            Assumptions.abort("known failure (" + known.get(id) + "): " + r.reason());
                        }
                        Assertions.fail("DSMTS case " + id + " fails: " + r.reason());
                    }
                    if (r.status() == CaseResult.Status.PASSED && known.containsKey(id)) {
                        System.out.println("DSMTS case " + id + " is listed as a known failure but passes: remove it");
                    }
                }));
    }
}
