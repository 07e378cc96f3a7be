package org.il2sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.sbml.SbmlImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the main job. Without a scenario: the built-in default, IL-2 binding to IL-2Ra (CD25), "
                + "IL-2Rb (CD122) and the common gamma chain on a regulatory T cell at 1 nM IL-2 for 4 hours "
                + "(the IL-2 block of Farhat et al. 2021, shipped as SBML). Writes timecourse.csv (tidy: "
                + "time,replicate,quantity,value,unit) into the output folder."},
        footer = {"", "Examples:", "  il2sim run", "  il2sim run --out results/default"})
final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_MODEL = "/org/il2sim/models/il2-receptor-binding.xml";
    static final double DEFAULT_DURATION_MIN = 240;
    static final int DEFAULT_STEPS = 240;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "A scenario file (scenario files are not supported yet; omit it to run the default).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (created if missing; default runs/<name>-<timestamp>/).")
    Path out;

    @CommandLine.Mixin
    SolverOptions solver;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (scenario != null) {
            throw new org.il2sim.core.sim.ModelException("scenario files are not supported yet ("
                    + scenario + "); run without one for the built-in default", true);
        }
        var tolerances = solver.tolerances();
        ReactionNetwork network = readDefaultModel();
        CompiledModel model = CompiledModel.compile(network);
        List<String> ids = new ArrayList<>();
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        for (var s : network.species()) {
            ids.add(s.id());
            readouts.add(model.readout(s.id(), true));
        }
        double[] times = new double[DEFAULT_STEPS + 1];
        for (int i = 0; i <= DEFAULT_STEPS; i++) {
            times[i] = DEFAULT_DURATION_MIN * i / DEFAULT_STEPS;
        }
        double[][] rows = TimeCourse.run(model, solver.odeMethod(), tolerances, times, readouts, true);
        Path dir = out != null ? out : Path.of("runs", network.id() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output folder " + dir + " (" + e.getMessage() + ")");
        }
        Path csv = dir.resolve("timecourse.csv");
        AtomicFiles.write(csv, w -> {
            w.write("time,replicate,quantity,value,unit\n");
            for (int i = 0; i < times.length; i++) {
                for (int k = 0; k < ids.size(); k++) {
                    w.write(WideCsv.format(times[i]) + ",1," + ids.get(k) + "," + WideCsv.format(rows[i][k])
                            + ",molecules/cell\n");
                }
            }
        });
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + csv + " (time in min; " + ids.size() + " quantities, " + times.length + " time points)");
        o.flush();
        return ExitCode.OK;
    }

    private static ReactionNetwork readDefaultModel() throws IOException {
        Path tmp = Files.createTempFile("il2sim-default", ".xml");
        try (InputStream in = RunCommand.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("built-in model missing from the jar: " + DEFAULT_MODEL);
            }
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return SbmlImporter.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
