package org.il2sim.core.solver.ssa;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;

/**
 * Events per second of the exact methods on a 20-reaction, 9-species IL-2 receptor assembly network (ligand binding
 * to IL-2Ra and IL-2Rb, assembly with the common gamma chain, receptor synthesis and internalization), counts in the
 * hundreds to thousands. Not a test: run with
 * {@code java -cp target/classes:target/test-classes:<hipparchus-core jar> org.il2sim.core.solver.ssa.SsaBenchmark}.
 * The time includes the fixture's own propensity function ({@link MassAction}).
 */
public final class SsaBenchmark {

    static MassAction receptorNetwork() {
        return new MassAction("IL2", "Ra", "Rb", "g", "IL2Ra", "IL2Rb", "IL2RaRb", "IL2RaRbg", "IL2Rbg")
                .reaction("IL2 + Ra -> IL2Ra", 1e-3)
                .reaction("IL2Ra -> IL2 + Ra", 0.5)
                .reaction("IL2 + Rb -> IL2Rb", 2e-4)
                .reaction("IL2Rb -> IL2 + Rb", 0.2)
                .reaction("IL2Ra + Rb -> IL2RaRb", 5e-3)
                .reaction("IL2RaRb -> IL2Ra + Rb", 0.1)
                .reaction("IL2Rb + Ra -> IL2RaRb", 5e-3)
                .reaction("IL2RaRb -> IL2Rb + Ra", 0.1)
                .reaction("IL2RaRb + g -> IL2RaRbg", 5e-3)
                .reaction("IL2RaRbg -> IL2RaRb + g", 0.05)
                .reaction("IL2Rb + g -> IL2Rbg", 5e-3)
                .reaction("IL2Rbg -> IL2Rb + g", 0.05)
                .reaction("-> Ra", 20)
                .reaction("-> Rb", 10)
                .reaction("-> g", 10)
                .reaction("Ra ->", 0.01)
                .reaction("Rb ->", 0.01)
                .reaction("g ->", 0.01)
                .reaction("IL2RaRbg ->", 0.02)
                .reaction("IL2Rbg ->", 0.02);
    }

    static final double[] X0 = {5000, 2000, 1000, 1000, 0, 0, 0, 0, 0};

    public static void main(String[] args) {
        MassAction network = receptorNetwork();
        double horizon = args.length > 0 ? Double.parseDouble(args[0]) : 200_000;
        StochasticMethod[] methods = {new DirectMethod(), new NextReactionMethod()};
        RandomGeneratorFactory<RandomGenerator> factory = RandomGeneratorFactory.of(Ensemble.ALGORITHM);
        double[] grid = new double[100];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = horizon / 10 * (k + 1) / grid.length;
        }
        for (int round = 0; round < 3; round++) { // round 0 warms up the JIT
            for (StochasticMethod method : methods) {
                StochasticRun run = method.start(network, 0, X0, factory.create(round));
                long start = System.nanoTime();
                for (int k = 1; k <= 100; k++) {
                    run.advanceTo(horizon * k / 100);
                }
                report(round, method.name() + " single run", run.events(), start);
            }
            for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
                for (StochasticMethod method : methods) {
                    long start = System.nanoTime();
                    Ensemble.Result r = new Ensemble(method, network, threads, false).run(0, X0, grid, 32, round);
                    report(round, method.name() + " ensemble of 32, " + threads + " thread(s)", r.events(), start);
                }
            }
        }
        // the same single run with SplittableRandom, to separate generator cost from method cost
        StochasticRun run = new DirectMethod().start(network, 0, X0, new SplittableRandom(1));
        long start = System.nanoTime();
        run.advanceTo(horizon);
        report(3, "ssa single run, SplittableRandom", run.events(), start);
    }

    private static void report(int round, String what, long events, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        System.out.printf("round %d %-36s %,12d events in %6.3f s: %5.1f million events/s%n", round, what, events,
                seconds, events / seconds * 1e-6);
    }
}
