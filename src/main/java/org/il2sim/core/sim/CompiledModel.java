package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.CompileContext;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.ExprCompiler;
import org.il2sim.core.expr.ExprException;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;

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
    private final Builder context;
    private final DelayHistory delays;
    /** The symbolic Jacobian, or null when solvers must use finite differences. */
    final AnalyticJacobian jacobian;
    private final double smallestDelay;

    private final Map<String, Species> speciesById;
    private final Map<String, Compartment> compartmentsById;
    private final Set<String> parameterIds;

    private CompiledModel(Builder b) {
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
        this.initialValues = b.initialValues;
        this.initialState = b.initialState;
        this.speciesById = network.speciesById();
        this.context = b;
        this.delays = b.delays;
        this.smallestDelay = b.smallestDelay;
        this.jacobian = delays.isEmpty() ? AnalyticJacobian.tryBuild(this, b) : null;
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
        return new CompiledModel(new Builder(network).build());
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
            return new ModelState(compile(network), t0);
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

    /** Collects the layout, ordering and evaluators. */
    private static final class Builder implements CompileContext {
        final ReactionNetwork network;
        final Map<String, Integer> slots = new LinkedHashMap<>();
        final List<String> slotNames = new ArrayList<>();
        final List<Integer> stateSlot = new ArrayList<>();
        final List<String> stateNames = new ArrayList<>();
        final List<Integer> stateSpeciesSlot = new ArrayList<>();
        final Map<String, Integer> stateOf = new HashMap<>();
        final Map<String, CompileContext.FunctionDefinition> functions;
        final Map<String, Expr> assignmentRules = new LinkedHashMap<>();
        final Map<String, Expr> rateRuleMath = new LinkedHashMap<>();
        final Map<String, Species> species;
        final Map<String, Integer> amountSlot = new HashMap<>();
        int[] stepTarget;
        Evaluator[] steps;
        int[] reactionSlot;
        int[][] effectState;
        double[][] effectCoefficient;
        int[][] effectStoichSlot;
        int[][] effectFactorSlot;
        int[] rateRuleState;
        double[] initialValues;
        double[] initialState;
        final List<Expr> algebraicRules = new ArrayList<>();
        final List<String> algebraicVariables = new ArrayList<>();
        int[] fastRateSlot;
        int[][] fastAmountSlot;
        double[][] fastCoefficient;
        int[][] fastStoichSlot;
        int[][] fastFactorSlot;
        int[] algebraicSlot;
        Evaluator[] algebraicResiduals;
        Evaluator[] rateRules;

        Builder(ReactionNetwork network) {
            this.network = network;
            this.functions = network.functionsById();
            this.species = network.speciesById();
        }

        @Override
        public int slot(String id) {
            Integer s = slots.get(id);
            return s == null ? -1 : s;
        }

        @Override
        public FunctionDefinition function(String name) {
            return functions.get(name);
        }

        final DelayHistory delays = new DelayHistory();
        double smallestDelay = Double.POSITIVE_INFINITY;
        final List<Evaluator> delayAmounts = new ArrayList<>();

        @Override
        public Evaluator delay(Expr x, Evaluator compiledX, Evaluator delay) {
            boolean rate = x instanceof Expr.Apply a && a.op() == Op.RATE_OF;
            int k = delays.register(compiledX, rate);
            delayAmounts.add(delay);
            DelayHistory history = delays;
            return v -> history.lookup(k, v, delay.eval(v));
        }

        Builder build() {
            for (Rule r : network.rules()) {
                if (r instanceof Rule.Assignment a) {
                    assignmentRules.put(a.variable(), a.math());
                } else if (r instanceof Rule.Rate rr) {
                    rateRuleMath.put(rr.variable(), rr.math());
                } else {
                    algebraicRules.add(Exprs.expandCalls(r.math(), functions::get));
                }
            }
            algebraicVariables.addAll(AlgebraicMatching.match(network, algebraicRules, assignmentRules.keySet(),
                    rateRuleMath.keySet()));
            layoutSlots();
            compileRefreshSteps();
            compileReactionEffects();
            compileRateRules();
            compileConstraints();
            computeInitialValues();
            return this;
        }

        private int addSlot(String id) {
            int s = slotNames.size() + 1;
            slots.put(id, s);
            slotNames.add(id);
            return s;
        }

        private void layoutSlots() {
            network.compartments().forEach(c -> addSlot(c.id()));
            network.species().forEach(s -> addSlot(s.id()));
            network.parameters().forEach(p -> addSlot(p.id()));
            for (Reaction r : network.reactions()) {
                for (SpeciesReference ref : refs(r)) {
                    if (ref.id() != null) {
                        addSlot(ref.id());
                    }
                }
            }
            network.reactions().forEach(r -> addSlot(r.id()));
            // State: species amounts for species not fixed by an assignment or rate rule; rate-ruled symbols directly.
            for (Species s : network.species()) {
                if (!assignmentRules.containsKey(s.id()) && !rateRuleMath.containsKey(s.id())
                        && !algebraicVariables.contains(s.id())) {
                    int amt = addSlot("amount(" + s.id() + ")");
                    amountSlot.put(s.id(), amt);
                    stateOf.put(s.id(), stateSlot.size());
                    stateSlot.add(amt);
                    stateNames.add(s.id());
                    stateSpeciesSlot.add(slots.get(s.id()));
                }
            }
            for (String id : rateRuleMath.keySet()) {
                stateOf.put(id, stateSlot.size());
                stateSlot.add(slots.get(id));
                stateNames.add(id);
                stateSpeciesSlot.add(-1);
            }
        }

        private static List<SpeciesReference> refs(Reaction r) {
            List<SpeciesReference> out = new ArrayList<>(r.reactants());
            out.addAll(r.products());
            return out;
        }

        /** Definitions evaluated at every refresh: species conversions, assignment rules, reaction rates. */
        private Map<String, Expr> runtimeDefinitions() {
            Map<String, Expr> defs = new LinkedHashMap<>();
            for (Species s : network.species()) {
                if (amountSlot.containsKey(s.id())) {
                    Expr amount = new Expr.Sym("amount(" + s.id() + ")");
                    defs.put(s.id(), s.hasOnlySubstanceUnits() ? amount
                            : new Expr.Apply(Op.DIVIDE, amount, new Expr.Sym(s.compartment())));
                }
            }
            defs.putAll(assignmentRules);
            for (Reaction r : network.reactions()) {
                defs.put(r.id(), r.rate() == null ? new Expr.Num(0) : r.rate());
            }
            defs.replaceAll((k, e) -> Exprs.expandCalls(e, functions::get));
            return defs;
        }

        private void compileRefreshSteps() {
            Map<String, Expr> defs = runtimeDefinitions();
            List<String> order = DependencyOrder.sort(readsOf(defs), "assignment rules");
            ExprCompiler compiler = new ExprCompiler(this);
            stepTarget = new int[order.size()];
            steps = new Evaluator[order.size()];
            for (int k = 0; k < order.size(); k++) {
                String id = order.get(k);
                stepTarget[k] = slots.get(id);
                steps[k] = compileFor(compiler, defs.get(id), describe(id));
            }
        }

        private String describe(String id) {
            if (assignmentRules.containsKey(id)) {
                return "assignment rule for '" + id + "'";
            }
            return network.reactions().stream().anyMatch(r -> r.id().equals(id)) ? "reaction '" + id + "'" : "'" + id + "'";
        }

        Evaluator compileExternal(Expr e, String where) {
            try {
                return compileFor(new ExprCompiler(this), Exprs.expandCalls(e, functions::get), where);
            } catch (ExprException ex) {
                throw ModelException.invalid(where + ": " + ex.getMessage());
            }
        }

        private static Evaluator compileFor(ExprCompiler compiler, Expr e, String where) {
            try {
                return compiler.compile(e);
            } catch (ExprException ex) {
                throw ModelException.invalid(where + ": " + ex.getMessage());
            }
        }

        /** What each definition reads, with rateOf(x) counted as reading the fluxes or rule that define it. */
        private Map<String, Set<String>> readsOf(Map<String, Expr> defs) {
            Map<String, Set<String>> reads = new LinkedHashMap<>();
            defs.forEach((id, e) -> reads.put(id, Exprs.symbols(expandRateOf(e))));
            return reads;
        }

        /** rateOf(x) compiles to the expression of x's rate (see {@link #expandRateOf}). */
        @Override
        public Evaluator rateOf(String id) {
            return new ExprCompiler(this).compile(rateOfExpr(id));
        }

        /** rateOf(x) becomes an expression: the rate rule of x, or the net reaction flux of species x. */
        private Expr expandRateOf(Expr e) {
            return Exprs.map(e, x -> {
                if (x instanceof Expr.Apply a && a.op() == Op.RATE_OF) {
                    if (a.args().size() != 1 || !(a.args().get(0) instanceof Expr.Sym s)) {
                        throw ModelException.unsupported("rateOf() of an expression is not supported");
                    }
                    return rateOfExpr(s.id());
                }
                return null;
            });
        }

        private Expr rateOfExpr(String id) {
            if (rateRuleMath.containsKey(id)) {
                return expandRateOf(Exprs.expandCalls(rateRuleMath.get(id), functions::get));
            }
            if (assignmentRules.containsKey(id)) {
                throw ModelException.unsupported("rateOf('" + id + "') of a symbol with an assignment rule is not supported");
            }
            Species s = species.get(id);
            if (s == null || s.boundaryCondition()) {
                return new Expr.Num(0);
            }
            List<Expr> terms = new ArrayList<>();
            for (Reaction r : network.reactions()) {
                for (SpeciesReference ref : r.reactants()) {
                    if (ref.species().equals(id)) {
                        terms.add(new Expr.Apply(Op.TIMES, new Expr.Apply(Op.MINUS, stoich(ref)), new Expr.Sym(r.id())));
                    }
                }
                for (SpeciesReference ref : r.products()) {
                    if (ref.species().equals(id)) {
                        terms.add(new Expr.Apply(Op.TIMES, stoich(ref), new Expr.Sym(r.id())));
                    }
                }
            }
            Expr flux = new Expr.Apply(Op.PLUS, terms);
            String cf = s.conversionFactor() != null ? s.conversionFactor() : network.conversionFactor();
            if (cf != null) {
                flux = new Expr.Apply(Op.TIMES, flux, new Expr.Sym(cf));
            }
            return s.hasOnlySubstanceUnits() ? flux : new Expr.Apply(Op.DIVIDE, flux, new Expr.Sym(s.compartment()));
        }

        private static Expr stoich(SpeciesReference ref) {
            return ref.id() != null ? new Expr.Sym(ref.id()) : new Expr.Num(ref.stoichiometry());
        }

        private void compileReactionEffects() {
            List<Reaction> rs = network.reactions();
            reactionSlot = new int[rs.size()];
            effectState = new int[rs.size()][];
            effectCoefficient = new double[rs.size()][];
            effectStoichSlot = new int[rs.size()][];
            effectFactorSlot = new int[rs.size()][];
            List<Integer> fast = new ArrayList<>();
            for (int j = 0; j < rs.size(); j++) {
                Reaction r = rs.get(j);
                reactionSlot[j] = slots.get(r.id());
                if (r.fast()) {
                    fast.add(j);
                    effectState[j] = new int[0];
                    effectCoefficient[j] = new double[0];
                    effectStoichSlot[j] = new int[0];
                    effectFactorSlot[j] = new int[0];
                    continue;
                }
                List<int[]> entries = new ArrayList<>();
                List<Double> coefs = new ArrayList<>();
                addEffects(r.reactants(), -1, entries, coefs);
                addEffects(r.products(), +1, entries, coefs);
                int n = entries.size();
                effectState[j] = new int[n];
                effectCoefficient[j] = new double[n];
                effectStoichSlot[j] = new int[n];
                effectFactorSlot[j] = new int[n];
                for (int k = 0; k < n; k++) {
                    effectState[j][k] = entries.get(k)[0];
                    effectStoichSlot[j][k] = entries.get(k)[1];
                    effectFactorSlot[j][k] = entries.get(k)[2];
                    effectCoefficient[j][k] = coefs.get(k);
                }
            }
            compileFastReactions(fast);
        }

        private void compileFastReactions(List<Integer> fast) {
            List<Reaction> rs = network.reactions();
            fastRateSlot = new int[fast.size()];
            fastAmountSlot = new int[fast.size()][];
            fastCoefficient = new double[fast.size()][];
            fastStoichSlot = new int[fast.size()][];
            fastFactorSlot = new int[fast.size()][];
            for (int f = 0; f < fast.size(); f++) {
                Reaction r = rs.get(fast.get(f));
                fastRateSlot[f] = slots.get(r.id());
                List<int[]> entries = new ArrayList<>();
                List<Double> coefs = new ArrayList<>();
                addEffects(r.reactants(), -1, entries, coefs);
                addEffects(r.products(), +1, entries, coefs);
                fastAmountSlot[f] = new int[entries.size()];
                fastCoefficient[f] = new double[entries.size()];
                fastStoichSlot[f] = new int[entries.size()];
                fastFactorSlot[f] = new int[entries.size()];
                for (int k = 0; k < entries.size(); k++) {
                    fastAmountSlot[f][k] = stateSlot.get(entries.get(k)[0]);
                    fastStoichSlot[f][k] = entries.get(k)[1];
                    fastFactorSlot[f][k] = entries.get(k)[2];
                    fastCoefficient[f][k] = coefs.get(k);
                }
            }
        }

        private void compileConstraints() {
            algebraicSlot = new int[algebraicVariables.size()];
            algebraicResiduals = new Evaluator[algebraicRules.size()];
            for (int k = 0; k < algebraicSlot.length; k++) {
                algebraicSlot[k] = slots.get(algebraicVariables.get(k));
                algebraicResiduals[k] = compileExternal(algebraicRules.get(k), "algebraic rule #" + (k + 1));
            }
        }

        private void addEffects(List<SpeciesReference> refs, int sign, List<int[]> entries, List<Double> coefs) {
            for (SpeciesReference ref : refs) {
                Species s = species.get(ref.species());
                if (s.boundaryCondition() || s.constant() || !amountSlot.containsKey(s.id())) {
                    continue;
                }
                int stoichSlot = ref.id() != null && (!ref.constant() || Double.isNaN(ref.stoichiometry())
                        || assignmentRules.containsKey(ref.id()) || rateRuleMath.containsKey(ref.id())
                        || initialAssigned(ref.id())) ? slots.get(ref.id()) : -1;
                String cf = s.conversionFactor() != null ? s.conversionFactor() : network.conversionFactor();
                entries.add(new int[] {stateOf.get(s.id()), stoichSlot, cf == null ? -1 : slots.get(cf)});
                coefs.add(stoichSlot >= 0 ? (double) sign : sign * ref.stoichiometry());
            }
        }

        private boolean initialAssigned(String id) {
            return network.initialAssignments().stream().anyMatch(a -> a.symbol().equals(id));
        }

        private void compileRateRules() {
            ExprCompiler compiler = new ExprCompiler(this);
            rateRuleState = new int[rateRuleMath.size()];
            rateRules = new Evaluator[rateRuleMath.size()];
            int k = 0;
            for (Map.Entry<String, Expr> e : rateRuleMath.entrySet()) {
                rateRuleState[k] = stateOf.get(e.getKey());
                rateRules[k] = compileFor(compiler, Exprs.expandCalls(e.getValue(), functions::get),
                        "rate rule for '" + e.getKey() + "'");
                k++;
            }
        }

        /** Evaluates declared values, initial assignments and assignment rules at t = 0 in dependency order. */
        private void computeInitialValues() {
            double[] v = new double[slotNames.size() + 1];
            Arrays.fill(v, Double.NaN);
            v[Evaluator.TIME_SLOT] = 0;
            Map<String, Expr> defs = new LinkedHashMap<>();
            for (Compartment c : network.compartments()) {
                defs.put(c.id(), new Expr.Num(c.size()));
            }
            for (Parameter p : network.parameters()) {
                defs.put(p.id(), new Expr.Num(p.value()));
            }
            for (Reaction r : network.reactions()) {
                for (SpeciesReference ref : refs(r)) {
                    if (ref.id() != null) {
                        defs.put(ref.id(), new Expr.Num(ref.stoichiometry()));
                    }
                }
                defs.put(r.id(), r.rate() == null ? new Expr.Num(0) : r.rate());
            }
            for (Species s : network.species()) {
                defs.put(s.id(), declaredSpeciesValue(s));
            }
            defs.putAll(assignmentRules);
            for (InitialAssignment a : network.initialAssignments()) {
                defs.put(a.symbol(), a.math());
            }
            defs.replaceAll((k, e) -> Exprs.expandCalls(e, functions::get));
            List<String> order = DependencyOrder.sort(readsOf(defs), "initial assignments and rules");
            ExprCompiler compiler = new ExprCompiler(this);
            initialOrderSlots = new int[order.size()];
            initialOrderEvaluators = new Evaluator[order.size()];
            for (int k = 0; k < order.size(); k++) {
                String id = order.get(k);
                initialOrderSlots[k] = slots.get(id);
                initialOrderEvaluators[k] = compileFor(compiler, defs.get(id), "initial value of '" + id + "'");
            }
            initialState = new double[stateSlot.size()];
            initialValuesAt(v, initialState);
            initialValues = v;
            for (Evaluator d : delayAmounts) {
                double value = d.eval(v);
                if (value > 0) {
                    smallestDelay = Math.min(smallestDelay, value);
                }
            }
        }

        int[] initialOrderSlots;
        Evaluator[] initialOrderEvaluators;
        int[] stateSlotArray;

        /**
         * Evaluates declared values, initial assignments and rules in dependency order at the time in v[0] (v filled
         * with NaN), then the initial state vector; used at t = 0 and, for delay() before the start, at earlier times.
         */
        void initialValuesAt(double[] v, double[] state) {
            for (int k = 0; k < initialOrderSlots.length; k++) {
                v[initialOrderSlots[k]] = initialOrderEvaluators[k].eval(v);
            }
            for (int i = 0; i < state.length; i++) {
                String id = stateNames.get(i);
                Species s = species.get(id);
                double value = v[slots.get(id)];
                if (s != null && amountSlot.containsKey(id)) {
                    boolean declaredAmount = !Double.isNaN(s.initialAmount()) && !initialAssigned(id);
                    // a declared amount is the amount, even while the size is still unknown (e.g. algebraic)
                    value = declaredAmount ? s.initialAmount()
                            : s.hasOnlySubstanceUnits() ? value : value * v[slots.get(s.compartment())];
                }
                state[i] = value;
                v[stateSlot.get(i)] = value;
            }
        }

        private static Expr declaredSpeciesValue(Species s) {
            Expr size = new Expr.Sym(s.compartment());
            if (!Double.isNaN(s.initialConcentration())) {
                Expr c = new Expr.Num(s.initialConcentration());
                return s.hasOnlySubstanceUnits() ? new Expr.Apply(Op.TIMES, c, size) : c;
            }
            Expr a = new Expr.Num(s.initialAmount());
            return s.hasOnlySubstanceUnits() ? a : new Expr.Apply(Op.DIVIDE, a, size);
        }
    }
}
