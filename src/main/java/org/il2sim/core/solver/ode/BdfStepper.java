package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;

/**
 * One run of the variable-order (1–5), variable-step BDF method in Nordsieck form; see {@link BdfMethod} for the
 * method and its references. Step and order changes decided after a step are applied lazily at the start of the next
 * one, so that {@link #interpolate} always sees the polynomial of the step just taken. No arrays are allocated after
 * construction (apart from first-time growth inside {@link SparseLu}).
 */
final class BdfStepper implements OdeStepper {

    // Step-control constants as in CVODE (Hindmarsh et al., ACM TOMS 31:363, 2005, CVODE section): failure limits,
    // step reduction factors, growth limits (10^4 on the first change, 10 afterwards) and the "bias" safety factors
    // that make the order/step selection prefer a lower error than the tolerance
    private static final int MAX_CONVERGENCE_FAILURES = 10;
    private static final int MAX_ERROR_FAILURES = 7;
    private static final int ERROR_FAILURES_BEFORE_ORDER_ONE = 3;
    private static final double ETA_CONVERGENCE_FAILURE = 0.25;
    private static final double ETA_MIN = 0.1;
    private static final double ETA_MAX_FIRST = 1e4;
    private static final double ETA_MAX = 10;
    private static final double ETA_THRESHOLD = 1.5; // smaller proposed increases are not worth the change
    private static final double BIAS_LOWER = 6;
    private static final double BIAS_SAME = 6;
    private static final double BIAS_HIGHER = 10;
    private static final double ADDON = 1e-6;

    private final CountingSystem system;
    private final int n;
    private final double rtol;
    private final double atol;
    private final long maxSteps;
    private final double hMax;
    private final int maxOrder;
    private final NordsieckHistory zn;
    private final NewtonCorrector corrector;
    private final double[] acor; // Δ of the current step: a view of the corrector's array
    private final StepSizeEstimator initialStep;

    private final double[] y;
    private final double[] weights;
    private final double[] fCur;
    private final double[] acorPrevious; // Δ of the previous step, for the order q+1 estimate
    private final double[] acorForIncrease;

    private double t;
    private double tPrevious;
    private double h;
    private boolean needInit = true;
    /** Whether the last rejected attempt failed the local error test (rather than the Newton iteration). */
    private boolean lastRejectionByErrorTest;
    private int qwait;
    private double etaMax = ETA_MAX_FIRST;
    private double pendingEta = 1;
    private int pendingOrderChange;
    private boolean acorPreviousValid;
    private double hAcorPrevious;
    private double lastDsm; // error-test quantity of the last accepted step

    private long steps;
    private long stepsThisCall;
    private double lastTStop = Double.NaN;

    BdfStepper(OdeSystem original, double t0, double[] y0, Tolerances tolerances, int maxOrder, int sparseThreshold) {
        this.system = new CountingSystem(original);
        this.n = original.dimension();
        if (y0.length != n) {
            throw new IllegalArgumentException("y0 has length " + y0.length + ", system dimension is " + n);
        }
        this.rtol = tolerances.relative();
        this.atol = tolerances.absolute();
        this.maxSteps = tolerances.maxSteps();
        this.hMax = tolerances.maxStepSize();
        this.maxOrder = maxOrder;
        this.zn = new NordsieckHistory(n, maxOrder);
        int[][] pattern = original.jacobianPattern();
        NewtonMatrix matrix = pattern != null && n > sparseThreshold
                ? new SparseNewtonMatrix(system, pattern)
                : new DenseNewtonMatrix(system);
        this.corrector = new NewtonCorrector(system, matrix);
        this.initialStep = new StepSizeEstimator(system);
        this.y = new double[n];
        this.weights = new double[n];
        this.fCur = new double[n];
        this.acor = corrector.correction();
        this.acorPrevious = new double[n];
        this.acorForIncrease = new double[n];
        restart(t0, y0);
    }

    NewtonMatrix newtonMatrix() {
        return corrector.matrix();
    }

    /** Order of the last accepted step (for diagnostics and tests). */
    int order() {
        return zn.order();
    }

    @Override
    public double time() {
        return t;
    }

    @Override
    public double previousTime() {
        return tPrevious;
    }

    @Override
    public double[] state() {
        return y;
    }

    @Override
    public long evaluations() {
        return system.evaluations();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restart(double t0, double[] y0) {
        restart(t0, y0, true);
    }

    private void restart(double t0, double[] y0, boolean freshJacobian) {
        if (y0.length != n) {
            throw new IllegalArgumentException("state has length " + y0.length + ", system dimension is " + n);
        }
        t = t0;
        tPrevious = t0;
        System.arraycopy(y0, 0, y, 0, n);
        zn.reset(y0);
        needInit = true;
        pendingEta = 1;
        pendingOrderChange = 0;
        acorPreviousValid = false;
        if (freshJacobian) {
            corrector.requestJacobian(); // the state jumped: the old Jacobian may be meaningless
        } else {
            corrector.requestSetup();
        }
        lastTStop = Double.NaN;
    }

    /**
     * Restarts as {@link #restart} (order 1, a fresh derivative and first step) but keeps the Jacobian: the Newton
     * matrix is re-factored with it for the new step, and if the modified Newton iteration fails to converge with it
     * the corrector evaluates a fresh one and retries (as after any convergence failure). Error control is
     * unchanged. After a jump of one count the Jacobian of the continuous part barely changes, and evaluating it
     * anew at every jump was half the cost of a hybrid run with thousands of jumps (B4).
     */
    @Override
    public void restartAfterJump(double t0, double[] y0) {
        restart(t0, y0, false);
    }

    @Override
    public void interpolate(double time, double[] out) {
        if (time == t || t == tPrevious) {
            System.arraycopy(zn.get(0), 0, out, 0, n);
            return;
        }
        zn.evaluate((time - t) / h, out);
    }

    @Override
    public double step(double tStop) {
        if (!(tStop >= t)) {
            throw new IllegalArgumentException("tStop = " + tStop + " is before the current time " + t
                    + " (BDF integrates forward only)");
        }
        if (tStop == t) {
            return t;
        }
        if (tStop != lastTStop) {
            stepsThisCall = 0;
            lastTStop = tStop;
        }
        if (stepsThisCall >= maxSteps) {
            throw new SolverException("too many steps (maxSteps = " + maxSteps + ") before reaching t = " + tStop,
                    t, null);
        }
        WeightedNorm.weights(zn.get(0), rtol, atol, weights);
        if (needInit) {
            initialise(tStop);
        } else {
            applyPendingChange();
        }
        // Approach tStop as CVODE does with its tstop: shorten the step so that it lands exactly there (or stretch
        // it by at most 0.1%). Two equal steps are taken instead of a full one and a sliver, and the shortened step
        // size is kept afterwards rather than restored: with constant-step coefficients a large upward rescaling
        // of the Nordsieck array amplifies the Newton and interpolation errors in the history (tests showed a 100x
        // larger error on HIRES with outputs every 0.1 when the step size was restored after each landing).
        boolean landing = false;
        double remaining = tStop - t;
        if (remaining <= hMax) {
            if (1.001 * h >= remaining) {
                rescale(remaining / h);
                landing = true;
            } else if (2 * h > remaining) {
                rescale(0.5 * remaining / h);
            }
        }
        boolean failed = takeStep(tStop, landing);
        chooseNext(failed);
        return t;
    }

    /**
     * Attempts the step until it is accepted (Hindmarsh et al. 2005, CVODE section): predict, correct by modified
     * Newton, test the local error; on failure restore the history and retry with a smaller step.
     *
     * @return true if any attempt failed (then the step size may not grow right away)
     */
    private boolean takeStep(double tStop, boolean landingAtStop) {
        boolean landing = landingAtStop;
        int convergenceFailures = 0;
        int errorFailures = 0;
        boolean failed = false;
        while (true) {
            int q = zn.order();
            double tNew = landing ? tStop : t + h;
            if (tNew == t) {
                throw underflow();
            }
            zn.save();
            zn.predict();
            double gamma = h / BdfCoefficients.alpha(q);
            if (!corrector.solve(tNew, gamma, 1.0 / BdfCoefficients.alpha(q), BdfCoefficients.errorCoefficient(q),
                    zn.get(0), zn.get(1), h, weights)) {
                zn.restore();
                failed = true;
                convergenceFailures++;
                lastRejectionByErrorTest = false;
                if (convergenceFailures >= MAX_CONVERGENCE_FAILURES) {
                    int bad = corrector.nonFiniteComponent();
                    int c = bad >= 0 ? bad : WeightedNorm.largest(corrector.lastIncrement(), weights);
                    throw new SolverException(bad >= 0
                            ? "right-hand side is NaN or infinite (h = " + h + ")"
                            : "Newton iteration failed to converge " + convergenceFailures + " times (h = " + h + ")",
                            t, system.componentName(c));
                }
                etaMax = 1;
                rescale(ETA_CONVERGENCE_FAILURE);
                landing = false;
                continue;
            }
            double dsm = BdfCoefficients.errorCoefficient(q) * WeightedNorm.norm(acor, weights);
            if (!(dsm <= 1)) {
                zn.restore();
                failed = true;
                errorFailures++;
                lastRejectionByErrorTest = true;
                if (errorFailures >= MAX_ERROR_FAILURES) {
                    throw new SolverException("error test failed " + errorFailures + " times (h = " + h + ")", t,
                            system.componentName(WeightedNorm.largest(acor, weights)));
                }
                etaMax = 1;
                qwait = zn.order() + 1;
                double eta;
                if (errorFailures >= ERROR_FAILURES_BEFORE_ORDER_ONE) {
                    eta = ETA_MIN;
                    if (zn.order() > 1) {
                        // repeated failures: the history is suspect; restart from order 1 with a fresh derivative
                        zn.setOrderOne();
                        system.derivatives(t, zn.get(0), fCur);
                        double[] z1 = zn.get(1);
                        for (int i = 0; i < n; i++) {
                            z1[i] = h * fCur[i];
                        }
                        acorPreviousValid = false;
                        qwait = 2;
                    }
                } else {
                    eta = 1.0 / (Math.pow(BIAS_SAME * dsm, 1.0 / (q + 1)) + ADDON);
                    eta = Double.isNaN(eta) ? ETA_MIN : Math.max(ETA_MIN, Math.min(0.9, eta));
                    if (errorFailures >= 2) {
                        eta = Math.min(eta, 0.2);
                    }
                }
                rescale(eta);
                landing = false;
                continue;
            }
            accept(tNew, dsm);
            return failed;
        }
    }

    private void accept(double tNew, double dsm) {
        steps++;
        stepsThisCall++;
        tPrevious = t;
        t = tNew;
        zn.correct(acor, BdfCoefficients.l(zn.order()));
        System.arraycopy(zn.get(0), 0, y, 0, n);
        int bad = WeightedNorm.firstNonFinite(y);
        if (bad >= 0) {
            throw new SolverException("state became NaN or infinite", t, system.componentName(bad));
        }
        corrector.stepAccepted();
        lastDsm = dsm;
    }

    /**
     * Order and step-size selection after an accepted step (Hindmarsh et al. 2005, CVODE section; Byrne &amp;
     * Hindmarsh 1975): after q + 1 steps at constant h and q, compare the step sizes η h that would meet the error
     * test at orders q - 1, q and q + 1 and take the largest, if it is worth a change. The Nordsieck history is
     * interpolatory, so changes are spaced q + 1 steps apart as in LSODE, which keeps the constant-coefficient
     * formulas stable.
     */
    private void chooseNext(boolean failed) {
        int q = zn.order();
        pendingEta = 1;
        pendingOrderChange = 0;
        qwait--;
        if (failed) {
            qwait = Math.max(qwait, 2);
            etaMax = ETA_MAX;
            return;
        }
        if (qwait == 1 && q < maxOrder) {
            System.arraycopy(acor, 0, acorPrevious, 0, n);
            hAcorPrevious = h;
            acorPreviousValid = true;
        }
        if (qwait > 0) {
            return;
        }
        double eta = 1.0 / (Math.pow(BIAS_SAME * lastDsm, 1.0 / (q + 1)) + ADDON);
        int newOrder = q;
        if (q > 1) {
            double ddn = BdfCoefficients.lowerOrderCoefficient(q) * WeightedNorm.norm(zn.get(q), weights);
            double etaLower = 1.0 / (Math.pow(BIAS_LOWER * ddn, 1.0 / q) + ADDON);
            if (etaLower > eta) {
                eta = etaLower;
                newOrder = q - 1;
            }
        }
        if (q < maxOrder && acorPreviousValid) {
            double ratio = Math.pow(h / hAcorPrevious, q + 1);
            double dup = BdfCoefficients.higherOrderCoefficient(q)
                    * WeightedNorm.normOfDifference(acor, ratio, acorPrevious, weights);
            double etaHigher = 1.0 / (Math.pow(BIAS_HIGHER * dup, 1.0 / (q + 2)) + ADDON);
            if (etaHigher > eta) {
                eta = etaHigher;
                newOrder = q + 1;
            }
        }
        acorPreviousValid = false;
        if (!(eta >= ETA_THRESHOLD)) {
            qwait = 2; // look again after the next step
            return;
        }
        eta = Math.min(eta, etaMax);
        eta = Math.min(eta, hMax / h);
        etaMax = ETA_MAX;
        pendingEta = eta;
        pendingOrderChange = newOrder - q;
        if (pendingOrderChange > 0) {
            System.arraycopy(acor, 0, acorForIncrease, 0, n);
        }
        qwait = newOrder + 1;
    }

    private void applyPendingChange() {
        if (pendingOrderChange > 0) {
            zn.increaseOrder(acorForIncrease);
        } else if (pendingOrderChange < 0) {
            zn.decreaseOrder();
        }
        pendingOrderChange = 0;
        if (pendingEta != 1) {
            rescale(Math.min(pendingEta, hMax / h));
            pendingEta = 1;
        }
    }

    private void initialise(double tStop) {
        double[] z0 = zn.get(0);
        system.derivatives(t, z0, fCur);
        int bad = WeightedNorm.firstNonFinite(fCur);
        if (bad >= 0) {
            throw new SolverException("right-hand side is NaN or infinite at the initial state", t,
                    system.componentName(bad));
        }
        h = initialStep.estimate(t, z0, fCur, weights, Math.min(tStop - t, hMax));
        double[] z1 = zn.get(1);
        for (int i = 0; i < n; i++) {
            z1[i] = h * fCur[i];
        }
        needInit = false;
        qwait = 2;
        etaMax = ETA_MAX_FIRST;
    }

    private void rescale(double eta) {
        zn.rescale(eta);
        h *= eta;
        if (!(Math.abs(h) > 0) || t + h == t) {
            throw underflow();
        }
    }

    private SolverException underflow() {
        int bad = corrector.nonFiniteComponent();
        if (bad >= 0) { // the step kept shrinking because f was NaN/Inf: that is the real cause
            return new SolverException("right-hand side is NaN or infinite; step size underflow (h = " + h + ")", t,
                    system.componentName(bad));
        }
        int c = WeightedNorm.largest(acor, weights);
        if (t + h == t && lastRejectionByErrorTest) { // the error test asks for a step finer than time can tell apart
            return new SolverException("step size underflow (h = " + h + ", below the resolution " + Math.ulp(t)
                    + " of time at this t; the absolute tolerance is likely too tight for this quantity's fastest"
                    + " change: raise atol, or start the time nearer the event)", t, system.componentName(c));
        }
        return new SolverException("step size underflow (h = " + h + ")", t, system.componentName(c));
    }
}
