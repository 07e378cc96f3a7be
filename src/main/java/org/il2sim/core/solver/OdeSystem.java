package org.il2sim.core.solver;

/**
 * A system of ordinary differential equations dy/dt = f(t, y).
 *
 * <p>Implementations must be safe to call from one thread per run; they must not allocate per call
 * on hot paths.
 */
public interface OdeSystem {

    /** Number of state variables. */
    int dimension();

    /** Writes f(t, y) into {@code dydt}. */
    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Writes the Jacobian df_i/dy_j into {@code dfdy} in row-major order ({@code dfdy[i * n + j]}).
     *
     * @return false when the system has no analytic Jacobian; solvers then use finite differences
     */
    default boolean jacobian(double t, double[] y, double[] dfdy) {
        return false;
    }

    /** Receives Jacobian entries one at a time (see {@link #sparseJacobian}). */
    @FunctionalInterface
    interface JacobianSink {
        /** Adds {@code value} to df_row/dy_column. */
        void add(int row, int column, double value);
    }

    /**
     * Hands the Jacobian's entries to {@code sink} one at a time, for sparse solvers that cannot afford the dense
     * n x n array of {@link #jacobian(double, double[], double[])}. Entries not handed over are zero; entries handed
     * over more than once add up; every entry lies on {@link #jacobianPattern()}.
     *
     * @return false when the system has no analytic Jacobian (then nothing was handed over)
     */
    default boolean sparseJacobian(double t, double[] y, JacobianSink sink) {
        return false;
    }

    /**
     * Structural non-zeros of the Jacobian, or null when it is treated as dense. {@code pattern[i]} lists the
     * columns j for which df_i/dy_j may be non-zero, sorted ascending.
     */
    default int[][] jacobianPattern() {
        return null;
    }

    /** A name for component i, used in error messages (e.g. the species id). */
    default String componentName(int i) {
        return "y[" + i + "]";
    }
}
