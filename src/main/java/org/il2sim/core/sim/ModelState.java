package org.il2sim.core.sim;

import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.solver.OdeSystem;

/**
 * The per-run state of a {@link CompiledModel}: the value array holding parameters that events may change, and the
 * ODE right-hand side over the model's state vector. One instance per run; not thread-safe.
 */
public final class ModelState implements OdeSystem {

    private final CompiledModel model;
    private final double[] values;

    /** Unknowns of the algebraic constraints: fast-reaction extents, then algebraic-rule variables. */
    private final double[] constraintUnknowns;
    private final ConstraintSolver constraintSolver;
    private final ConstraintSolver.Residual constraintResidual;
    private double[] currentState;
    private final String constraintNames;

    ModelState(CompiledModel model, double t0) {
        this.model = model;
        this.values = model.initialValues.clone();
        this.values[Evaluator.TIME_SLOT] = t0;
        int nFast = model.fastRateSlot.length;
        int nAlg = model.algebraicSlot.length;
        constraintUnknowns = new double[nFast + nAlg];
        for (int k = 0; k < nAlg; k++) {
            constraintUnknowns[nFast + k] = values[model.algebraicSlot[k]];
        }
        constraintSolver = constraintUnknowns.length == 0 ? null : new ConstraintSolver(constraintUnknowns.length);
        constraintResidual = this::constraintResidual;
        model.delays().setPreHistory(this::preHistory);
        constraintNames = (nFast > 0 ? "the fast reactions" : "") + (nFast > 0 && nAlg > 0 ? " and " : "")
                + (nAlg > 0 ? "the algebraic rules" : "");
    }

    public CompiledModel model() {
        return model;
    }

    /** The value array after the last {@link #refresh}; a live view. */
    public double[] values() {
        return values;
    }

    @Override
    public int dimension() {
        return model.stateSlot.length;
    }

    @Override
    public String componentName(int i) {
        return model.stateNames[i];
    }

    /** Brings every derived value (concentrations, assignment rules, reaction rates) up to date with (t, y). */
    public void refresh(double t, double[] y) {
        double[] v = values;
        v[Evaluator.TIME_SLOT] = t;
        if (constraintSolver != null) {
            currentState = y;
            constraintSolver.solve(constraintResidual, constraintUnknowns, t, constraintNames);
            constraintResidual(constraintUnknowns, null);
            return;
        }
        copyState(y);
        runSteps();
    }

    /**
     * Evaluates into v, a copy of this state's value array, what a refresh at (t, y) would give for the targets of
     * the given refresh steps (all when null), without touching this state. Only for models without algebraic
     * constraints; slots of other steps keep whatever v held.
     */
    void evaluateInto(double t, double[] y, double[] v, int[] selected) {
        v[Evaluator.TIME_SLOT] = t;
        int[] stateSlot = model.stateSlot;
        for (int i = 0; i < stateSlot.length; i++) {
            v[stateSlot[i]] = y[i];
        }
        int[] target = model.stepTarget;
        Evaluator[] steps = model.steps;
        if (selected == null) {
            for (int k = 0; k < steps.length; k++) {
                v[target[k]] = steps[k].eval(v);
            }
        } else {
            for (int k : selected) {
                v[target[k]] = steps[k].eval(v);
            }
        }
    }

    private void copyState(double[] y) {
        double[] v = values;
        int[] stateSlot = model.stateSlot;
        for (int i = 0; i < stateSlot.length; i++) {
            v[stateSlot[i]] = y[i];
        }
    }

    /**
     * Sets the state plus the fast-reaction extents and the algebraic variables from u, evaluates everything, and
     * writes the residuals (fast-reaction rates, algebraic rule values) into r when r is not null. Fast reactions
     * are at equilibrium when their rates vanish: the amounts are the integrated state moved along the fast
     * reactions' stoichiometry by the extents.
     */
    private void constraintResidual(double[] u, double[] r) {
        double[] v = values;
        copyState(currentState);
        int nFast = model.fastRateSlot.length;
        for (int f = 0; f < nFast; f++) {
            int[] slots = model.fastAmountSlot[f];
            double[] coef = model.fastCoefficient[f];
            int[] stoich = model.fastStoichSlot[f];
            int[] factor = model.fastFactorSlot[f];
            for (int k = 0; k < slots.length; k++) {
                // variable stoichiometries and conversion factors take their latest values
                double c = stoich[k] >= 0 ? coef[k] * v[stoich[k]] : coef[k];
                if (factor[k] >= 0) {
                    c *= v[factor[k]];
                }
                v[slots[k]] += c * u[f];
            }
        }
        int[] alg = model.algebraicSlot;
        for (int k = 0; k < alg.length; k++) {
            v[alg[k]] = u[nFast + k];
        }
        runSteps();
        if (r != null) {
            for (int f = 0; f < nFast; f++) {
                r[f] = v[model.fastRateSlot[f]];
            }
            for (int k = 0; k < alg.length; k++) {
                r[nFast + k] = model.algebraicResiduals[k].eval(v);
            }
        }
    }

    /** A delayed expression before t0: the initial state at time tau, rules re-evaluated (a fresh array: re-entrant). */
    private double preHistory(int k, double tau) {
        double[] state = new double[model.stateSize()];
        double[] v = model.initialValuesAt(tau, state);
        runSteps(v);
        return model.delays().evaluateArgument(k, v);
    }

    private void runSteps() {
        runSteps(values);
    }

    private void runSteps(double[] v) {
        int[] target = model.stepTarget;
        Evaluator[] steps = model.steps;
        for (int k = 0; k < steps.length; k++) {
            v[target[k]] = steps[k].eval(v);
        }
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        refresh(t, y);
        double[] v = values;
        java.util.Arrays.fill(dydt, 0.0);
        int[] rslot = model.reactionSlot;
        for (int j = 0; j < rslot.length; j++) {
            double rate = v[rslot[j]];
            int[] st = model.effectState[j];
            double[] coef = model.effectCoefficient[j];
            int[] stoichSlot = model.effectStoichSlot[j];
            int[] factorSlot = model.effectFactorSlot[j];
            for (int k = 0; k < st.length; k++) {
                double c = stoichSlot[k] >= 0 ? coef[k] * v[stoichSlot[k]] : coef[k];
                if (factorSlot[k] >= 0) {
                    c *= v[factorSlot[k]];
                }
                dydt[st[k]] += c * rate;
            }
        }
        int[] rr = model.rateRuleState;
        Evaluator[] rules = model.rateRules;
        for (int k = 0; k < rr.length; k++) {
            dydt[rr[k]] = rules[k].eval(v);
        }
    }

    /** True when the model reads past values through delay(). */
    public boolean hasDelays() {
        return !model.delays().isEmpty();
    }

    /** Records the delayed expressions at (t, y) for later delay() look-ups; call on accepted points in time order. */
    public void recordHistory(double t, double[] y) {
        refresh(t, y);
        model.delays().record(values);
    }

    /** The largest step that keeps delay() look-ups inside the recorded history. */
    public double maxStepForDelays() {
        double d = model.smallestDelay();
        return Double.isFinite(d) ? d / 2 : Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean jacobian(double t, double[] y, double[] dfdy) {
        if (model.jacobian == null) {
            return false;
        }
        int n = y.length;
        java.util.Arrays.fill(dfdy, 0, n * n, 0.0);
        // the dense form is the sparse entries added into an n x n array (Jacobians are evaluated rarely)
        return sparseJacobian(t, y, (i, j, value) -> dfdy[i * n + j] += value);
    }

    /** The same entries as {@link #jacobian(double, double[], double[])}, one at a time, without an n x n array. */
    @Override
    public boolean sparseJacobian(double t, double[] y, JacobianSink sink) {
        AnalyticJacobian jac = model.jacobian;
        if (jac == null) {
            return false;
        }
        refresh(t, y);
        double[] v = values;
        for (int j = 0; j < jac.reactionColumns.length; j++) {
            int[] cols = jac.reactionColumns[j];
            if (cols.length == 0) {
                continue;
            }
            Evaluator[] d = jac.reactionDerivatives[j];
            int[] st = model.effectState[j];
            double[] coef = model.effectCoefficient[j];
            int[] stoichSlot = model.effectStoichSlot[j];
            int[] factorSlot = model.effectFactorSlot[j];
            for (int c = 0; c < cols.length; c++) {
                double dr = d[c].eval(v);
                if (dr == 0) {
                    continue;
                }
                for (int k = 0; k < st.length; k++) {
                    double s = stoichSlot[k] >= 0 ? coef[k] * v[stoichSlot[k]] : coef[k];
                    if (factorSlot[k] >= 0) {
                        s *= v[factorSlot[k]];
                    }
                    sink.add(st[k], cols[c], s * dr);
                }
            }
        }
        jac.addRateRules(model.rateRuleState, v, sink);
        return true;
    }

    @Override
    public int[][] jacobianPattern() {
        return model.jacobian == null ? null : model.jacobian.pattern;
    }

    /** Sets a symbol's value in the persistent value array (for constants and event-changed parameters). */
    public void setValue(int slot, double value) {
        values[slot] = value;
    }
}
