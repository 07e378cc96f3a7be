package org.il2sim.core.solver.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

class BdfMethodTest {

    private static Tolerances tol(double rtol, double atol) {
        return new Tolerances(rtol, atol, 1_000_000, Double.POSITIVE_INFINITY);
    }

    static double[] integrate(OdeStepper s, double tEnd) {
        while (s.time() < tEnd) {
            s.step(tEnd);
        }
        return s.state().clone();
    }

    static double[] integrate(OdeMethod m, OdeSystem sys, double[] y0, double tEnd, Tolerances tol) {
        return integrate(m.start(sys, 0, y0, tol), tEnd);
    }

    private static double maxAbsError(double[] y, double[] exact) {
        double e = 0;
        for (int i = 0; i < y.length; i++) {
            e = Math.max(e, Math.abs(y[i] - exact[i]));
        }
        return e;
    }

    @Test
    void nameIsBdf() {
        assertThat(new BdfMethod().name()).isEqualTo("bdf");
    }

    @Test
    void exponentialDecayErrorScalesWithTolerance() {
        // local error control: the global error is a modest multiple of rtol and falls with it
        double exact = Math.exp(-5);
        double[] rtols = {1e-4, 1e-6, 1e-8};
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            double rtol = rtols[k];
            double y = integrate(new BdfMethod(), TestProblems.decay(1), new double[] {1}, 5, tol(rtol, rtol * 1e-3))[0];
            errors[k] = Math.abs(y - exact) / exact;
            assertThat(errors[k]).isLessThan(200 * rtol);
        }
        assertThat(errors[2]).isLessThan(errors[0] * 1e-2);
    }

    @Test
    void stiffLinearSystemMatchesExactSolutionAndErrorScalesWithTolerance() {
        double[] exact = TestProblems.stiffLinearExact(3);
        double[] rtols = {1e-4, 1e-6, 1e-8};
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            double rtol = rtols[k];
            double[] y = integrate(new BdfMethod(), TestProblems.stiffLinear(), new double[] {1, 0}, 3,
                    tol(rtol, rtol * 1e-3));
            errors[k] = maxAbsError(y, exact) / exact[0];
            assertThat(errors[k]).isLessThan(200 * rtol);
        }
        assertThat(errors[2]).isLessThan(errors[0] * 1e-2);
    }

    @Test
    void robertsonMatchesHairerWannerReferenceAtT40() {
        OdeStepper s = new BdfMethod().start(TestProblems.robertson(true), 0, new double[] {1, 0, 0},
                tol(1e-8, 1e-12));
        double[] y = integrate(s, 40);
        // Hairer & Wanner, Solving ODEs II, section IV.10 (problem ROBER)
        assertThat(y[0]).isCloseTo(0.7158270687193165, within(5e-8));
        assertThat(y[1]).isCloseTo(9.185534764557333e-06, within(5e-13));
        assertThat(y[2]).isCloseTo(0.2841637457452280, within(5e-8));
    }

    @Test
    void robertsonMatchesTestSetReferenceAtT1e11WithFiniteDifferenceJacobian() {
        // Mazzia et al., Test Set for IVP Solvers, problem ROBER, t = 1e11; tiny atol because y2 ~ 1e-13 there
        double[] y = integrate(new BdfMethod(), TestProblems.robertson(false), new double[] {1, 0, 0}, 1e11,
                tol(1e-8, 1e-20));
        assertThat(y[0]).isCloseTo(0.2083340149701255e-07, within(1e-14));
        assertThat(y[1]).isCloseTo(0.8333360770334713e-13, within(1e-19));
        assertThat(y[2]).isCloseTo(0.9999999791665050, within(1e-9));
    }

    @Test
    void robertsonTakesFarFewerStepsThanDormandPrince() {
        Tolerances t = tol(1e-8, 1e-12);
        OdeStepper bdf = new BdfMethod().start(TestProblems.robertson(false), 0, new double[] {1, 0, 0}, t);
        OdeStepper dp = new DormandPrince853Method().start(TestProblems.robertson(false), 0, new double[] {1, 0, 0}, t);
        double[] yb = integrate(bdf, 40);
        double[] yd = integrate(dp, 40);
        System.out.printf("Robertson to t=40, rtol 1e-8, atol 1e-12: bdf %d steps %d evaluations; "
                + "dp853 %d steps %d evaluations%n", bdf.steps(), bdf.evaluations(), dp.steps(), dp.evaluations());
        assertThat(yd[0]).isCloseTo(0.7158270687193165, within(1e-6));
        assertThat(yb[0]).isCloseTo(yd[0], within(1e-6));
        assertThat(bdf.steps() * 10).isLessThan(dp.steps());
        assertThat(bdf.evaluations() * 10).isLessThan(dp.evaluations());
    }

    @Test
    void vanDerPolMu1000MatchesTestSetReference() {
        // Mazzia et al., Test Set for IVP Solvers, problem VDPOL (eps = 1e-6, y(0) = (2, 0)), t = 2
        OdeStepper s = new BdfMethod().start(TestProblems.vanDerPol(1e-6), 0, new double[] {2, 0}, tol(1e-8, 1e-8));
        double[] y = integrate(s, 2);
        assertThat(y[0]).isCloseTo(1.706167732170483, within(1e-6));
        assertThat(y[1]).isCloseTo(-0.8928097010248125, within(1e-6));
        assertThat(s.steps()).isLessThan(10_000);
    }

    @Test
    void hiresMatchesTestSetReference() {
        double[] y = integrate(new BdfMethod(), TestProblems.hires(), TestProblems.HIRES_Y0.clone(),
                TestProblems.HIRES_T_END, tol(1e-8, 1e-12));
        for (int i = 0; i < 8; i++) {
            assertThat(y[i]).as("y%d", i + 1)
                    .isCloseTo(TestProblems.HIRES_REFERENCE[i], within(1e-6 * TestProblems.HIRES_REFERENCE[i]));
        }
    }

    @Test
    void maxOrderOneStillConverges() {
        double[] y = integrate(new BdfMethod(1, 60), TestProblems.decay(1), new double[] {1}, 1, tol(1e-5, 1e-10));
        assertThat(y[0]).isCloseTo(Math.exp(-1), within(1e-3)); // order 1: global error ~ (number of steps) * rtol
    }

    @Test
    void largeSparseSystemUsesSparsePathAndAgreesWithDensePath() {
        int n = 500;
        double[] y0 = new double[n];
        Tolerances t = tol(1e-7, 1e-10);
        BdfStepper sparse = (BdfStepper) new BdfMethod().start(TestProblems.diffusionReaction(n, false), 0, y0, t);
        BdfStepper dense = (BdfStepper) new BdfMethod(5, Integer.MAX_VALUE)
                .start(TestProblems.diffusionReaction(n, false), 0, y0, t);
        assertThat(sparse.newtonMatrix()).isInstanceOf(SparseNewtonMatrix.class);
        assertThat(((SparseNewtonMatrix) sparse.newtonMatrix()).groupCount()).isEqualTo(3);
        assertThat(dense.newtonMatrix()).isInstanceOf(DenseNewtonMatrix.class);
        double[] ys = integrate(sparse, 2);
        double[] yd = integrate(dense, 2);
        assertThat(ys[0]).isGreaterThan(0.1); // the source has filled the left end
        for (int i = 0; i < n; i++) {
            assertThat(ys[i]).isCloseTo(yd[i], within(1e-5 * Math.abs(yd[i]) + 1e-9));
        }
        // Jacobian by 3 grouped evaluations instead of 500: far fewer evaluations overall
        assertThat(sparse.evaluations() * 5).isLessThan(dense.evaluations());
    }

    @Test
    void analyticAndFiniteDifferenceJacobiansAgree() {
        int n = 80;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 + 0.3 * Math.sin(i);
        }
        OdeSystem sys = TestProblems.diffusionReaction(n, true);
        double[] f = new double[n];
        sys.derivatives(0, y, f);
        double[] w = new double[n];
        WeightedNorm.weights(y, 1e-6, 1e-10, w);
        double[] analytic = new double[n * n];
        sys.jacobian(0, y, analytic);

        DenseNewtonMatrix dense = new DenseNewtonMatrix(sys);
        dense.useFiniteDifferences();
        dense.evaluateJacobian(0, y, f, 1e-3, w);
        SparseNewtonMatrix sparse = new SparseNewtonMatrix(sys, sys.jacobianPattern());
        sparse.useFiniteDifferences();
        sparse.evaluateJacobian(0, y, f, 1e-3, w);
        double[] fromSparse = new double[n * n];
        sparse.copyJacobianTo(fromSparse);
        double scale = 2 * 0.1 * n * n; // largest entries ~ 2 D
        for (int k = 0; k < n * n; k++) {
            assertThat(dense.jacobian()[k]).isCloseTo(analytic[k], within(1e-6 * scale));
            assertThat(fromSparse[k]).isCloseTo(analytic[k], within(1e-6 * scale));
        }
        // and the solutions agree
        Tolerances t = tol(1e-8, 1e-12);
        double[] ya = integrate(new BdfMethod(), TestProblems.robertson(true), new double[] {1, 0, 0}, 10, t);
        double[] yf = integrate(new BdfMethod(), TestProblems.robertson(false), new double[] {1, 0, 0}, 10, t);
        for (int i = 0; i < 3; i++) {
            assertThat(yf[i]).isCloseTo(ya[i], within(1e-7 * Math.abs(ya[i]) + 1e-12));
        }
    }

    @Test
    void denseOutputIsAccurateBetweenSteps() {
        OdeStepper s = new BdfMethod().start(TestProblems.decay(2), 0, new double[] {1}, tol(1e-8, 1e-14));
        double[] out = new double[1];
        double worst = 0;
        while (s.time() < 3) {
            s.step(3);
            double a = s.previousTime();
            double b = s.time();
            for (double f : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                double t = a + f * (b - a);
                s.interpolate(t, out);
                worst = Math.max(worst, Math.abs(out[0] - Math.exp(-2 * t)) / Math.exp(-2 * t));
            }
        }
        assertThat(worst).isLessThan(2e-7);
    }

    @Test
    void stepsNeverPassTStopAndLandOnItExactly() {
        OdeStepper s = new BdfMethod().start(TestProblems.stiffLinear(), 0, new double[] {1, 0}, tol(1e-6, 1e-10));
        double[] stops = {1e-4, 0.3, 0.3000001, 1.7, 2.0, 10};
        for (double stop : stops) {
            double previous = s.time();
            while (s.time() < stop) {
                double t = s.step(stop);
                assertThat(t).isLessThanOrEqualTo(stop).isGreaterThan(previous);
                assertThat(s.previousTime()).isEqualTo(previous);
                previous = t;
            }
            assertThat(s.time()).isEqualTo(stop);
            double[] exact = TestProblems.stiffLinearExact(stop);
            assertThat(s.state()[0]).isCloseTo(exact[0], within(1e-4 * exact[0]));
        }
        assertThat(s.step(10)).isEqualTo(10.0); // already there: no step
    }

    @Test
    void restartContinuesFromTheNewState() {
        OdeStepper s = new BdfMethod().start(TestProblems.decay(1), 0, new double[] {1}, tol(1e-8, 1e-14));
        integrate(s, 1);
        double steps = s.steps();
        s.restart(1, new double[] {3 * s.state()[0]});
        assertThat(s.time()).isEqualTo(1.0);
        assertThat(s.previousTime()).isEqualTo(1.0);
        double[] y = integrate(s, 2);
        assertThat(y[0]).isCloseTo(3 * Math.exp(-2), within(1e-7));
        assertThat(s.steps()).isGreaterThan((long) steps);
    }

    @Test
    void nanRightHandSideGivesSolverExceptionNamingComponentAndTime() {
        OdeSystem sys = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = -y[0];
                f[1] = t > 1 ? Double.NaN : 1; // a model that breaks down after t = 1
            }

            @Override
            public String componentName(int i) {
                return i == 0 ? "IL2" : "IL2Ra";
            }
        };
        OdeStepper s = new BdfMethod().start(sys, 0, new double[] {1, 0}, tol(1e-6, 1e-10));
        assertThatThrownBy(() -> integrate(s, 5))
                .isInstanceOf(SolverException.class)
                .hasMessageContaining("IL2Ra")
                .satisfies(e -> {
                    SolverException se = (SolverException) e;
                    assertThat(se.quantity()).isEqualTo("IL2Ra");
                    assertThat(se.time()).isCloseTo(1.0, within(1e-3));
                });
    }

    @Test
    void finiteTimeBlowUpGivesSolverExceptionNearTheSingularity() {
        OdeSystem sys = new OdeSystem() { // y' = y^2, y(0) = 1: y = 1/(1 - t) blows up at t = 1
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = y[0] * y[0];
            }

            @Override
            public String componentName(int i) {
                return "X";
            }
        };
        OdeStepper s = new BdfMethod().start(sys, 0, new double[] {1}, tol(1e-6, 1e-10));
        assertThatThrownBy(() -> integrate(s, 2))
                .isInstanceOf(SolverException.class)
                .satisfies(e -> {
                    SolverException se = (SolverException) e;
                    assertThat(se.quantity()).isEqualTo("X");
                    assertThat(se.time()).isCloseTo(1.0, within(1e-3));
                });
    }

    @Test
    void exceedingMaxStepsGivesSolverException() {
        Tolerances t = new Tolerances(1e-8, 1e-12, 50, Double.POSITIVE_INFINITY);
        OdeStepper s = new BdfMethod().start(TestProblems.robertson(true), 0, new double[] {1, 0, 0}, t);
        assertThatThrownBy(() -> integrate(s, 40))
                .isInstanceOf(SolverException.class)
                .hasMessageContaining("too many steps");
        assertThat(s.steps()).isEqualTo(50);
    }

    @Test
    void maxStepSizeIsRespected() {
        OdeStepper s = new BdfMethod().start(TestProblems.decay(1e-3), 0, new double[] {1},
                new Tolerances(1e-6, 1e-10, 100_000, 0.5));
        while (s.time() < 20) {
            s.step(20);
            assertThat(s.time() - s.previousTime()).isLessThanOrEqualTo(0.5 * (1 + 1e-12));
        }
        assertThat(s.steps()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void stepsDoNotAllocateAfterWarmUp() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long thread = Thread.currentThread().getId();
        for (boolean sparse : new boolean[] {false, true}) {
            OdeSystem sys = sparse ? TestProblems.diffusionReaction(200, false) : TestProblems.robertson(false);
            double[] y0 = sparse ? new double[200] : new double[] {1, 0, 0};
            double tEnd = sparse ? 5 : 1e5;
            OdeStepper s = new BdfMethod().start(sys, 0, y0, tol(1e-8, 1e-12));
            for (int k = 0; k < 50; k++) { // warm-up, including the first (sizing) factorisations
                s.step(tEnd);
            }
            long before = mx.getThreadAllocatedBytes(thread);
            long steps = s.steps();
            while (s.time() < tEnd) {
                s.step(tEnd);
            }
            double perStep = (mx.getThreadAllocatedBytes(thread) - before) / (double) (s.steps() - steps);
            assertThat(perStep).as("bytes allocated per step (sparse = %s)", sparse).isLessThan(64);
        }
    }

    @Test
    void landingOnManyStopTimesKeepsHiresAccurate() {
        // step(tStop) on a fine grid (every 0.1) shortens many steps; accuracy must not suffer
        OdeStepper s = new BdfMethod().start(TestProblems.hires(), 0, TestProblems.HIRES_Y0.clone(), tol(1e-8, 1e-12));
        int points = 3218;
        for (int k = 1; k <= points; k++) {
            double tout = TestProblems.HIRES_T_END * k / points;
            while (s.time() < tout) {
                s.step(tout);
            }
            assertThat(s.time()).isEqualTo(tout);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(s.state()[i]).isCloseTo(TestProblems.HIRES_REFERENCE[i],
                    within(1e-6 * TestProblems.HIRES_REFERENCE[i]));
        }
        assertThat(s.steps()).isLessThan(2L * points);
    }

    @Test
    void sparsePathWithAnalyticJacobianAgreesWithFiniteDifferences() {
        int n = 300;
        double[] y0 = new double[n];
        Tolerances t = tol(1e-7, 1e-10);
        BdfStepper analytic = (BdfStepper) new BdfMethod().start(TestProblems.diffusionReaction(n, true), 0, y0, t);
        BdfStepper fd = (BdfStepper) new BdfMethod().start(TestProblems.diffusionReaction(n, false), 0, y0, t);
        assertThat(analytic.newtonMatrix()).isInstanceOf(SparseNewtonMatrix.class);
        double[] ya = integrate(analytic, 1);
        double[] yf = integrate(fd, 1);
        for (int i = 0; i < n; i++) {
            assertThat(ya[i]).isCloseTo(yf[i], within(1e-5 * Math.abs(yf[i]) + 1e-9));
        }
        assertThat(analytic.evaluations()).isLessThan(fd.evaluations()); // no evaluations spent on J
    }
    /**
     * A linear system driven by a count n that jumps by one every 0.05 time units from 100 (as a cell count in a hybrid
     * run): y1' = −a(y1 − c n), y2' = y1 − b y2, with a = 20 and b = 0.1, from the steady state of n = 100. Over each
     * interval n is constant and the
     * solution is closed-form, so after 200 jumps both restarts must match it to the tolerances; the warm restart
     * (last step size, last Jacobian) must cost fewer right-hand-side evaluations than the cold one.
     */
    @Test
    void warmRestartAfterJumpsKeepsTheAccuracyAndSavesSteps() {
        double a = 20;
        double b = 0.1;
        int n0 = 100;
        double c = 2;
        double interval = 0.05;
        int jumps = 200;
        double[] n = {n0};
        OdeSystem sys = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -a * (y[0] - c * n[0]);
                dydt[1] = y[0] - b * y[1];
            }
        };
        double[] exact = {c * n0, c * n0 / b};
        for (int k = 0; k < jumps; k++) {
            double cn = c * (n0 + k);
            double ea = Math.exp(-a * interval);
            double eb = Math.exp(-b * interval);
            double y1 = cn + (exact[0] - cn) * ea;
            double y2 = exact[1] * eb + cn * (1 - eb) / b + (exact[0] - cn) * (ea - eb) / (b - a);
            exact[0] = y1;
            exact[1] = y2;
        }
        long[] steps = new long[2];
        long[] evaluations = new long[2];
        for (int warm = 0; warm < 2; warm++) {
            n[0] = n0;
            OdeStepper s = new BdfMethod().start(sys, 0, new double[] {c * n0, c * n0 / b}, tol(1e-7, 1e-9));
            for (int k = 0; k < jumps; k++) {
                double[] y = integrate(s, (k + 1) * interval);
                n[0] = n0 + k + 1;
                if (k == jumps - 1) {
                    for (int i = 0; i < 2; i++) {
                        assertThat(y[i]).as("y%s, warm %s", i + 1, warm).isCloseTo(exact[i],
                                within(1e-5 * Math.abs(exact[i])));
                    }
                    break;
                }
                if (warm == 1) {
                    s.restartAfterJump(s.time(), y);
                } else {
                    s.restart(s.time(), y);
                }
            }
            steps[warm] = s.steps();
            evaluations[warm] = s.evaluations();
        }
        System.out.printf("BDF over %d jumps: cold restarts %d steps, %d evaluations; warm restarts %d steps, %d "
                + "evaluations%n", jumps, steps[0], evaluations[0], steps[1], evaluations[1]);
        assertThat(evaluations[1]).isLessThan(evaluations[0]);
    }

    @Test
    void aStepBelowTheResolutionOfTimeIsReportedAsSuchWithTheQuantity() {
        // at t = 1e6 one ulp of time is 1.2e-10; a transient of rate 1e9 with atol 1e-14 needs steps of ~1e-14
        OdeStepper s = new BdfMethod().start(TestProblems.decay(1e9), 1e6, new double[] {1}, tol(1e-8, 1e-14));
        assertThatThrownBy(() -> integrate(s, 1e6 + 1)).isInstanceOf(SolverException.class)
                .hasMessageContaining("below the resolution").hasMessageContaining("raise atol");
        // a transient 10^4 times slower, with the usual tolerances, is resolved at the same t
        double[] y = integrate(new BdfMethod().start(TestProblems.decay(1e5), 1e6, new double[] {1}, tol(1e-6, 1e-9)),
                1e6 + 1);
        assertThat(y[0]).isCloseTo(0, within(1e-8));
    }
}
