package org.il2sim.io.testsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.ModelException;
import org.il2sim.core.sim.GridRecorder;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.sim.StochasticModel;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.io.sbml.SbmlException;
import org.il2sim.io.sbml.SbmlImporter;

/**
 * Runs the suite's stochastic cases (the DSMTS, Evans, Gillespie &amp; Wilkinson 2008) by their own statistics: with n
 * replicates, at each time Z = sqrt(n) (mean - mu) / sigma must lie in meanRange and
 * Y = sqrt(n/2) (S^2 / sigma^2 - 1) in sdRange. The DSMTS expects an occasional excursion, so a case passes with at
 * most one failing point per statistic and species.
 */
public final class StochasticSuiteRunner {

    /** Tolerances of hybrid runs: the jump clock's error (about rtol per waiting time) far below the suite's. */
    static final Tolerances HYBRID_TOLERANCES = new Tolerances(1e-8, 1e-10, 1_000_000L, Double.POSITIVE_INFINITY);

    /** The jump method, or null for the hybrid method with every species discrete. */
    private final StochasticMethod method;
    private final int replicates;
    private final long seed;
    private final int threads;

    public StochasticSuiteRunner(StochasticMethod method, int replicates, long seed, int threads) {
        this.method = method;
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * A runner of the hybrid method with every species discrete: the DSMTS then checks its jump clock, channel
     * choice and event handling against the suite's exact means and variances.
     */
    public static StochasticSuiteRunner hybrid(int replicates, long seed, int threads) {
        return new StochasticSuiteRunner(null, replicates, seed, threads);
    }

    /** True when a case folder holds a stochastic case (its settings give mean and sd ranges). */
    public static boolean isStochastic(Path dir) {
        String id = dir.getFileName().toString();
        try {
            return Files.readString(dir.resolve(id + "-settings.txt")).contains("meanRange");
        } catch (IOException e) {
            return false;
        }
    }

    public CaseResult run(Path dir) {
        String id = dir.getFileName().toString();
        List<String> tags = List.of();
        try {
            tags = TestSuiteRunner.tags(TestSuiteRunner.readDescription(dir.resolve(id + "-model.m")));
            Path sbml = TestSuiteRunner.highestLevel(dir, id);
            if (sbml == null) {
                return new CaseResult(id, CaseResult.Status.FAILED, "no SBML file", tags);
            }
            CaseSettings settings = CaseSettings.read(dir.resolve(id + "-settings.txt"));
            ExpectedResults expected = ExpectedResults.read(dir.resolve(id + "-results.csv"));
            String failure = judge(sbml, settings, expected);
            return new CaseResult(id, failure == null ? CaseResult.Status.PASSED : CaseResult.Status.FAILED, failure, tags);
        } catch (SbmlException | ModelException e) {
            return new CaseResult(id, CaseResult.Status.FAILED, e.getMessage(), tags);
        } catch (IOException | RuntimeException e) {
            return new CaseResult(id, CaseResult.Status.FAILED, "internal error: " + e, tags);
        }
    }

    private String judge(Path sbml, CaseSettings settings, ExpectedResults expected) {
        CompiledModel model = CompiledModel.compile(SbmlImporter.read(sbml));
        double[] times = settings.times();
        double[] meanRange = range(settings.get("meanrange"));
        double[] sdRange = range(settings.get("sdrange"));
        List<String> variables = settings.variables();
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        for (String variable : variables) {
            readouts.add(model.readout(variable, true));
        }
        double[][][] runs = replicates(model, times, readouts);
        List<String> failures = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            String variable = variables.get(v);
            double[][] stats = statistics(runs, v);
            int meanCol = column(expected, variable + "-mean");
            int sdCol = column(expected, variable + "-sd");
            int zFails = 0;
            int yFails = 0;
            String firstZ = null;
            String firstY = null;
            for (int k = 0; k < times.length; k++) {
                double mu = expected.rows()[k][meanCol];
                double sigma = expected.rows()[k][sdCol];
                if (!(sigma > 0)) {
                    continue;
                }
                double n = replicates;
                double z = Math.sqrt(n) * (stats[k][0] - mu) / sigma;
                double y = Math.sqrt(n / 2) * (stats[k][1] / (sigma * sigma) - 1);
                if (z < meanRange[0] || z > meanRange[1]) {
                    zFails++;
                    firstZ = firstZ != null ? firstZ : String.format(Locale.ROOT, "Z=%.2f at t=%g", z, times[k]);
                }
                if (y < sdRange[0] || y > sdRange[1]) {
                    yFails++;
                    firstY = firstY != null ? firstY : String.format(Locale.ROOT, "Y=%.2f at t=%g", y, times[k]);
                }
            }
            if (zFails > 1) {
                failures.add(variable + ": mean outside range at " + zFails + " points, first " + firstZ);
            }
            if (yFails > 1) {
                failures.add(variable + ": variance outside range at " + yFails + " points, first " + firstY);
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    /**
     * Runs the replicates in parallel; replicate r draws from a generator derived from (seed, r) alone, so results
     * do not depend on the number of threads. Events, if any, are handled by {@link StochasticTimeCourse}.
     */
    private double[][][] replicates(CompiledModel model, double[] times, List<CompiledModel.Readout> readouts) {
        StochasticModel system = method == null ? null : new StochasticModel(model);
        HybridModel discrete = method == null ? HybridModel.allDiscrete(model) : null;
        double[][][] runs = new double[replicates][][];
        org.il2sim.core.parallel.Parallel.forEach(replicates, threads, r -> {
            GridRecorder recorder = new GridRecorder(times.length, readouts);
            if (method == null) {
                HybridTimeCourse.run(discrete, HYBRID_TOLERANCES, times, Ensemble.replicateGenerator(seed, r),
                        recorder);
            } else {
                StochasticTimeCourse.run(system, method, times, Ensemble.replicateGenerator(seed, r), recorder);
            }
            runs[r] = recorder.rows();
        });
        return runs;
    }

    /** Mean and unbiased variance of quantity v at each output time over the replicates (Welford, replicate order). */
    private static double[][] statistics(double[][][] runs, int v) {
        int nt = runs[0].length;
        double[][] out = new double[nt][2];
        for (int k = 0; k < nt; k++) {
            double mean = 0;
            double m2 = 0;
            for (int r = 0; r < runs.length; r++) {
                double x = runs[r][k][v];
                double delta = x - mean;
                mean += delta / (r + 1);
                m2 += delta * (x - mean);
            }
            out[k][0] = mean;
            out[k][1] = runs.length > 1 ? m2 / (runs.length - 1) : 0;
        }
        return out;
    }

    private static int column(ExpectedResults expected, String name) {
        for (int c = 0; c < expected.columns().size(); c++) {
            if (expected.columns().get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw ModelException.invalid("expected results lack column '" + name + "'");
    }

    private static double[] range(String s) {
        String[] parts = s.replace("(", "").replace(")", "").split(",");
        return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
    }

}
