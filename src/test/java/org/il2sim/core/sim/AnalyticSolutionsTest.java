package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.Tolerances;
import org.junit.jupiter.api.Test;

/** Networks with exact solutions, run through compilation and the default ODE method. */
class AnalyticSolutionsTest {

    static final OdeMethod METHOD = Methods.defaultOde();
    static final Tolerances TOL = new Tolerances(1e-10, 1e-14, 1_000_000, Double.POSITIVE_INFINITY);

    private static Expr sym(String s) {
        return new Expr.Sym(s);
    }

    /** Reversible binding L + R <=> C in a 2-litre compartment: conserved totals and the exact equilibrium. */
    @Test
    void reversibleBindingReachesTheExactEquilibrium() {
        double kon = 2;
        double koff = 1;
        ReactionNetwork n = new NetworkBuilder("binding")
                .add(new Compartment("cell", "cell", 3, 2.0, true))
                .add(new Species("L", "L", "cell", Double.NaN, 1.0, false, false, false, null))
                .add(new Species("R", "R", "cell", Double.NaN, 0.5, false, false, false, null))
                .add(new Species("C", "C", "cell", Double.NaN, 0.0, false, false, false, null))
                .add(new Parameter("kon", kon, true)).add(new Parameter("koff", koff, true))
                .add(new Reaction("bind", "bind", List.of(SpeciesReference.of("L", 1), SpeciesReference.of("R", 1)),
                        List.of(SpeciesReference.of("C", 1)), List.of(),
                        new Expr.Apply(Op.TIMES, sym("cell"), new Expr.Apply(Op.MINUS,
                                new Expr.Apply(Op.TIMES, sym("kon"), sym("L"), sym("R")),
                                new Expr.Apply(Op.TIMES, sym("koff"), sym("C")))), true, false))
                .build();
        CompiledModel m = CompiledModel.compile(n);
        double[][] out = TimeCourse.run(m, METHOD, TOL, new double[] {0, 50},
                List.of(m.readout("L", false), m.readout("R", false), m.readout("C", false)));
        // Equilibrium: kon (1 - c)(0.5 - c) = koff c  =>  2c^2 - 4c + 1 = 0, root below 0.5.
        double c = (4 - Math.sqrt(16 - 8)) / 4;
        assertThat(out[1][2]).isCloseTo(c, within(1e-8));
        assertThat(out[1][0] + out[1][2]).isCloseTo(1.0, within(1e-10));
        assertThat(out[1][1] + out[1][2]).isCloseTo(0.5, within(1e-10));
    }

    /** rateOf a concentration in a growing compartment: d[S]/dt = (dS/dt)/C - [S]/C dC/dt (SBML case 01822). */
    @Test
    void rateOfAConcentrationFollowsAChangingCompartment() {
        ReactionNetwork n = new NetworkBuilder("rateof")
                .add(new Compartment("C", "C", 3, 2.0, false))
                .add(new Species("S", "S", "C", 1.0, Double.NaN, false, false, false, null))
                .add(new Parameter("x", Double.NaN, false))
                .add(new Reaction("J", "J", List.of(), List.of(SpeciesReference.of("S", 1)), List.of(),
                        new Expr.Num(2), false, false))
                .add(new Rule.Rate("C", new Expr.Num(1.3)))
                .add(new Rule.Assignment("x", new Expr.Apply(Op.RATE_OF, sym("S"))))
                .build();
        CompiledModel m = CompiledModel.compile(n);
        double[] times = {0, 1, 2};
        double[][] out = TimeCourse.run(m, METHOD, TOL, times, List.of(m.readout("x", false)));
        for (int i = 0; i < times.length; i++) {
            double c = 2 + 1.3 * times[i];
            double conc = (1 + 2 * times[i]) / c;
            assertThat(out[i][0]).isCloseTo(2 / c - conc / c * 1.3, within(1e-9));
        }
    }

    /** Exponential decay with a rate rule on a parameter, an assignment rule, and an event that resets the state. */
    @Test
    void decayRulesAndAnEvent() {
        ReactionNetwork n = new NetworkBuilder("decay")
                .add(new Compartment("c", "c", 3, 1.0, true))
                .add(new Species("A", "A", "c", 10.0, Double.NaN, false, false, false, null))
                .add(new Parameter("k", 0.5, true))
                .add(new Parameter("p", 0.0, false))
                .add(new Parameter("twiceA", Double.NaN, false))
                .add(new Reaction("decay", "decay", List.of(SpeciesReference.of("A", 1)), List.of(), List.of(),
                        new Expr.Apply(Op.TIMES, sym("k"), sym("A")), false, false))
                .add(new Rule.Rate("p", new Expr.Num(3)))
                .add(new Rule.Assignment("twiceA", new Expr.Apply(Op.TIMES, new Expr.Num(2), sym("A"))))
                .add(new Event("reset", new Expr.Apply(Op.GEQ, new Expr.Time(), new Expr.Num(2)), true, true, null, null,
                        true, List.of(new Event.Assignment("A", new Expr.Num(10)))))
                .build();
        CompiledModel m = CompiledModel.compile(n);
        double[] times = {0, 1, 2, 3};
        double[][] out = TimeCourse.run(m, METHOD, TOL, times,
                List.of(m.readout("A", false), m.readout("p", false), m.readout("twiceA", false)));
        assertThat(out[1][0]).isCloseTo(10 * Math.exp(-0.5), within(1e-8));
        assertThat(out[2][0]).isCloseTo(10.0, within(1e-8)); // the event fired at t = 2
        assertThat(out[3][0]).isCloseTo(10 * Math.exp(-0.5), within(1e-7));
        assertThat(out[3][1]).isCloseTo(9.0, within(1e-9));
        assertThat(out[3][2]).isCloseTo(2 * out[3][0], within(1e-12));
    }

    @Test
    void cyclicAssignmentRulesAreRefusedWithTheCycle() {
        NetworkBuilder b = new NetworkBuilder("cyclic")
                .add(new Parameter("a", Double.NaN, false)).add(new Parameter("b", Double.NaN, false))
                .add(new Rule.Assignment("a", sym("b"))).add(new Rule.Assignment("b", sym("a")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompiledModel.compile(b.build()))
                .isInstanceOf(ModelException.class).hasMessageContaining("cycle");
    }

    @Test
    void withValuesChangesDeclaredValuesAndWhatDependsOnThemWithoutRecompiling() {
        ReactionNetwork n = new NetworkBuilder("decay2")
                .add(new Compartment("c", "c", 3, 1.0, true))
                .add(new Species("A", "A", "c", 10.0, Double.NaN, false, false, false, null))
                .add(new Parameter("k", 0.5, true))
                .add(new Parameter("k2", Double.NaN, true))
                .add(new org.il2sim.core.network.InitialAssignment("k2", new Expr.Apply(Op.TIMES, new Expr.Num(2), sym("k"))))
                .add(new Reaction("decay", "decay", List.of(SpeciesReference.of("A", 1)), List.of(), List.of(),
                        new Expr.Apply(Op.TIMES, sym("k2"), sym("A")), false, false))
                .build();
        CompiledModel base = CompiledModel.compile(n);
        CompiledModel changed = base.withValues(java.util.Map.of("k", 0.1, "A", 4.0));
        double[][] out = TimeCourse.run(changed, METHOD, TOL, new double[] {0, 1}, List.of(changed.readout("A", false)));
        assertThat(out[0][0]).isEqualTo(4.0);
        assertThat(out[1][0]).isCloseTo(4 * Math.exp(-0.2), within(1e-8)); // k2 = 2 k follows the new k
        assertThat(base.initialValue("k2")).isEqualTo(1.0); // the original is untouched
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> base.withValues(java.util.Map.of("k2", 1.0)))
                .isInstanceOf(ModelException.class).hasMessageContaining("cannot be set");
    }
}
