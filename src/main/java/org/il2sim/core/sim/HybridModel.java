package org.il2sim.core.sim;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.solver.OdeSystem;

/**
 * A compiled model split into a continuous and a discrete part, for the hybrid method ({@link HybridTimeCourse}):
 * a piecewise-deterministic Markov process. Species are continuous when listed, when they have a rate rule, or,
 * with a finite threshold, while their amount is at or above it; a reaction (each direction of a reversible one
 * being a jump channel, as in {@link StochasticModel}) is continuous when every species it changes is continuous,
 * and discrete otherwise. Continuous reactions drive an ODE; discrete ones fire as jumps whose propensities may read
 * continuous species and time.
 *
 * <p>A species that became continuous because it crossed the threshold turns discrete again when its amount falls
 * below {@value #RETURN_FRACTION} of the threshold (hysteresis, so a species near the threshold does not switch at
 * every jump); its amount is then rounded to a whole number at random (down or up with probabilities that keep the
 * mean, negative amounts to 0).
 *
 * <p>Immutable and shareable: the partition, which changes during a run, lives in the per-run {@link Run}.
 */
public final class HybridModel {

    /** A threshold-continuous species returns to discrete below this fraction of the threshold. */
    public static final double RETURN_FRACTION = 0.5;

    private final CompiledModel model;
    private final List<StochasticModel.Channel> channels;
    /** Per state index: continuous for the whole run (listed, or a rate rule's variable). */
    private final boolean[] alwaysContinuous;
    private final double threshold;
    /** Per channel: the propensity may change with time while the state holds still. */
    private final boolean[] timeDependent;

    /**
     * @param continuous ids of species that are always continuous
     * @param threshold amount (molecules or cells) at or above which a species is continuous; infinity for none
     * @throws ModelException for an id that is not a species, or a model the jump part cannot run
     */
    public HybridModel(CompiledModel model, Collection<String> continuous, double threshold) {
        if (!(threshold > 0)) {
            throw ModelException.invalid("the hybrid threshold must be positive, got " + threshold);
        }
        StochasticModel.refuseUnsupported(model, true, "hybrid simulation");
        this.model = model;
        this.channels = StochasticModel.channels(model);
        this.threshold = threshold;
        boolean rulesReadTime = false;
        var functions = model.network().functionsById();
        for (org.il2sim.core.network.Rule r : model.network().rules()) {
            rulesReadTime |= Exprs.readsTime(Exprs.expandCalls(r.math(), functions::get));
        }
        timeDependent = new boolean[channels.size()];
        for (int c = 0; c < timeDependent.length; c++) {
            timeDependent[c] = rulesReadTime || Exprs.readsTime(channels.get(c).law());
        }
        int n = model.stateSize();
        alwaysContinuous = new boolean[n];
        for (int i = 0; i < n; i++) {
            alwaysContinuous[i] = model.stateSpeciesSlot[i] < 0; // a rate rule's variable
        }
        for (String id : continuous) {
            if (!model.isSpecies(id)) {
                throw ModelException.invalid("'" + id + "' is not a species of the model; known: "
                        + String.join(", ", model.network().speciesById().keySet()));
            }
            int state = model.stateIndexOfSymbol(model.slot(id));
            if (state >= 0) {
                alwaysContinuous[state] = true;
            }
        }
    }

    /** Every species discrete (unless it has a rate rule): the exact jump process, as the SSA. */
    public static HybridModel allDiscrete(CompiledModel model) {
        return new HybridModel(model, List.of(), Double.POSITIVE_INFINITY);
    }

    public CompiledModel model() {
        return model;
    }

    public double threshold() {
        return threshold;
    }

    /** A run's right-hand side and partition, evaluated in the run's own state (which its events change). */
    Run newRun(ModelState state, double clockScale) {
        return new Run(state, clockScale);
    }

    /**
     * The ODE of one run: the model's state (species amounts, rate-rule variables) and, as the last component, the
     * integrated total propensity of the discrete channels times {@code clockScale}. Discrete species do not change
     * between jumps (their derivative is 0). Not thread-safe; one per run.
     */
    final class Run implements OdeSystem {
        private final ModelState state;
        private final double clockScale;
        private final int n;
        private final boolean[] continuous;
        private final boolean[] reactionContinuous;
        private final double[] propensity;

        private Run(ModelState state, double clockScale) {
            this.state = state;
            this.clockScale = clockScale;
            this.n = model.stateSize();
            this.continuous = alwaysContinuous.clone();
            this.reactionContinuous = new boolean[model.reactionSlot.length];
            this.propensity = new double[channels.size()];
            classifyReactions();
        }

        /** Index of the clock component in the extended state. */
        int clock() {
            return n;
        }

        double clockScale() {
            return clockScale;
        }

        boolean isContinuous(int stateIndex) {
            return continuous[stateIndex];
        }

        /**
         * Applies the threshold to every species: those at or above it become continuous; threshold-continuous ones
         * below {@link #RETURN_FRACTION} of it become discrete, their amounts in {@code y} rounded at random.
         *
         * @return true when the partition changed
         */
        boolean repartition(double[] y, RandomGenerator rng) {
            if (threshold == Double.POSITIVE_INFINITY) {
                return false;
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (alwaysContinuous[i]) {
                    continue;
                }
                if (!continuous[i] && y[i] >= threshold) {
                    continuous[i] = true;
                    changed = true;
                } else if (continuous[i] && y[i] < RETURN_FRACTION * threshold) {
                    continuous[i] = false;
                    y[i] = roundKeepingMean(y[i], rng);
                    changed = true;
                }
            }
            if (changed) {
                classifyReactions();
            }
            return changed;
        }

        private void classifyReactions() {
            for (int j = 0; j < reactionContinuous.length; j++) {
                boolean all = true;
                for (int s : model.effectState[j]) {
                    all &= continuous[s];
                }
                reactionContinuous[j] = all;
            }
        }

        /**
         * True when nothing changes between jumps but the clock, and the clock runs at a constant rate: no
         * continuous reaction changes anything, no rate rule, and no discrete propensity reads time (directly or
         * through a rule). Then the clock is linear and no ODE needs integrating.
         */
        boolean still() {
            if (model.rateRuleState.length > 0) {
                return false;
            }
            for (int j = 0; j < reactionContinuous.length; j++) {
                if (reactionContinuous[j] && model.effectState[j].length > 0) {
                    return false;
                }
            }
            for (int c = 0; c < timeDependent.length; c++) {
                if (timeDependent[c] && !reactionContinuous[channels.get(c).reaction()]) {
                    return false;
                }
            }
            return true;
        }

        /** Evaluates the discrete channels' propensities at (t, y) and returns their sum. */
        double propensities(double t, double[] y) {
            state.refresh(t, y);
            return discretePropensities(state.values());
        }

        private double discretePropensities(double[] v) {
            double sum = 0;
            for (int c = 0; c < propensity.length; c++) {
                StochasticModel.Channel ch = channels.get(c);
                double a = 0;
                if (!reactionContinuous[ch.reaction()]) {
                    Evaluator law = ch.evaluator();
                    a = law == null ? v[model.reactionSlot[ch.reaction()]] : law.eval(v);
                    a = a > 0 ? a : 0;
                }
                propensity[c] = a;
                sum += a;
            }
            return sum;
        }

        /**
         * Fires the channel that r (uniform in [0, sum of propensities)) selects, as in Gillespie's direct method,
         * using the propensities of the last {@link #propensities} call; returns false when none has a positive
         * propensity.
         */
        boolean fire(double r, double[] y) {
            double sum = 0;
            int last = -1;
            for (int c = 0; c < propensity.length; c++) {
                if (propensity[c] > 0) {
                    last = c;
                    sum += propensity[c];
                    if (sum > r) {
                        break;
                    }
                }
            }
            if (last < 0) {
                return false;
            }
            StochasticModel.Channel ch = channels.get(last); // r beyond the rounded sum picks the last channel
            int[] changed = ch.changed();
            double[] changes = ch.changes();
            for (int k = 0; k < changed.length; k++) {
                y[changed[k]] += changes[k];
            }
            return true;
        }

        @Override
        public int dimension() {
            return n + 1;
        }

        @Override
        public String componentName(int i) {
            return i == n ? "(hybrid jump clock)" : model.stateNames[i];
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            state.refresh(t, y);
            double[] v = state.values();
            Arrays.fill(dydt, 0.0);
            int[] rslot = model.reactionSlot;
            for (int j = 0; j < rslot.length; j++) {
                if (!reactionContinuous[j]) {
                    continue;
                }
                double rate = v[rslot[j]];
                int[] st = model.effectState[j];
                double[] coef = model.effectCoefficient[j];
                for (int k = 0; k < st.length; k++) {
                    dydt[st[k]] += coef[k] * rate;
                }
            }
            int[] rr = model.rateRuleState;
            Evaluator[] rules = model.rateRules;
            for (int k = 0; k < rr.length; k++) {
                dydt[rr[k]] = rules[k].eval(v);
            }
            dydt[n] = clockScale * discretePropensities(v);
        }

        /**
         * The model's symbolic Jacobian restricted to the continuous reactions; the clock's row is left out (zero):
         * the clock feeds back into nothing, so the Newton iteration still converges to the BDF solution.
         */
        @Override
        public boolean jacobian(double t, double[] y, double[] dfdy) {
            if (model.jacobian == null) {
                return false;
            }
            int dim = n + 1;
            Arrays.fill(dfdy, 0, dim * dim, 0.0);
            return sparseJacobian(t, y, (i, j, value) -> dfdy[i * dim + j] += value);
        }

        @Override
        public boolean sparseJacobian(double t, double[] y, JacobianSink sink) {
            AnalyticJacobian jac = model.jacobian;
            if (jac == null) {
                return false;
            }
            state.refresh(t, y);
            double[] v = state.values();
            for (int j = 0; j < jac.reactionColumns.length; j++) {
                if (!reactionContinuous[j]) {
                    continue;
                }
                int[] cols = jac.reactionColumns[j];
                Evaluator[] d = jac.reactionDerivatives[j];
                int[] st = model.effectState[j];
                double[] coef = model.effectCoefficient[j];
                for (int c = 0; c < cols.length; c++) {
                    double dr = d[c].eval(v);
                    if (dr != 0) {
                        for (int k = 0; k < st.length; k++) {
                            sink.add(st[k], cols[c], coef[k] * dr);
                        }
                    }
                }
            }
            jac.addRateRules(model.rateRuleState, v, sink);
            return true;
        }

        @Override
        public int[][] jacobianPattern() {
            if (model.jacobian == null) {
                return null;
            }
            int[][] pattern = Arrays.copyOf(model.jacobian.pattern, n + 1);
            pattern[n] = new int[0];
            return pattern;
        }
    }

    /** floor(x) or floor(x) + 1, the latter with probability x - floor(x), so the mean is x; negative x gives 0. */
    static double roundKeepingMean(double x, RandomGenerator rng) {
        if (!(x > 0)) {
            return 0;
        }
        double down = Math.floor(x);
        return rng.nextDouble() < x - down ? down + 1 : down;
    }
}
