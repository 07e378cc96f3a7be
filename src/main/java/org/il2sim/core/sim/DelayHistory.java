package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.il2sim.core.expr.Evaluator;

/**
 * The past values of every expression that appears inside delay(x, d), recorded on accepted steps, so that delay
 * differential equations can read x(t - d). Values before the first record are the initial value (SBML: the model
 * is at its initial state for t &lt;= 0). Between records the history is interpolated by a cubic through four
 * neighbouring records (linear where records are too few or a discontinuity sits between them).
 *
 * <p>A history is per-run state: a compiled model with delays is recompiled for every run (see
 * {@link CompiledModel#newState}).
 */
final class DelayHistory {

    /** Values of delayed expressions before the start of the run: the model at its initial state at time tau. */
    interface PreHistory {
        double value(int k, double tau);
    }

    private final List<Evaluator> arguments = new ArrayList<>();
    /** Arguments that are a rateOf(): before the run the model is at rest, so their past values are 0. */
    private final List<Boolean> isRates = new ArrayList<>();
    private PreHistory preHistory;
    private boolean inPreHistory;
    private double[] times = new double[64];
    private double[][] values = new double[0][];
    private int size;

    /** Registers x of a delay(x, d) and returns its index. */
    int register(Evaluator argument, boolean isRate) {
        arguments.add(argument);
        isRates.add(isRate);
        values = Arrays.copyOf(values, arguments.size());
        values[arguments.size() - 1] = new double[times.length];
        return arguments.size() - 1;
    }

    void setPreHistory(PreHistory p) {
        this.preHistory = p;
    }

    double evaluateArgument(int k, double[] v) {
        return arguments.get(k).eval(v);
    }

    boolean isEmpty() {
        return arguments.isEmpty();
    }

    /** Records every argument's value at the time in v[0]. */
    void record(double[] v) {
        double t = v[Evaluator.TIME_SLOT];
        if (size > 0 && t < times[size - 1]) {
            size = lastIndexAtOrBefore(t) + 1; // a restart earlier in time discards the future
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            for (int k = 0; k < values.length; k++) {
                values[k] = Arrays.copyOf(values[k], size * 2);
            }
        }
        times[size] = t;
        for (int k = 0; k < values.length; k++) {
            values[k][size] = arguments.get(k).eval(v);
        }
        size++;
    }

    /** x_k(t - d), given the current values v (used when the history does not reach that far yet). */
    double lookup(int k, double[] v, double delay) {
        double now = v[Evaluator.TIME_SLOT];
        double tau = now - delay;
        if (delay <= 0 || size > 0 && tau >= times[size - 1] && tau >= now) {
            return arguments.get(k).eval(v);
        }
        if (size == 0 || tau < times[0]) {
            // Before the run the model sits at its initial state, but time-dependent rules still follow time
            // (the SBML Test Suite's analytic convention, e.g. case 00937).
            if (isRates.get(k)) {
                return 0;
            }
            if (preHistory == null || inPreHistory) {
                return arguments.get(k).eval(v); // nested look-ups inside the pre-history see the initial state
            }
            inPreHistory = true;
            try {
                return preHistory.value(k, tau);
            } finally {
                inPreHistory = false;
            }
        }
        if (tau == times[0]) {
            return values[k][0];
        }
        if (tau >= times[size - 1]) {
            return values[k][size - 1];
        }
        int i = lastIndexAtOrBefore(tau);
        double[] x = values[k];
        if (times[i] == tau) {
            return x[i];
        }
        double t0 = times[i];
        double t1 = times[i + 1];
        if (i >= 1 && i + 2 < size && times[i - 1] < t0 && t1 < times[i + 2]) {
            return lagrange(tau, times[i - 1], t0, t1, times[i + 2], x[i - 1], x[i], x[i + 1], x[i + 2]);
        }
        return x[i] + (x[i + 1] - x[i]) * (tau - t0) / (t1 - t0);
    }

    /** Largest index whose time is <= t (the last one among equal times, i.e. the post-event value). */
    private int lastIndexAtOrBefore(double t) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static double lagrange(double t, double a, double b, double c, double d,
                                   double fa, double fb, double fc, double fd) {
        return fa * (t - b) * (t - c) * (t - d) / ((a - b) * (a - c) * (a - d))
                + fb * (t - a) * (t - c) * (t - d) / ((b - a) * (b - c) * (b - d))
                + fc * (t - a) * (t - b) * (t - d) / ((c - a) * (c - b) * (c - d))
                + fd * (t - a) * (t - b) * (t - c) / ((d - a) * (d - b) * (d - c));
    }
}
