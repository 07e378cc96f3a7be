package org.il2sim.core.solver.ode;

import java.util.Arrays;
import org.il2sim.core.solver.OdeSystem;

/**
 * The modified Newton iteration that solves the BDF corrector equation, and the policy for when to re-evaluate the
 * Jacobian and re-factor the iteration matrix (Hindmarsh et al., ACM TOMS 31:363, 2005, CVODE section, corrector iteration
 * and the paragraphs after them; the constants are those of CVODE):
 * <ul>
 *   <li>M = I - γJ is re-factored when γ has changed by more than 30% since the last factorisation, every 20
 *       steps, and after any convergence failure;</li>
 *   <li>J itself is re-evaluated only every 50 steps, at the start, after a restart, or when the iteration
 *       failed with an old J (then the step is retried at once with a fresh J before the step size is cut);</li>
 *   <li>at most 3 iterations; convergence when the correction, multiplied by the estimated convergence rate, is
 *       below a tenth of the local error test; divergence when a correction is more than twice the previous.</li>
 * </ul>
 */
final class NewtonCorrector {

    private static final int MAX_ITERATIONS = 3;
    private static final double NEWTON_COEFFICIENT = 0.1; // Newton error must be 10x below the error test
    private static final double RATE_DECAY = 0.3; // convergence-rate memory between iterations and steps
    private static final double DIVERGENCE_RATIO = 2.0;
    private static final int STEPS_BETWEEN_SETUPS = 20;
    private static final int STEPS_BETWEEN_JACOBIANS = 50;
    private static final double GAMMA_CHANGE_FOR_SETUP = 0.3;

    private final OdeSystem system;
    private final NewtonMatrix matrix;
    private final int n;
    private final double[] acor; // Δ = y_n - y_n(0), accumulated Newton corrections
    private final double[] delta; // the last Newton correction
    private final double[] fPred; // f at the predicted state
    private final double[] fCur;
    private final double[] yCur;

    private boolean forceSetup = true;
    private boolean forceJacobian = true;
    private boolean haveJacobian;
    private boolean jacobianCurrent;
    private double gammaSetup;
    private double convergenceRate = 1;
    private int stepsSinceSetup;
    private int stepsSinceJacobian;
    private int nonFiniteComponent = -1;

    NewtonCorrector(OdeSystem system, NewtonMatrix matrix) {
        this.system = system;
        this.matrix = matrix;
        this.n = system.dimension();
        this.acor = new double[n];
        this.delta = new double[n];
        this.fPred = new double[n];
        this.fCur = new double[n];
        this.yCur = new double[n];
    }

    NewtonMatrix matrix() {
        return matrix;
    }

    /** Δ of the last solve. */
    double[] correction() {
        return acor;
    }

    /** The last Newton correction (for naming the component in failure messages). */
    double[] lastIncrement() {
        return delta;
    }

    /** Component of f found NaN/Inf in the last solve, or -1. */
    int nonFiniteComponent() {
        return nonFiniteComponent;
    }

    /** After a restart or a discontinuity: the next solve evaluates J afresh. */
    void requestJacobian() {
        forceJacobian = true;
        forceSetup = true;
    }

    /** After a small discontinuity: the next solve re-factors the Newton matrix, with the Jacobian it has. */
    void requestSetup() {
        forceSetup = true;
    }

    /** Counts an accepted step towards the periodic re-factorisation and re-evaluation. */
    void stepAccepted() {
        stepsSinceSetup++;
        stepsSinceJacobian++;
    }

    /**
     * Solves G(Δ) = Δ - γ f(t, y(0) + Δ) + z_1(0)/l_1 = 0 for Δ (the BDF corrector in Nordsieck form, with
     * y(0) = z_0 and z_1 the predicted history), leaving Δ in {@link #correction()}.
     *
     * @param errorCoefficient the multiplier of ||Δ|| in the local error test at the current order
     * @return false on a convergence failure (or NaN/Inf in f) that needs a smaller step
     */
    boolean solve(double t, double gamma, double rl1, double errorCoefficient, double[] yPred, double[] z1, double h,
            double[] weights) {
        double coefficient = errorCoefficient / NEWTON_COEFFICIENT;
        nonFiniteComponent = -1;
        system.derivatives(t, yPred, fPred);
        int bad = WeightedNorm.firstNonFinite(fPred);
        if (bad >= 0) {
            nonFiniteComponent = bad;
            return false;
        }
        boolean setup = forceSetup || forceJacobian || stepsSinceSetup >= STEPS_BETWEEN_SETUPS
                || Math.abs(gamma / gammaSetup - 1) > GAMMA_CHANGE_FOR_SETUP;
        while (true) {
            if (setup) {
                boolean evaluate = forceJacobian || !haveJacobian || stepsSinceJacobian >= STEPS_BETWEEN_JACOBIANS;
                if (evaluate) {
                    matrix.evaluateJacobian(t, yPred, fPred, h, weights);
                    haveJacobian = true;
                    jacobianCurrent = true;
                    forceJacobian = false;
                    stepsSinceJacobian = 0;
                } else {
                    jacobianCurrent = false;
                }
                gammaSetup = gamma;
                stepsSinceSetup = 0;
                forceSetup = false;
                convergenceRate = 1;
                if (!matrix.factor(gamma)) {
                    forceSetup = true;
                    if (jacobianCurrent) {
                        return false;
                    }
                    forceJacobian = true;
                    continue;
                }
            }
            if (iterate(t, gamma, rl1, coefficient, yPred, z1, weights)) {
                return true;
            }
            forceSetup = true;
            if (jacobianCurrent || nonFiniteComponent >= 0) {
                return false;
            }
            // the failure may be the old Jacobian's fault: retry this step once with a fresh one (as CVODE)
            forceJacobian = true;
            setup = true;
        }
    }

    private boolean iterate(double t, double gamma, double rl1, double coefficient, double[] yPred, double[] z1,
            double[] weights) {
        Arrays.fill(acor, 0.0);
        System.arraycopy(fPred, 0, fCur, 0, n);
        // M was factored for gammaSetup; scaling the correction by 2/(1 + γ/γ_setup) compensates for the change
        // (Hindmarsh et al. 2005, CVODE section)
        double gammaRatio = gamma / gammaSetup;
        double scale = gammaRatio == 1 ? 1 : 2.0 / (1.0 + gammaRatio);
        double previous = 0;
        for (int m = 0; m < MAX_ITERATIONS; m++) {
            for (int i = 0; i < n; i++) {
                delta[i] = gamma * fCur[i] - rl1 * z1[i] - acor[i];
            }
            matrix.solve(delta);
            for (int i = 0; i < n; i++) {
                double d = delta[i] * scale;
                delta[i] = d;
                acor[i] += d;
                yCur[i] = yPred[i] + acor[i];
            }
            double del = WeightedNorm.norm(delta, weights);
            if (!Double.isFinite(del)) {
                nonFiniteComponent = WeightedNorm.firstNonFinite(delta);
                return false;
            }
            if (m > 0) {
                convergenceRate = Math.max(RATE_DECAY * convergenceRate, del / previous);
            }
            if (del * Math.min(1.0, convergenceRate) * coefficient <= 1) {
                return true;
            }
            if (m > 0 && del > DIVERGENCE_RATIO * previous) {
                return false;
            }
            previous = del;
            if (m + 1 < MAX_ITERATIONS) {
                system.derivatives(t, yCur, fCur);
                int bad = WeightedNorm.firstNonFinite(fCur);
                if (bad >= 0) {
                    nonFiniteComponent = bad;
                    return false;
                }
            }
        }
        return false;
    }
}
