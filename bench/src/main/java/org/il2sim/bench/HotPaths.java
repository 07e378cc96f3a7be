package org.il2sim.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.ModelState;
import org.il2sim.core.solver.OdeStepper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the hot paths: rate evaluation (the ODE right-hand side), the analytic Jacobian (dense and
 * entry by entry) and one BDF step; {@link SsaEvent} times one SSA event. Run from the repository root after building the bench module:
 * <pre>
 *   (cd bench &amp;&amp; mvn -q package -DskipTests)
 *   java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main HotPaths
 * </pre>
 * The model parameter: {@code fallon} is workload (b) (8 states, rate rules and piecewise rules; the SBML file is
 * taken from {@code -Dbench.fallon=PATH}, default ../shared/data/biomodels/MODEL1006230001.xml), {@code clones160}
 * is workload (c) at 160 cells (1,441 species, 3,360 reactions, sparse).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPaths {

    @Param({"fallon", "clones160"})
    public String model;

    private CompiledModel compiled;
    private ModelState state;
    private double[] y;
    private double[] dydt;
    private double[] dense;
    private double sinkSum;
    private OdeStepper stepper;
    private double tEnd;

    @Setup(Level.Trial)
    public void setUp() {
        Workloads.Solve s = model.equals("fallon")
                ? Workloads.fallon(Path.of(System.getProperty("bench.fallon",
                        "../shared/data/biomodels/MODEL1006230001.xml")))
                : Workloads.large(160);
        compiled = s.model();
        state = compiled.newState(0);
        y = compiled.initialState();
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] == 0 ? 1.0 + i % 7 : y[i] * 1.01; // off the initial zeros, so all rates are non-trivial
        }
        dydt = new double[y.length];
        dense = y.length <= 1000 ? new double[y.length * y.length] : null;
        tEnd = s.times()[s.times().length - 1];
        stepper = Methods.defaultOde().start(state, 0, compiled.initialState(), s.tolerances());
    }

    /** The right-hand side: refresh (rules, rate laws) and the stoichiometric sum. */
    @Benchmark
    public double rates() {
        state.derivatives(1.0, y, dydt);
        return dydt[0];
    }

    /** The analytic Jacobian as the sparse solver takes it (entry by entry). */
    @Benchmark
    public double jacobianSparse() {
        sinkSum = 0;
        state.sparseJacobian(1.0, y, (r, c, v) -> sinkSum += v);
        return sinkSum;
    }

    /** The analytic Jacobian into a dense n x n array (small models only). */
    @Benchmark
    public double jacobianDense() {
        if (dense == null) {
            return 0;
        }
        state.jacobian(1.0, y, dense);
        return dense[0];
    }

    /** One BDF step (predict, Newton, error test, step and order choice) along the workload's trajectory. */
    @Benchmark
    public double bdfStep() {
        if (stepper.time() >= tEnd) {
            stepper.restart(0, compiled.initialState());
        }
        return stepper.step(tEnd);
    }
}
