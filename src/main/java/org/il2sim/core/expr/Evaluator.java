package org.il2sim.core.expr;

/**
 * A compiled expression: reads symbol values from a flat array (slot 0 holds the time) and returns a number.
 * Compiled once per model, evaluated millions of times: no parsing, map look-ups or allocation per call.
 */
@FunctionalInterface
public interface Evaluator {

    /** Slot of the time in every value array. */
    int TIME_SLOT = 0;

    double eval(double[] values);
}
