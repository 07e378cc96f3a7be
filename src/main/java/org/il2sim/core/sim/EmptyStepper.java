package org.il2sim.core.sim;

import org.il2sim.core.solver.OdeStepper;

/** The stepper of a model with no integrated state (only rules and events): time just advances. */
final class EmptyStepper implements OdeStepper {

    private static final double[] NONE = new double[0];
    private double time;
    private double previous;
    private long steps;

    EmptyStepper(double t0) {
        time = t0;
        previous = t0;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public double previousTime() {
        return previous;
    }

    @Override
    public double[] state() {
        return NONE;
    }

    @Override
    public double step(double tStop) {
        previous = time;
        time = tStop;
        steps++;
        return time;
    }

    @Override
    public void interpolate(double t, double[] out) {
        // no state to interpolate
    }

    @Override
    public void restart(double t, double[] y) {
        time = t;
        previous = t;
    }

    @Override
    public long evaluations() {
        return 0;
    }

    @Override
    public long steps() {
        return steps;
    }
}
