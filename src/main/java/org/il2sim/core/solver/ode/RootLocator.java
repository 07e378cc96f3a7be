package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeStepper;

/**
 * Finds the earliest time in a step (a, b] at which some event function has changed sign, on the stepper's dense
 * output. It is a regula falsi with the Illinois modification (Dowell &amp; Jarratt, BIT 11:168, 1971) applied to
 * all functions at once, as in the root finder of CVODE/LSODAR (Hiebert &amp; Shampine, Sandia report SAND80-0180,
 * 1980): each trial point is the earliest secant estimate among the functions that change sign, and the bracket
 * keeps "no change yet" at its left end and "changed" at its right end. Because only signs decide which end moves,
 * discontinuous (±1) functions converge too; a bisection step is forced whenever the bracket has not halved in two
 * iterations, so the cost is at most about twice that of bisection.
 */
final class RootLocator {

    private final RootFunctions functions;
    private final double[] y;
    private final double[] gLo;
    private final double[] gHi;
    private final double[] gMid;

    RootLocator(RootFunctions functions, int dimension) {
        this.functions = functions;
        int m = functions.count();
        this.y = new double[dimension];
        this.gLo = new double[m];
        this.gHi = new double[m];
        this.gMid = new double[m];
    }

    /** Sign with zero as its own value. */
    static int sign(double v) {
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    /** True when g_i differs in sign from the reference sign (which must be non-zero to count). */
    static boolean changed(int reference, double g) {
        return reference != 0 && sign(g) != reference;
    }

    /**
     * Locates the root.
     *
     * @param reference signs of the functions at a (0 = unknown, never reported)
     * @param ga values at a
     * @param gb values at b, where at least one function has changed
     * @param which output: functions changed at the returned time
     * @return the root time t in (a, b], the right end of the final bracket
     */
    double locate(OdeStepper stepper, double a, double[] ga, double b, double[] gb, int[] reference,
            boolean[] which) {
        int m = gLo.length;
        System.arraycopy(ga, 0, gLo, 0, m);
        System.arraycopy(gb, 0, gHi, 0, m);
        double lo = a;
        double hi = b;
        double tol = Math.max(1e-12 * Math.max(1.0, Math.abs(b)), 4 * Math.ulp(b));
        double wLo = 1; // Illinois weights of the retained ends
        double wHi = 1;
        int lastMoved = 0; // -1 lo moved, +1 hi moved
        double widthTwoAgo = hi - lo;
        double widthOneAgo = hi - lo;
        while (hi - lo > tol) {
            double width = hi - lo;
            double trial;
            if (width > 0.5 * widthTwoAgo) {
                trial = lo + 0.5 * width;
            } else {
                trial = hi;
                for (int i = 0; i < m; i++) {
                    if (changed(reference[i], gHi[i])) {
                        double fl = wLo * gLo[i];
                        double fh = wHi * gHi[i];
                        double est = fh != fl ? hi - fh * width / (fh - fl) : lo + 0.5 * width;
                        if (est < trial) {
                            trial = est;
                        }
                    }
                }
            }
            // keep the trial strictly inside the bracket so that it always shrinks
            double margin = 0.25 * tol;
            if (!(trial > lo + margin)) {
                trial = lo + margin;
            }
            if (!(trial < hi - margin)) {
                trial = hi - margin;
            }
            stepper.interpolate(trial, y);
            functions.evaluate(trial, y, gMid);
            boolean any = false;
            for (int i = 0; i < m; i++) {
                any |= changed(reference[i], gMid[i]);
            }
            widthTwoAgo = widthOneAgo;
            widthOneAgo = width;
            if (any) {
                hi = trial;
                System.arraycopy(gMid, 0, gHi, 0, m);
                wHi = 1;
                wLo = lastMoved == 1 ? 0.5 * wLo : 1; // lo retained twice: halve its weight
                lastMoved = 1;
            } else {
                lo = trial;
                System.arraycopy(gMid, 0, gLo, 0, m);
                wLo = 1;
                wHi = lastMoved == -1 ? 0.5 * wHi : 1;
                lastMoved = -1;
            }
        }
        for (int i = 0; i < m; i++) {
            which[i] = changed(reference[i], gHi[i]);
        }
        System.arraycopy(gHi, 0, gb, 0, m);
        return hi;
    }
}
