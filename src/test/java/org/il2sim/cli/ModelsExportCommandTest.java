package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.Diagnostic;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.io.sbml.SbmlImporter;
import org.il2sim.io.sbml.SbmlValidator;
import org.il2sim.io.scenario.Scenario;
import org.il2sim.io.scenario.ScenarioReader;
import org.il2sim.io.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

    /**
     * `il2sim models export`: every built-in reaction-network model as valid SBML that reads back to the same dynamics
     * (the agent model is refused: TissueRunCommandTest).
     */
class ModelsExportCommandTest {

    @Test
    void everyBuiltInModelExportsAsValidSbml(@TempDir Path dir) {
        for (String name : ScenarioReader.BUILTIN_MODELS) {
            if (name.equals(org.il2sim.tissue.TregMicroDomains.MODEL_NAME)) {
                continue;
            }
            Path file = dir.resolve(name + ".xml");
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("models", "export", name, "--out",
                    file.toString());
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            List<Diagnostic> errors = SbmlValidator.validate(file).stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
            assertThat(errors).as(name).isEmpty();
        }
    }

    /** The exported file simulates as the built-in network does (events, rules and all), here over 5 days. */
    @Test
    void exportedPopulationModelsReadBackToTheSameTimeCourse(@TempDir Path dir) throws IOException {
        for (String name : List.of("acute-infection-il2", "treg-homeostasis", "treg-tug-of-war")) {
            Path file = dir.resolve(name + ".xml");
            assertThat(SbmlSimulateCommandTest.run("models", "export", name, "--out", file.toString()).code())
                    .isZero();
            ReactionNetwork original = ScenarioRunner.load(new Scenario.Builtin(name));
            ReactionNetwork back = SbmlImporter.read(file);
            double[] times = {0, 1440, 2880, 4320, 5760, 7200};
            double[][] a = simulate(original, times);
            double[][] b = simulate(back, times);
            for (int i = 0; i < times.length; i++) {
                for (int k = 0; k < a[i].length; k++) {
                    assertThat(b[i][k]).as("%s species %s at %s min", name, k, times[i])
                            .isCloseTo(a[i][k], within(1e-6 * Math.max(1, Math.abs(a[i][k]))));
                }
            }
        }
    }

    @Test
    void theGammaChainModelIsExportedForOneCellTypeAndLigand(@TempDir Path dir) {
        Path file = dir.resolve("nk.xml");
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("models", "export", "gamma-chain", "--cell",
                "natural killer", "--ligand", "IL-15", "--dose", "0.1", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("SBML Level 3 Version 2");
        SbmlSimulateCommandTest.Run bad = SbmlSimulateCommandTest.run("models", "export", "gamma-chain", "--cell",
                "NK2", "--out", dir.resolve("bad.xml").toString());
        assertThat(bad.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("NK2").doesNotContain("Exception");
        assertThat(dir.resolve("bad.xml")).doesNotExist();
        SbmlSimulateCommandTest.Run unknown = SbmlSimulateCommandTest.run("models", "export", "nope", "--out",
                dir.resolve("x.xml").toString());
        assertThat(unknown.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(unknown.err()).contains("unknown model 'nope'; built-in: il2-receptor-binding, gamma-chain");
    }

    static double[][] simulate(ReactionNetwork n, double[] times) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> out = new ArrayList<>();
        n.species().forEach(s -> out.add(m.readout(s.id(), true)));
        return TimeCourse.run(m, Methods.defaultOde(), Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10),
                times, out);
    }
}
