package org.il2sim.io.testsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.ModelException;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.io.sbml.SbmlException;
import org.il2sim.io.sbml.SbmlImporter;

/**
 * Runs semantic test cases: reads the highest-level SBML file of each case, simulates it on the case's output grid
 * and applies the suite's pass rule to every expected value. Cases that are not time courses are skipped; anything
 * unsupported fails with its reason.
 */
public final class TestSuiteRunner {

    private static final String[] LEVELS = {"l3v2", "l3v1", "l2v5", "l2v4", "l2v3", "l2v2", "l2v1", "l1v2", "l1v1"};

    private final OdeMethod method;
    private final Tolerances tolerances;

    public TestSuiteRunner(OdeMethod method, Tolerances tolerances) {
        this.method = method;
        this.tolerances = tolerances;
    }

    /** Runs the cases on a pool of threads; results come back in the order of the input. */
    public List<CaseResult> runAll(List<Path> caseDirs, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "test-suite", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (Path dir : caseDirs) {
                futures.add(pool.submit(() -> run(dir)));
            }
            List<CaseResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new CaseResult(caseDirs.get(i).getFileName().toString(), CaseResult.Status.FAILED,
                            "internal error: " + e.getCause(), List.of()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public CaseResult run(Path dir) {
        String id = dir.getFileName().toString();
        List<String> tags = List.of();
        try {
            Map<String, String> description = readDescription(dir.resolve(id + "-model.m"));
            tags = tags(description);
            String type = description.getOrDefault("testtype", "TimeCourse");
            if (!type.equalsIgnoreCase("TimeCourse")) {
                return new CaseResult(id, CaseResult.Status.SKIPPED, "test type " + type, tags);
            }
            Path sbml = highestLevel(dir, id);
            if (sbml == null) {
                return new CaseResult(id, CaseResult.Status.FAILED, "no SBML file", tags);
            }
            CaseSettings settings = CaseSettings.read(dir.resolve(id + "-settings.txt"));
            ExpectedResults expected = ExpectedResults.read(dir.resolve(id + "-results.csv"));
            String failure = simulateAndCompare(sbml, settings, expected);
            return new CaseResult(id, failure == null ? CaseResult.Status.PASSED : CaseResult.Status.FAILED, failure, tags);
        } catch (SbmlException | ModelException | SolverException e) {
            return new CaseResult(id, CaseResult.Status.FAILED, e.getMessage(), tags);
        } catch (IOException e) {
            return new CaseResult(id, CaseResult.Status.FAILED, "cannot read case: " + e.getMessage(), tags);
        } catch (RuntimeException | StackOverflowError e) {
            return new CaseResult(id, CaseResult.Status.FAILED, "internal error: " + e, tags);
        }
    }

    private String simulateAndCompare(Path sbml, CaseSettings settings, ExpectedResults expected) {
        return simulate(SbmlImporter.read(sbml), settings, expected).failure();
    }

    /**
     * A simulation of a case: the values of the expected columns (time excluded) on the case's grid, and why the case
     * fails by the suite's rule, or null when it passes.
     */
    public record Simulation(List<String> columns, double[] times, double[][] values, String failure) {
    }

    /** Simulates a network on a case's output grid and judges it by the suite's pass rule. */
    public Simulation simulate(ReactionNetwork network, CaseSettings settings, ExpectedResults expected) {
        CompiledModel model = CompiledModel.compile(network);
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] times = settings.times();
        for (int c = 0; c < expected.columns().size(); c++) {
            String name = expected.columns().get(c);
            if (name.equalsIgnoreCase("time")) {
                continue;
            }
            String id = resolve(model, name);
            if (id == null) {
                return new Simulation(names, times, new double[0][],
                        "expected column '" + name + "' is not a model quantity");
            }
            boolean amount = settings.amounts().contains(id)
                    || (!settings.concentrations().contains(id) && containsIgnoreCase(settings.amounts(), id));
            readouts.add(model.readout(id, amount));
            columns.add(c);
            names.add(name);
        }
        double[][] actual = TimeCourse.run(model, method, tolerances, times, readouts);
        if (expected.rows().length != times.length) {
            return new Simulation(names, times, actual,
                    "expected " + expected.rows().length + " rows, grid has " + times.length);
        }
        for (int i = 0; i < times.length; i++) {
            for (int k = 0; k < columns.size(); k++) {
                double c = expected.rows()[i][columns.get(k)];
                double u = actual[i][k];
                if (!ExpectedResults.agrees(c, u, settings.absolute(), settings.relative())) {
                    return new Simulation(names, times, actual, String.format(Locale.ROOT,
                            "%s at t=%g: expected %.10g, got %.10g", expected.columns().get(columns.get(k)), times[i],
                            c, u));
                }
            }
        }
        return new Simulation(names, times, actual, null);
    }

    private static boolean containsIgnoreCase(java.util.Set<String> set, String id) {
        return set.stream().anyMatch(s -> s.equalsIgnoreCase(id));
    }

    private static String resolve(CompiledModel model, String name) {
        if (model.slot(name) >= 0) {
            return name;
        }
        for (var c : model.network().compartments()) {
            if (c.id().equalsIgnoreCase(name)) {
                return c.id();
            }
        }
        for (var s : model.network().species()) {
            if (s.id().equalsIgnoreCase(name)) {
                return s.id();
            }
        }
        for (var p : model.network().parameters()) {
            if (p.id().equalsIgnoreCase(name)) {
                return p.id();
            }
        }
        return null;
    }

    /** The case's SBML file of the highest level and version present, or null when there is none. */
    public static Path highestLevel(Path dir) {
        return highestLevel(dir, dir.getFileName().toString());
    }

    static Path highestLevel(Path dir, String id) {
        for (String lv : LEVELS) {
            Path p = dir.resolve(id + "-sbml-" + lv + ".xml");
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    static Map<String, String> readDescription(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (key.matches("[a-z]+")) {
                    out.putIfAbsent(key, line.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    static List<String> tags(Map<String, String> description) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("componenttags", "testtags")) {
            String v = description.get(key);
            if (v != null) {
                for (String t : v.split(",")) {
                    if (!t.isBlank()) {
                        out.add(t.trim());
                    }
                }
            }
        }
        return out;
    }
}
