package org.il2sim.io.testsuite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.il2sim.core.sim.Methods;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comp flattener against every core time-course case: each Level 3 Version 2 model of the SBML Test Suite
 * (cases without packages) becomes a ModelDefinition instantiated as submodel {@code A} of an otherwise empty model,
 * and must give the case's results under the flattened ids {@code A__x}. This exercises prefixing and the rewriting
 * of every kind of reference (local parameters, species references in math, events, delays, function definitions).
 * Cases in known-failures.txt are expected to fail here too and are shown as skipped.
 */
class CompWrappedSuiteTest {

    private static final Pattern MODEL = Pattern.compile("<model\\b([^>]*?)(/?)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    @TestFactory
    Stream<DynamicTest> coreCasesAsSubmodels(@TempDir Path tmp) throws IOException {
        Path list = SemanticSuiteTest.SUITE.resolve("timecourse-no-packages.txt");
        assumeTrue(Files.exists(list), "SBML Test Suite not found in "
                + SemanticSuiteTest.SUITE.toAbsolutePath().normalize());
        Map<String, String> known = SemanticSuiteTest.knownFailures("/sbml-test-suite/known-failures.txt");
        List<Path> cases = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            String s = line.replaceFirst("#.*", "").trim();
            if (s.isEmpty()) {
                continue;
            }
            String id = String.format("%05d", Integer.parseInt(s));
            Path dir = SemanticSuiteTest.SUITE.resolve("semantic").resolve(id);
            if (wrap(dir, id, tmp.resolve(id))) {
                cases.add(tmp.resolve(id));
            }
        }
        List<CaseResult> results = new TestSuiteRunner(Methods.defaultOde(), SemanticSuiteTest.TOL)
                .runAll(cases, Runtime.getRuntime().availableProcessors());
        return results.stream().map(r -> DynamicTest.dynamicTest("case " + r.id() + " as submodel A", () -> {
            if (r.status() == CaseResult.Status.FAILED) {
                if (known.containsKey(r.id())) {
                    Assumptions.abort("known failure (" + known.get(r.id()) + "): " + r.reason());
                }
                Assertions.fail("case " + r.id() + " wrapped as a submodel fails: " + r.reason());
            } else if (r.status() == CaseResult.Status.SKIPPED) {
                Assumptions.abort("skipped: " + r.reason());
            }
        }));
    }

    /** Writes the wrapped case to {@code out}; false if the case has no Level 3 Version 2 model. */
    private static boolean wrap(Path dir, String id, Path out) throws IOException {
        Path sbml = dir.resolve(id + "-sbml-l3v2.xml");
        if (!Files.exists(sbml)) {
            return false;
        }
        String x = Files.readString(sbml);
        Matcher m = MODEL.matcher(x);
        if (!m.find() || m.group(2).equals("/")) {
            return false;
        }
        Matcher idm = ID.matcher(m.group(1));
        if (!idm.find()) {
            return false;
        }
        int end = x.lastIndexOf("</model>");
        String head = x.substring(0, m.start()).replaceFirst("<sbml ",
                "<sbml xmlns:comp=\"http://www.sbml.org/sbml/level3/version1/comp/version1\" comp:required=\"true\" ");
        String wrapped = head
                + "<model id=\"wrap\"><comp:listOfSubmodels><comp:submodel comp:id=\"A\" comp:modelRef=\""
                + idm.group(1) + "\"/></comp:listOfSubmodels></model>\n"
                + "<comp:listOfModelDefinitions><comp:modelDefinition" + m.group(1) + ">" + x.substring(m.end(), end)
                + "</comp:modelDefinition></comp:listOfModelDefinitions>" + x.substring(end + "</model>".length());
        Files.createDirectories(out);
        Files.writeString(out.resolve(id + "-sbml-l3v2.xml"), wrapped);
        Files.copy(dir.resolve(id + "-model.m"), out.resolve(id + "-model.m"));
        List<String> results = new ArrayList<>(Files.readAllLines(dir.resolve(id + "-results.csv")));
        results.set(0, Stream.of(results.get(0).split(",", -1))
                .map(c -> c.trim().equalsIgnoreCase("time") ? c : "A__" + c.trim()).collect(Collectors.joining(",")));
        Files.write(out.resolve(id + "-results.csv"), results);
        List<String> settings = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(id + "-settings.txt"))) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).trim();
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            if ((key.equals("variables") || key.equals("amount") || key.equals("concentration")) && !value.isEmpty()) {
                line = key + ": " + Stream.of(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> "A__" + s).collect(Collectors.joining(", "));
            }
            settings.add(line);
        }
        Files.write(out.resolve(id + "-settings.txt"), settings);
        return true;
    }
}
