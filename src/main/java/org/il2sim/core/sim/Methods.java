package org.il2sim.core.sim;

import java.util.List;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.tmp.TempDp853;

/** The ODE methods il2sim offers, by name. */
public final class Methods {

    private Methods() {
    }

    /** The default deterministic method for il2sim models. */
    public static OdeMethod defaultOde() {
        return new TempDp853();
    }

    /** Names accepted by {@link #ode(String)}. */
    public static List<String> odeNames() {
        return List.of("dp853");
    }

    /** A method by name, or null when there is none. */
    public static OdeMethod ode(String name) {
        return switch (name) {
            case "dp853" -> new TempDp853();
            default -> null;
        };
    }
}
