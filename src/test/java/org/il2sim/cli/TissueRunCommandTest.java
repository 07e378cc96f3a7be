package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent-based tissue model (treg-micro-domains) through `il2sim run`, as a user's script would drive it. */
class TissueRunCommandTest {

    private static SbmlSimulateCommandTest.Run run(String... args) {
        return SbmlSimulateCommandTest.run(args);
    }

    @Test
    void aTissueScenarioWritesItsReplicatesAndTakesParameters(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("md.yaml");
        Files.writeString(scenario, "name: md\nmodel: treg-micro-domains\nduration: 3 h\nsteps: 3\nreplicates: 2\n"
                + "seed: 4\nparameters:\n  box_voxels: 12\noutputs: [Treg, self_total, IL2_pM]\n");
        SbmlSimulateCommandTest.Run r = run("run", scenario.toString(), "--out", dir.resolve("o").toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"method\" : \"agents\"");
        // no solver tolerances apply to agents: run.json and the report give the IL-2 field's solve tolerance
        assertThat(r.out()).contains("\"rtol\" : null", "\"atol\" : null", "\"fieldTolerance\" : 1.0E-8");
        assertThat(Files.readString(dir.resolve("o/report.html")))
                .contains("IL-2 field solve to a relative residual of 1.00e-08 (field_tolerance)")
                .doesNotContain("rtol 1.00e-06");
        List<String> lines = Files.readAllLines(dir.resolve("o/timecourse.csv"));
        // a 120 µm box is 1.728 nL: 50 Tregs and 100 self-reactive naive cells per nL
        assertThat(lines).contains("0,1,Treg,86,cells", "0,2,Treg,86,cells", "0,1,self_total,173,cells",
                "0,1,IL2_pM,0,pM");
        assertThat(lines).anyMatch(l -> l.startsWith("180,2,IL2_pM,"));
        assertThat(dir.resolve("o/timecourse.png")).exists();
        assertThat(dir.resolve("o/summary.csv")).exists();

        // the same seed gives the same file; Treg_density 0 leaves no Tregs
        Files.writeString(scenario, Files.readString(scenario).replace("box_voxels: 12", "box_voxels: 12\n"
                + "  Treg_density: 0"));
        SbmlSimulateCommandTest.Run none = run("run", scenario.toString(), "--out", dir.resolve("n").toString(),
                "--quiet");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("n/timecourse.csv"))).filteredOn(l -> l.contains(",Treg,"))
                .allMatch(l -> l.endsWith(",0,cells"));
    }

    @Test
    void aTissueComparisonReportsTheFieldToleranceNotTheSolvers(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("c.yaml");
        Files.writeString(scenario, "name: c\nmodel: treg-micro-domains\nexperiment: knockout\nduration: 1 h\n"
                + "steps: 2\nparameters:\n  box_voxels: 8\n  field_tolerance: 1e-9\nconditions:\n"
                + "  none:\n    parameters: {Treg_density: 0}\n  loose:\n    parameters: {field_tolerance: 1e-3}\n");
        SbmlSimulateCommandTest.Run r = run("run", scenario.toString(), "--out", dir.resolve("o").toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        // a condition can change the field tolerance (a model value): one per condition
        assertThat(r.out()).contains("\"method\" : \"agents\"", "\"rtol\" : null")
                .containsPattern("\"fieldTolerance\" : \\{\\s*\"baseline\" : 1.0E-9,\\s*\"none\" : 1.0E-9,\\s*"
                        + "\"loose\" : 0.001\\s*}");
        assertThat(Files.readString(dir.resolve("o/report.html"))).contains("method agents, IL-2 field solve to the "
                + "relative residual each condition sets (field_tolerance 1.00e-09, 0.00100)")
                .doesNotContain("rtol 1.00e-06");
    }

    @Test
    void badTissueScenariosAreRefusedWithTheirLocation(@TempDir Path dir) throws IOException {
        assertThat(RunCommandTest.refused(dir, "bad.yaml", "model: treg-micro-domains\nduration: 1 h\nparameters:\n"
                + "  Treg_densty: 0.5\ninitial:\n  Treg: 4 cells\ninterventions:\n  - at: 1 h\n"
                + "    set: {anti_IL2: 1}\noutputs: [Treg, self_activ]\n"))
                .contains("bad.yaml:6:3: the tissue model 'treg-micro-domains' has no species")
                .contains("bad.yaml:9:11: the tissue model 'treg-micro-domains' takes no timed interventions");
        assertThat(RunCommandTest.refused(dir, "bad.yaml", "model: treg-micro-domains\nduration: 1 h\nparameters:\n"
                + "  Treg_densty: 0.5\noutputs: [Treg, self_activ]\n"))
                .contains("bad.yaml:4:3: unknown parameter 'Treg_densty' (did you mean 'Treg_density'?)");
        assertThat(RunCommandTest.refused(dir, "bad.yaml", "model: treg-micro-domains\nduration: 1 h\n"
                + "outputs: [Treg, self_activ]\n"))
                .contains("bad.yaml:3:17: unknown output 'self_activ' (did you mean 'self_active'")
                .contains("IL2_pM (pM)");
        assertThat(RunCommandTest.refused(dir, "bad.yaml", "model: treg-micro-domains\nduration: 1 h\nparameters:\n"
                + "  contact_radius: 30\n")).contains("contact_radius must be a whole number of voxels");
    }

    /** Every condition's bad value is reported before anything runs, with the condition's location. */
    @Test
    void badConditionsAreReportedTogetherWithTheirLocation(@TempDir Path dir) throws IOException {
        assertThat(RunCommandTest.refused(dir, "c.yaml", "model: treg-micro-domains\nexperiment: knockout\n"
                + "duration: 1 h\nconditions:\n  wide:\n    parameters: {contact_radius: 30}\n  crowded:\n"
                + "    parameters: {Treg_density: 1000}\n  old:\n    parameters: {R50: 5}\n"))
                .contains("c.yaml:5:3: condition 'wide': contact_radius must be a whole number")
                .contains("c.yaml:7:3: condition 'crowded': the box holds 8000 cells")
                .contains("unknown parameter 'R50'");
    }

    @Test
    void modelsShowListsTheTissueModelsValuesAndOutputs(@TempDir Path dir) {
        SbmlSimulateCommandTest.Run r = run("models", "show", "treg-micro-domains");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("an agent model").contains("outputs: IL2_pM (pM)").contains("R50_contact")
                .contains("Thornton").contains("D_IL2").contains("Busse").doesNotContain("species:");
        SbmlSimulateCommandTest.Run e = run("models", "export", "treg-micro-domains", "--out",
                dir.resolve("x.xml").toString());
        assertThat(e.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.err()).contains("not a reaction network");
        assertThat(dir.resolve("x.xml")).doesNotExist();
    }
}
