package org.il2sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "sbml", mixinStandardHelpOptions = true,
        description = "SBML interoperability: simulate, validate and export models, run the SBML Test Suite.",
        subcommands = {SbmlSimulateCommand.class, SbmlExportCommand.class, SbmlValidateCommand.class,
                SbmlTestSuiteCommand.class})
final class SbmlCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand (simulate, export, validate, test-suite)");
    }
}
