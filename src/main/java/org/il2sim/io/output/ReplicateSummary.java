package org.il2sim.io.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.csv.WideCsv;
import org.il2sim.io.scenario.RunResult;

/**
 * summary.csv for runs with replicates: per condition, time and quantity, the replicate mean, standard deviation,
 * 5%, 50% and 95% quantiles and the fraction of replicates at exactly 0 (a population that died out), so chance
 * results such as the extinction of a small clone can be read without counting rows of the tidy file.
 */
public final class ReplicateSummary {

    /** The statistics of one quantity at one time over the replicates. */
    public record Stats(int replicates, double mean, double sd, double q05, double median, double q95,
                        double fractionZero) {
    }

    private ReplicateSummary() {
    }

    /** True when some run has more than one replicate (otherwise there is nothing to summarise). */
    public static boolean applies(List<RunResult> runs) {
        return runs.stream().anyMatch(r -> r.values().length > 1);
    }

    /**
     * @param conditions one name per run (the condition, or the scenario's name for a single time course)
     */
    public static void write(Path file, List<String> conditions, List<RunResult> runs) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("condition,time,quantity,replicates,mean,sd,q05,median,q95,fraction_zero,unit\n");
            for (int c = 0; c < runs.size(); c++) {
                RunResult r = runs.get(c);
                double[] column = new double[r.values().length];
                for (int i = 0; i < r.times().length; i++) {
                    for (int k = 0; k < r.quantities().size(); k++) {
                        for (int rep = 0; rep < column.length; rep++) {
                            column[rep] = r.values()[rep][i][k];
                        }
                        Stats s = of(column);
                        w.write(conditions.get(c) + "," + WideCsv.format(r.times()[i]) + "," + r.quantities().get(k)
                                + "," + s.replicates() + "," + WideCsv.format(s.mean()) + "," + WideCsv.format(s.sd())
                                + "," + WideCsv.format(s.q05()) + "," + WideCsv.format(s.median()) + ","
                                + WideCsv.format(s.q95()) + "," + WideCsv.format(s.fractionZero()) + ","
                                + r.units().get(k) + "\n");
                    }
                }
            }
        });
    }

    /** Statistics of a sample: sd with n − 1 (0 for one value); quantiles by linear interpolation (R's type 7). */
    public static Stats of(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int zeros = 0;
        for (double v : values) {
            sum += v;
            if (v == 0) {
                zeros++;
            }
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Stats(n, mean, sd, quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95),
                (double) zeros / n);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
