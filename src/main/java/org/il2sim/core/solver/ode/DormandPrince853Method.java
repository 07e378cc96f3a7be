package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;

/**
 * The explicit Dormand–Prince 8(5,3) Runge–Kutta method with 7th-order dense output (Hairer, Nørsett &amp; Wanner,
 * Solving ODEs I, 2nd ed., sections II.5–II.6; Dormand &amp; Prince, J. Comp. Appl. Math. 6:19, 1980) for non-stiff
 * systems ("dp853"), provided by Hipparchus' {@code DormandPrince853Integrator}; see {@link Dp853Stepper} for how its
 * whole-interval integration is presented one step at a time.
 */
public final class DormandPrince853Method implements OdeMethod {

    @Override
    public String name() {
        return "dp853";
    }

    @Override
    public OdeStepper start(OdeSystem system, double t0, double[] y0, Tolerances tolerances) {
        return new Dp853Stepper(system, t0, y0, tolerances);
    }
}
