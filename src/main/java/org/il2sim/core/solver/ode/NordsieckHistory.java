package org.il2sim.core.solver.ode;

/**
 * The Nordsieck array z_j = h^j y^{(j)}(t_n) / j!, j = 0..q, of the interpolating polynomial of the BDF method
 * (Nordsieck, Math. Comp. 16:22, 1962; Byrne &amp; Hindmarsh 1975). Changing the step size is an exact
 * re-parametrisation (z_j ← η^j z_j), prediction is the Taylor shift by one step (Pascal-triangle additions), and
 * dense output is a Horner evaluation.
 */
final class NordsieckHistory {

    private final int n;
    private final double[][] z;
    private final double[][] saved;
    private int order = 1;
    private int savedOrder = 1;

    NordsieckHistory(int n, int maxOrder) {
        this.n = n;
        this.z = new double[maxOrder + 1][n];
        this.saved = new double[maxOrder + 1][n];
    }

    int order() {
        return order;
    }

    double[] get(int j) {
        return z[j];
    }

    /** Resets to order 1 with z_0 = y (z_1 must then be set by the caller). */
    void reset(double[] y) {
        System.arraycopy(y, 0, z[0], 0, n);
        order = 1;
    }

    /** Drops to order 1, keeping z_0 (the caller sets z_1 = h f(t, y)). */
    void setOrderOne() {
        order = 1;
    }

    void save() {
        for (int j = 0; j <= order; j++) {
            System.arraycopy(z[j], 0, saved[j], 0, n);
        }
        savedOrder = order;
    }

    void restore() {
        order = savedOrder;
        for (int j = 0; j <= order; j++) {
            System.arraycopy(saved[j], 0, z[j], 0, n);
        }
    }

    /** Replaces z by the Taylor expansion about t + h: z ← z P with P the Pascal matrix. */
    void predict() {
        for (int k = 1; k <= order; k++) {
            for (int j = order; j >= k; j--) {
                double[] lo = z[j - 1];
                double[] hi = z[j];
                for (int i = 0; i < n; i++) {
                    lo[i] += hi[i];
                }
            }
        }
    }

    /** z_j ← z_j + l_j Δ, j = 0..q. */
    void correct(double[] delta, double[] l) {
        for (int j = 0; j <= order; j++) {
            double c = l[j];
            double[] zj = z[j];
            for (int i = 0; i < n; i++) {
                zj[i] += c * delta[i];
            }
        }
    }

    /** Re-scales for a step h' = η h. */
    void rescale(double eta) {
        double factor = eta;
        for (int j = 1; j <= order; j++) {
            double[] zj = z[j];
            for (int i = 0; i < n; i++) {
                zj[i] *= factor;
            }
            factor *= eta;
        }
    }

    /** Raises the order: z_{q+1} = Δ / (q+1)!, the estimate h^{q+1} y^{(q+1)} / (q+1)! from the last correction. */
    void increaseOrder(double[] delta) {
        double c = 1.0 / BdfCoefficients.factorial(order + 1);
        double[] next = z[order + 1];
        for (int i = 0; i < n; i++) {
            next[i] = c * delta[i];
        }
        order++;
    }

    /**
     * Lowers the order by removing z_q·x(x+1)...(x+q-1): the lower-degree polynomial keeps the values at t_n and
     * at the q - 1 most recent past points x = -1..-(q-1).
     */
    void decreaseOrder() {
        double[] c = BdfCoefficients.decrease(order);
        double[] zq = z[order];
        for (int j = 1; j < order; j++) {
            double cj = c[j];
            double[] zj = z[j];
            for (int i = 0; i < n; i++) {
                zj[i] -= cj * zq[i];
            }
        }
        order--;
    }

    /** Evaluates the polynomial at x = (t - t_n)/h. */
    void evaluate(double x, double[] out) {
        System.arraycopy(z[order], 0, out, 0, n);
        for (int j = order - 1; j >= 0; j--) {
            double[] zj = z[j];
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * x + zj[i];
            }
        }
    }
}
