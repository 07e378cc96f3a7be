package org.il2sim.core.sim;

import java.util.List;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.ode.BdfMethod;
import org.il2sim.core.solver.ode.DormandPrince853Method;

/** The ODE methods il2sim offers, by name. */
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
}
