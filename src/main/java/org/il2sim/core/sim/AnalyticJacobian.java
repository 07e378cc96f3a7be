package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.il2sim.core.expr.CompileContext;
import org.il2sim.core.expr.Derivative;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.ExprCompiler;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;

/**
 * The Jacobian of a compiled model's right-hand side, derived symbolically from the same rate laws: assignment rules
 * and species conversions (amount / size) are inlined, each rate law is differentiated with respect to the state
 * symbols it reads, and the derivatives are compiled once. The sparsity pattern comes out of the same analysis.
 * Models with algebraic rules, fast reactions, delays, rateOf or variable stoichiometry set by rules have no
 * analytic Jacobian here; solvers then use finite differences.
 */
final class AnalyticJacobian {

    /** Size past which an inlined expression is not differentiated (rule chains can grow expressions quickly). */
    private static final int MAX_NODES = 20_000;

    /** Per reaction: the state columns its rate depends on, and the derivative evaluators. */
    final int[][] reactionColumns;
    final Evaluator[][] reactionDerivatives;
    /** Per rate rule (state index rateRuleState[k]): columns and derivatives. */
    final int[][] ruleColumns;
    final Evaluator[][] ruleDerivatives;
    /** pattern[i] = sorted columns of row i. */
    final int[][] pattern;

    private AnalyticJacobian(int[][] rc, Evaluator[][] rd, int[][] uc, Evaluator[][] ud, int[][] pattern) {
        this.reactionColumns = rc;
        this.reactionDerivatives = rd;
        this.ruleColumns = uc;
        this.ruleDerivatives = ud;
        this.pattern = pattern;
    }

    /** Adds the rate rules' rows (state rateRuleState[k]) at the symbol values v. */
    void addRateRules(int[] rateRuleState, double[] v, org.il2sim.core.solver.OdeSystem.JacobianSink sink) {
        for (int k = 0; k < rateRuleState.length; k++) {
            int[] cols = ruleColumns[k];
            Evaluator[] d = ruleDerivatives[k];
            for (int c = 0; c < cols.length; c++) {
                sink.add(rateRuleState[k], cols[c], d[c].eval(v));
            }
        }
    }

    /** Builds the Jacobian for a compiled model, or returns null when the model needs finite differences. */
    static AnalyticJacobian tryBuild(CompiledModel model, CompileContext context) {
        ReactionNetwork network = model.network();
        if (model.algebraicSlot.length > 0 || model.fastRateSlot.length > 0) {
            return null;
        }
        Map<String, Expr> assignment = new HashMap<>();
        Map<String, Expr> rate = new HashMap<>();
        for (Rule r : network.rules()) {
            if (r instanceof Rule.Assignment a) {
                assignment.put(a.variable(), Exprs.expandCalls(a.math(), context::function));
            } else if (r instanceof Rule.Rate rr) {
                rate.put(rr.variable(), Exprs.expandCalls(rr.math(), context::function));
            }
        }
        for (int[] slots : model.effectStoichSlot) {
            for (int s : slots) {
                String id = s >= 0 ? model.slotNames[s - 1] : null;
                if (id != null && (assignment.containsKey(id) || rate.containsKey(id))) {
                    return null;
                }
            }
        }
        for (int[] slots : model.effectFactorSlot) {
            for (int s : slots) {
                if (s >= 0 && assignment.containsKey(model.slotNames[s - 1])) {
                    return null;
                }
            }
        }
        Map<String, Expr> rates = new HashMap<>();
        for (Reaction r : network.reactions()) {
            rates.put(r.id(), r.rate() == null ? new Expr.Num(0) : Exprs.expandCalls(r.rate(), context::function));
        }
        Map<String, Expr> inline = new HashMap<>();
        for (Species s : network.species()) {
            if (model.slot("amount(" + s.id() + ")") >= 0) {
                Expr amount = new Expr.Sym("amount(" + s.id() + ")");
                inline.put(s.id(), s.hasOnlySubstanceUnits() ? amount
                        : new Expr.Apply(Op.DIVIDE, amount, new Expr.Sym(s.compartment())));
            }
        }
        Inliner inliner = new Inliner(assignment, rates, inline);
        int n = model.stateSize();
        Map<String, Integer> stateColumn = new HashMap<>();
        for (int i = 0; i < n; i++) {
            stateColumn.put(model.slotNames[model.stateSlot[i] - 1], i);
        }
        ExprCompiler compiler = new ExprCompiler(context);
        try {
            List<TreeSet<Integer>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new TreeSet<>());
            }
            int nr = network.reactions().size();
            int[][] rc = new int[nr][];
            Evaluator[][] rd = new Evaluator[nr][];
            for (int j = 0; j < nr; j++) {
                Derivatives d = differentiate(inliner.apply(rates.get(network.reactions().get(j).id())), stateColumn,
                        compiler);
                rc[j] = d.columns;
                rd[j] = d.evaluators;
                for (int row : model.effectState[j]) {
                    for (int col : d.columns) {
                        rows.get(row).add(col);
                    }
                }
            }
            int[][] uc = new int[model.rateRuleState.length][];
            Evaluator[][] ud = new Evaluator[model.rateRuleState.length][];
            int k = 0;
            for (Map.Entry<String, Expr> e : orderedRateRules(model, rate)) {
                Derivatives d = differentiate(inliner.apply(e.getValue()), stateColumn, compiler);
                uc[k] = d.columns;
                ud[k] = d.evaluators;
                for (int col : d.columns) {
                    rows.get(model.rateRuleState[k]).add(col);
                }
                k++;
            }
            int[][] pattern = new int[n][];
            for (int i = 0; i < n; i++) {
                pattern[i] = rows.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            return new AnalyticJacobian(rc, rd, uc, ud, pattern);
        } catch (Derivative.NotDifferentiable | TooLarge e) {
            return null;
        }
    }

    /** Rate rules in the order the compiled model keeps them (rateRuleState). */
    private static List<Map.Entry<String, Expr>> orderedRateRules(CompiledModel model, Map<String, Expr> rate) {
        List<Map.Entry<String, Expr>> out = new ArrayList<>();
        for (int k = 0; k < model.rateRuleState.length; k++) {
            String id = model.stateNames[model.rateRuleState[k]];
            out.add(Map.entry(id, rate.get(id)));
        }
        return out;
    }

    private record Derivatives(int[] columns, Evaluator[] evaluators) {
    }

    private static Derivatives differentiate(Expr e, Map<String, Integer> stateColumn, ExprCompiler compiler) {
        if (Exprs.contains(e, Op.DELAY) || Exprs.contains(e, Op.RATE_OF)) {
            throw new Derivative.NotDifferentiable("delay or rateOf");
        }
        List<Integer> cols = new ArrayList<>();
        List<Evaluator> evals = new ArrayList<>();
        for (String s : new TreeSet<>(Exprs.symbols(e))) {
            Integer col = stateColumn.get(s);
            if (col != null) {
                cols.add(col);
                evals.add(compiler.compile(Derivative.of(e, s)));
            }
        }
        return new Derivatives(cols.stream().mapToInt(Integer::intValue).toArray(), evals.toArray(Evaluator[]::new));
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Substitutes assignment rules, reaction symbols and species conversions until only states and constants remain. */
    private static final class Inliner {
        private final Map<String, Expr> assignment;
        private final Map<String, Expr> rates;
        private final Map<String, Expr> species;
        private final Map<String, Expr> memo = new HashMap<>();

        Inliner(Map<String, Expr> assignment, Map<String, Expr> rates, Map<String, Expr> species) {
            this.assignment = assignment;
            this.rates = rates;
            this.species = species;
        }

        Expr apply(Expr e) {
            Expr out = Exprs.map(e, x -> x instanceof Expr.Sym s ? resolve(s.id()) : null);
            if (size(out) > MAX_NODES) {
                throw new TooLarge();
            }
            return out;
        }

        private Expr resolve(String id) {
            Expr cached = memo.get(id);
            if (cached != null) {
                return cached;
            }
            Expr def = assignment.containsKey(id) ? assignment.get(id)
                    : rates.containsKey(id) ? rates.get(id) : null;
            if (def == null) {
                def = species.get(id);
            }
            // a species' conversion reads its compartment, which may itself be ruled: inline that too
            Expr out = def == null ? new Expr.Sym(id) : apply(def);
            memo.put(id, out);
            return out;
        }

        private static int size(Expr e) {
            int n = 1;
            for (Expr c : Exprs.children(e)) {
                n += size(c);
            }
            return n;
        }
    }
}
