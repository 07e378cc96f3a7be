package org.il2sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "sbml", mixinStandardHelpOptions = true,
        description = "SBML interoperability: simulate, validate and export models, run the SBML Test Suite.",
        subcommands = {SbmlSimulateCommand.class, SbmlExportCommand.class, SbmlValidateCommand.class,
                SbmlTestSuiteCommand.class},
        footer = {"", "Examples:", "  il2sim sbml simulate model.xml --duration 100 --steps 100 --out out.csv",
                "  il2sim sbml validate model.xml", "  il2sim sbml export model-l2v4.xml --out model-l3v2.xml",
                "  il2sim sbml test-suite ../shared/sbml-test-suite/semantic --cases subset-strict.txt"})
final class SbmlCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand (simulate, export, validate, test-suite)");
    }
}
