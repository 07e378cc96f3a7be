package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.junit.jupiter.api.Test;

/** The mass-action fast path of {@link StochasticModel} gives the compiled rate laws' values bit for bit. */
class StochasticModelTest {

    private static Expr sym(String id) {
        return new Expr.Sym(id);
    }

    private static Reaction reaction(String id, List<String> reactants, Expr rate) {
        return new Reaction(id, id, reactants.stream().map(s -> SpeciesReference.of(s, 1)).toList(),
                List.of(SpeciesReference.of("C", 1)), List.of(), rate, false, false);
    }

    @Test
    void fastPathMatchesTheCompiledRateLaws() {
        NetworkBuilder b = new NetworkBuilder("m")
                .add(new Compartment("cell", "cell", 3, 2.5, true))
                .add(new Species("A", "A", "cell", 100, Double.NaN, true, false, false, null))
                .add(new Species("B", "B", "cell", 30, Double.NaN, true, false, false, null))
                .add(new Species("C", "C", "cell", 0, Double.NaN, true, false, false, null))
                .add(new Species("D", "D", "cell", 7, Double.NaN, false, false, false, null)) // a concentration
                .add(new Parameter("k1", 0.37, true))
                .add(new Parameter("k2", 1.3e-3, true));
        b.add(reaction("r1", List.of("A", "B"), new Expr.Apply(Op.TIMES, sym("k1"), sym("A"), sym("B"))));
        b.add(reaction("r2", List.of("A"), new Expr.Apply(Op.TIMES, sym("k2"), sym("cell"), sym("A"))));
        b.add(reaction("r3", List.of(), new Expr.Apply(Op.TIMES, new Expr.Num(2.5), sym("k1"))));
        b.add(reaction("r4", List.of("A"), new Expr.Apply(Op.TIMES, sym("A"), sym("k2")))); // constant last
        b.add(reaction("r5", List.of("D"), new Expr.Apply(Op.TIMES, sym("k1"), sym("D")))); // D/size: general path
        b.add(reaction("r6", List.of("A"), new Expr.Apply(Op.DIVIDE, sym("A"), sym("k1"))));
        b.add(reaction("r7", List.of("A", "A"), new Expr.Apply(Op.TIMES, sym("k2"), sym("A"),
                new Expr.Apply(Op.MINUS, sym("A"), new Expr.Num(1)))));
        CompiledModel model = CompiledModel.compile(b.build());
        StochasticModel fast = new StochasticModel(model);
        ModelState reference = model.newState(0);
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = model.initialState();
        for (int trial = 0; trial < 200; trial++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextInt(0, 5000);
            }
            reference.refresh(0, x);
            for (int j = 0; j < model.reactionSlot.length; j++) {
                double expected = Math.max(0, reference.values()[model.reactionSlot[j]]);
                assertThat(fast.propensity(j, x, 0)).as("reaction %d at %s", j, java.util.Arrays.toString(x))
                        .isEqualTo(expected);
            }
        }
    }
}
