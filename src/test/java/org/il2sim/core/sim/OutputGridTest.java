package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.junit.jupiter.api.Test;

/** An output grid that goes back in time is refused by every driver (it used to make the ODE driver loop forever). */
class OutputGridTest {

    static CompiledModel decay() {
        return CompiledModel.compile(new NetworkBuilder("decay")
                .add(new Compartment("c", "c", 3, 1.0, true))
                .add(new Species("A", "A", "c", 10.0, Double.NaN, true, false, false, null))
                .add(new Parameter("k", 0.1, true))
                .add(new Reaction("d", "d", List.of(SpeciesReference.of("A", 1)), List.of(), List.of(),
                        new Expr.Apply(org.il2sim.core.expr.Op.TIMES, new Expr.Sym("k"), new Expr.Sym("A")), false,
                        false))
                .build());
    }

    @Test
    void gridsThatAreNotIncreasingAreRefusedByEveryDriver() {
        CompiledModel m = decay();
        List<CompiledModel.Readout> out = List.of(m.readout("A", true));
        for (double[] bad : List.of(new double[] {60, 30}, new double[] {0, 5, 5}, new double[] {-1, 2},
                new double[] {0, Double.NaN}, new double[] {0, Double.POSITIVE_INFINITY})) {
            assertThatThrownBy(() -> TimeCourse.run(m, Methods.defaultOde(), Tolerances.DEFAULT, bad, out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
            assertThatThrownBy(() -> StochasticTimeCourse.run(m, new DirectMethod(), bad,
                    new java.util.SplittableRandom(1), out))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> OutputGrid.checkIncreasing(new double[] {60, 30}))
                .hasMessage("output times must be finite, >= 0 and increasing; time 2 is 30.0 after 60.0");
        assertThatCode(() -> OutputGrid.checkIncreasing(new double[] {0, 1e-9, 5})).doesNotThrowAnyException();
    }
}
