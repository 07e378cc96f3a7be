package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;

/**
 * A reversible reaction with a net-rate law (kf A - kr B) runs as two channels: A <=> B with N molecules has the
 * binomial stationary law Bin(N, kf / (kf + kr)) for B, so the mean and variance are exact references.
 */
class StochasticReversibleTest {

    static ReactionNetwork isomerisation(Expr law, boolean reversible) {
        return new NetworkBuilder("iso")
                .add(new Compartment("c", "c", 3, 1, true))
                .add(new Species("A", "A", "c", 100, Double.NaN, true, false, false, null))
                .add(new Species("B", "B", "c", 0, Double.NaN, true, false, false, null))
                .add(new Parameter("kf", 2, true)).add(new Parameter("kr", 3, true))
                .add(new Reaction("iso", "iso", List.of(SpeciesReference.of("A", 1)), List.of(SpeciesReference.of("B", 1)),
                        List.of(), law, reversible, false))
                .build();
    }

    @Test
    void netRateLawsSplitIntoForwardAndReverseChannels() {
        Expr law = new Expr.Apply(Op.MINUS, new Expr.Apply(Op.TIMES, new Expr.Sym("kf"), new Expr.Sym("A")),
                new Expr.Apply(Op.TIMES, new Expr.Sym("kr"), new Expr.Sym("B")));
        CompiledModel model = CompiledModel.compile(isomerisation(law, true));
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < n; r++) {
            double[][] rows = StochasticTimeCourse.run(model, new DirectMethod(), new double[] {10},
                    Ensemble.replicateGenerator(7, r), List.of(model.readout("B", true)));
            sum += rows[0][0];
            sumSq += rows[0][0] * rows[0][0];
        }
        double mean = sum / n;
        double var = (sumSq - n * mean * mean) / (n - 1);
        double p = 2.0 / 5;
        double mu = 100 * p;
        double sigma2 = 100 * p * (1 - p);
        // Z within 4 and variance within 15% (its sampling sd here is about 2.2%)
        assertThat(Math.abs(mean - mu) / Math.sqrt(sigma2 / n)).isLessThan(4);
        assertThat(var / sigma2).isBetween(0.85, 1.15);
    }

    @Test
    void aReversibleLawThatIsNotADifferenceIsRefused() {
        Expr law = new Expr.Apply(Op.TIMES, new Expr.Sym("kf"), new Expr.Sym("A"));
        CompiledModel model = CompiledModel.compile(isomerisation(law, true));
        assertThatThrownBy(() -> new StochasticModel(model)).isInstanceOf(ModelException.class)
                .hasMessageContaining("forward - reverse");
    }

    @Test
    void aParameterSetByAnEventReachesThePropensities() {
        ReactionNetwork n = new NetworkBuilder("switch")
                .add(new Compartment("c", "c", 3, 1, true))
                .add(new Species("A", "A", "c", 0, Double.NaN, true, false, false, null))
                .add(new Parameter("k", 0, false))
                .add(new Reaction("birth", "birth", List.of(), List.of(SpeciesReference.of("A", 1)), List.of(),
                        new Expr.Sym("k"), false, false))
                .add(new org.il2sim.core.network.Event("on", new Expr.Apply(Op.GEQ, new Expr.Time(), new Expr.Num(1)),
                        false, true, null, null, true, List.of(new org.il2sim.core.network.Event.Assignment("k",
                        new Expr.Num(100)))))
                .build();
        CompiledModel model = CompiledModel.compile(n);
        double sum = 0;
        int reps = 200;
        for (int r = 0; r < reps; r++) {
            double[][] rows = StochasticTimeCourse.run(model, new DirectMethod(), new double[] {0.999, 2},
                    Ensemble.replicateGenerator(3, r), List.of(model.readout("A", true)));
            assertThat(rows[0][0]).isZero(); // nothing before the switch
            sum += rows[1][0];
        }
        // after the switch: Poisson with mean 100 per replicate; the mean of 200 has sd 0.7
        assertThat(sum / reps).isBetween(97.0, 103.0);
    }
}
