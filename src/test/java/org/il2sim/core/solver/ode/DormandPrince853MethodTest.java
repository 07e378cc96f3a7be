package org.il2sim.core.solver.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

class DormandPrince853MethodTest {

    private static final Tolerances TOL = new Tolerances(1e-10, 1e-12, 100_000, Double.POSITIVE_INFINITY);

    /** Harmonic oscillator y'' = -y, y(0) = (1, 0): y = (cos t, -sin t). */
    private static OdeSystem oscillator() {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = y[1];
                f[1] = -y[0];
            }
        };
    }

    @Test
    void nameIsDp853() {
        assertThat(new DormandPrince853Method().name()).isEqualTo("dp853");
    }

    @Test
    void oscillatorIsAccurateAndDenseOutputCoversEachStep() {
        OdeStepper s = new DormandPrince853Method().start(oscillator(), 0, new double[] {1, 0}, TOL);
        double[] out = new double[2];
        int spans = 0;
        while (s.time() < 10) {
            double before = s.time();
            s.step(10);
            assertThat(s.previousTime()).isEqualTo(before);
            assertThat(s.time()).isGreaterThan(before).isLessThanOrEqualTo(10);
            for (double f : new double[] {0.1, 0.5, 0.9}) {
                double t = s.previousTime() + f * (s.time() - s.previousTime());
                s.interpolate(t, out);
                assertThat(out[0]).isCloseTo(Math.cos(t), within(1e-8));
                assertThat(out[1]).isCloseTo(-Math.sin(t), within(1e-8));
            }
            spans++;
        }
        assertThat(spans).isEqualTo(s.steps()).isGreaterThan(5); // one Hipparchus step per call
        assertThat(s.state()[0]).isCloseTo(Math.cos(10), within(1e-8));
        assertThat(s.evaluations()).isGreaterThan(12 * s.steps() / 2);
    }

    @Test
    void smallerTStopCutsAStoredStepAndNeverPassesIt() {
        OdeStepper s = new DormandPrince853Method().start(oscillator(), 0, new double[] {1, 0}, TOL);
        s.step(10); // integrates to 10 internally, hands out the first step
        double first = s.time();
        double stop = first + 1e-3;
        assertThat(s.step(stop)).isEqualTo(stop);
        assertThat(s.state()[0]).isCloseTo(Math.cos(stop), within(1e-8));
        while (s.time() < 3) {
            assertThat(s.step(3)).isLessThanOrEqualTo(3);
        }
        assertThat(s.time()).isEqualTo(3.0);
        assertThat(s.state()[1]).isCloseTo(-Math.sin(3), within(1e-8));
    }

    @Test
    void restartDiscardsStoredSteps() {
        OdeStepper s = new DormandPrince853Method().start(TestProblems.decay(1), 0, new double[] {1}, TOL);
        s.step(5);
        double t = s.time();
        s.restart(t, new double[] {2});
        while (s.time() < 5) {
            s.step(5);
        }
        assertThat(s.state()[0]).isCloseTo(2 * Math.exp(-(5 - t)), within(1e-9));
    }

    @Test
    void tooManyStepsBecomesSolverException() {
        Tolerances few = new Tolerances(1e-10, 1e-12, 20, Double.POSITIVE_INFINITY);
        OdeStepper s = new DormandPrince853Method().start(oscillator(), 0, new double[] {1, 0}, few);
        assertThatThrownBy(() -> s.step(100))
                .isInstanceOf(SolverException.class)
                .hasMessageContaining("too many steps");
    }

    @Test
    void nanStateBecomesSolverExceptionNamingTheComponent() {
        OdeSystem sys = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = 1;
                f[1] = t > 1 ? Double.NaN : 0;
            }

            @Override
            public String componentName(int i) {
                return i == 0 ? "clock" : "STAT5";
            }
        };
        OdeStepper s = new DormandPrince853Method().start(sys, 0, new double[] {0, 0}, TOL);
        assertThatThrownBy(() -> {
            while (s.time() < 5) {
                s.step(5);
            }
        }).isInstanceOf(SolverException.class)
                .satisfies(e -> {
                    assertThat(((SolverException) e).quantity()).isEqualTo("STAT5");
                    assertThat(((SolverException) e).time()).isGreaterThan(1.0).isLessThanOrEqualTo(5.0);
                });
    }
}
