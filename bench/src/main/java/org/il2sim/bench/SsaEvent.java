package org.il2sim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.il2sim.core.sim.StochasticModel;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.ssa.DirectMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one event of Gillespie's direct method on workload (d), the IL-2 receptor network of one cell (10 species,
 * 21 mass-action reactions), through il2sim's own {@link StochasticModel} as {@code il2sim sbml simulate --method ssa}
 * uses it. Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main SsaEvent}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SsaEvent {

    private StochasticRun run;

    @Setup(Level.Trial)
    public void setUp() {
        StochasticModel system = new StochasticModel(Workloads.oneCell());
        run = new DirectMethod().start(system, 0, system.model().initialState(), new SplittableRandom(1));
    }

    @Benchmark
    public boolean event() {
        return run.fireNext(Double.POSITIVE_INFINITY);
    }
}
