package org.il2sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.sbml.SbmlImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates an SBML model (Level 2 or 3) and writes a wide CSV: time, then each species "
                + "(a concentration unless it has only substance units; an amount in stochastic runs) and each "
                + "parameter or compartment that a rule or event changes, headed by its SBML id.",
                "The model starts at t = 0; output runs from --start to --start + --duration in --steps intervals."},
        footer = {"", "Example:", "  il2sim sbml simulate model.xml --duration 6000 --steps 600 --rtol 1e-8 --out out.csv"})
final class SbmlSimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.xml", description = "The SBML file.")
    Path model;

    @Option(names = "--start", defaultValue = "0", description = "First output time. Default: ${DEFAULT-VALUE}.")
    double start;

    @Option(names = "--duration", required = true, description = "Length of the output interval.")
    double duration;

    @Option(names = "--steps", required = true, description = "Number of output intervals (rows = steps + 1).")
    int steps;

    @Option(names = "--variables", split = ",", paramLabel = "ID",
            description = "Quantities to write, by SBML id (default: all species and changing parameters).")
    List<String> variables;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV (replaced atomically).")
    Path out;

    @Option(names = "--check-negative", description = "Stop with an error when a species amount goes negative beyond "
            + "the solver's tolerance (SBML allows negative amounts, so this is off by default).")
    boolean checkNegative;

    @Mixin
    SolverOptions solver;

    @Override
    public Integer call() throws IOException {
        if (!(duration > 0) || !Double.isFinite(duration) || steps <= 0 || !(start >= 0) || !Double.isFinite(start)) {
            throw new UserInputException("--duration must be positive, --start >= 0 (both finite) and --steps > 0 (got "
                    + "start " + start + ", duration " + duration + ", steps " + steps + ")");
        }
        CliChecks.outputFolderExists(out);
        var tolerances = solver.tolerances();
        if (!solver.stochastic()) {
            solver.odeMethod(); // rejects an unknown --method before any work
        }
        solver.checkHybridOptions();
        ReactionNetwork network = SbmlImporter.read(model);
        CompiledModel compiled = CompiledModel.compile(network);
        List<String> ids = variables != null ? variables : defaultVariables(compiled);
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        var species = network.speciesById();
        for (String id : ids) {
            if (compiled.slot(id) < 0 || id.startsWith("amount(")) {
                throw new UserInputException("unknown variable '" + id + "' in --variables: not a species, "
                        + "compartment or parameter of " + model);
            }
            Species s = species.get(id);
            // stochastic runs count molecules, so species are written as amounts there
            readouts.add(compiled.readout(id, s != null && (s.hasOnlySubstanceUnits() || solver.stochastic())));
        }
        double[] times = OutputGrid.uniform(start, duration, steps);
        double[][] rows;
        if (solver.hybrid()) {
            rows = HybridTimeCourse.run(solver.hybridModel(compiled), tolerances, times,
                    Ensemble.replicateGenerator(solver.seed, 0), readouts);
        } else if (solver.stochastic()) {
            rows = StochasticTimeCourse.run(compiled, solver.stochasticMethod(), times,
                    Ensemble.replicateGenerator(solver.seed, 0), readouts);
        } else {
            rows = TimeCourse.run(compiled, solver.odeMethod(), tolerances, times, readouts, checkNegative);
        }
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(ids);
        AtomicFiles.write(out, w -> WideCsv.write(w, header, times, rows));
        return ExitCode.OK;
    }

    private static List<String> defaultVariables(CompiledModel model) {
        List<String> ids = new ArrayList<>();
        model.network().species().forEach(s -> ids.add(s.id()));
        ids.addAll(model.variableNonSpecies());
        return ids;
    }
}
