package org.il2sim.core.sim;

import org.il2sim.core.solver.OdeStepper;

/**
 * A stepper view of a stochastic state, which is constant between reactions: lets {@link EventScheduler} locate
 * time-driven trigger changes while the counts hold still.
 */
final class ConstantStepper implements OdeStepper {

    private double from;
    private double to;
    private double[] state;

    void set(double from, double to, double[] state) {
        this.from = from;
        this.to = to;
        this.state = state;
    }

    @Override
    public double time() {
        return to;
    }

    @Override
    public double previousTime() {
        return from;
    }

    @Override
    public double[] state() {
        return state;
    }

    @Override
    public double step(double tStop) {
        throw new IllegalStateException("a constant-state view does not step");
    }

    @Override
    public void interpolate(double t, double[] out) {
        System.arraycopy(state, 0, out, 0, state.length);
    }

    @Override
    public void restart(double t, double[] y) {
        throw new IllegalStateException("a constant-state view does not restart");
    }

    @Override
    public long evaluations() {
        return 0;
    }

    @Override
    public long steps() {
        return 0;
    }
}
