package org.il2sim.core.solver.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

class BdfMethodTest {

    private static final Tolerances TIGHT = new Tolerances(1e-8, 1e-12, 1_000_000, Double.POSITIVE_INFINITY);

    static double[] integrate(OdeStepper s, double tEnd) {
        while (s.time() < tEnd) {
            s.step(tEnd);
        }
        return s.state().clone();
    }

    @Test
    void robertsonMatchesHairerWannerReference() {
        OdeStepper s = new BdfMethod().start(TestProblems.robertson(true), 0, new double[] {1, 0, 0}, TIGHT);
        double[] y = integrate(s, 40);
        System.out.println("robertson t=40: steps " + s.steps() + " evals " + s.evaluations() + " " + java.util.Arrays.toString(y));
        assertThat(y[0]).isCloseTo(0.7158270687193165, within(1e-6));
        assertThat(y[1]).isCloseTo(9.185534764557333e-06, within(1e-10));
        assertThat(y[2]).isCloseTo(0.2841637457452280, within(1e-6));
    }
}
