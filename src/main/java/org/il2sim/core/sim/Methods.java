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
