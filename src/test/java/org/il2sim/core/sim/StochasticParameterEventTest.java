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
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An event that changes a parameter reaches the propensities of every random method (the reproduction from
 * docs/immune.md, open points): X(0) = 0, immigration ∅ → X at rate k, k = 0 until an event at t = 1 sets it to
 * K. Then X(t) = 0 for t < 1 and X(2) is Poisson with mean K (independent increments of a Poisson process of rate
 * K on (1, 2]); with X continuous in the hybrid method, X(2) = K exactly.
 */
class StochasticParameterEventTest {

    private static final double K = 100;
    private static final int REPLICATES = 400;
    private static final double[] TIMES = {0.5, 0.999, 2};

    private static ReactionNetwork network() {
        Expr trigger = new Expr.Apply(Op.GEQ, new Expr.Time(), new Expr.Num(1));
        return new NetworkBuilder("parameter-event")
                .add(new Compartment("c", "c", 3, 1.0, true))
                .add(new Species("X", "X", "c", 0, Double.NaN, true, false, false, null))
                .add(new Parameter("k", 0, false))
                .add(new Reaction("in", "in", List.of(), List.of(SpeciesReference.of("X", 1)), List.of(),
                        new Expr.Sym("k"), false, false))
                .add(new Event("switch_on", trigger, false, true, null, null, true,
                        List.of(new Event.Assignment("k", new Expr.Num(K)))))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssa", "nrm", "tau", "hybrid"})
    void aParameterSetByAnEventDrivesTheReaction(String method) {
        CompiledModel model = CompiledModel.compile(network());
        List<CompiledModel.Readout> outs = List.of(model.readout("X", true), model.readout("k", true));
        StochasticModel system = method.equals(Methods.HYBRID) ? null : new StochasticModel(model);
        HybridModel hybrid = system == null ? HybridModel.allDiscrete(model) : null;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < REPLICATES; r++) {
            double[][] rows;
            if (system == null) {
                rows = HybridTimeCourse.run(hybrid, Tolerances.DEFAULT, TIMES, Ensemble.replicateGenerator(7, r), outs);
            } else {
                GridRecorder rec = new GridRecorder(TIMES.length, outs);
                StochasticTimeCourse.run(system, Methods.stochastic(method), TIMES, Ensemble.replicateGenerator(7, r),
                        rec);
                rows = rec.rows();
            }
            assertThat(rows[0][0]).as("X before the event").isZero();
            assertThat(rows[1][0]).as("X just before the event").isZero();
            assertThat(rows[2][1]).as("k after the event").isEqualTo(K);
            sum += rows[2][0];
            sumSq += rows[2][0] * rows[2][0];
        }
        double mean = sum / REPLICATES;
        double variance = (sumSq - REPLICATES * mean * mean) / (REPLICATES - 1);
        System.out.printf("%s: X(2) mean %.2f, variance %.1f over %d replicates (Poisson: %s)%n", method, mean,
                variance, REPLICATES, K);
        // Poisson(K): mean K, variance K; the mean within 4 standard errors, the variance within 30 %
        assertThat(mean).isCloseTo(K, within(4 * Math.sqrt(K / REPLICATES)));
        assertThat(variance).isCloseTo(K, within(0.3 * K));
    }

    @Test
    void aContinuousSpeciesFollowsTheParameterInTheHybridMethod() {
        CompiledModel model = CompiledModel.compile(network());
        HybridModel hybrid = new HybridModel(model, List.of("X"), Double.POSITIVE_INFINITY);
        double[][] rows = HybridTimeCourse.run(hybrid, new Tolerances(1e-8, 1e-10, 1_000_000,
                Double.POSITIVE_INFINITY), TIMES, Ensemble.replicateGenerator(7, 0), List.of(model.readout("X", true)));
        assertThat(rows[1][0]).isCloseTo(0, within(1e-9));
        assertThat(rows[2][0]).isCloseTo(K * (2 - 1), within(K * 1e-6));
    }
}
