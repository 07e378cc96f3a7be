package org.il2sim.cli;

import java.io.PrintWriter;
import org.il2sim.core.network.InvalidNetworkException;
import org.il2sim.core.sim.ModelException;
import org.il2sim.core.solver.SolverException;
import org.il2sim.io.sbml.SbmlException;
import picocli.CommandLine;

/** Maps every failure to one clear message and an exit code, in one place. Stack traces only with --debug. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static boolean debug;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(ex, cmd.getErr());
    }

    static int report(Throwable ex, PrintWriter err) {
        int code = exitCode(ex);
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        String prefix = switch (code) {
            case ExitCode.NUMERICAL_FAILURE -> "numerical failure: ";
            case ExitCode.UNSUPPORTED -> "unsupported: ";
            case ExitCode.INTERNAL_ERROR -> "internal error (please report it; rerun with --debug for details): ";
            default -> "error: ";
        };
        if (ex instanceof org.il2sim.io.scenario.ScenarioException s) {
            // one line per problem, each already "file:line:column: message"
            s.problems().forEach(p -> err.println("il2sim: error: " + p));
        } else {
            err.println("il2sim: " + prefix + message);
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UserInputException || ex instanceof InvalidNetworkException
                || ex instanceof org.il2sim.io.scenario.ScenarioException) {
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof SbmlException s) {
            return s.unsupported() ? ExitCode.UNSUPPORTED : ExitCode.INVALID_INPUT;
        }
        if (ex instanceof ModelException m) {
            return m.unsupported() ? ExitCode.UNSUPPORTED : ExitCode.INVALID_INPUT;
        }
        if (ex instanceof SolverException) {
            return ExitCode.NUMERICAL_FAILURE;
        }
        return ExitCode.INTERNAL_ERROR;
    }
}
