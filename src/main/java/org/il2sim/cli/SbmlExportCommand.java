package org.il2sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.io.sbml.SbmlExporter;
import org.il2sim.io.sbml.SbmlImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Reads an SBML model (Level 2 or 3, as 'simulate' does) and writes it as SBML Level 3 "
                + "Version 2 core: converts older files, and checks that a model survives il2sim's round trip.",
                "Local parameters are substituted into their kinetic laws, comp models are flattened and Level 2 "
                + "stoichiometryMath becomes an assignment rule; unit definitions are not kept (a parameter's unit "
                + "and source text go into an il2sim annotation that import reads back). Models with fast reactions "
                + "are refused (Level 3 Version 2 has no fast reactions); see docs/sbml.md."},
        footer = {"", "Example:", "  il2sim sbml export model-l2v4.xml --out model-l3v2.xml"})
final class SbmlExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "The SBML file to read.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.xml",
            description = "The SBML Level 3 Version 2 file to write (replaced atomically).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CliChecks.outputFolderExists(out);
        ReactionNetwork network = SbmlImporter.read(model);
        SbmlExporter.write(network, out);
        spec.commandLine().getOut().println("wrote " + out + " (SBML Level 3 Version 2: "
                + count(network.compartments().size(), "compartment") + ", "
                + count(network.species().size(), "species") + ", " + count(network.parameters().size(), "parameter") + ", "
                + count(network.reactions().size(), "reaction") + ", " + count(network.rules().size(), "rule") + ", "
                + count(network.events().size(), "event") + ")");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 || what.endsWith("s") ? "" : "s");
    }
}
