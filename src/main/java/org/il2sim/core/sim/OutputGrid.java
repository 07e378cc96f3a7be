package org.il2sim.core.sim;

/** The grids experiments sample on: evenly spaced output times and log-spaced doses. */
public final class OutputGrid {

    private OutputGrid() {
    }

    /** start + i * duration / steps for i = 0..steps (the SBML Test Suite's convention). */
    /**
     * Checks an output grid: finite, non-negative and strictly increasing times (the drivers integrate forward from
     * t = 0; a time before the previous one would never be reached).
     *
     * @throws IllegalArgumentException naming the first time that breaks it
     */
    public static void checkIncreasing(double[] times) {
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || !Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw new IllegalArgumentException("output times must be finite, >= 0 and increasing; time " + (i + 1)
                        + " is " + times[i] + (i > 0 ? " after " + times[i - 1] : ""));
            }
        }
    }

    public static double[] uniform(double start, double duration, int steps) {
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = start + i * duration / steps;
        }
        return t;
    }

    /** n values from a to b inclusive, evenly spaced on a log scale (the last is b exactly); n >= 2, 0 < a. */
    public static double[] logspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.pow(b / a, (double) i / (n - 1));
        }
        x[n - 1] = b;
        return x;
    }
}
