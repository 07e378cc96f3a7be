package org.il2sim.io.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.EventChecks;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.io.sbml.SbmlImporter;
import org.il2sim.models.immune.AcuteInfectionModel;
import org.il2sim.models.immune.LymphNodeModel;
import org.il2sim.models.immune.LymphNodeSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cheap trigger checks ({@link EventChecks}) give bit for bit the trajectories of the reference path, on which every
 * check refreshes the whole state: the same seed gives the same path under ssa, nrm, tau and hybrid, for DSMTS
 * cases with events (time and species triggers), the B5 acute-infection model, the B4 lymph-node model, and a
 * network whose triggers read assignment rules, with a delay and values from trigger time.
 */
class EventCheckEquivalenceTest {

    private static final int SEEDS = 3;
    private static final double MIN = 1;
    private static final double HOUR = 60 * MIN;
    private static final double DAY = 24 * HOUR;

    static Stream<Arguments> dsmtsCases() {
        List<Arguments> out = new ArrayList<>();
        for (String id : List.of("00028", "00029", "00032", "00033")) {
            for (String method : List.of("ssa", "nrm", "tau", Methods.HYBRID)) {
                out.add(Arguments.of(id, method));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "DSMTS {0} under {1}")
    @MethodSource("dsmtsCases")
    void dsmtsCasesWithEvents(String id, String method) {
        Path file = StochasticSuiteTest.STOCHASTIC.resolve(id).resolve(id + "-sbml-l3v1.xml");
        assumeTrue(Files.isRegularFile(file), "DSMTS case not found at " + file.toAbsolutePath().normalize());
        ReactionNetwork n = SbmlImporter.read(file);
        CompiledModel m = CompiledModel.compile(n);
        assertSamePaths(m, method, grid(50, 50), ids(n));
    }

    @Test
    void acuteInfectionUnderSsaAndNrm() {
        ReactionNetwork n = AcuteInfectionModel.build();
        CompiledModel m = CompiledModel.compile(n);
        double[] times = {1.0 * DAY, 1.5 * DAY, 2.0 * DAY, 2.5 * DAY}; // the recruitment event at T_on = 1.5 days
        assertSamePaths(m, "ssa", times, ids(n));
        assertSamePaths(m, "nrm", times, ids(n));
    }

    @Test
    void lymphNodeUnderTauLeaping() {
        ReactionNetwork n = LymphNodeModel.build(LymphNodeSetup.tugOfWar());
        CompiledModel m = CompiledModel.compile(n);
        assertSamePaths(m, "tau", grid(0.5 * HOUR, 6), ids(n));
    }

    @Test
    void lymphNodeWithTheEventInsideTheHorizon() {
        // the foreign antigen cleared at 10 min instead of day 4, so the event fires in a short run
        ReactionNetwork n = org.il2sim.core.network.NetworkEdits.withValue(
                LymphNodeModel.build(LymphNodeSetup.tugOfWar()), "t_foreign_antigen", 10 * MIN);
        CompiledModel m = CompiledModel.compile(n);
        assertSamePaths(m, "tau", grid(0.5 * HOUR, 6), ids(n));
    }

    /**
     * DSMTS 00033: the event resets P2 to 0 as soon as P2 > 30, so no sample may show P2 > 30 (a sample shows the
     * state after the events at its time). Under tau-leaping the leap that lands on an output time changes the counts
     * without counting as a fired reaction; its trigger change must still be seen there, not a moment later.
     */
    @ParameterizedTest(name = "DSMTS 00033 resets P2 at once under {0}")
    @MethodSource("methods")
    void aSpeciesTriggerCrossedOnTheWayToAnOutputTimeFiresThere(String method) {
        Path file = StochasticSuiteTest.STOCHASTIC.resolve("00033").resolve("00033-sbml-l3v1.xml");
        assumeTrue(Files.isRegularFile(file), "DSMTS case not found at " + file.toAbsolutePath().normalize());
        CompiledModel m = CompiledModel.compile(SbmlImporter.read(file));
        List<CompiledModel.Readout> outs = List.of(m.readout("P2", true));
        double[] times = grid(50, 50);
        double largest = 0;
        double sum = 0;
        int replicates = 200;
        for (int seed = 0; seed < replicates; seed++) {
            double[][] rows = run(m, method, times, outs, seed);
            for (double[] row : rows) {
                largest = Math.max(largest, row[0]);
            }
            sum += rows[rows.length - 1][0];
        }
        assertThat(largest).isLessThanOrEqualTo(30);
        assertThat(sum).as("P2 is formed at all").isPositive();
    }

    @ParameterizedTest(name = "rule-read triggers under {0}")
    @MethodSource("methods")
    void triggersThatReadRulesWithDelaysAndTriggerTimeValues(String method) {
        ReactionNetwork n = ruleTriggeredNetwork();
        CompiledModel m = CompiledModel.compile(n);
        assertSamePaths(m, method, grid(20, 40), ids(n));
    }

    static Stream<String> methods() {
        return Stream.of("ssa", "nrm", "tau", Methods.HYBRID);
    }

    /**
     * A birth-death process whose events read an assignment rule of the species (the fraction of a capacity) and
     * time: when the fraction reaches 0.5 the birth rate halves after a delay of 0.5, to the value it had at
     * trigger time; at t >= 10 a second event doubles the death rate. The hybrid method runs B as continuous.
     */
    private static ReactionNetwork ruleTriggeredNetwork() {
        Expr fraction = new Expr.Apply(Op.DIVIDE, new Expr.Sym("A"), new Expr.Sym("capacity"));
        Expr halfFull = new Expr.Apply(Op.GEQ, new Expr.Sym("fill"), new Expr.Num(0.5));
        Expr late = new Expr.Apply(Op.AND, new Expr.Apply(Op.GEQ, new Expr.Time(), new Expr.Num(10)),
                new Expr.Apply(Op.GT, new Expr.Sym("B"), new Expr.Num(0)));
        return new NetworkBuilder("rule-triggers")
                .add(new Compartment("c", "c", 3, 1.0, true))
                .add(new Species("A", "A", "c", 5, Double.NaN, true, false, false, null))
                .add(new Species("B", "B", "c", 0, Double.NaN, true, false, false, null))
                .add(new Parameter("capacity", 60, true))
                .add(new Parameter("birth", 10, false))
                .add(new Parameter("death", 0.1, false))
                .add(new Parameter("fill", 0, false))
                .add(new Rule.Assignment("fill", fraction))
                .add(new Reaction("born", "born", List.of(), List.of(SpeciesReference.of("A", 1)), List.of(),
                        new Expr.Sym("birth"), false, false))
                .add(new Reaction("dies", "dies", List.of(SpeciesReference.of("A", 1)),
                        List.of(SpeciesReference.of("B", 1)), List.of(),
                        new Expr.Apply(Op.TIMES, new Expr.Sym("death"), new Expr.Sym("A")), false, false))
                .add(new Event("half_full", halfFull, false, true, new Expr.Num(0.5), null, true,
                        List.of(new Event.Assignment("birth",
                                new Expr.Apply(Op.TIMES, new Expr.Num(0.5), new Expr.Sym("birth"))))))
                .add(new Event("late", late, false, true, null, null, false,
                        List.of(new Event.Assignment("death",
                                new Expr.Apply(Op.TIMES, new Expr.Num(2), new Expr.Sym("death"))))))
                .build();
    }

    private static double[] grid(double end, int points) {
        double[] t = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            t[i] = end * i / points;
        }
        return t;
    }

    private static List<String> ids(ReactionNetwork n) {
        List<String> out = new ArrayList<>();
        n.species().forEach(s -> out.add(s.id()));
        n.parameters().stream().filter(p -> !p.constant()).forEach(p -> out.add(p.id()));
        return out;
    }

    private static void assertSamePaths(CompiledModel m, String method, double[] times, List<String> ids) {
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : ids) {
            outs.add(m.readout(id, true));
        }
        boolean changed = false;
        for (int seed = 0; seed < SEEDS; seed++) {
            final int s = seed;
            double[][] cheap = run(m, method, times, outs, s);
            double[][] reference = EventChecks.withFullRefresh(() -> run(m, method, times, outs, s));
            assertThat(cheap).as("%s, seed %d", method, seed).isDeepEqualTo(reference);
            changed |= !java.util.Arrays.equals(cheap[0], cheap[cheap.length - 1]);
        }
        assertThat(changed).as("the runs move (the comparison is not of constant rows)").isTrue();
    }

    private static double[][] run(CompiledModel m, String method, double[] times, List<CompiledModel.Readout> outs,
                                  int seed) {
        if (method.equals(Methods.HYBRID)) {
            List<String> continuous = m.network().speciesById().containsKey("B") ? List.of("B") : List.of();
            return HybridTimeCourse.run(new HybridModel(m, continuous, Double.POSITIVE_INFINITY), Tolerances.DEFAULT,
                    times, Ensemble.replicateGenerator(1234, seed), outs);
        }
        return StochasticTimeCourse.run(m, Methods.stochastic(method), times, Ensemble.replicateGenerator(1234, seed),
                outs);
    }
}
