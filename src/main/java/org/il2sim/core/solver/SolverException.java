package org.il2sim.core.solver;

/**
 * A numerical failure during a run, with the simulated time and, where known, the quantity involved. Its message is
 * meant for users, e.g. "step size underflow (h = 1.2e-15) at t = 3.5 on species 'IL2'".
 */
public class SolverException extends RuntimeException {

    private final double time;
    private final String quantity;

    public SolverException(String reason, double time, String quantity) {
        super(format(reason, time, quantity));
        this.time = time;
        this.quantity = quantity;
    }

    private static String format(String reason, double time, String quantity) {
        return reason + " at t = " + time + (quantity == null ? "" : " on '" + quantity + "'");
    }

    public double time() {
        return time;
    }

    /** The species, parameter or rule involved, or null. */
    public String quantity() {
        return quantity;
    }
}
