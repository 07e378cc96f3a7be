package org.il2sim.cli;

import java.util.List;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.ModelException;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.Tolerances;
import picocli.CommandLine.Option;

/** Solver options shared by every simulating command (a picocli mixin). */
final class SolverOptions {

    @Option(names = "--method", defaultValue = "ode", paramLabel = "ode|bdf|dp853|ssa|nrm|tau|hybrid",
            description = "Simulation method: ode (deterministic, the default stiff BDF), bdf, dp853 (non-stiff "
                    + "Dormand-Prince 8(5,3)), ssa (exact stochastic, Gillespie direct), nrm (exact, next reaction), "
                    + "tau (tau-leaping), hybrid (reactions that change only --continuous species, or species above "
                    + "--threshold, as an ODE; the others as exact jumps). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--continuous", split = ",", paramLabel = "ID",
            description = "Hybrid method: species always integrated as an ODE.")
    java.util.List<String> continuous;

    @Option(names = "--threshold", paramLabel = "N",
            description = "Hybrid method: a species with at least N molecules is continuous (it turns discrete "
                    + "again below N/2). Default: none.")
    Double threshold;

    @Option(names = "--rtol", defaultValue = "1e-6", paramLabel = "R",
            description = "Relative tolerance of the ODE solver. Default: ${DEFAULT-VALUE}.")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-12", paramLabel = "A",
            description = "Absolute tolerance of the ODE solver, in the model's units. Default: ${DEFAULT-VALUE}.")
    double atol;

    @Option(names = "--max-steps", defaultValue = "1000000", paramLabel = "N",
            description = "Most solver steps per run before it stops with an error. Default: ${DEFAULT-VALUE}.")
    long maxSteps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the random generator for stochastic methods. Default: ${DEFAULT-VALUE}.")
    long seed;

    Tolerances tolerances() {
        if (!(rtol > 0) || !(atol > 0)) {
            throw new UserInputException("--rtol and --atol must be positive numbers (got " + rtol + ", " + atol + ")");
        }
        if (maxSteps <= 0) {
            throw new UserInputException("--max-steps must be positive (got " + maxSteps + ")");
        }
        return new Tolerances(rtol, atol, maxSteps, Double.POSITIVE_INFINITY);
    }

    /** True when --method names a stochastic or the hybrid method (runs that draw random numbers). */
    boolean stochastic() {
        return Methods.isRandom(method);
    }

    boolean hybrid() {
        return Methods.HYBRID.equals(method);
    }

    /** The hybrid partition of a model; refuses --continuous and --threshold with any other method. */
    HybridModel hybridModel(CompiledModel model) {
        if (threshold != null && !(threshold > 0)) {
            throw new UserInputException("--threshold must be a positive number (got " + threshold + ")");
        }
        try {
            return new HybridModel(model, continuous == null ? List.of() : continuous,
                    threshold == null ? Double.POSITIVE_INFINITY : threshold);
        } catch (ModelException e) {
            throw new UserInputException("--continuous: " + e.getMessage());
        }
    }

    /** Rejects hybrid-only options with another method. */
    void checkHybridOptions() {
        if (!hybrid() && (continuous != null || threshold != null)) {
            throw new UserInputException("--continuous and --threshold belong to --method hybrid (got --method "
                    + method + ")");
        }
    }

    OdeMethod odeMethod() {
        if (method.equals("ode")) {
            return Methods.defaultOde();
        }
        OdeMethod m = Methods.ode(method);
        if (m == null) {
            throw new UserInputException("unknown --method '" + method + "'; known: ode, "
                    + String.join(", ", Methods.odeNames()) + ", " + String.join(", ", Methods.stochasticNames())
                    + ", " + Methods.HYBRID);
        }
        return m;
    }

    StochasticMethod stochasticMethod() {
        return Methods.stochastic(method);
    }
}
