package org.il2sim.core.solver.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAlgebraTest {

    /** Random sparse matrix in CSC form; some diagonal entries are structurally zero so pivoting is needed. */
    private static Object[] randomSparse(int n, double density, Random rnd) {
        double[] dense = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < density) {
                    dense[i * n + j] = rnd.nextGaussian();
                }
            }
            if (i % 3 != 0) {
                dense[i * n + i] = 0.0; // force off-diagonal pivots in two rows out of three
            }
            dense[i * n + (i * 7 + 3) % n] = 1 + rnd.nextDouble(); // keep it non-singular in practice
        }
        List<Integer> rows = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        int[] colPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (dense[i * n + j] != 0 || i == j) {
                    rows.add(i);
                    vals.add(dense[i * n + j]);
                }
            }
            colPtr[j + 1] = rows.size();
        }
        return new Object[] {dense, colPtr, rows.stream().mapToInt(Integer::intValue).toArray(),
            vals.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static double[] multiply(double[] a, double[] x, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i * n + j] * x[j];
            }
        }
        return b;
    }

    @Test
    void denseLuSolvesWithPivoting() {
        int n = 4;
        double[] a = {0, 2, 1, 0, 1, 0, 0, 3, 4, 1, 0, 0, 0, 0, 5, 1}; // zero leading pivot
        double[] x = {1, -2, 3, 0.5};
        double[] b = multiply(a, x, n);
        DenseLu lu = new DenseLu(n);
        System.arraycopy(a, 0, lu.matrix(), 0, n * n);
        assertThat(lu.factor()).isTrue();
        lu.solve(b);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @Test
    void denseLuReportsSingularMatrix() {
        DenseLu lu = new DenseLu(2);
        System.arraycopy(new double[] {1, 2, 2, 4}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isFalse();
    }

    @Test
    void sparseLuMatchesExactSolutionOnRandomMatrices() {
        Random rnd = new Random(42);
        int factored = 0;
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rnd.nextInt(120);
            Object[] m = randomSparse(n, 0.05, rnd);
            double[] dense = (double[]) m[0];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] b = multiply(dense, x, n);
            SparseLu lu = new SparseLu(n, (int[]) m[1], (int[]) m[2]);
            if (!lu.factor((double[]) m[3])) {
                continue; // structurally/numerically singular draw
            }
            factored++;
            double[] sol = b.clone();
            lu.solve(sol);
            double[] residual = multiply(dense, sol, n);
            for (int i = 0; i < n; i++) {
                assertThat(residual[i]).as("trial %d row %d", trial, i).isCloseTo(b[i], within(1e-9 * (1 + Math.abs(b[i]))));
            }
            // refactoring with the same pattern and new values reuses the symbolic structures
            double[] values = ((double[]) m[3]).clone();
            for (int p = 0; p < values.length; p++) {
                values[p] *= 2;
            }
            assertThat(lu.factor(values)).isTrue();
            double[] half = b.clone();
            lu.solve(half);
            for (int i = 0; i < n; i++) {
                assertThat(half[i]).isCloseTo(0.5 * sol[i], within(1e-9 * (1 + Math.abs(sol[i]))));
            }
        }
        assertThat(factored).isGreaterThanOrEqualTo(15);
    }

    @Test
    void minimumDegreeAvoidsFillOnArrowMatrix() {
        // arrow matrix with the dense row/column first: natural order fills completely, min degree puts it last
        int n = 50;
        List<Integer> rows = new ArrayList<>();
        int[] colPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (i == j || i == 0 || j == 0) {
                    rows.add(i);
                }
            }
            colPtr[j + 1] = rows.size();
        }
        int[] rowIdx = rows.stream().mapToInt(Integer::intValue).toArray();
        int[] perm = MinimumDegree.order(n, colPtr, rowIdx);
        assertThat(perm[n - 1] == 0 || perm[n - 2] == 0).isTrue();
        double[] values = new double[rowIdx.length];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                values[p] = rowIdx[p] == j ? 10 : 1;
            }
        }
        SparseLu lu = new SparseLu(n, colPtr, rowIdx);
        assertThat(lu.factor(values)).isTrue();
        assertThat(lu.factorNonZeros()).isLessThanOrEqualTo(rowIdx.length + n);
    }

    @Test
    void colouringOfTridiagonalPatternNeedsThreeGroupsAndSeparatesOverlappingColumns() {
        int n = 30;
        int[] colPtr = new int[n + 1];
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = Math.max(0, j - 1); i <= Math.min(n - 1, j + 1); i++) {
                rows.add(i);
            }
            colPtr[j + 1] = rows.size();
        }
        int[] rowIdx = rows.stream().mapToInt(Integer::intValue).toArray();
        JacobianColouring c = new JacobianColouring(n, colPtr, rowIdx);
        assertThat(c.groupCount()).isEqualTo(3);
        for (int g = 0; g < c.groupCount(); g++) {
            boolean[] rowUsed = new boolean[n];
            for (int k = c.groupStart(g); k < c.groupEnd(g); k++) {
                int j = c.column(k);
                for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                    assertThat(rowUsed[rowIdx[p]]).isFalse();
                    rowUsed[rowIdx[p]] = true;
                }
            }
        }
    }
}
