package org.il2sim.core.solver.ode;

import java.util.Arrays;

/**
 * Column groups for estimating a sparse Jacobian by finite differences with few function evaluations (Curtis,
 * Powell &amp; Reid, J. Inst. Maths Applics 13:117, 1974): columns that share no row can be perturbed together,
 * because each row of the difference quotient then sees only one perturbed column. Finding such groups is a
 * colouring of the column-intersection graph (Coleman &amp; Moré, SIAM J. Numer. Anal. 20:187, 1983); the greedy
 * sequential colouring used here takes the columns in largest-degree-first order, which Coleman &amp; Moré found
 * close to optimal on typical problems. For a tridiagonal pattern it gives 3 groups whatever n is.
 */
final class JacobianColouring {

    private final int groupCount;
    private final int[] groupStart; // columns of group g are groupColumns[groupStart[g] .. groupStart[g+1]-1]
    private final int[] groupColumns;

    /**
     * @param n dimension
     * @param colPtr compressed-column pattern: column pointers
     * @param rowIdx compressed-column pattern: row indices
     */
    JacobianColouring(int n, int[] colPtr, int[] rowIdx) {
        // row -> columns (transpose of the pattern)
        int[] rowPtr = new int[n + 1];
        for (int p = 0; p < colPtr[n]; p++) {
            rowPtr[rowIdx[p] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] rowCols = new int[colPtr[n]];
        int[] fill = Arrays.copyOf(rowPtr, n);
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                rowCols[fill[rowIdx[p]]++] = j;
            }
        }
        // largest (column-intersection) degree first, estimated by the number of entries in the column's rows
        Integer[] order = new Integer[n];
        long[] degree = new long[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                degree[j] += rowPtr[i + 1] - rowPtr[i];
            }
        }
        Arrays.sort(order, (a, b) -> degree[a] != degree[b] ? Long.compare(degree[b], degree[a]) : Integer.compare(a, b));

        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        int[] forbiddenBy = new int[n + 1];
        Arrays.fill(forbiddenBy, -1);
        int colours = 0;
        for (int j : order) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                for (int r = rowPtr[i]; r < rowPtr[i + 1]; r++) {
                    int c = colour[rowCols[r]];
                    if (c >= 0) {
                        forbiddenBy[c] = j;
                    }
                }
            }
            int c = 0;
            while (forbiddenBy[c] == j) {
                c++;
            }
            colour[j] = c;
            colours = Math.max(colours, c + 1);
        }
        groupCount = colours;
        groupStart = new int[colours + 1];
        for (int j = 0; j < n; j++) {
            groupStart[colour[j] + 1]++;
        }
        for (int g = 0; g < colours; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        groupColumns = new int[n];
        int[] next = Arrays.copyOf(groupStart, colours);
        for (int j = 0; j < n; j++) {
            groupColumns[next[colour[j]]++] = j;
        }
    }

    int groupCount() {
        return groupCount;
    }

    int groupStart(int g) {
        return groupStart[g];
    }

    int groupEnd(int g) {
        return groupStart[g + 1];
    }

    int column(int index) {
        return groupColumns[index];
    }
}
