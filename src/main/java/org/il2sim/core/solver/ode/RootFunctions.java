package org.il2sim.core.solver.ode;

/**
 * Event functions g(t, y) whose sign changes {@link OdeDriver} locates. They may be discontinuous (a boolean trigger
 * encoded as ±1): the driver brackets the switching time, it does not need derivatives or continuity.
 */
public interface RootFunctions {

    /** Number of functions. */
    int count();

    /** Writes g_i(t, y), i = 0..count()-1, into g; must not modify y. */
    void evaluate(double t, double[] y, double[] g);

    /** A single scalar event function, for {@link #of(Function)}. */
    @FunctionalInterface
    interface Function {
        double value(double t, double[] y);
    }

    /** One event function. */
    static RootFunctions of(Function g) {
        return new RootFunctions() {
            @Override
            public int count() {
                return 1;
            }

            @Override
            public void evaluate(double t, double[] y, double[] out) {
                out[0] = g.value(t, y);
            }
        };
    }
}
