package org.il2sim.core.solver.ode;

import org.il2sim.core.solver.OdeSystem;

/** Wraps a system to count right-hand-side evaluations (including those spent on finite-difference Jacobians). */
final class CountingSystem implements OdeSystem {

    private final OdeSystem delegate;
    private long evaluations;

    CountingSystem(OdeSystem delegate) {
        this.delegate = delegate;
    }

    long evaluations() {
        return evaluations;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        evaluations++;
        delegate.derivatives(t, y, dydt);
    }

    @Override
    public boolean jacobian(double t, double[] y, double[] dfdy) {
        return delegate.jacobian(t, y, dfdy);
    }

    @Override
    public boolean sparseJacobian(double t, double[] y, JacobianSink sink) {
        return delegate.sparseJacobian(t, y, sink);
    }

    @Override
    public int[][] jacobianPattern() {
        return delegate.jacobianPattern();
    }

    @Override
    public String componentName(int i) {
        return delegate.componentName(i);
    }
}
