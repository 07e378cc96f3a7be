package org.il2sim.bench;

import java.util.Arrays;
import java.util.Locale;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.models.immune.ParameterTable;
import org.il2sim.tissue.TregMicroDomains;

/**
 * Wall time of one spatial B4 run ({@code treg-micro-domains}, seed 1, replicate 0) per simulated day, with a hash of
 * its samples: two builds that should compute the same thing (an optimisation that keeps every rounding) must print
 * the same hash, and their times can then be compared. Workloads: {@code both} (both antigens, the counted destiny,
 * the bundled Tregs) and {@code no-tregs} (the same without Tregs: the box fills, the heaviest run of the B4 tests).
 *
 * <p>Run: {@code java -cp "bench/target/classes:bench/target/lib/*" org.il2sim.bench.TissueBench no-tregs 12 3}
 * (workload, days, rounds). Run it on both builds in turn on an otherwise idle machine.
 */
public final class TissueBench {

    private TissueBench() {
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "no-tregs";
        double days = args.length > 1 ? Double.parseDouble(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ParameterTable p = TregMicroDomains.defaults().with("foreign_antigen", 1, "bench")
                .with("counted_destiny", 1, "bench");
        p = switch (workload) {
            case "both" -> p;
            case "no-tregs" -> p.with("Treg_density", 0, "bench");
            default -> throw new IllegalArgumentException("workload must be both or no-tregs, got " + workload);
        };
        int samples = 48;
        double[] t = new double[samples + 1];
        for (int i = 0; i <= samples; i++) {
            t[i] = days * 1440 * i / samples;
        }
        double[] seconds = new double[rounds];
        int hash = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            double[][] v = TregMicroDomains.run(p, t, Ensemble.replicateGenerator(1, 0), null).samples();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            hash = Arrays.deepHashCode(v);
            System.out.printf(Locale.ROOT, "round %d: %.2f s%n", r + 1, seconds[r]);
        }
        Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        System.out.printf(Locale.ROOT, "%s, %.3g days: median %.2f s (%.2f s per simulated day), samples hash %08x%n",
                workload, days, median, median / days, hash);
    }
}
