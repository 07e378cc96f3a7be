package org.il2sim.core.solver.ode;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.OdeSystem;
import org.il2sim.core.solver.SolverException;
import org.il2sim.core.solver.Tolerances;

/**
 * Presents Hipparchus' Dormand–Prince 8(5,3) integrator as an {@link OdeStepper}.
 *
 * <p>Hipparchus integrates a whole interval per call, so {@link #step} integrates from the current time all the way
 * to tStop, keeping every step interpolator Hipparchus produces, and then hands the stored steps out one per call
 * (a step that crosses a later, smaller tStop is cut there and finished by the next call). Drivers therefore see
 * each internal step, which lets them detect sign changes of event functions step by step, and
 * {@link #interpolate} uses Hipparchus' dense output of the current step. {@link #restart} discards the stored
 * steps. Hipparchus' own exceptions become {@link SolverException}s with the time of the last accepted step.
 */
final class Dp853Stepper implements OdeStepper {

    private final OdeSystem system;
    private final int n;
    private final Tolerances tolerances;
    private final double[] y;
    private final List<ODEStateInterpolator> stored = new ArrayList<>();
    private int nextStored;
    private ODEStateInterpolator current;
    private double t;
    private double tPrevious;
    private long evaluations;
    private long steps;
    private long stepsThisCall;
    private double lastAccepted;
    private int nonFiniteComponent = -1; // first component of f found NaN/Inf since the last accepted step
    private double nonFiniteTime;

    Dp853Stepper(OdeSystem system, double t0, double[] y0, Tolerances tolerances) {
        this.system = system;
        this.n = system.dimension();
        if (y0.length != n) {
            throw new IllegalArgumentException("y0 has length " + y0.length + ", system dimension is " + n);
        }
        this.tolerances = tolerances;
        this.y = new double[n];
        restart(t0, y0);
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
        return evaluations;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restart(double t0, double[] y0) {
        t = t0;
        tPrevious = t0;
        System.arraycopy(y0, 0, y, 0, n);
        stored.clear();
        nextStored = 0;
        current = null;
    }

    @Override
    public double step(double tStop) {
        if (!(tStop >= t)) {
            throw new IllegalArgumentException("tStop = " + tStop + " is before the current time " + t);
        }
        if (tStop == t) {
            return t;
        }
        if (current == null || current.getCurrentState().getTime() <= t) {
            if (nextStored >= stored.size()) {
                integrate(tStop);
            }
            current = stored.get(nextStored++);
        }
        double end = current.getCurrentState().getTime();
        tPrevious = t;
        if (end <= tStop) {
            t = end;
            System.arraycopy(current.getCurrentState().getPrimaryState(), 0, y, 0, n);
        } else {
            t = tStop;
            System.arraycopy(current.getInterpolatedState(tStop).getPrimaryState(), 0, y, 0, n);
        }
        return t;
    }

    @Override
    public void interpolate(double time, double[] out) {
        if (current == null || time == t) {
            System.arraycopy(y, 0, out, 0, n);
            return;
        }
        System.arraycopy(current.getInterpolatedState(time).getPrimaryState(), 0, out, 0, n);
    }

    private void integrate(double tStop) {
        stored.clear();
        nextStored = 0;
        stepsThisCall = 0;
        lastAccepted = t;
        double span = tStop - t;
        double minStep = 16 * Math.ulp(Math.max(Math.abs(t), Math.abs(tStop)));
        double maxStep = Math.min(tolerances.maxStepSize(), span);
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(minStep, maxStep,
                tolerances.absolute(), tolerances.relative());
        integrator.addStepHandler(new Collector());
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double time, double[] state) {
                evaluations++;
                double[] dydt = new double[n];
                system.derivatives(time, state, dydt);
                if (nonFiniteComponent < 0) {
                    int bad = WeightedNorm.firstNonFinite(dydt);
                    if (bad >= 0) {
                        nonFiniteComponent = bad;
                        nonFiniteTime = time;
                    }
                }
                return dydt;
            }
        };
        nonFiniteComponent = -1;
        try {
            integrator.integrate(ode, new ODEState(t, y.clone()), tStop);
        } catch (MathRuntimeException e) {
            if (nonFiniteComponent >= 0) { // Hipparchus failed because f became NaN/Inf: report that
                throw new SolverException("right-hand side is NaN or infinite (Dormand-Prince: " + e.getMessage()
                        + ")", nonFiniteTime, system.componentName(nonFiniteComponent));
            }
            String reason = e.getMessage() != null && e.getMessage().contains("minimal step size")
                    ? "step size underflow (Dormand-Prince: " + e.getMessage() + ")"
                    : "Dormand-Prince integration failed: " + e.getMessage();
            throw new SolverException(reason, lastAccepted, null);
        }
        if (stored.isEmpty()) {
            throw new SolverException("Dormand-Prince integration made no progress", t, null);
        }
    }

    /** Keeps Hipparchus' step interpolators and enforces the step limit and finiteness of the state. */
    private final class Collector implements ODEStepHandler {
        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double[] state = interpolator.getCurrentState().getPrimaryState();
            double time = interpolator.getCurrentState().getTime();
            int bad = WeightedNorm.firstNonFinite(state);
            if (bad >= 0) {
                throw new SolverException("state became NaN or infinite", time, system.componentName(bad));
            }
            nonFiniteComponent = -1;
            steps++;
            if (++stepsThisCall > tolerances.maxSteps()) {
                throw new SolverException("too many steps (maxSteps = " + tolerances.maxSteps() + ")", lastAccepted,
                        null);
            }
            lastAccepted = time;
            stored.add(interpolator);
        }
    }
}
