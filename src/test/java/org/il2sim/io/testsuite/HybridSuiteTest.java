package org.il2sim.io.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hybrid method with every species discrete on DSMTS cases, judged by the suite's Z and Y statistics against
 * its exact means and variances: a birth-death and an immigration-death process, a dimerisation, an assignment
 * rule, and the cases whose events are triggered by time (which also set species). The whole DSMTS (00001-00039)
 * passes with 1,000 replicates except 00003, the documented known failure of every exact method (docs/decisions.md);
 * this test runs a subset to stay short.
 */
class HybridSuiteTest {

    static final List<String> CASES = List.of("00001", "00019", "00020", "00028", "00029", "00030", "00032", "00033");

    @TestFactory
    Stream<DynamicTest> dsmtsCasesUnderTheHybridMethod() {
        assumeTrue(Files.isDirectory(StochasticSuiteTest.STOCHASTIC), "SBML Test Suite stochastic cases not found");
        // seed 1, as StochasticSuiteTest uses for the direct method: the DSMTS rule (at most one of 50 points outside
        // |Z| <= 3) has a false-alarm rate of its own, and seed 7 trips it on case 00020 for the direct method too
        StochasticSuiteRunner runner = StochasticSuiteRunner.hybrid(1000, 1, Runtime.getRuntime().availableProcessors());
        return CASES.stream().map(id -> DynamicTest.dynamicTest("DSMTS case " + id + " (hybrid)", () -> {
            CaseResult r = runner.run(StochasticSuiteTest.STOCHASTIC.resolve(id));
            if (r.status() != CaseResult.Status.PASSED) {
                Assertions.fail("DSMTS case " + id + " under the hybrid method: " + r.reason());
            }
        }));
    }
}
