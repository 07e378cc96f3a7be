package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

class ScratchTest {
    static void run(String name, OdeSystem sys, double[] y0, double tEnd, double rtol, double atol, double[] ref) {
        long t0 = System.nanoTime();
        OdeStepper s = new BdfMethod().start(sys, 0, y0, new Tolerances(rtol, atol, 10_000_000, Double.POSITIVE_INFINITY));
        double[] y = BdfMethodTest.integrate(s, tEnd);
        double maxRel = 0;
        if (ref != null) for (int i = 0; i < y.length; i++) maxRel = Math.max(maxRel, Math.abs(y[i]-ref[i])/Math.max(Math.abs(ref[i]), 1e-300));
        System.out.printf("%s rtol=%g steps=%d evals=%d maxRelErr=%.3g time=%.1fms%n", name, rtol, s.steps(), s.evaluations(), maxRel, (System.nanoTime()-t0)/1e6);
    }
    @Test
    void scratch() {
        for (double rtol : new double[]{1e-4, 1e-6, 1e-8, 1e-10}) {
            run("rober40", TestProblems.robertson(true), new double[]{1,0,0}, 40, rtol, 1e-4*rtol, new double[]{0.7158270687193165, 9.185534764557333e-06, 0.2841637457452280});
            run("rober1e11", TestProblems.robertson(false), new double[]{1,0,0}, 1e11, rtol, 1e-4*rtol*1e-6, new double[]{0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050});
            run("vdpol", TestProblems.vanDerPol(1e-6), new double[]{2,0}, 2, rtol, rtol, new double[]{0.1706167732170483e+01, -0.8928097010248125e+00});
            run("hires", TestProblems.hires(), TestProblems.HIRES_Y0.clone(), TestProblems.HIRES_T_END, rtol, rtol*1e-4, TestProblems.HIRES_REFERENCE);
            run("linear", TestProblems.stiffLinear(), new double[]{1,0}, 5, rtol, rtol*1e-4, TestProblems.stiffLinearExact(5));
            run("decay", TestProblems.decay(1), new double[]{1}, 10, rtol, rtol*1e-4, new double[]{Math.exp(-10)});
        }
    }
}
