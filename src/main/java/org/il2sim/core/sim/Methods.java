package org.il2sim.core.sim;

import java.util.List;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.il2sim.core.solver.ssa.NextReactionMethod;
import org.il2sim.core.solver.ssa.TauLeapingMethod;
import org.il2sim.core.solver.ode.BdfMethod;
import org.il2sim.core.solver.ode.DormandPrince853Method;

/** The simulation methods il2sim offers, by name. */
public final class Methods {

    private Methods() {
    }

    /** The default deterministic method for il2sim models. */
    public static OdeMethod defaultOde() {
        return new BdfMethod();
    }

    /** Names accepted by {@link #ode(String)}. */
    public static List<String> odeNames() {
        return List.of("bdf", "dp853");
    }

    /** A method by name, or null when there is none. */
    public static OdeMethod ode(String name) {
        return switch (name) {
            case "bdf" -> new BdfMethod();
            case "dp853" -> new DormandPrince853Method();
            default -> null;
        };
    }

    /**
     * The hybrid method: discrete reactions as jumps, continuous ones as an ODE ({@link HybridTimeCourse}); its
     * partition comes from a {@link HybridModel}.
     */
    public static final String HYBRID = "hybrid";

    /** True for methods that draw random numbers (stochastic and hybrid): they run replicates from a seed. */
    public static boolean isRandom(String name) {
        return stochastic(name) != null || HYBRID.equals(name);
    }

    /** Names accepted by {@link #stochastic(String)}. */
    public static List<String> stochasticNames() {
        return List.of("ssa", "nrm", "tau");
    }

    /** A stochastic method by name (ssa: Gillespie direct; nrm: Gibson-Bruck; tau: tau-leaping), or null. */
    public static StochasticMethod stochastic(String name) {
        return switch (name) {
            case "ssa" -> new DirectMethod();
            case "nrm" -> new NextReactionMethod();
            case "tau" -> new TauLeapingMethod();
            default -> null;
        };
    }
}
