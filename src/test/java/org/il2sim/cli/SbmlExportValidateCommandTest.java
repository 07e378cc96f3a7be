package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.il2sim.cli.SbmlSimulateCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `sbml export` and `sbml validate` contracts, run in-process. */
class SbmlExportValidateCommandTest {

    @TempDir
    Path dir;

    static Run run(String... args) {
        return SbmlSimulateCommandTest.run(args);
    }

    static final String L2_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
              <model id="binding">
                <listOfUnitDefinitions><unitDefinition id="per_second"><listOfUnits>
                  <unit kind="second" exponent="-1"/></listOfUnits></unitDefinition></listOfUnitDefinitions>
                <listOfCompartments><compartment id="c" size="2"/></listOfCompartments>
                <listOfSpecies>
                  <species id="L" compartment="c" initialConcentration="1"/>
                  <species id="R" compartment="c" initialConcentration="2"/>
                  <species id="LR" compartment="c" initialConcentration="0"/>
                </listOfSpecies>
                <listOfParameters><parameter id="kon" value="0.5" units="per_second"/>
                  <parameter id="koff" value="0.1"/></listOfParameters>
                <listOfReactions><reaction id="bind">
                  <listOfReactants><speciesReference species="L"/><speciesReference species="R"/></listOfReactants>
                  <listOfProducts><speciesReference species="LR"/></listOfProducts>
                  <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>c</ci>
                    <apply><minus/><apply><times/><ci>kon</ci><ci>L</ci><ci>R</ci></apply>
                    <apply><times/><ci>koff</ci><ci>LR</ci></apply></apply></apply></math></kineticLaw>
                </reaction></listOfReactions>
                <listOfEvents><event id="dose"><trigger><math xmlns="http://www.w3.org/1998/Math/MathML">
                  <apply><geq/>
                  <csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>
                  <cn>2</cn></apply></math></trigger>
                  <listOfEventAssignments><eventAssignment variable="L"><math
                    xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></eventAssignment>
                  </listOfEventAssignments></event></listOfEvents>
              </model>
            </sbml>
            """;

    static final String FAST = SbmlSimulateCommandTest.DECAY.replace("<reaction id=\"r\" reversible=\"false\">",
            "<reaction id=\"r\" reversible=\"false\" fast=\"true\">").replace("version2", "version1")
            .replace("version=\"2\"", "version=\"1\"");

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void exportConvertsLevel2ToLevel3Version2AndSimulatesTheSame() throws IOException {
        Path model = write("binding-l2v4.xml", L2_MODEL);
        Path out = dir.resolve("binding-l3v2.xml");
        Run r = run("sbml", "export", model.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("wrote " + out).contains("3 species").contains("1 reaction,").contains("1 event)");
        String xml = Files.readString(out);
        assertThat(xml).contains("http://www.sbml.org/sbml/level3/version2/core").contains("unit=\"per_second\"");

        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(run("sbml", "simulate", model.toString(), "--duration", "5", "--steps", "10", "--out",
                a.toString()).code()).isZero();
        assertThat(run("sbml", "simulate", out.toString(), "--duration", "5", "--steps", "10", "--out",
                b.toString()).code()).isZero();
        assertThat(Files.readAllLines(b)).isEqualTo(Files.readAllLines(a));

        Run valid = run("sbml", "validate", out.toString());
        assertThat(valid.code()).as(valid.out()).isZero();
        assertThat(valid.out()).endsWith(out + ": 0 errors, 0 warnings" + System.lineSeparator());
    }

    @Test
    void exportRefusesFastReactionsWithExitCode4AndWritesNothing() throws IOException {
        Path model = write("fast.xml", FAST);
        Path out = dir.resolve("out.xml");
        Run r = run("sbml", "export", model.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.UNSUPPORTED);
        assertThat(r.err()).contains("reaction 'r'").contains("fast").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertNoTemporaryFiles();
    }

    @Test
    void exportOfBadInputGivesOneMessageAndExitCode2() throws IOException {
        Path out = dir.resolve("out.xml");
        Run missing = run("sbml", "export", dir.resolve("nope.xml").toString(), "--out", out.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.err()).contains("nope.xml").contains("not found").doesNotContain("Exception");

        Path broken = write("broken.xml", "<?xml version=\"1.0\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/"
                + "version2/core\" level=\"3\" version=\"2\">\n<model id=\"m\"><listOfSpecies>\n");
        Run malformed = run("sbml", "export", broken.toString(), "--out", out.toString());
        assertThat(malformed.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(malformed.err()).contains("broken.xml:").contains("malformed XML").doesNotContain("\tat ");

        Path model = write("decay.xml", SbmlSimulateCommandTest.DECAY);
        Run noFolder = run("sbml", "export", model.toString(), "--out", dir.resolve("missing/o.xml").toString());
        assertThat(noFolder.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noFolder.err()).contains("output folder does not exist");

        Run noOut = run("sbml", "export", model.toString());
        assertThat(noOut.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noOut.err()).contains("--out");
        assertThat(out).doesNotExist();
        assertNoTemporaryFiles();
    }

    @Test
    void validateOfACleanModelExitsZeroWithASummary() throws IOException {
        Path model = write("decay.xml", SbmlSimulateCommandTest.DECAY);
        Run r = run("sbml", "validate", model.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo(model + ": 0 errors, 0 warnings");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateReportsEveryProblemWithFileLineAndColumnAndExitsOne() throws IOException {
        String bad = SbmlSimulateCommandTest.DECAY
                .replace("<ci>k</ci><ci>A</ci>", "<ci>kk</ci><ci>A</ci>")
                .replace("</listOfParameters>", "<parameter id=\"x\" constant=\"false\"/><parameter id=\"y\" "
                        + "constant=\"false\"/></listOfParameters>\n<listOfRules><assignmentRule variable=\"x\">"
                        + "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci>y</ci></math></assignmentRule>"
                        + "<assignmentRule variable=\"y\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                        + "<ci>x</ci></math></assignmentRule></listOfRules>");
        Path model = write("bad.xml", bad);
        Run r = run("sbml", "validate", model.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.CHECK_FAILED);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).matches("\\Q" + model + "\\E:\\d+:\\d+: (error|warning): .+");
        }
        // the unknown symbol is reported at the reaction, by il2sim and by JSBML
        String before = bad.substring(0, bad.indexOf("<reaction "));
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        assertThat(lines).anyMatch(l -> l.startsWith(model + ":" + line + ":" + column + ": error: reaction 'r': ")
                && l.contains("unknown symbol 'kk'"));
        assertThat(lines).anyMatch(l -> l.contains("error:") && l.contains("SBML rule"));
        assertThat(lines.get(lines.size() - 1)).matches("\\Q" + model + "\\E: \\d+ errors?, \\d+ warnings?");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateReportsCyclicRules() throws IOException {
        String cyclic = SbmlSimulateCommandTest.DECAY
                .replace("</listOfParameters>", "<parameter id=\"x\" constant=\"false\"/><parameter id=\"y\" "
                        + "constant=\"false\"/></listOfParameters>\n<listOfRules><assignmentRule variable=\"x\">"
                        + "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><ci>y</ci></math></assignmentRule>"
                        + "<assignmentRule variable=\"y\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                        + "<ci>x</ci></math></assignmentRule></listOfRules>");
        Path model = write("cyclic.xml", cyclic);
        Run r = run("sbml", "validate", model.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).containsIgnoringCase("cycl");
    }

    @Test
    void validateWithOnlyWarningsExitsZero() throws IOException {
        String shadow = SbmlSimulateCommandTest.DECAY.replace("</kineticLaw>",
                "<listOfLocalParameters><localParameter id=\"k\" value=\"1\"/></listOfLocalParameters></kineticLaw>");
        Path model = write("shadow.xml", shadow);
        Run r = run("sbml", "validate", model.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains(": warning: localParameter 'k'").contains(": 0 errors, 1 warning");
    }

    @Test
    void validateOfUnreadableInputExitsTwoWithNoOutput() throws IOException {
        Run missing = run("sbml", "validate", dir.resolve("nope.xml").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("nope.xml").contains("not found").doesNotContain("Exception");

        Path broken = write("broken.xml", "<?xml version=\"1.0\"?>\n<sbml xmlns=\"http://www.sbml.org/sbml/level3/"
                + "version2/core\" level=\"3\" version=\"2\">\n<model id=\"m\"><listOfSpecies><species id=\"S1\"\n");
        Run malformed = run("sbml", "validate", broken.toString());
        assertThat(malformed.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(malformed.out()).isEmpty();
        assertThat(malformed.err()).contains("broken.xml:").contains("malformed XML").doesNotContain("\tat ");

        Path notSbml = write("note.xml", "<?xml version=\"1.0\"?>\n<note>hello</note>\n");
        Run other = run("sbml", "validate", notSbml.toString());
        assertThat(other.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(other.out()).isEmpty();
        assertThat(other.err()).doesNotContain("\tat ");

        Path entity = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE sbml [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>\n<sbml>&x;</sbml>\n");
        Run xxe = run("sbml", "validate", entity.toString());
        assertThat(xxe.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(xxe.err()).contains("DOCTYPE");
    }

    @Test
    void helpShowsAnExampleForEachCommand() {
        Run export = run("sbml", "export", "--help");
        assertThat(export.code()).isZero();
        assertThat(export.out()).contains("Example:").contains("il2sim sbml export");
        Run validate = run("sbml", "validate", "--help");
        assertThat(validate.code()).isZero();
        assertThat(validate.out()).contains("Example:").contains("il2sim sbml validate");
        Run sbml = run("sbml", "--help");
        assertThat(sbml.out()).contains("export").contains("validate");
    }
}
