package org.il2sim.core.solver.ssa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectMethodTest {

    @Test
    void totalPropensityIsRecomputedAfterCatastrophicCancellation() {
        // F -> (rate 1e13 F, F = 1) fires first; then a0 should drop from 1e13 to the immigration rate 1e-3, but
        // 1e13 + 1e-3 - 1e13 is 0 or 0.002 in doubles (ulp(1e13) = 0.002): without the cancellation guard S would
        // never arrive or arrive twice as often. S(1000) ~ Poisson(1): Z score of the mean over n runs.
        MassAction system = new MassAction("F", "S").reaction("F ->", 1e13).reaction("-> S", 1e-3);
        int n = 4000;
        Ensemble.Result r = new Ensemble(new DirectMethod(), system, 2, false)
                .run(0, new double[] {1, 0}, new double[] {1000}, n, 21);
        assertThat(r.mean()[0][0]).isZero();
        assertThat(Math.abs(Dsmts.z(r.mean()[0][1], 1, 1, n))).isLessThanOrEqualTo(3);
    }

    @Test
    void nameAndRefreshValidation() {
        assertThat(new DirectMethod().name()).isEqualTo("ssa");
        assertThat(new NextReactionMethod().name()).isEqualTo("nrm");
        assertThatThrownBy(() -> new DirectMethod(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextReactionMethod(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
