package org.il2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.io.sbml.SbmlExporter;
import org.il2sim.io.scenario.Scenario;
import org.il2sim.io.scenario.ScenarioReader;
import org.il2sim.io.scenario.ScenarioRunner;
import org.il2sim.models.gammachain.CellTypes;
import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.ReceptorTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a built-in model as an SBML Level 3 Version 2 file, to move it to another tool (COPASI, tellurium, ...). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a built-in model as SBML Level 3 Version 2 core (parameters with their unit and source "
                + "in an il2sim annotation), for COPASI, tellurium, BioNetGen's SBML import and other tools.",
                "Population models are written with their default options and parameters (time in min); the γc "
                        + "model for one cell type and one ligand at a constant medium concentration."},
        footer = {"", "Examples:", "  il2sim models export treg-homeostasis --out treg-homeostasis.xml",
                "  il2sim models export gamma-chain --cell NK --ligand IL15 --dose 0.1 --out nk-il15.xml"})
final class ModelsExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A built-in model (see models list).")
    String name;

    @Option(names = "--cell", defaultValue = "Treg", paramLabel = "CELL",
            description = "gamma-chain only: the cell type. Default: ${DEFAULT-VALUE}.")
    String cell;

    @Option(names = "--ligand", defaultValue = "IL2", paramLabel = "LIGAND",
            description = "gamma-chain only: the ligand (a cytokine or preset). Default: ${DEFAULT-VALUE}.")
    String ligand;

    @Option(names = "--dose", defaultValue = "1", paramLabel = "NM",
            description = "gamma-chain only: the medium concentration in nM. Default: ${DEFAULT-VALUE}.")
    double dose;

    @Option(names = "--parameter-set", defaultValue = ParameterSet.DEFAULT, paramLabel = "NAME",
            description = "gamma-chain only: il2sim, farhat2021 or IL4_IL7. Default: ${DEFAULT-VALUE}.")
    String parameterSet;

    @Option(names = "--out", required = true, paramLabel = "FILE.xml", description = "The file to write (atomically).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!ScenarioReader.BUILTIN_MODELS.contains(name)) {
            throw new UserInputException("unknown model '" + name + "'; built-in: "
                    + String.join(", ", ScenarioReader.BUILTIN_MODELS));
        }
        if (name.equals(org.il2sim.tissue.TregMicroDomains.MODEL_NAME)) {
            throw new UserInputException("'" + name + "' is an agent model on a diffusion grid, not a reaction "
                    + "network, so SBML cannot carry it; 'il2sim models show " + name + "' lists its values");
        }
        CliChecks.outputFolderExists(out);
        ReactionNetwork network = name.equals("gamma-chain") ? gammaChain()
                : ScenarioRunner.load(new Scenario.Builtin(name));
        SbmlExporter.write(network, out);
        spec.commandLine().getOut().printf("wrote %s (SBML Level 3 Version 2: %d species, %d reactions, %d "
                + "parameters)%n", out, network.species().size(), network.reactions().size(),
                network.parameters().size());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private ReactionNetwork gammaChain() {
        if (!(dose >= 0) || !Double.isFinite(dose)) {
            throw new UserInputException("--dose must be a finite concentration >= 0 (nM), got " + dose);
        }
        ParameterSet set = CliChecks.parameterSet(parameterSet);
        try {
            LigandDefinition l = LigandDefinition.named(ligand);
            return GammaChainModel.build(ReceptorTables.cell(CellTypes.canonical(cell)), Map.of(l.base(), dose),
                    l.apply(set));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
