package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;

/**
 * A reaction network compiled for simulation. Immutable and shareable between threads; per-run state lives in a
 * {@link ModelState}.
 *
 * <p>Layout: every symbol (compartment, species, parameter, species reference, reaction) has a slot in a flat value
 * array; slot 0 is the time. The ODE state holds species <em>amounts</em> for species that reactions change (so that
 * concentrations follow compartment-size changes, as SBML defines) and the values of symbols with rate rules.
 * Amounts live in extra slots after the symbols; one refresh pass copies the state in and evaluates conversions,
 * assignment rules and reaction rates in dependency order.
 */
public final class CompiledModel {

    final ReactionNetwork network;
    final Map<String, Integer> slots;
    final String[] slotNames;
    final int slotCount;

    /** Per state component: the slot it is copied to, and what it is. */
    final int[] stateSlot;
    final String[] stateNames;
    /** For amount states: the species' symbol slot; -1 for direct states. */
    final int[] stateSpeciesSlot;

    /** Refresh steps: v[stepTarget[k]] = steps[k].eval(v), in dependency order. */
    final int[] stepTarget;
    final Evaluator[] steps;

    /** Reaction rate slots, and for each reaction the state entries it changes. */
    final int[] reactionSlot;
    final int[][] effectState;
    final double[][] effectCoefficient;
    /** Slot of a variable stoichiometry (sign in effectCoefficient), or -1. */
    final int[][] effectStoichSlot;
    /** Slot of the conversion factor, or -1. */
    final int[][] effectFactorSlot;

    /** Rate rules: state index and evaluator. */
    final int[] rateRuleState;
    final Evaluator[] rateRules;

    /** Fast reactions: their rate slots, and the amount slots and coefficients of the species they change. */
    final int[] fastRateSlot;
    final int[][] fastAmountSlot;
    final double[][] fastCoefficient;
    /** Per fast-reaction entry: slot of a variable stoichiometry and of a conversion factor, or -1. */
    final int[][] fastStoichSlot;
    final int[][] fastFactorSlot;
    /** Algebraic rules: the slot each one determines, and the residual evaluators (0 = rule). */
    final int[] algebraicSlot;
    final Evaluator[] algebraicResiduals;

    /** Initial values of every slot (with amounts), evaluated in dependency order at compile time. */
    final double[] initialValues;
    final double[] initialState;

    /** Symbol slot → state index, or -1. */
    private final int[] symbolState;
    private final NetworkCompiler context;
    private final DelayHistory delays;
    /** Values fixed by {@link #withValues}, kept so per-run recompilations (delay models) keep them. */
    private final Map<String, Double> pinned;
    /** The symbolic Jacobian, or null when solvers must use finite differences. */
    final AnalyticJacobian jacobian;
    private final double smallestDelay;

    private final Map<String, Species> speciesById;
    private final Map<String, Compartment> compartmentsById;
    private final Set<String> parameterIds;

    private CompiledModel(NetworkCompiler b) {
        this(b, b.initialValues, b.initialState, Map.of(), null, true);
    }

    /** Shares everything compiled from b; only the initial values differ (see {@link #withValues}). */
    private CompiledModel(NetworkCompiler b, double[] initialValues, double[] initialState, Map<String, Double> pinned,
                          AnalyticJacobian jacobian, boolean buildJacobian) {
        this.network = b.network;
        this.slots = b.slots;
        this.slotNames = b.slotNames.toArray(String[]::new);
        this.slotCount = slotNames.length;
        this.stateSlot = b.stateSlot.stream().mapToInt(Integer::intValue).toArray();
        this.stateNames = b.stateNames.toArray(String[]::new);
        this.stateSpeciesSlot = b.stateSpeciesSlot.stream().mapToInt(Integer::intValue).toArray();
        this.stepTarget = b.stepTarget;
        this.steps = b.steps;
        this.reactionSlot = b.reactionSlot;
        this.effectState = b.effectState;
        this.effectCoefficient = b.effectCoefficient;
        this.effectStoichSlot = b.effectStoichSlot;
        this.effectFactorSlot = b.effectFactorSlot;
        this.rateRuleState = b.rateRuleState;
        this.rateRules = b.rateRules;
        this.fastRateSlot = b.fastRateSlot;
        this.fastAmountSlot = b.fastAmountSlot;
        this.fastCoefficient = b.fastCoefficient;
        this.fastStoichSlot = b.fastStoichSlot;
        this.fastFactorSlot = b.fastFactorSlot;
        this.algebraicSlot = b.algebraicSlot;
        this.algebraicResiduals = b.algebraicResiduals;
        this.initialValues = initialValues;
        this.initialState = initialState;
        this.pinned = Map.copyOf(pinned);
        this.speciesById = network.speciesById();
        this.context = b;
        this.delays = b.delays;
        this.smallestDelay = b.smallestDelay;
        this.jacobian = !buildJacobian ? jacobian : delays.isEmpty() ? AnalyticJacobian.tryBuild(this, b) : null;
        this.symbolState = new int[slotCount + 1];
        java.util.Arrays.fill(symbolState, -1);
        for (int i = 0; i < stateSlot.length; i++) {
            symbolState[stateSpeciesSlot[i] >= 0 ? stateSpeciesSlot[i] : stateSlot[i]] = i;
        }
        this.compartmentsById = network.compartmentsById();
        this.parameterIds = network.parametersById().keySet();
    }

    /** Compiles a network; throws {@link ModelException} for cycles or unsupported constructs. */
    public static CompiledModel compile(ReactionNetwork network) {
        return new CompiledModel(new NetworkCompiler(network).build());
    }

    public ReactionNetwork network() {
        return network;
    }

    public int stateSize() {
        return stateSlot.length;
    }

    /** Slot of a symbol, or -1. */
    public int slot(String id) {
        Integer s = slots.get(id);
        return s == null ? -1 : s;
    }

    public String stateName(int i) {
        return stateNames[i];
    }

    /**
     * The same compiled model with some declared values changed (parameters, compartment sizes, species' initial
     * symbol values): initial values are evaluated again with these values pinned, so initial assignments that read
     * them follow, but nothing is recompiled. This is how dose and parameter sweeps avoid recompiling per point.
     *
     * @throws ModelException for an unknown id or one that an assignment rule or initial assignment defines
     */
    public CompiledModel withValues(Map<String, Double> values) {
        double[] pins = new double[slotCount + 1];
        Arrays.fill(pins, Double.NaN);
        Map<String, Double> all = new LinkedHashMap<>(pinned);
        all.putAll(values);
        for (Map.Entry<String, Double> e : all.entrySet()) {
            Integer s = slots.get(e.getKey());
            if (s == null || e.getKey().startsWith("amount(")) {
                throw ModelException.invalid("unknown quantity '" + e.getKey() + "'");
            }
            if (context.assignmentRules.containsKey(e.getKey()) || context.initialAssigned(e.getKey())) {
                throw ModelException.invalid("'" + e.getKey() + "' is computed by a rule or initial assignment and"
                        + " cannot be set");
            }
            pins[s] = e.getValue();
        }
        double[] v = new double[slotCount + 1];
        Arrays.fill(v, Double.NaN);
        v[Evaluator.TIME_SLOT] = 0;
        double[] state = new double[stateSlot.length];
        context.initialValuesAt(v, state, pins);
        return new CompiledModel(context, v, state, all, jacobian, false);
    }

    /** A symbol's value at t = 0 (after initial assignments and rules). */
    public double initialValue(String id) {
        int s = slot(id);
        if (s < 0) {
            throw ModelException.invalid("unknown quantity '" + id + "'");
        }
        return initialValues[s];
    }

    /** A copy of the initial state vector. */
    public double[] initialState() {
        return initialState.clone();
    }

    /**
     * A fresh per-run state at the model's initial values. A model with delays keeps a value history per run, so it
     * is recompiled privately for each run and this instance stays shareable.
     */
    public ModelState newState(double t0) {
        if (!delays.isEmpty()) {
            CompiledModel fresh = compile(network);
            return new ModelState(pinned.isEmpty() ? fresh : fresh.withValues(pinned), t0);
        }
        return new ModelState(this, t0);
    }

    /**
     * The values and state the model would have started with at time t (rules and initial assignments that read
     * time follow it): the history that delay() sees before the run starts.
     */
    double[] initialValuesAt(double t, double[] state) {
        double[] v = new double[slotCount + 1];
        Arrays.fill(v, Double.NaN);
        v[Evaluator.TIME_SLOT] = t;
        context.initialValuesAt(v, state);
        return v;
    }

    /** True when the right-hand side has a symbolic Jacobian. */
    public boolean hasAnalyticJacobian() {
        return jacobian != null;
    }

    /** The per-run history of delayed expressions (empty for models without delay()). */
    DelayHistory delays() {
        return delays;
    }

    /** The smallest delay at t = 0 (bounds the step size so histories are read, not extrapolated). */
    double smallestDelay() {
        return smallestDelay;
    }

    /**
     * How to read a quantity from a value array: a symbol's value, or a species as amount or concentration.
     *
     * @param asAmount for species: true for the amount, false for the concentration; ignored for other symbols
     */
    public Readout readout(String id, boolean asAmount) {
        Integer s = slots.get(id);
        if (s == null) {
            throw ModelException.invalid("unknown quantity '" + id + "'");
        }
        Species sp = speciesById.get(id);
        if (sp == null) {
            return v -> v[s];
        }
        int c = slots.get(sp.compartment());
        if (sp.hasOnlySubstanceUnits()) {
            return asAmount ? v -> v[s] : v -> v[s] / v[c];
        }
        return asAmount ? v -> v[s] * v[c] : v -> v[s];
    }

    /** Reads one output quantity from a value array. */
    @FunctionalInterface
    public interface Readout {
        double read(double[] values);
    }

    /** Ids of the parameters, compartments and species references that rules or events change. */
    public List<String> variableNonSpecies() {
        Set<String> changed = new HashSet<>();
        for (Rule r : network.rules()) {
            if (r instanceof Rule.Assignment a) {
                changed.add(a.variable());
            } else if (r instanceof Rule.Rate rr) {
                changed.add(rr.variable());
            }
        }
        network.events().forEach(e -> e.assignments().forEach(a -> changed.add(a.variable())));
        List<String> out = new ArrayList<>();
        for (String name : slotNames) {
            if (changed.contains(name) && !speciesById.containsKey(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** State index holding a symbol (its amount for species), or -1 when the symbol is not integrated. */
    int stateIndexOfSymbol(int slot) {
        return symbolState[slot];
    }

    /** Compiles an expression against this model's layout (functions inlined, rateOf expanded). */
    Evaluator compileExpression(Expr e, String where) {
        return context.compileExternal(e, where);
    }

    /** The refresh steps that expressions compiled by {@link #compileExpression} read, directly or via rules. */
    NetworkCompiler.StepSubset stepsReadBy(java.util.List<Expr> expressions) {
        return context.stepsReadBy(expressions);
    }

    /** True when the per-run state is found by solving algebraic constraints (fast reactions, algebraic rules). */
    boolean hasConstraints() {
        return fastRateSlot.length > 0 || algebraicSlot.length > 0;
    }

    /** True for parameters and compartments: constant during a run of a model without rules and events. */
    boolean isParameterOrCompartment(String id) {
        return compartmentsById.containsKey(id) || parameterIds.contains(id);
    }

    boolean isSpecies(String id) {
        return speciesById.containsKey(id);
    }

    Species species(String id) {
        return speciesById.get(id);
    }

    Compartment compartment(String id) {
        return compartmentsById.get(id);
    }
}
