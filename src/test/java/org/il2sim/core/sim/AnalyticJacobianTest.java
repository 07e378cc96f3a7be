package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.il2sim.io.sbml.SbmlImporter;
import org.junit.jupiter.api.Test;

/**
 * The symbolic Jacobian against central finite differences of the right-hand side, on every model of the SBML Test
 * Suite's strict subset (varied rate laws, rules, compartments, conversion factors), at the initial state; and the
 * entry-by-entry form for sparse solvers against the dense one.
 */
class AnalyticJacobianTest {

    @Test
    void matchesFiniteDifferencesOnTheStrictSubset() throws IOException {
        Path suite = Path.of("..", "shared", "sbml-test-suite");
        assumeTrue(Files.exists(suite.resolve("subset-strict.txt")), "SBML Test Suite not present");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(suite.resolve("subset-strict.txt"))) {
            String id = String.format("%05d", Integer.parseInt(line.trim()));
            Path file = suite.resolve("semantic").resolve(id).resolve(id + "-sbml-l3v2.xml");
            if (!Files.exists(file)) {
                continue;
            }
            CompiledModel model = CompiledModel.compile(SbmlImporter.read(file));
            int n = model.stateSize();
            if (!model.hasAnalyticJacobian() || n == 0) {
                continue;
            }
            ModelState state = model.newState(0);
            double[] y = model.initialState();
            for (int i = 0; i < n; i++) {
                y[i] = y[i] == 0 ? 0.3 + 0.1 * i : y[i] * (1.1 + 0.01 * i); // away from special points
            }
            double t = 0.37;
            double[] analytic = new double[n * n];
            assertThat(state.jacobian(t, y, analytic)).isTrue();
            // the entry-by-entry form for sparse solvers: the same values, all on the declared pattern
            double[] fromSparse = new double[n * n];
            int[][] pattern = state.jacobianPattern();
            assertThat(state.sparseJacobian(t, y, (row, col, v) -> {
                if (java.util.Arrays.binarySearch(pattern[row], col) < 0) {
                    mismatches.add(id + " sparse entry (" + row + ", " + col + ") off the pattern");
                }
                fromSparse[row * n + col] += v;
            })).isTrue();
            for (int e = 0; e < n * n; e++) {
                if (fromSparse[e] != analytic[e]) { // == rather than Arrays.equals: 0.0 and -0.0 are the same entry
                    mismatches.add(id + " J[" + e / n + "][" + e % n + "] sparse " + fromSparse[e] + " vs dense "
                            + analytic[e]);
                }
            }
            double[] plus = new double[n];
            double[] minus = new double[n];
            for (int k = 0; k < n; k++) {
                double h = 1e-6 * Math.max(Math.abs(y[k]), 1e-3);
                double saved = y[k];
                y[k] = saved + h;
                state.derivatives(t, y, plus);
                y[k] = saved - h;
                state.derivatives(t, y, minus);
                y[k] = saved;
                for (int i = 0; i < n; i++) {
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    double a = analytic[i * n + k];
                    double scale = Math.max(1e-8, Math.max(Math.abs(fd), Math.abs(a)));
                    if (Math.abs(fd - a) > 1e-4 * scale && Math.abs(fd - a) > 1e-9) {
                        mismatches.add(id + " J[" + i + "][" + k + "] analytic " + a + " vs finite difference " + fd);
                    }
                }
            }
            checked++;
        }
        assertThat(checked).as("models with an analytic Jacobian").isGreaterThan(700);
        assertThat(mismatches).isEmpty();
    }
}
