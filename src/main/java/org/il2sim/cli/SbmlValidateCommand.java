package org.il2sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.il2sim.core.network.Diagnostic;
import org.il2sim.io.sbml.SbmlValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an SBML model with JSBML's offline consistency check (the SBML specification's "
                + "validation rules; nothing is sent over the network) and with il2sim's own conversion (unknown "
                + "symbols, duplicate ids, cyclic rules, unsupported constructs).",
                "Prints every problem as FILE:LINE:COLUMN: severity: message (line and column 0 when unknown), then "
                + "a summary line 'FILE: N errors, M warnings'.",
                "Exit code 0 when there are no errors (warnings alone are fine), 1 when errors were found, 2 when the "
                + "file cannot be read or is not well-formed XML."},
        footer = {"", "Example:", "  il2sim sbml validate model.xml"})
final class SbmlValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "The SBML file to check.")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Diagnostic> problems = SbmlValidator.validate(model);
        PrintWriter out = spec.commandLine().getOut();
        int errors = 0;
        int warnings = 0;
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : problems) {
            boolean error = d.severity() == Diagnostic.Severity.ERROR;
            if (error) {
                errors++;
            } else {
                warnings++;
            }
            text.append(model).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                    .append(error ? "error" : "warning").append(": ")
                    .append(d.element() == null || d.element().isEmpty() ? "" : d.element() + ": ")
                    .append(d.message()).append('\n');
        }
        text.append(model).append(": ").append(count(errors, "error")).append(", ").append(count(warnings, "warning"));
        out.println(text);
        out.flush();
        return errors == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
