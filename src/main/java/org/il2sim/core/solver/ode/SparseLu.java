package org.il2sim.core.solver.ode;

import java.util.Arrays;

/**
 * Sparse LU factorisation P A Q = L U of a square matrix in compressed-column form, by the left-looking algorithm of
 * Gilbert &amp; Peierls (SIAM J. Sci. Stat. Comput. 9:862, 1988): column k of L and U comes from a sparse triangular
 * solve with the columns already computed, whose non-zero pattern is found by a depth-first search in the graph of L
 * ("reach"), so the work is proportional to the arithmetic. The column order Q is a minimum-degree ordering of
 * A + A<sup>T</sup> ({@link MinimumDegree}); rows are chosen by threshold partial pivoting that prefers the
 * diagonal entry of the symmetrically permuted matrix (as KLU does: Davis &amp; Palamadai Natarajan, ACM TOMS 37:36,
 * 2010), which keeps the fill predicted by the ordering while staying stable.
 *
 * <p>The pattern of A is fixed at construction; {@link #factor} takes new values for it. Storage for L and U grows
 * (by doubling) only when a factorisation produces more fill than any before it, so after the first few
 * factorisations no allocation happens.
 */
final class SparseLu {

    /** A diagonal pivot is accepted when at least this fraction of the largest candidate in its column. */
    private static final double DIAGONAL_PREFERENCE = 0.1;

    private final int n;
    private final int[] aColPtr;
    private final int[] aRowIdx;
    private final int[] colOrder; // Q: colOrder[k] = original column factored k-th
    private final int[] pinv; // row permutation: pinv[originalRow] = pivot position, -1 while unassigned

    private int[] lColPtr;
    private int[] lRowIdx;
    private double[] lValues;
    private int[] uColPtr;
    private int[] uRowIdx;
    private double[] uValues;

    // workspace for the reach / triangular solve
    private final double[] x;
    private final int[] reachOut;
    private final int[] dfsStack;
    private final int[] dfsResume;
    private final int[] mark;
    private int stamp;
    private final double[] work;

    SparseLu(int n, int[] colPtr, int[] rowIdx) {
        this.n = n;
        this.aColPtr = colPtr.clone();
        this.aRowIdx = rowIdx.clone();
        this.colOrder = MinimumDegree.order(n, colPtr, rowIdx);
        this.pinv = new int[n];
        int capacity = 2 * colPtr[n] + n;
        lColPtr = new int[n + 1];
        lRowIdx = new int[capacity];
        lValues = new double[capacity];
        uColPtr = new int[n + 1];
        uRowIdx = new int[capacity];
        uValues = new double[capacity];
        x = new double[n];
        reachOut = new int[n];
        dfsStack = new int[n];
        dfsResume = new int[n];
        mark = new int[n];
        work = new double[n];
    }

    /** Number of non-zeros in L and U of the last factorisation (a measure of fill). */
    int factorNonZeros() {
        return lColPtr[n] + uColPtr[n];
    }

    /**
     * Factors the matrix whose values, aligned with the row indices given at construction, are {@code values}.
     *
     * @return false when the matrix is singular to working precision (no usable pivot in some column)
     */
    boolean factor(double[] values) {
        Arrays.fill(pinv, -1);
        int lnz = 0;
        int unz = 0;
        for (int k = 0; k < n; k++) {
            lColPtr[k] = lnz;
            uColPtr[k] = unz;
            if (lnz + n > lRowIdx.length) {
                growL(Math.max(2 * lRowIdx.length, lnz + n));
            }
            if (unz + n > uRowIdx.length) {
                growU(Math.max(2 * uRowIdx.length, unz + n));
            }
            int col = colOrder[k];
            int top = reach(col);
            // scatter A(:, col) into the dense work vector (the reach covers its pattern)
            for (int p = top; p < n; p++) {
                x[reachOut[p]] = 0;
            }
            for (int p = aColPtr[col]; p < aColPtr[col + 1]; p++) {
                x[aRowIdx[p]] = values[p];
            }
            // sparse triangular solve L x = A(:, col) in topological order; pivotal rows give U(:, k)
            for (int p = top; p < n; p++) {
                int i = reachOut[p];
                int j = pinv[i];
                if (j < 0) {
                    continue;
                }
                double xi = x[i];
                uRowIdx[unz] = j;
                uValues[unz++] = xi;
                if (xi != 0) {
                    for (int q = lColPtr[j] + 1; q < lColPtr[j + 1]; q++) {
                        x[lRowIdx[q]] -= lValues[q] * xi;
                    }
                }
            }
            // choose the pivot among rows not yet pivotal
            int ipiv = -1;
            double amax = -1;
            for (int p = top; p < n; p++) {
                int i = reachOut[p];
                if (pinv[i] < 0) {
                    double v = Math.abs(x[i]);
                    if (v > amax) {
                        amax = v;
                        ipiv = i;
                    }
                }
            }
            if (ipiv < 0 || !(amax > 0) || !Double.isFinite(amax)) {
                return false;
            }
            if (pinv[col] < 0 && Math.abs(x[col]) >= DIAGONAL_PREFERENCE * amax) {
                ipiv = col;
            }
            double pivotValue = x[ipiv];
            uRowIdx[unz] = k; // the diagonal of U is stored last in its column
            uValues[unz++] = pivotValue;
            pinv[ipiv] = k;
            lRowIdx[lnz] = ipiv; // the unit diagonal of L is stored first in its column
            lValues[lnz++] = 1;
            for (int p = top; p < n; p++) {
                int i = reachOut[p];
                if (pinv[i] < 0) {
                    lRowIdx[lnz] = i;
                    lValues[lnz++] = x[i] / pivotValue;
                }
                x[i] = 0;
            }
        }
        lColPtr[n] = lnz;
        uColPtr[n] = unz;
        // renumber L's rows into pivot order so that the solves work in the permuted index space
        for (int p = 0; p < lnz; p++) {
            lRowIdx[p] = pinv[lRowIdx[p]];
        }
        return true;
    }

    /** Solves A x = b in place with the last factorisation. */
    void solve(double[] b) {
        // y = P b
        for (int i = 0; i < n; i++) {
            work[pinv[i]] = b[i];
        }
        // L y = P b (unit lower, column oriented)
        for (int j = 0; j < n; j++) {
            double yj = work[j];
            if (yj != 0) {
                for (int p = lColPtr[j] + 1; p < lColPtr[j + 1]; p++) {
                    work[lRowIdx[p]] -= lValues[p] * yj;
                }
            }
        }
        // U z = y (upper, column oriented, diagonal last)
        for (int j = n - 1; j >= 0; j--) {
            int last = uColPtr[j + 1] - 1;
            double zj = work[j] / uValues[last];
            work[j] = zj;
            if (zj != 0) {
                for (int p = uColPtr[j]; p < last; p++) {
                    work[uRowIdx[p]] -= uValues[p] * zj;
                }
            }
        }
        // x = Q z
        for (int k = 0; k < n; k++) {
            b[colOrder[k]] = work[k];
        }
    }

    /**
     * Depth-first search from the non-zeros of A(:, col) in the graph of L (edges from a pivotal row to the rows of
     * its L column); writes the reached rows in topological order into reachOut[top..n-1] and returns top
     * (Gilbert &amp; Peierls 1988). Non-recursive so deep chains cannot overflow the Java stack.
     */
    private int reach(int col) {
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        int top = n;
        for (int p = aColPtr[col]; p < aColPtr[col + 1]; p++) {
            int start = aRowIdx[p];
            if (mark[start] == stamp) {
                continue;
            }
            int head = 0;
            dfsStack[0] = start;
            while (head >= 0) {
                int node = dfsStack[head];
                int j = pinv[node];
                if (mark[node] != stamp) {
                    mark[node] = stamp;
                    dfsResume[head] = j < 0 ? 0 : lColPtr[j] + 1;
                }
                int end = j < 0 ? 0 : lColPtr[j + 1];
                boolean done = true;
                for (int q = dfsResume[head]; q < end; q++) {
                    int child = lRowIdx[q];
                    if (mark[child] == stamp) {
                        continue;
                    }
                    dfsResume[head] = q + 1;
                    dfsStack[++head] = child;
                    done = false;
                    break;
                }
                if (done) {
                    head--;
                    reachOut[--top] = node;
                }
            }
        }
        return top;
    }

    private void growL(int capacity) {
        lRowIdx = Arrays.copyOf(lRowIdx, capacity);
        lValues = Arrays.copyOf(lValues, capacity);
    }

    private void growU(int capacity) {
        uRowIdx = Arrays.copyOf(uRowIdx, capacity);
        uValues = Arrays.copyOf(uValues, capacity);
    }
}
