package org.il2sim.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The il2sim command line: the only place that parses arguments, prints to the terminal, or exits. */
@Command(name = "il2sim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulates the interleukin-2 / common gamma chain cytokine system.",
        subcommands = {RunCommand.class, DoseResponseCommand.class, FitCommand.class, ModelsCommand.class, SbmlCommand.class,
                picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  il2sim run", "  il2sim dose-response --cells Treg,NK --ligands IL2,IL15 --out dr",
                "  il2sim fit yt1 --out fit",
                "  il2sim sbml simulate model.xml --duration 100 --steps 100 --out out.csv",
                "  il2sim sbml export model-l2v4.xml --out model-l3v2.xml",
                "  il2sim sbml validate model.xml",
                "  il2sim sbml test-suite ../shared/sbml-test-suite/semantic --cases subset-strict.txt",
                "", "Exit codes: 0 ok, 1 a check found failures, 2 invalid input or options, 3 numerical failure,",
                "4 unsupported feature, 70 internal error."})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces on errors.")
    void setDebug(boolean d) {
        ErrorReporter.debug = d;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line in-process (tests call this). Runs on a thread with a large stack so that deeply nested
     * input (MathML) cannot overflow it.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        AtomicInteger code = new AtomicInteger(ExitCode.INTERNAL_ERROR);
        Thread worker = new Thread(null, () -> code.set(executeHere(args, out, err)), "il2sim-main", 512L << 20);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code.get();
    }

    private static int executeHere(String[] args, PrintWriter out, PrintWriter err) {
        try {
            CommandLine cmd = new CommandLine(new Main());
            cmd.setOut(out);
            cmd.setErr(err);
            cmd.setExecutionExceptionHandler(new ErrorReporter());
            cmd.setParameterExceptionHandler((ex, a) -> {
                err.println("il2sim: error: " + ex.getMessage());
                err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                err.flush();
                return ExitCode.INVALID_INPUT;
            });
            return cmd.execute(args);
        } catch (StackOverflowError e) {
            err.println("il2sim: error: input nested too deeply to process");
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"il2sim " + (v == null ? "development build" : v)};
        }
    }
}
