package org.il2sim.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HillFitTest {

    static double[] logspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.pow(b / a, (double) i / (n - 1));
        }
        return x;
    }

    @Test
    void recoversTheParametersOfAnExactHillCurve() {
        double[] x = logspace(4.7e-4, 84, 12);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 5 + (900 - 5) / (1 + Math.pow(0.07 / x[i], 0.8));
        }
        HillFit.Result r = HillFit.fit(x, y);
        assertThat(r.ec50()).isCloseTo(0.07, within(1e-6));
        assertThat(r.hill()).isCloseTo(0.8, within(1e-6));
        assertThat(r.top()).isCloseTo(900, within(1e-4));
        assertThat(r.bottom()).isCloseTo(5, within(1e-4));
        assertThat(r.emax()).isCloseTo(895, within(1e-4));
    }

    @Test
    void aFlatCurveIsNotFitted() {
        double[] x = logspace(1e-3, 10, 8);
        assertThat(HillFit.fit(x, new double[8]).ec50()).isNaN();
    }
}
