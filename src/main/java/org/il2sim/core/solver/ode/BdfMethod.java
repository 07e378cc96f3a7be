package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.Tolerances;

/**
 * Variable-order (1–5), variable-step backward differentiation formulas for stiff systems ("bdf").
 *
 * <p>The method follows the design of CVODE (Hindmarsh, Brown, Grant, Lee, Serban, Shumaker &amp; Woodward, ACM TOMS
 * 31:363, 2005, the section on CVODE) and its ancestors EPISODE and LSODE (Byrne &amp; Hindmarsh, ACM TOMS 1:71,
 * 1975; Hindmarsh, "ODEPACK, a systematized collection of ODE solvers", in Scientific Computing, North-Holland,
 * 1983):
 * <ul>
 *   <li>history in Nordsieck form, step changes by re-scaling it, constant-step BDF coefficients
 *       ({@link BdfCoefficients}, {@link NordsieckHistory});</li>
 *   <li>local error test in the weighted RMS norm with w_i = 1/(rtol |y_i| + atol) ({@link WeightedNorm});</li>
 *   <li>order and step selection by comparing the error estimates of orders q - 1, q, q + 1;</li>
 *   <li>modified Newton iteration on I - γJ, re-using J for up to 50 steps and the factorisation for up to 20
 *       steps or while γ changes by less than 30%, re-evaluating J after a convergence failure;</li>
 *   <li>J analytic or by finite differences; dense ({@link DenseLu}) for small systems, sparse with
 *       Curtis–Powell–Reid column groups ({@link JacobianColouring}) and a minimum-degree-ordered
 *       Gilbert–Peierls LU ({@link SparseLu}) when the system declares a Jacobian pattern and is larger than the
 *       sparse threshold;</li>
 *   <li>initial step by the Hairer–Nørsett–Wanner estimate ({@link StepSizeEstimator}).</li>
 * </ul>
 *
 * <p>Unlike CVODE, the BDF coefficients are those of constant steps and the history is re-scaled on a step change
 * (the interpolatory "fixed-coefficient" strategy of GEAR/LSODE, Hindmarsh 1983), not CVODE's step-history-dependent
 * fixed-leading-coefficient l vectors (Jackson &amp; Sacks-Davis, ACM TOMS 6:295, 1980). Step and order changes are therefore spaced q + 1 steps apart (except after
 * failures), as in LSODE, to keep the formulas stable.
 *
 * <p>Steppers integrate forward in time; {@code step(tStop)} takes one step and lands exactly on tStop when it would
 * reach it. {@link Tolerances#maxSteps()} bounds the number of steps taken towards one tStop (like CVODE's mxstep per
 * call). Output grids are best sampled with {@link OdeDriver}, which steps towards the last point and interpolates.
 */
public final class BdfMethod implements OdeMethod {

    /** Systems larger than this use the sparse linear algebra when they declare a Jacobian pattern. */
    public static final int DEFAULT_SPARSE_THRESHOLD = 60;

    private final int maxOrder;
    private final int sparseThreshold;

    public BdfMethod() {
        this(BdfCoefficients.MAX_ORDER, DEFAULT_SPARSE_THRESHOLD);
    }

    /**
     * @param maxOrder highest BDF order, 1 to 5
     * @param sparseThreshold the sparse path is used when a pattern is declared and the dimension exceeds this
     *     (0 forces it for any patterned system, {@code Integer.MAX_VALUE} disables it)
     */
    public BdfMethod(int maxOrder, int sparseThreshold) {
        if (maxOrder < 1 || maxOrder > BdfCoefficients.MAX_ORDER) {
            throw new IllegalArgumentException("BDF order must be 1 to 5: " + maxOrder);
        }
        if (sparseThreshold < 0) {
            throw new IllegalArgumentException("sparse threshold must be non-negative: " + sparseThreshold);
        }
        this.maxOrder = maxOrder;
        this.sparseThreshold = sparseThreshold;
    }

    public BdfMethod withMaxOrder(int order) {
        return new BdfMethod(order, sparseThreshold);
    }

    public BdfMethod withSparseThreshold(int threshold) {
        return new BdfMethod(maxOrder, threshold);
    }

    public int maxOrder() {
        return maxOrder;
    }

    public int sparseThreshold() {
        return sparseThreshold;
    }

    @Override
    public String name() {
        return "bdf";
    }

    @Override
    public OdeStepper start(OdeSystem system, double t0, double[] y0, Tolerances tolerances) {
        return new BdfStepper(system, t0, y0, tolerances, maxOrder, sparseThreshold);
    }
}
