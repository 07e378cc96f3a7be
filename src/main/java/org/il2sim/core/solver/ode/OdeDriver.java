package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;

/**
 * Integrates an {@link OdeSystem} with any {@link OdeMethod} over an increasing output grid, sampling the grid on the
 * stepper's dense output (so output points do not constrain the step size) and, optionally, locating the roots of
 * event functions ({@link RootFunctions}) step by step with {@link RootLocator}.
 *
 * <p>At each root the {@link RootHandler} sees the time, the state (which it may change) and which functions changed
 * sign; {@link RootAction#CONTINUE} restarts the stepper there, {@link RootAction#STOP} ends the run. Grid points up
 * to and including a root's time are written with the state before the handler. A function that is exactly zero
 * at the start (or right after a restart) takes its reference sign from the next non-zero value and reports no root
 * for it.
 */
public final class OdeDriver {

    /** Outcome of a run. */
    public record Result(double time, double[] state, boolean stopped, int outputs, int roots, long steps,
            long evaluations) {
    }

    private final OdeMethod method;
    private final Tolerances tolerances;

    public OdeDriver(OdeMethod method, Tolerances tolerances) {
        this.method = method;
        this.tolerances = tolerances;
    }

    /** Writes y(times[k]) into out[k] (each row of length n, supplied by the caller). */
    public Result integrate(OdeSystem system, double t0, double[] y0, double[] times, double[][] out) {
        return integrate(system, t0, y0, times, copyInto(out), null, null);
    }

    /** As {@link #integrate(OdeSystem, double, double[], double[], double[][])} with roots. */
    public Result integrate(OdeSystem system, double t0, double[] y0, double[] times, double[][] out,
            RootFunctions roots, RootHandler handler) {
        return integrate(system, t0, y0, times, copyInto(out), roots, handler);
    }

    public Result integrate(OdeSystem system, double t0, double[] y0, double[] times, OutputObserver observer) {
        return integrate(system, t0, y0, times, observer, null, null);
    }

    /**
     * Runs from t0 to the last grid point (or to a root whose handler says STOP).
     *
     * @param times output grid, non-decreasing, all at or after t0
     * @param roots event functions, or null
     * @param handler called at each root (required when roots is non-null)
     */
    public Result integrate(OdeSystem system, double t0, double[] y0, double[] times, OutputObserver observer,
            RootFunctions roots, RootHandler handler) {
        checkGrid(t0, times);
        if (roots != null && handler == null) {
            throw new IllegalArgumentException("root functions need a handler");
        }
        int n = system.dimension();
        OdeStepper stepper = method.start(system, t0, y0, tolerances);
        Run run = new Run(stepper, n, times, observer, roots, handler);
        return run.go(t0);
    }

    private static OutputObserver copyInto(double[][] out) {
        return (index, t, y) -> System.arraycopy(y, 0, out[index], 0, y.length);
    }

    private static void checkGrid(double t0, double[] times) {
        for (int k = 0; k < times.length; k++) {
            if (!(times[k] >= t0) || (k > 0 && times[k] < times[k - 1])) {
                throw new IllegalArgumentException("output times must be non-decreasing and not before t0 = " + t0
                        + " (times[" + k + "] = " + times[k] + ")");
            }
        }
    }

    /** The state of one run; arrays allocated once. */
    private final class Run {
        private final OdeStepper stepper;
        private final int n;
        private final double[] times;
        private final OutputObserver observer;
        private final RootFunctions roots;
        private final RootHandler handler;
        private final double[] y;
        private final double[] gPrevious;
        private final double[] gNew;
        private final int[] reference;
        private final boolean[] which;
        private final RootLocator locator;
        private int next; // next grid index to write
        private int rootCount;

        Run(OdeStepper stepper, int n, double[] times, OutputObserver observer, RootFunctions roots,
                RootHandler handler) {
            this.stepper = stepper;
            this.n = n;
            this.times = times;
            this.observer = observer;
            this.roots = roots;
            this.handler = handler;
            this.y = new double[n];
            int m = roots == null ? 0 : roots.count();
            this.gPrevious = new double[m];
            this.gNew = new double[m];
            this.reference = new int[m];
            this.which = new boolean[m];
            this.locator = roots == null ? null : new RootLocator(roots, n);
        }

        Result go(double t0) {
            if (times.length == 0) {
                return result(false);
            }
            double tEnd = times[times.length - 1];
            System.arraycopy(stepper.state(), 0, y, 0, n);
            writeUpTo(t0, true);
            if (roots != null) {
                roots.evaluate(t0, y, gPrevious);
                for (int i = 0; i < reference.length; i++) {
                    reference[i] = RootLocator.sign(gPrevious[i]);
                }
            }
            while (next < times.length) {
                double a = stepper.time();
                double b = stepper.step(tEnd);
                if (roots != null) {
                    roots.evaluate(b, stepper.state(), gNew);
                    if (anyChanged()) {
                        double tr = locator.locate(stepper, a, gPrevious, b, gNew, reference, which);
                        writeUpTo(tr, false);
                        if (tr == b) {
                            System.arraycopy(stepper.state(), 0, y, 0, n);
                        } else {
                            stepper.interpolate(tr, y);
                        }
                        if (++rootCount > tolerances.maxSteps()) {
                            throw new SolverException("too many roots (more than maxSteps = " + tolerances.maxSteps()
                                    + "); the event functions may be chattering", tr, null);
                        }
                        if (handler.handle(tr, y, which) == RootAction.STOP) {
                            return new Result(tr, y.clone(), true, next, rootCount, stepper.steps(),
                                    stepper.evaluations());
                        }
                        stepper.restart(tr, y);
                        roots.evaluate(tr, y, gPrevious);
                        for (int i = 0; i < reference.length; i++) {
                            reference[i] = RootLocator.sign(gPrevious[i]);
                        }
                        continue;
                    }
                    for (int i = 0; i < reference.length; i++) {
                        if (reference[i] == 0) {
                            reference[i] = RootLocator.sign(gNew[i]);
                        }
                    }
                    System.arraycopy(gNew, 0, gPrevious, 0, gNew.length);
                }
                writeUpTo(b, false);
            }
            System.arraycopy(stepper.state(), 0, y, 0, n);
            return result(false);
        }

        private boolean anyChanged() {
            for (int i = 0; i < reference.length; i++) {
                if (RootLocator.changed(reference[i], gNew[i])) {
                    return true;
                }
            }
            return false;
        }

        /** Writes all grid points at or before t from the dense output (or from y when at the start). */
        private void writeUpTo(double t, boolean atStart) {
            while (next < times.length && times[next] <= t) {
                double tk = times[next];
                if (atStart) {
                    observer.output(next, tk, y);
                } else if (tk == stepper.time()) {
                    observer.output(next, tk, stepper.state());
                } else {
                    double[] buffer = gridBuffer();
                    stepper.interpolate(tk, buffer);
                    observer.output(next, tk, buffer);
                }
                next++;
            }
        }

        private double[] grid;

        private double[] gridBuffer() {
            if (grid == null) {
                grid = new double[n];
            }
            return grid;
        }

        private Result result(boolean stopped) {
            return new Result(stepper.time(), stepper.state().clone(), stopped, next, rootCount, stepper.steps(),
                    stepper.evaluations());
        }
    }
}
