package org.il2sim.core.solver;

/**
 * Error-control settings shared by the ODE methods.
 *
 * @param relative relative tolerance
 * @param absolute absolute tolerance (same units as the state)
 * @param maxSteps most steps allowed per integration call before the run fails
 * @param maxStepSize largest step size, or {@code Double.POSITIVE_INFINITY}
 */
public record Tolerances(double relative, double absolute, long maxSteps, double maxStepSize) {

    /** il2sim's documented defaults: rtol 1e-6, atol 1e-12, 10^6 steps. */
    public static final Tolerances DEFAULT = new Tolerances(1e-6, 1e-12, 1_000_000L, Double.POSITIVE_INFINITY);

    public Tolerances {
        if (!(relative > 0) || !(absolute >= 0) || maxSteps <= 0 || !(maxStepSize > 0)) {
            throw new IllegalArgumentException("tolerances must be positive: rtol=" + relative + ", atol=" + absolute
                    + ", maxSteps=" + maxSteps + ", maxStepSize=" + maxStepSize);
        }
    }

    public Tolerances withRelative(double rtol) {
        return new Tolerances(rtol, absolute, maxSteps, maxStepSize);
    }

    public Tolerances withAbsolute(double atol) {
        return new Tolerances(relative, atol, maxSteps, maxStepSize);
    }

    public Tolerances withMaxSteps(long steps) {
        return new Tolerances(relative, absolute, steps, maxStepSize);
    }

    public Tolerances withMaxStepSize(double h) {
        return new Tolerances(relative, absolute, maxSteps, h);
    }
}
