package org.il2sim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.il2sim.core.network.Species;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.StochasticModel;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.StochasticRun;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.DirectMethod;

/**
 * The Java side of bench/compare: exports the workloads for the C and Python references and times il2sim on them in
 * a warm JVM (after JIT warm-up), single-threaded. Output is line-oriented ("key value ..." lines) for the script.
 *
 * <pre>
 *   Compare export DIR FALLON.xml K1,K2  C, Python and flat mass-action files of the workloads
 *   Compare ode fallon FALLON.xml SECONDS   time TimeCourse.run on (b)
 *   Compare ode gammachain - SECONDS     time the (a) panel, or say it is not available
 *   Compare scaling SECONDS K1,K2,...    time (c) at several sizes
 *   Compare ssa SECONDS                  events per second of the direct method on (d)
 * </pre>
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "export" -> export(Path.of(args[1]), Path.of(args[2]), args[3]);
            case "ode" -> ode(args[1], args[2], Double.parseDouble(args[3]));
            case "scaling" -> scaling(Double.parseDouble(args[1]), args[2]);
            case "ssa" -> ssa(Double.parseDouble(args[1]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void export(Path dir, Path fallon, String sizes) throws IOException {
        Files.createDirectories(dir);
        FlatExport f = new FlatExport(Workloads.fallon(fallon).model());
        Files.writeString(dir.resolve("fallon.c"), f.c());
        Files.writeString(dir.resolve("fallon.py"), f.python());
        FlatExport one = new FlatExport(Workloads.oneCell());
        Files.writeString(dir.resolve("onecell.txt"), one.massAction());
        Files.writeString(dir.resolve("onecell.c"), one.c());
        Files.writeString(dir.resolve("onecell.py"), one.python());
        for (String k : sizes.split(",")) {
            FlatExport large = new FlatExport(Workloads.large(Integer.parseInt(k)).model());
            Files.writeString(dir.resolve("clones_" + k + ".c"), large.c());
        }
        List<Workloads.Solve> panel = Workloads.gammaChainPanel();
        if (panel != null && !panel.isEmpty()) {
            // the panel's solves share one network structure; the reference solvers run its first solve
            FlatExport g = new FlatExport(panel.get(0).model());
            Files.writeString(dir.resolve("gammachain.c"), g.c());
            Files.writeString(dir.resolve("gammachain.py"), g.python());
        }
        System.out.println("exported to " + dir);
    }

    // ---- ODE timing ----

    static void ode(String workload, String file, double seconds) {
        List<Workloads.Solve> solves;
        if (workload.equals("fallon")) {
            solves = List.of(Workloads.fallon(Path.of(file)));
        } else if (workload.equals("gammachain")) {
            solves = Workloads.gammaChainPanel();
            if (solves == null) {
                System.out.println("unavailable " + Workloads.gammaChainStatus());
                return;
            }
        } else {
            throw new IllegalArgumentException("unknown workload " + workload);
        }
        Timing t = time(solves, seconds);
        t.print(workload);
        System.out.println("panel_size " + solves.size());
        if (solves.size() > 1) {
            // the reference solvers run the first solve only: time it alone too, for a like-for-like ratio
            time(List.of(solves.get(0)), seconds / 2).print(workload + "_first");
        }
        printFinal(workload, solves.get(0));
    }

    /** Final state of a solve in il2sim's state order, for the agreement check. */
    static void printFinal(String workload, Workloads.Solve s) {
        double[] last = finalState(s);
        for (int i = 0; i < last.length; i++) {
            System.out.printf(Locale.ROOT, "final %s %s %.17g%n", workload, s.model().stateName(i), last[i]);
        }
    }

    static void scaling(double seconds, String sizes) {
        for (String k : sizes.split(",")) {
            Workloads.Solve s = Workloads.large(Integer.parseInt(k));
            Timing t = time(List.of(s), seconds);
            System.out.printf(Locale.ROOT, "size cells %s species %d reactions %d%n", k, s.model().stateSize(),
                    s.model().network().reactions().size());
            t.print("clones_" + k);
            printFinal("clones_" + k, s);
        }
    }

    /**
     * Median and smallest CPU time per solve, median wall time per solve, plus one counted solve (steps, RHS and
     * Jacobian evaluations, allocation).
     */
    record Timing(double median, double min, double wallMedian, int solves, long steps, long rhs, long jacobians,
                  long allocated) {
        void print(String name) {
            System.out.printf(Locale.ROOT, "result %s median_s %.6g min_s %.6g wall_s %.6g solves %d steps %d rhs %d"
                    + " jac %d alloc_bytes %d%n", name, median, min, wallMedian, solves, steps, rhs, jacobians,
                    allocated);
        }
    }

    static Timing time(List<Workloads.Solve> solves, double seconds) {
        OdeMethod method = Methods.defaultOde();
        // warm-up: a third of the budget, at least 5 rounds over the solves
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        int rounds = 0;
        while (rounds < 5 || System.nanoTime() < warmEnd) {
            for (Workloads.Solve s : solves) {
                run(s, method);
            }
            rounds++;
        }
        // per solve: CPU time of this thread (the machine is shared, so wall time also measures the scheduler's
        // share) and wall time
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> cpu = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
        while (cpu.size() < 5 * solves.size() || System.nanoTime() < end) {
            for (Workloads.Solve s : solves) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(s, method);
                wall.add((System.nanoTime() - t0) * 1e-9);
                cpu.add((mx.getCurrentThreadCpuTime() - c0) * 1e-9);
            }
        }
        double[] sorted = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        CountingMethod counting = new CountingMethod(method);
        Workloads.Solve first = solves.get(0);
        run(first, counting);
        long before = mx.getCurrentThreadAllocatedBytes();
        run(first, method);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        return new Timing(median(sorted), sorted[0], median(wall.stream().mapToDouble(Double::doubleValue).sorted()
                .toArray()), sorted.length, counting.steps(), counting.rhs, counting.jacobians, allocated);
    }

    static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
    }

    static double sink;

    static void run(Workloads.Solve s, OdeMethod method) {
        double[][] rows = TimeCourse.run(s.model(), method, s.tolerances(), s.times(), List.of(), false);
        sink += rows.length;
    }

    static double[] finalState(Workloads.Solve s) {
        CompiledModel m = s.model();
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        var species = m.network().speciesById();
        var rateRuled = new java.util.HashSet<String>();
        m.network().rules().forEach(r -> {
            if (r instanceof org.il2sim.core.network.Rule.Rate rr) {
                rateRuled.add(rr.variable());
            }
        });
        for (int i = 0; i < m.stateSize(); i++) {
            String id = m.stateName(i);
            Species sp = species.get(id);
            boolean amount = sp != null && (!rateRuled.contains(id) || sp.hasOnlySubstanceUnits());
            readouts.add(m.readout(id, amount));
        }
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), s.tolerances(), s.times(), readouts);
        return rows[rows.length - 1];
    }

    /** Wraps the method to count steps and evaluations of one run. */
    static final class CountingMethod implements OdeMethod {
        private final OdeMethod inner;
        private OdeStepper stepper;
        long rhs;
        long jacobians;

        CountingMethod(OdeMethod inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        long steps() {
            return stepper == null ? 0 : stepper.steps();
        }

        @Override
        public OdeStepper start(OdeSystem system, double t0, double[] y0, Tolerances tolerances) {
            OdeSystem counted = new OdeSystem() {
                @Override
                public int dimension() {
                    return system.dimension();
                }

                @Override
                public void derivatives(double t, double[] y, double[] dydt) {
                    rhs++;
                    system.derivatives(t, y, dydt);
                }

                @Override
                public boolean jacobian(double t, double[] y, double[] dfdy) {
                    jacobians++;
                    return system.jacobian(t, y, dfdy);
                }

                @Override
                public boolean sparseJacobian(double t, double[] y, JacobianSink sink) {
                    jacobians++;
                    return system.sparseJacobian(t, y, sink);
                }

                @Override
                public int[][] jacobianPattern() {
                    return system.jacobianPattern();
                }

                @Override
                public String componentName(int i) {
                    return system.componentName(i);
                }
            };
            stepper = inner.start(counted, t0, y0, tolerances);
            return stepper;
        }
    }

    // ---- SSA ----

    static void ssa(double seconds) {
        StochasticModel system = new StochasticModel(Workloads.oneCell());
        double[] x0 = system.model().initialState();
        DirectMethod method = new DirectMethod();
        // warm-up
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        long seed = 1;
        while (System.nanoTime() < warmEnd) {
            StochasticRun r = method.start(system, 0, x0, new SplittableRandom(seed++));
            r.advanceTo(1000);
        }
        // measured: independent runs of 1000 min each until the time is used up
        long events = 0;
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        long end = t0 + (long) (seconds * 2 / 3 * 1e9);
        int runs = 0;
        while (System.nanoTime() < end) {
            StochasticRun r = method.start(system, 0, x0, new SplittableRandom(seed++));
            for (int k = 1; k <= 100; k++) {
                r.advanceTo(10.0 * k);
            }
            events += r.events();
            runs++;
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
        System.out.printf(Locale.ROOT, "result ssa events %d cpu_s %.4g wall_s %.4g events_per_s %.6g"
                + " wall_events_per_s %.6g runs %d%n", events, cpu, wall, events / cpu, events / wall, runs);
        System.out.println("species " + Arrays.toString(x0));
    }
}
