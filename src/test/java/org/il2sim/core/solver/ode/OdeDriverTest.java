package org.il2sim.core.solver.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OdeDriverTest {

    private static final Tolerances TOL = new Tolerances(1e-10, 1e-14, 1_000_000, Double.POSITIVE_INFINITY);

    static List<OdeMethod> methods() {
        return List.of(new BdfMethod(), new DormandPrince853Method());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void writesTheOutputGrid(OdeMethod method) {
        double[] times = {0, 0, 0.1, 0.5, 0.5, 1, 2.5, 4};
        double[][] out = new double[times.length][1];
        OdeDriver.Result r = new OdeDriver(method, TOL).integrate(TestProblems.decay(1), 0, new double[] {1}, times,
                out);
        assertThat(r.outputs()).isEqualTo(times.length);
        assertThat(r.stopped()).isFalse();
        assertThat(r.time()).isEqualTo(4.0);
        for (int k = 0; k < times.length; k++) {
            assertThat(out[k][0]).isCloseTo(Math.exp(-times[k]), within(1e-8));
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void findsTheRootOfAContinuousFunction(OdeMethod method) {
        List<Double> roots = new ArrayList<>();
        OdeDriver.Result r = new OdeDriver(method, TOL).integrate(TestProblems.decay(1), 0, new double[] {1},
                new double[] {3}, (i, t, y) -> { }, RootFunctions.of((t, y) -> y[0] - 0.5), (t, y, which) -> {
                    assertThat(which[0]).isTrue();
                    assertThat(y[0]).isCloseTo(0.5, within(1e-11)); // the root of the dense output, to 1e-12 in t
                    roots.add(t);
                    return RootAction.CONTINUE;
                });
        assertThat(roots).hasSize(1);
        assertThat(roots.get(0)).isCloseTo(Math.log(2), within(1e-8)); // limited by the solution's accuracy
        assertThat(r.roots()).isEqualTo(1);
        assertThat(r.state()[0]).isCloseTo(Math.exp(-3), within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void findsTheSwitchTimeOfADiscontinuousTrigger(OdeMethod method) {
        // a boolean trigger "y < 0.5" encoded as ±1
        double[] found = {Double.NaN};
        OdeDriver.Result r = new OdeDriver(method, TOL).integrate(TestProblems.decay(1), 0, new double[] {1},
                new double[] {3}, (i, t, y) -> { }, RootFunctions.of((t, y) -> y[0] < 0.5 ? 1 : -1), (t, y, which) -> {
                    found[0] = t;
                    return RootAction.STOP;
                });
        assertThat(r.stopped()).isTrue();
        assertThat(found[0]).isCloseTo(Math.log(2), within(1e-8));
        assertThat(r.time()).isEqualTo(found[0]);
        // bracketed to 1e-12 in t although g jumps: the state is on the switching surface
        assertThat(r.state()[0]).isLessThanOrEqualTo(0.5).isCloseTo(0.5, within(1e-11));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void detectsBothDirectionsAndReportsWhichFunctionsChanged(OdeMethod method) {
        // y = (cos t, -sin t): g0 = y0 crosses zero at pi/2 (down) and 3pi/2 (up); g1 = t - 2 once at t = 2
        OdeSystem osc = new OdeSystem() {
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
        RootFunctions g = new RootFunctions() {
            @Override
            public int count() {
                return 2;
            }

            @Override
            public void evaluate(double t, double[] y, double[] out) {
                out[0] = y[0];
                out[1] = t - 2;
            }
        };
        List<double[]> events = new ArrayList<>();
        new OdeDriver(method, TOL).integrate(osc, 0, new double[] {1, 0}, new double[] {6}, (i, t, y) -> { }, g,
                (t, y, which) -> {
                    events.add(new double[] {t, which[0] ? 1 : 0, which[1] ? 1 : 0});
                    return RootAction.CONTINUE;
                });
        assertThat(events).hasSize(3);
        assertThat(events.get(0)[0]).isCloseTo(Math.PI / 2, within(1e-8));
        assertThat(events.get(0)).containsExactly(events.get(0)[0], 1, 0);
        assertThat(events.get(1)[0]).isCloseTo(2.0, within(1e-10));
        assertThat(events.get(1)).containsExactly(events.get(1)[0], 0, 1);
        assertThat(events.get(2)[0]).isCloseTo(3 * Math.PI / 2, within(1e-8));
        assertThat(events.get(2)).containsExactly(events.get(2)[0], 1, 0);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void handlerCanModifyTheStateAndGridPointsBeforeTheRootKeepTheOldState(OdeMethod method) {
        // dosing: when y falls to 0.5, add 1; the output grid straddles the event
        double[] times = {0.5, 1.0, 2.0};
        double[][] out = new double[3][1];
        OdeDriver.Result r = new OdeDriver(method, TOL).integrate(TestProblems.decay(1), 0, new double[] {1}, times,
                out, RootFunctions.of((t, y) -> y[0] - 0.5), (t, y, which) -> {
                    y[0] += 1;
                    return RootAction.CONTINUE;
                });
        double ln2 = Math.log(2);
        assertThat(out[0][0]).isCloseTo(Math.exp(-0.5), within(1e-8));
        assertThat(out[1][0]).isCloseTo(1.5 * Math.exp(-(1.0 - ln2)), within(1e-8));
        // 1.5 e^{-(t - ln 2)} = 0.5 again at t = ln 2 + ln 3 = ln 6: a second dose
        double ln6 = Math.log(6);
        assertThat(out[2][0]).isCloseTo(1.5 * Math.exp(-(2.0 - ln6)), within(1e-7));
        assertThat(r.roots()).isEqualTo(2);
        assertThat(r.state()[0]).isCloseTo(1.5 * Math.exp(-(2.0 - ln6)), within(1e-7));
    }
}
