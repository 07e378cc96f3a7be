package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `sbml simulate` contract, run in-process as a user's script would call it. */
class SbmlSimulateCommandTest {

    static final Path FALLON = Path.of("..", "shared", "data", "biomodels", "MODEL1006230001.xml");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static final String DECAY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="decay">
                <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                <listOfSpecies><species id="A" compartment="c" initialAmount="2" hasOnlySubstanceUnits="false"
                  boundaryCondition="false" constant="false"/></listOfSpecies>
                <listOfParameters><parameter id="k" value="0.3" constant="true"/></listOfParameters>
                <listOfReactions><reaction id="r" reversible="false">
                  <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                  <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci>
                  </apply></math></kineticLaw></reaction></listOfReactions>
              </model>
            </sbml>
            """;

    @Test
    void writesTheExactDecayOnTheRequestedGrid(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("decay.xml");
        Files.writeString(model, DECAY);
        Path out = dir.resolve("out.csv");
        Run r = run("sbml", "simulate", model.toString(), "--start", "1", "--duration", "4", "--steps", "4",
                "--rtol", "1e-10", "--atol", "1e-14", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("time,A");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double t = Double.parseDouble(f[0]);
            assertThat(t).isEqualTo(i);
            assertThat(Double.parseDouble(f[1])).isCloseTo(2 * Math.exp(-0.3 * t), within(1e-9));
        }
    }

    @Test
    void hybridWithEverySpeciesContinuousIsTheOdeAndChecksItsOptions(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("decay.xml");
        Files.writeString(model, DECAY);
        Path out = dir.resolve("out.csv");
        Run r = run("sbml", "simulate", model.toString(), "--duration", "4", "--steps", "4", "--method", "hybrid",
                "--continuous", "A", "--rtol", "1e-10", "--atol", "1e-14", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            double t = Double.parseDouble(f[0]);
            assertThat(Double.parseDouble(f[1])).isCloseTo(2 * Math.exp(-0.3 * t), within(1e-8));
        }
        Run discrete = run("sbml", "simulate", model.toString(), "--duration", "40", "--steps", "4", "--method",
                "hybrid", "--out", out.toString());
        assertThat(discrete.code()).as(discrete.err()).isZero();
        for (String line : Files.readAllLines(out).subList(1, 6)) {
            double a = Double.parseDouble(line.split(",")[1]);
            assertThat(a).isIn(0.0, 1.0, 2.0); // two molecules decaying one by one
        }
        Run unknown = run("sbml", "simulate", model.toString(), "--duration", "4", "--steps", "4", "--method",
                "hybrid", "--continuous", "B", "--out", out.toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknown.err()).contains("'B' is not a species of the model; known: A");
        Run wrongMethod = run("sbml", "simulate", model.toString(), "--duration", "4", "--steps", "4", "--method",
                "ssa", "--threshold", "100", "--out", out.toString());
        assertThat(wrongMethod.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(wrongMethod.err()).contains("--continuous and --threshold belong to --method hybrid");
    }

    @Test
    void fallonModelMatchesTheCvodeReferenceToSixDigits(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(FALLON), "shared data not present");
        Path out = dir.resolve("f.csv");
        Run r = run("sbml", "simulate", FALLON.toString(), "--duration", "6000", "--steps", "600", "--rtol", "1e-8",
                "--atol", "1e-10", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(602);
        List<String> header = List.of(lines.get(0).split(","));
        String[] last = lines.get(601).split(",");
        double[][] reference = {{1350.252}, {37.92705}, {142.6144}, {1.206340}, {2.500357e8}};
        String[] ids = {"Rs", "Cs", "Li", "L", "Y"};
        for (int k = 0; k < ids.length; k++) {
            double v = Double.parseDouble(last[header.indexOf(ids[k])]);
            assertThat(v).as(ids[k]).isCloseTo(reference[k][0], within(1e-6 * Math.abs(reference[k][0])));
        }
    }

    @Test
    void badInputGivesOneMessageAnExitCodeAndNoOutput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o.csv");
        Run missing = run("sbml", "simulate", dir.resolve("nope.xml").toString(), "--duration", "1", "--steps", "2",
                "--out", out.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("nope.xml").contains("not found").doesNotContain("Exception");

        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\""
                + " level=\"3\" version=\"2\">\n<model id=\"m\"><listOfSpecies><species id=\"S1\"\n");
        Run malformed = run("sbml", "simulate", broken.toString(), "--duration", "1", "--steps", "2", "--out",
                out.toString());
        assertThat(malformed.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(malformed.err()).contains("broken.xml:").contains("malformed XML").doesNotContain("\tat ");

        Path entity = dir.resolve("xxe.xml");
        Files.writeString(entity, "<?xml version=\"1.0\"?>\n<!DOCTYPE sbml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<sbml>&x;</sbml>\n");
        Run xxe = run("sbml", "simulate", entity.toString(), "--duration", "1", "--steps", "2", "--out", out.toString());
        assertThat(xxe.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(xxe.err()).contains("DOCTYPE");

        Path model = dir.resolve("decay.xml");
        Files.writeString(model, DECAY);
        for (String duration : List.of("0", "-1", "NaN", "Infinity")) {
            Run bad = run("sbml", "simulate", model.toString(), "--duration", duration, "--steps", "2", "--out",
                    out.toString());
            assertThat(bad.code()).as(duration).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(bad.err()).as(duration).contains("--duration must be positive");
            assertThat(out).doesNotExist();
        }
        Run noFolder = run("sbml", "simulate", model.toString(), "--duration", "1", "--steps", "2", "--out",
                dir.resolve("missing/o.csv").toString());
        assertThat(noFolder.code()).isEqualTo(ExitCode.INVALID_INPUT);
        Run badVar = run("sbml", "simulate", model.toString(), "--duration", "1", "--steps", "2", "--variables", "B",
                "--out", out.toString());
        assertThat(badVar.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badVar.err()).contains("'B'");
        Run badTol = run("sbml", "simulate", model.toString(), "--duration", "1", "--steps", "2", "--rtol", "-1",
                "--out", out.toString());
        assertThat(badTol.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void deeplyNestedMathIsHandledWithoutAStackOverflow(@TempDir Path dir) throws IOException {
        int depth = 20_000;
        StringBuilder math = new StringBuilder();
        math.append("<apply><plus/><cn>1</cn>".repeat(depth)).append("<cn>1</cn>").append("</apply>".repeat(depth));
        String xml = DECAY.replaceFirst("<apply><times/><ci>k</ci><ci>A</ci>\\s*</apply>", math.toString());
        assertThat(xml).contains("<plus/>");
        Path model = dir.resolve("deep.xml");
        Files.writeString(model, xml);
        Run r = run("sbml", "simulate", model.toString(), "--duration", "1", "--steps", "1", "--out",
                dir.resolve("o.csv").toString());
        assertThat(r.code()).as(r.err()).isIn(ExitCode.OK, ExitCode.INVALID_INPUT);
        assertThat(r.err()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void numericalFailuresNameTheTimeAndTheSpecies(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("decay.xml");
        Files.writeString(model, DECAY);
        Run tooMany = run("sbml", "simulate", model.toString(), "--duration", "100", "--steps", "1", "--max-steps", "3",
                "--out", dir.resolve("a.csv").toString());
        assertThat(tooMany.code()).isEqualTo(ExitCode.NUMERICAL_FAILURE);
        assertThat(tooMany.err()).contains("numerical failure").contains("t = ").doesNotContain("\tat ");
        assertThat(dir.resolve("a.csv")).doesNotExist();

        // A zero-order sink drains A below zero: SBML allows it, --check-negative stops it with time and species.
        Path sink = dir.resolve("sink.xml");
        Files.writeString(sink, DECAY.replaceFirst("<apply><times/><ci>k</ci><ci>A</ci>\\s*</apply>",
                "<ci>k</ci>"));
        Run allowed = run("sbml", "simulate", sink.toString(), "--duration", "10", "--steps", "2", "--out",
                dir.resolve("b.csv").toString());
        assertThat(allowed.code()).as(allowed.err()).isZero();
        Run checked = run("sbml", "simulate", sink.toString(), "--duration", "10", "--steps", "2", "--check-negative",
                "--out", dir.resolve("c.csv").toString());
        assertThat(checked.code()).isEqualTo(ExitCode.NUMERICAL_FAILURE);
        assertThat(checked.err()).contains("negative amount").contains("'A'");
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }
}
