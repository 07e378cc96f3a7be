package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeSystem;

/** Standard test problems with published reference solutions. */
final class TestProblems {

    private TestProblems() {
    }

    /**
     * Robertson's chemical kinetics (Robertson 1966; Hairer &amp; Wanner, Solving ODEs II, section IV.1, eq. (1.4)),
     * y(0) = (1, 0, 0), with analytic Jacobian when {@code analytic}.
     */
    static OdeSystem robertson(boolean analytic) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                double r1 = 0.04 * y[0];
                double r2 = 1e4 * y[1] * y[2];
                double r3 = 3e7 * y[1] * y[1];
                f[0] = -r1 + r2;
                f[1] = r1 - r2 - r3;
                f[2] = r3;
            }

            @Override
            public boolean jacobian(double t, double[] y, double[] j) {
                if (!analytic) {
                    return false;
                }
                j[0] = -0.04;
                j[1] = 1e4 * y[2];
                j[2] = 1e4 * y[1];
                j[3] = 0.04;
                j[4] = -1e4 * y[2] - 6e7 * y[1];
                j[5] = -1e4 * y[1];
                j[6] = 0;
                j[7] = 6e7 * y[1];
                j[8] = 0;
                return true;
            }

            @Override
            public String componentName(int i) {
                return "A,B,C".split(",")[i];
            }
        };
    }

    /**
     * Van der Pol in the scaled form of the test set of Mazzia et al. (problem VDPOL, after Hairer &amp; Wanner II,
     * eq. IV.1.5'): y1' = y2, y2' = ((1 - y1²) y2 - y1)/ε with ε = 1/μ² = 1e-6 (μ = 1000), y(0) = (2, 0).
     */
    static OdeSystem vanDerPol(double eps) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = y[1];
                f[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
            }

            @Override
            public boolean jacobian(double t, double[] y, double[] j) {
                j[0] = 0;
                j[1] = 1;
                j[2] = (-2 * y[0] * y[1] - 1) / eps;
                j[3] = (1 - y[0] * y[0]) / eps;
                return true;
            }
        };
    }

    /** HIRES (Schäfer 1975; Hairer &amp; Wanner II, section IV.10; Mazzia et al. test set). */
    static OdeSystem hires() {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 8;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
                f[1] = 1.71 * y[0] - 8.75 * y[1];
                f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
                f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
                f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
                f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
                f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
                f[7] = -f[6];
            }
        };
    }

    static final double[] HIRES_Y0 = {1, 0, 0, 0, 0, 0, 0, 0.0057};
    static final double HIRES_T_END = 321.8122;
    /** Reference solution at t = 321.8122 from the test set of Mazzia et al. (problem HIRES). */
    static final double[] HIRES_REFERENCE = {
        0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
        0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2};

    /** y' = A y with A = [[-500.5, 499.5], [499.5, -500.5]] (eigenvalues -1 and -1000), y(0) = (1, 0). */
    static OdeSystem stiffLinear() {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = -500.5 * y[0] + 499.5 * y[1];
                f[1] = 499.5 * y[0] - 500.5 * y[1];
            }
        };
    }

    /** Exact solution of {@link #stiffLinear()}: y = ½e^{-t}(1, 1) + ½e^{-1000t}(1, -1). */
    static double[] stiffLinearExact(double t) {
        double a = 0.5 * Math.exp(-t);
        double b = 0.5 * Math.exp(-1000 * t);
        return new double[] {a + b, a - b};
    }

    /** y' = -k y. */
    static OdeSystem decay(double k) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] f) {
                f[0] = -k * y[0];
            }
        };
    }

    /**
     * 1-D reaction–diffusion u_t = D u_xx - k u² + s(x) on n cells with zero-flux ends, tridiagonal Jacobian
     * pattern, analytic Jacobian optional.
     */
    static OdeSystem diffusionReaction(int n, boolean analytic) {
        double dx = 1.0 / n;
        double d = 0.1 / (dx * dx);
        return new OdeSystem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void derivatives(double t, double[] u, double[] f) {
                for (int i = 0; i < n; i++) {
                    double left = i > 0 ? u[i - 1] : u[i];
                    double right = i < n - 1 ? u[i + 1] : u[i];
                    double x = (i + 0.5) * dx;
                    f[i] = d * (left - 2 * u[i] + right) - 5 * u[i] * u[i] + (x < 0.2 ? 10 : 0);
                }
            }

            @Override
            public boolean jacobian(double t, double[] u, double[] j) {
                if (!analytic) {
                    return false;
                }
                java.util.Arrays.fill(j, 0, n * n, 0.0);
                for (int i = 0; i < n; i++) {
                    double diag = -2 * d - 10 * u[i];
                    if (i > 0) {
                        j[i * n + i - 1] = d;
                    } else {
                        diag += d;
                    }
                    if (i < n - 1) {
                        j[i * n + i + 1] = d;
                    } else {
                        diag += d;
                    }
                    j[i * n + i] = diag;
                }
                return true;
            }

            @Override
            public int[][] jacobianPattern() {
                int[][] p = new int[n][];
                for (int i = 0; i < n; i++) {
                    if (i == 0) {
                        p[i] = new int[] {0, 1};
                    } else if (i == n - 1) {
                        p[i] = new int[] {n - 2, n - 1};
                    } else {
                        p[i] = new int[] {i - 1, i, i + 1};
                    }
                }
                return p;
            }

            @Override
            public String componentName(int i) {
                return "u" + i;
            }
        };
    }
}
