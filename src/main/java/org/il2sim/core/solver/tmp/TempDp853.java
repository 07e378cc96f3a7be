package org.il2sim.core.solver.tmp;

import org.hipparchus.ode.DenseOutputModel;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;

/** Temporary stand-in until the solver package lands. */
public final class TempDp853 implements OdeMethod {
    public String name() { return "dp853"; }

    public OdeStepper start(OdeSystem sys, double t0, double[] y0, Tolerances tol) {
        return new OdeStepper() {
            double t = t0, tp = t0; double[] y = y0.clone(); DenseOutputModel dense; long steps;
            final OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                public int getDimension() { return sys.dimension(); }
                public double[] computeDerivatives(double tt, double[] yy) { double[] d = new double[yy.length]; sys.derivatives(tt, yy, d); return d; }
            };
            public double time() { return t; }
            public double previousTime() { return tp; }
            public double[] state() { return y; }
            public double step(double tStop) {
                double span = Math.abs(tStop - t);
                DormandPrince853Integrator in = new DormandPrince853Integrator(1e-12 * Math.max(1, span), Math.max(span, 1e-12), tol.absolute(), tol.relative());
                dense = new DenseOutputModel();
                in.addStepHandler(dense);
                ODEState s = in.integrate(ode, new ODEState(t, y), tStop);
                tp = t; t = tStop; y = s.getPrimaryState().clone(); steps++;
                return t;
            }
            public void interpolate(double tt, double[] out) {
                if (tt == t) { System.arraycopy(y, 0, out, 0, y.length); return; }
                System.arraycopy(dense.getInterpolatedState(tt).getPrimaryState(), 0, out, 0, out.length);
            }
            public void restart(double tt, double[] yy) { t = tp = tt; y = yy.clone(); }
            public long evaluations() { return 0; }
            public long steps() { return steps; }
        };
    }
}
