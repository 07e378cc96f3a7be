package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeSystem;

/**
 * Sparse iteration matrix for large systems with a declared Jacobian pattern. J is stored in compressed-column form
 * on the pattern of {@link OdeSystem#jacobianPattern()} plus the diagonal (which I - γJ always has). Finite-difference
 * Jacobians perturb whole column groups at once ({@link JacobianColouring}, Curtis–Powell–Reid), so a banded system
 * costs a handful of evaluations instead of n; the factorisation is {@link SparseLu}.
 *
 * <p>An analytic Jacobian is taken entry by entry from {@link OdeSystem#sparseJacobian} when the system offers it, at
 * any size; otherwise from the dense {@link OdeSystem#jacobian} only while n² doubles stay modest
 * ({@link #MAX_DENSE_ANALYTIC}), because that contract writes a dense row-major matrix.
 */
final class SparseNewtonMatrix implements NewtonMatrix {

    /** Largest n for which a dense analytic Jacobian buffer (n² doubles, 8 MB at this size) is allocated. */
    static final int MAX_DENSE_ANALYTIC = 1000;

    private final OdeSystem system;
    private final int n;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final int[] diagonal; // position of (j, j) in column j
    private final double[] jac; // values of J on the pattern
    private final double[] mValues; // values of I - γJ
    private final SparseLu lu;
    private JacobianColouring colouring; // built on first use: an analytic Jacobian never needs it
    private double[] dense; // analytic Jacobian buffer, allocated on first use, dropped if there is no analytic J
    private final double[] yWork;
    private final double[] fWork;
    private final double[] increments;
    private boolean analytic;
    private boolean sparseAnalytic = true;
    private final OdeSystem.JacobianSink sink = this::addEntry;

    SparseNewtonMatrix(OdeSystem system, int[][] pattern) {
        this.system = system;
        this.n = system.dimension();
        if (pattern.length != n) {
            throw new IllegalArgumentException("Jacobian pattern has " + pattern.length + " rows, expected " + n);
        }
        // column counts of pattern ∪ diagonal
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            boolean hasDiagonal = false;
            for (int j : pattern[i]) {
                if (j < 0 || j >= n) {
                    throw new IllegalArgumentException("Jacobian pattern row " + i + " has column " + j);
                }
                count[j]++;
                hasDiagonal |= j == i;
            }
            if (!hasDiagonal) {
                count[i]++;
            }
        }
        colPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            colPtr[j + 1] = colPtr[j] + count[j];
        }
        rowIdx = new int[colPtr[n]];
        int[] next = new int[n];
        System.arraycopy(colPtr, 0, next, 0, n);
        // rows are visited in increasing order, so each column's row indices come out sorted
        for (int i = 0; i < n; i++) {
            boolean placedDiagonal = false;
            for (int j : pattern[i]) {
                if (!placedDiagonal && j > i) {
                    rowIdx[next[i]++] = i;
                    placedDiagonal = true;
                }
                if (j == i) {
                    placedDiagonal = true;
                }
                rowIdx[next[j]++] = i;
            }
            if (!placedDiagonal) {
                rowIdx[next[i]++] = i;
            }
        }
        diagonal = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                if (rowIdx[p] == j) {
                    diagonal[j] = p;
                }
            }
        }
        jac = new double[colPtr[n]];
        mValues = new double[colPtr[n]];
        lu = new SparseLu(n, colPtr, rowIdx);
        analytic = n <= MAX_DENSE_ANALYTIC;
        yWork = new double[n];
        fWork = new double[n];
        increments = new double[n];
    }

    /** Number of column groups of the finite-difference Jacobian (visible for tests). */
    int groupCount() {
        return colouring().groupCount();
    }

    /** Writes the stored Jacobian into a dense row-major array (for tests). */
    void copyJacobianTo(double[] out) {
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                out[rowIdx[p] * n + j] = jac[p];
            }
        }
    }

    /** Forces finite differences even when the system has an analytic Jacobian (for tests and comparisons). */
    void useFiniteDifferences() {
        analytic = false;
        sparseAnalytic = false;
    }

    private JacobianColouring colouring() {
        if (colouring == null) {
            colouring = new JacobianColouring(n, colPtr, rowIdx);
        }
        return colouring;
    }

    /** Adds one analytic entry at its place in the compressed columns. */
    private void addEntry(int row, int column, double value) {
        int p = java.util.Arrays.binarySearch(rowIdx, colPtr[column], colPtr[column + 1], row);
        if (p < 0) {
            throw new IllegalStateException("Jacobian entry (" + row + ", " + column
                    + ") lies outside the declared pattern");
        }
        jac[p] += value;
    }

    @Override
    public void evaluateJacobian(double t, double[] y, double[] fy, double h, double[] weights) {
        if (sparseAnalytic) {
            java.util.Arrays.fill(jac, 0.0);
            if (system.sparseJacobian(t, y, sink)) {
                return;
            }
            sparseAnalytic = false;
        }
        if (analytic && dense == null) {
            dense = new double[n * n]; // once per run
        }
        if (analytic && system.jacobian(t, y, dense)) {
            for (int j = 0; j < n; j++) {
                for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                    jac[p] = dense[rowIdx[p] * n + j];
                }
            }
            return;
        }
        analytic = false;
        dense = null;
        double minInc = NewtonMatrix.minimumIncrement(h, fy, weights);
        System.arraycopy(y, 0, yWork, 0, n);
        JacobianColouring colouring = colouring();
        for (int g = 0; g < colouring.groupCount(); g++) {
            int start = colouring.groupStart(g);
            int end = colouring.groupEnd(g);
            for (int c = start; c < end; c++) {
                int j = colouring.column(c);
                double yj = y[j];
                double inc = NewtonMatrix.increment(yj, weights[j], minInc);
                yWork[j] = yj + inc;
                inc = yWork[j] - yj;
                if (inc == 0) {
                    inc = Math.sqrt(UNIT_ROUNDOFF) * Math.max(1.0, Math.abs(yj));
                    yWork[j] = yj + inc;
                    inc = yWork[j] - yj;
                }
                increments[j] = inc;
            }
            system.derivatives(t, yWork, fWork);
            for (int c = start; c < end; c++) {
                int j = colouring.column(c);
                double inv = 1.0 / increments[j];
                for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                    int i = rowIdx[p];
                    jac[p] = (fWork[i] - fy[i]) * inv;
                }
                yWork[j] = y[j];
            }
        }
    }

    @Override
    public boolean factor(double gamma) {
        for (int p = 0; p < mValues.length; p++) {
            mValues[p] = -gamma * jac[p];
        }
        for (int j = 0; j < n; j++) {
            mValues[diagonal[j]] += 1.0;
        }
        return lu.factor(mValues);
    }

    @Override
    public void solve(double[] b) {
        lu.solve(b);
    }
}
