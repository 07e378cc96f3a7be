package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Compiles a {@link ReactionNetwork} for {@link CompiledModel}: lays out the value array, orders and compiles rules
 * and rate laws, matches algebraic rules, and evaluates initial values. Kept by the compiled model as its
 * {@link CompileContext} for expressions compiled later (events, derived models).
 */
final class NetworkCompiler implements CompileContext {
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
    /** What each refresh step reads (rateOf expanded), aligned with {@link #steps}; and the step defining each id. */
    private List<Set<String>> stepReads;
    private final Map<String, Integer> stepOf = new HashMap<>();
    /** Per refresh step: true when its expression reads time or delay() directly. */
    private boolean[] stepReadsTime;
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

    NetworkCompiler(ReactionNetwork network) {
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

    NetworkCompiler build() {
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
        stepReads = new ArrayList<>(order.size());
        stepReadsTime = new boolean[order.size()];
        for (int k = 0; k < order.size(); k++) {
            String id = order.get(k);
            stepTarget[k] = slots.get(id);
            steps[k] = compileFor(compiler, defs.get(id), describe(id));
            Expr expanded = expandRateOf(defs.get(id));
            stepReads.add(Exprs.symbols(expanded));
            stepReadsTime[k] = readsTimeOrHistory(expanded);
            stepOf.put(id, k);
        }
    }

    /**
     * The refresh steps that expressions compiled later read, directly or through other steps, in refresh order;
     * evaluating only these (after setting time and state) gives the expressions the values a full refresh gives.
     */
    StepSubset stepsReadBy(List<Expr> expressions) {
        boolean[] needed = new boolean[steps.length];
        boolean time = false;
        java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>();
        for (Expr e : expressions) {
            Expr expanded = expandRateOf(Exprs.expandCalls(e, functions::get));
            time |= readsTimeOrHistory(expanded);
            work.addAll(Exprs.symbols(expanded));
        }
        while (!work.isEmpty()) {
            Integer k = stepOf.get(work.pop());
            if (k != null && !needed[k]) {
                needed[k] = true;
                time |= stepReadsTime[k];
                work.addAll(stepReads.get(k));
            }
        }
        int count = 0;
        for (boolean b : needed) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        for (int k = 0, i = 0; k < needed.length; k++) {
            if (needed[k]) {
                out[i++] = k;
            }
        }
        return new StepSubset(out, time);
    }

    /**
     * A subset of the refresh steps.
     *
     * @param steps step indices in refresh order
     * @param readsTime true when the steps or the expressions read time or delay(), so their values may change
     *     while the state holds still
     */
    record StepSubset(int[] steps, boolean readsTime) {
    }

    private static boolean readsTimeOrHistory(Expr e) {
        return Exprs.readsTime(e) || Exprs.contains(e, Op.DELAY);
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
        if (s.hasOnlySubstanceUnits()) {
            return flux;
        }
        // d[S]/dt = (dS/dt)/C - [S]/C * dC/dt: the second term only where the compartment changes continuously
        String c = s.compartment();
        Expr conc = new Expr.Apply(Op.DIVIDE, flux, new Expr.Sym(c));
        if (rateRuleMath.containsKey(c) || assignmentRules.containsKey(c)) {
            Expr dc = rateOfExpr(c);
            conc = new Expr.Apply(Op.MINUS, conc, new Expr.Apply(Op.TIMES,
                    new Expr.Apply(Op.DIVIDE, new Expr.Sym(id), new Expr.Sym(c)), dc));
        }
        return conc;
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

    boolean initialAssigned(String id) {
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
        initialValuesAt(v, state, null);
    }

    /** As above, with pinned values (non-NaN entries of pins, by slot) taking the place of their definitions. */
    void initialValuesAt(double[] v, double[] state, double[] pins) {
        for (int k = 0; k < initialOrderSlots.length; k++) {
            int slot = initialOrderSlots[k];
            v[slot] = pins != null && !Double.isNaN(pins[slot]) ? pins[slot] : initialOrderEvaluators[k].eval(v);
        }
        for (int i = 0; i < state.length; i++) {
            String id = stateNames.get(i);
            Species s = species.get(id);
            double value = v[slots.get(id)];
            if (s != null && amountSlot.containsKey(id)) {
                boolean declaredAmount = !Double.isNaN(s.initialAmount()) && !initialAssigned(id)
                        && (pins == null || Double.isNaN(pins[slots.get(id)]));
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
