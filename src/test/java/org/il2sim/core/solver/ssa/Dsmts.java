package org.il2sim.core.solver.ssa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference means and standard deviations of the Discrete Stochastic Models Test Suite (Evans, Gillespie &amp;
 * Wilkinson, Bioinformatics 24:285, 2008) as shipped in the SBML test suite's stochastic folder
 * ({@code NNNNN/NNNNN-results.csv}), and the suite's two statistics:
 *
 * <pre>
 *   Z_t = sqrt(n) (Xbar_t - mu_t) / sigma_t        accepted in [-3, 3]
 *   Y_t = sqrt(n / 2) (S_t^2 / sigma_t^2 - 1)       accepted in [-5, 5]
 * </pre>
 *
 * The suite is looked up in the system property {@code il2sim.sbmlTestSuite}, then in {@code shared/} beside or
 * inside the project (where CI and the developers have it).
 */
final class Dsmts {

    static final double Z_LIMIT = 3;
    static final double Y_LIMIT = 5;

    final String id;
    final double[] times;
    private final List<String> header;
    private final double[][] rows;

    private Dsmts(String id, List<String> header, double[][] rows) {
        this.id = id;
        this.header = header;
        this.rows = rows;
        this.times = Arrays.stream(rows).mapToDouble(r -> r[0]).toArray();
    }

    static Path suite() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("il2sim.sbmlTestSuite");
        if (property != null) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("..", "shared", "sbml-test-suite"));
        candidates.add(Path.of("shared", "sbml-test-suite"));
        candidates.add(Path.of("/work/shared/sbml-test-suite"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("stochastic"))) {
                return p.resolve("stochastic");
            }
        }
        return null;
    }

    static Dsmts load(String id) {
        Path dir = suite();
        if (dir == null) {
            throw new IllegalStateException("SBML test suite not found (set -Dil2sim.sbmlTestSuite)");
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve(id).resolve(id + "-results.csv"));
            List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
            double[][] rows = lines.stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
            return new Dsmts(id, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double mean(String species, int row) {
        return rows[row][column(species + "-mean")];
    }

    double sd(String species, int row) {
        return rows[row][column(species + "-sd")];
    }

    private int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(id + " has no column " + name + " in " + header);
        }
        return c;
    }

    static double z(double sampleMean, double mu, double sigma, int n) {
        return Math.sqrt(n) * (sampleMean - mu) / sigma;
    }

    static double y(double sampleVariance, double sigma, int n) {
        return Math.sqrt(n / 2.0) * (sampleVariance / (sigma * sigma) - 1);
    }
}
