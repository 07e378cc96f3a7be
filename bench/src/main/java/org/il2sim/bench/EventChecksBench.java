package org.il2sim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.EventChecks;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.models.immune.AcuteInfectionModel;
import org.il2sim.models.immune.LymphNodeModel;
import org.il2sim.models.immune.LymphNodeSetup;

/**
 * Cheap trigger checks against the full-refresh reference path ({@link EventChecks#withFullRefresh}) in one JVM:
 * runs a stochastic workload with events alternately on both paths, checks that the outputs are identical, and
 * prints the median wall time of each and their ratio. Workloads: {@code b4-tau} (the lymph-node model, B4,
 * tau-leaping, one replicate to {@code hours}) and {@code b5-ssa} (acute infection, SSA to day 2.5).
 *
 * <p>Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.il2sim.bench.EventChecksBench b4-tau 2 3}
 * (workload, hours, rounds; a fourth argument {@code cheap-only} times the cheap path alone).
 */
public final class EventChecksBench {

    private EventChecksBench() {
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "b4-tau";
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean compare = !(args.length > 3 && args[3].equals("cheap-only"));
        boolean b4 = workload.equals("b4-tau");
        ReactionNetwork n = b4 ? LymphNodeModel.build(LymphNodeSetup.tugOfWar()) : AcuteInfectionModel.build();
        CompiledModel m = CompiledModel.compile(n);
        String method = b4 ? "tau" : "ssa";
        double end = b4 ? hours * 60 : 2.5 * 24 * 60;
        double[] times = new double[13];
        for (int i = 0; i < times.length; i++) {
            times[i] = end * i / (times.length - 1);
        }
        List<CompiledModel.Readout> outs = new ArrayList<>();
        n.species().forEach(s -> outs.add(m.readout(s.id(), true)));
        double[] cheap = new double[rounds];
        double[] full = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            final int seed = r;
            long t0 = System.nanoTime();
            double[][] a = StochasticTimeCourse.run(m, Methods.stochastic(method), times,
                    Ensemble.replicateGenerator(2014L, seed), outs);
            cheap[r] = (System.nanoTime() - t0) / 1e9;
            if (!compare) {
                System.out.printf("round %d: cheap %.2f s%n", r, cheap[r]);
                continue;
            }
            t0 = System.nanoTime();
            double[][] b = EventChecks.withFullRefresh(() -> StochasticTimeCourse.run(m, Methods.stochastic(method),
                    times, Ensemble.replicateGenerator(2014L, seed), outs));
            full[r] = (System.nanoTime() - t0) / 1e9;
            if (!Arrays.deepEquals(a, b)) {
                throw new IllegalStateException("paths differ for seed " + seed);
            }
            System.out.printf("round %d: cheap %.2f s, full refresh %.2f s%n", r, cheap[r], full[r]);
        }
        if (!compare) {
            return;
        }
        double mc = median(cheap);
        double mf = median(full);
        System.out.printf("%s to %.3g h: median cheap %.2f s, full refresh %.2f s, ratio full/cheap %.2f (identical"
                + " outputs)%n", workload, end / 60, mc, mf, mf / mc);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
