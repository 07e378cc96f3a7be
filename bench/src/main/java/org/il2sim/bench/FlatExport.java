package org.il2sim.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.sim.CompiledModel;

/**
 * Writes the ODE right-hand side of a compiled model as C and as Python source, for the reference solvers of
 * bench/compare (CVODE, SciPy). The state vector is il2sim's own (same order, same initial values): species amounts
 * for species that reactions change, and the values of rate-ruled symbols. Assignment rules become locals evaluated in
 * dependency order, reaction rates become locals, and each state derivative is the stoichiometry-weighted sum of the
 * rates (or the rate rule). Only what the benchmark models need is supported: constant compartments and
 * stoichiometries, no conversion factors, events, algebraic rules, fast reactions or delays; anything else is refused.
 *
 * <p>This is a development tool for benchmarks, not part of il2sim's run time.
 */
final class FlatExport {

    private final CompiledModel model;
    private final ReactionNetwork net;
    private final double[] values;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final Map<String, Expr> assignment = new LinkedHashMap<>();
    private final Map<String, Expr> rateRule = new LinkedHashMap<>();
    private final Map<String, Species> species;
    private final Map<String, Compartment> compartments;
    private final List<String> assignmentOrder = new ArrayList<>();
    private final Map<String, String> localName = new HashMap<>();

    FlatExport(CompiledModel model) {
        this.model = model;
        this.net = model.network();
        this.values = model.newState(0).values();
        this.species = net.speciesById();
        this.compartments = net.compartmentsById();
        if (!net.events().isEmpty() || net.conversionFactor() != null) {
            throw new IllegalArgumentException("flat export: events and conversion factors are not supported");
        }
        for (Rule r : net.rules()) {
            if (r instanceof Rule.Assignment a) {
                assignment.put(a.variable(), Exprs.expandCalls(a.math(), net.functionsById()::get));
            } else if (r instanceof Rule.Rate rr) {
                rateRule.put(rr.variable(), Exprs.expandCalls(rr.math(), net.functionsById()::get));
            } else {
                throw new IllegalArgumentException("flat export: algebraic rules are not supported");
            }
        }
        for (int i = 0; i < model.stateSize(); i++) {
            stateIndex.put(model.stateName(i), i);
        }
        for (Compartment c : net.compartments()) {
            if (rateRule.containsKey(c.id()) || assignment.containsKey(c.id())) {
                throw new IllegalArgumentException("flat export: variable compartment '" + c.id() + "'");
            }
        }
        for (Reaction r : net.reactions()) {
            if (r.fast()) {
                throw new IllegalArgumentException("flat export: fast reaction '" + r.id() + "'");
            }
            for (SpeciesReference ref : concat(r.reactants(), r.products())) {
                if (ref.id() != null || Double.isNaN(ref.stoichiometry())) {
                    throw new IllegalArgumentException("flat export: variable stoichiometry in '" + r.id() + "'");
                }
            }
        }
        orderAssignments();
        for (int k = 0; k < assignmentOrder.size(); k++) {
            localName.put(assignmentOrder.get(k), "a" + k);
        }
    }

    private void orderAssignments() {
        Set<String> done = new LinkedHashSet<>();
        Set<String> onPath = new LinkedHashSet<>();
        for (String v : assignment.keySet()) {
            visit(v, done, onPath);
        }
        assignmentOrder.addAll(done);
    }

    private void visit(String v, Set<String> done, Set<String> onPath) {
        if (done.contains(v) || !assignment.containsKey(v)) {
            return;
        }
        if (!onPath.add(v)) {
            throw new IllegalArgumentException("flat export: cyclic assignment rules at '" + v + "'");
        }
        for (String s : Exprs.symbols(assignment.get(v))) {
            visit(s, done, onPath);
        }
        onPath.remove(v);
        done.add(v);
    }

    int size() {
        return model.stateSize();
    }

    /** The state derivatives as (state index, coefficient, reaction index) terms and rate rules. */
    private List<List<double[]>> effects() {
        List<List<double[]>> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(new ArrayList<>());
        }
        List<Reaction> reactions = net.reactions();
        for (int j = 0; j < reactions.size(); j++) {
            Reaction r = reactions.get(j);
            Map<Integer, Double> net = new LinkedHashMap<>();
            for (SpeciesReference ref : r.reactants()) {
                add(net, ref, -ref.stoichiometry());
            }
            for (SpeciesReference ref : r.products()) {
                add(net, ref, ref.stoichiometry());
            }
            for (Map.Entry<Integer, Double> e : net.entrySet()) {
                if (e.getValue() != 0) {
                    out.get(e.getKey()).add(new double[] {e.getValue(), j});
                }
            }
        }
        return out;
    }

    private void add(Map<Integer, Double> net, SpeciesReference ref, double c) {
        Species s = species.get(ref.species());
        if (s.boundaryCondition() || rateRule.containsKey(s.id()) || assignment.containsKey(s.id())) {
            return;
        }
        Integer i = stateIndex.get(s.id());
        if (i == null) {
            throw new IllegalArgumentException("flat export: species '" + s.id() + "' has no state");
        }
        net.merge(i, c, Double::sum);
    }

    // ---- C ----

    /** A C file defining NEQ, NAMES, Y0 and model_rhs(t, y, dy). */
    String c() {
        StringBuilder b = new StringBuilder();
        b.append("/* generated by il2sim bench (FlatExport) from model '").append(net.id()).append("' */\n");
        b.append("#include <math.h>\n\n");
        b.append("const int NEQ = ").append(size()).append(";\n");
        b.append("const char *NAMES[] = {");
        for (int i = 0; i < size(); i++) {
            b.append(i > 0 ? ", " : "").append('"').append(model.stateName(i)).append('"');
        }
        b.append("};\n");
        double[] y0 = model.initialState();
        b.append("const double Y0[] = {");
        for (int i = 0; i < size(); i++) {
            b.append(i > 0 ? ", " : "").append(num(y0[i], true));
        }
        b.append("};\n\n");
        b.append("void model_rhs(double t, const double *y, double *dy) {\n");
        for (String v : assignmentOrder) {
            b.append("  const double ").append(localName.get(v)).append(" = ")
                    .append(expr(assignment.get(v), true)).append(";\n");
        }
        List<Reaction> reactions = net.reactions();
        for (int j = 0; j < reactions.size(); j++) {
            Expr rate = reactions.get(j).rate();
            rate = rate == null ? new Expr.Num(0) : Exprs.expandCalls(rate, net.functionsById()::get);
            b.append("  const double r").append(j).append(" = ").append(expr(rate, true)).append(";\n");
        }
        List<List<double[]>> eff = effects();
        for (int i = 0; i < size(); i++) {
            b.append("  dy[").append(i).append("] = ").append(derivative(i, eff, true)).append(";\n");
        }
        b.append("}\n");
        return b.toString();
    }

    // ---- Python ----

    /** A Python module defining NAMES, Y0 and rhs(t, y). */
    String python() {
        StringBuilder b = new StringBuilder();
        b.append("# generated by il2sim bench (FlatExport) from model '").append(net.id()).append("'\n");
        b.append("import math\n\n");
        b.append("NAMES = [");
        for (int i = 0; i < size(); i++) {
            b.append(i > 0 ? ", " : "").append('"').append(model.stateName(i)).append('"');
        }
        b.append("]\n");
        double[] y0 = model.initialState();
        b.append("Y0 = [");
        for (int i = 0; i < size(); i++) {
            b.append(i > 0 ? ", " : "").append(num(y0[i], false));
        }
        b.append("]\n\n");
        b.append("def rhs(t, y):\n");
        for (String v : assignmentOrder) {
            b.append("    ").append(localName.get(v)).append(" = ").append(expr(assignment.get(v), false))
                    .append("\n");
        }
        List<Reaction> reactions = net.reactions();
        for (int j = 0; j < reactions.size(); j++) {
            Expr rate = reactions.get(j).rate();
            rate = rate == null ? new Expr.Num(0) : Exprs.expandCalls(rate, net.functionsById()::get);
            b.append("    r").append(j).append(" = ").append(expr(rate, false)).append("\n");
        }
        b.append("    return [\n");
        List<List<double[]>> eff = effects();
        for (int i = 0; i < size(); i++) {
            b.append("        ").append(derivative(i, eff, false)).append(",\n");
        }
        b.append("    ]\n");
        return b.toString();
    }

    private String derivative(int i, List<List<double[]>> eff, boolean c) {
        String name = model.stateName(i);
        if (rateRule.containsKey(name)) {
            return expr(rateRule.get(name), c);
        }
        List<double[]> terms = eff.get(i);
        if (terms.isEmpty()) {
            return c ? "0.0" : "0.0";
        }
        StringBuilder s = new StringBuilder();
        for (double[] t : terms) {
            double coef = t[0];
            String r = "r" + (int) t[1];
            if (coef == 1) {
                s.append(s.length() == 0 ? "" : " + ").append(r);
            } else if (coef == -1) {
                s.append(s.length() == 0 ? "-" : " - ").append(r);
            } else {
                s.append(s.length() == 0 ? "" : " + ").append(num(coef, c)).append(" * ").append(r);
            }
        }
        return s.toString();
    }

    // ---- expressions ----

    private String symbol(String id, boolean c) {
        String local = localName.get(id);
        if (local != null) {
            return local;
        }
        Integer i = stateIndex.get(id);
        if (i != null) {
            Species s = species.get(id);
            String y = "y[" + i + "]";
            if (s != null && !rateRule.containsKey(id) && !s.hasOnlySubstanceUnits()) {
                return "(" + y + " / " + num(values[model.slot(s.compartment())], c) + ")";
            }
            return y;
        }
        int slot = model.slot(id);
        if (slot < 0) {
            throw new IllegalArgumentException("flat export: unknown symbol '" + id + "'");
        }
        for (Reaction r : net.reactions()) {
            if (r.id().equals(id)) {
                throw new IllegalArgumentException("flat export: reaction id '" + id + "' used in an expression");
            }
        }
        return num(values[slot], c);
    }

    static String num(double v, boolean c) {
        if (Double.isNaN(v)) {
            return c ? "NAN" : "math.nan";
        }
        if (Double.isInfinite(v)) {
            return (v < 0 ? "-" : "") + (c ? "INFINITY" : "math.inf");
        }
        String s = String.format(Locale.ROOT, "%.17g", v);
        return v < 0 ? "(" + s + ")" : s;
    }

    String expr(Expr e, boolean c) {
        if (e instanceof Expr.Num n) {
            return num(n.value(), c);
        }
        if (e instanceof Expr.Sym s) {
            return symbol(s.id(), c);
        }
        if (e instanceof Expr.Time) {
            return "t";
        }
        if (e instanceof Expr.Avogadro) {
            return num(Expr.Avogadro.VALUE, c);
        }
        if (e instanceof Expr.Piecewise p) {
            String out = p.otherwise() == null ? num(Double.NaN, c) : expr(p.otherwise(), c);
            for (int k = p.values().size() - 1; k >= 0; k--) {
                String cond = expr(p.conditions().get(k), c);
                String val = expr(p.values().get(k), c);
                out = c ? "((" + cond + ") != 0.0 ? (" + val + ") : (" + out + "))"
                        : "((" + val + ") if (" + cond + ") != 0.0 else (" + out + "))";
            }
            return out;
        }
        if (e instanceof Expr.Apply a) {
            return apply(a, c);
        }
        throw new IllegalArgumentException("flat export: unsupported expression " + e);
    }

    private String apply(Expr.Apply a, boolean c) {
        List<String> x = new ArrayList<>();
        for (Expr arg : a.args()) {
            x.add("(" + expr(arg, c) + ")");
        }
        String m = c ? "" : "math.";
        switch (a.op()) {
            case PLUS:
                return x.isEmpty() ? "0.0" : "(" + String.join(" + ", x) + ")";
            case TIMES:
                return x.isEmpty() ? "1.0" : "(" + String.join(" * ", x) + ")";
            case MINUS:
                return x.size() == 1 ? "(-" + x.get(0) + ")" : "(" + x.get(0) + " - " + x.get(1) + ")";
            case DIVIDE:
                return "(" + x.get(0) + " / " + x.get(1) + ")";
            case POWER:
                return c ? "pow(" + x.get(0) + ", " + x.get(1) + ")" : "(" + x.get(0) + " ** " + x.get(1) + ")";
            case ROOT:
                return c ? "pow(" + x.get(1) + ", 1.0 / " + x.get(0) + ")"
                        : "(" + x.get(1) + " ** (1.0 / " + x.get(0) + "))";
            case ABS:
                return (c ? "fabs" : "abs") + x.get(0);
            case EXP:
                return m + "exp" + x.get(0);
            case LN:
                return m + "log" + x.get(0);
            case LOG:
                return x.size() == 1 ? m + "log10" + x.get(0)
                        : "(" + m + "log" + x.get(1) + " / " + m + "log" + x.get(0) + ")";
            case FLOOR:
                return m + "floor" + x.get(0);
            case CEILING:
                return (c ? "ceil" : "math.ceil") + x.get(0);
            case SIN:
            case COS:
            case TAN:
            case SINH:
            case COSH:
            case TANH:
                return m + a.op().name().toLowerCase(Locale.ROOT) + x.get(0);
            case EQ:
                return cmp(x, "==", c);
            case NEQ:
                return cmp(x, "!=", c);
            case GT:
                return cmp(x, ">", c);
            case LT:
                return cmp(x, "<", c);
            case GEQ:
                return cmp(x, ">=", c);
            case LEQ:
                return cmp(x, "<=", c);
            case AND:
                return bool(x, c ? "&&" : "and", c, true);
            case OR:
                return bool(x, c ? "||" : "or", c, false);
            case NOT:
                return c ? "((" + x.get(0) + ") == 0.0 ? 1.0 : 0.0)" : "(1.0 if " + x.get(0) + " == 0.0 else 0.0)";
            case MIN:
            case MAX:
                if (!c) {
                    return (a.op() == org.il2sim.core.expr.Op.MIN ? "min" : "max") + "(" + String.join(", ", x) + ")";
                }
                String f = a.op() == org.il2sim.core.expr.Op.MIN ? "fmin" : "fmax";
                String acc = x.get(0);
                for (int k = 1; k < x.size(); k++) {
                    acc = f + "(" + acc + ", " + x.get(k) + ")";
                }
                return acc;
            default:
                throw new IllegalArgumentException("flat export: operator " + a.op() + " is not supported");
        }
    }

    private static String cmp(List<String> x, String op, boolean c) {
        if (x.size() != 2) {
            throw new IllegalArgumentException("flat export: chained comparison");
        }
        String test = x.get(0) + " " + op + " " + x.get(1);
        return c ? "((" + test + ") ? 1.0 : 0.0)" : "(1.0 if " + test + " else 0.0)";
    }

    private static String bool(List<String> x, String op, boolean c, boolean and) {
        if (x.isEmpty()) {
            return and ? "1.0" : "0.0";
        }
        List<String> t = new ArrayList<>();
        for (String s : x) {
            t.add("(" + s + " != 0.0)");
        }
        String test = String.join(" " + op + " ", t);
        return c ? "((" + test + ") ? 1.0 : 0.0)" : "(1.0 if (" + test + ") else 0.0)";
    }

    /**
     * The network as flat mass action for the C direct-method reference: species with initial counts, then each
     * reaction as its rate constant and the reactant and product indices (with multiplicity). Every rate law must be
     * a constant times the product of its reactants' amounts (species with only substance units).
     */
    String massAction() {
        StringBuilder b = new StringBuilder();
        double[] y0 = model.initialState();
        b.append("species ").append(size()).append('\n');
        for (int i = 0; i < size(); i++) {
            b.append(model.stateName(i)).append(' ').append(num(y0[i], true)).append('\n');
        }
        b.append("reactions ").append(net.reactions().size()).append('\n');
        for (Reaction r : net.reactions()) {
            double k = massActionConstant(r);
            b.append(num(k, true).replace("(", "").replace(")", ""));
            b.append(' ').append(count(r.reactants()));
            for (SpeciesReference ref : r.reactants()) {
                for (int m = 0; m < (int) ref.stoichiometry(); m++) {
                    b.append(' ').append(stateIndex.get(ref.species()));
                }
            }
            b.append(' ').append(count(r.products()));
            for (SpeciesReference ref : r.products()) {
                for (int m = 0; m < (int) ref.stoichiometry(); m++) {
                    b.append(' ').append(stateIndex.get(ref.species()));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static int count(List<SpeciesReference> refs) {
        int n = 0;
        for (SpeciesReference ref : refs) {
            if (ref.stoichiometry() != Math.rint(ref.stoichiometry())) {
                throw new IllegalArgumentException("flat export: non-integer stoichiometry");
            }
            n += (int) ref.stoichiometry();
        }
        return n;
    }

    /** k of a rate law k * X1 * ... * Xm over the reactants (k a number or a constant parameter). */
    private double massActionConstant(Reaction r) {
        Expr rate = r.rate();
        List<Expr> factors = rate instanceof Expr.Apply a && a.op() == org.il2sim.core.expr.Op.TIMES ? a.args()
                : List.of(rate);
        double k = 1;
        Map<String, Integer> seen = new HashMap<>();
        for (Expr f : factors) {
            if (f instanceof Expr.Num n) {
                k *= n.value();
            } else if (f instanceof Expr.Sym s && stateIndex.containsKey(s.id())) {
                seen.merge(s.id(), 1, Integer::sum);
            } else if (f instanceof Expr.Sym s && model.slot(s.id()) >= 0 && !assignment.containsKey(s.id())
                    && !rateRule.containsKey(s.id())) {
                k *= values[model.slot(s.id())];
            } else {
                throw new IllegalArgumentException("flat export: rate of '" + r.id() + "' is not mass action");
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        for (SpeciesReference ref : r.reactants()) {
            expected.merge(ref.species(), (int) ref.stoichiometry(), Integer::sum);
        }
        if (!expected.equals(seen)) {
            throw new IllegalArgumentException("flat export: rate of '" + r.id() + "' is not mass action in its"
                    + " reactants (note: the C reference uses the ODE-style product x*x, not x*(x-1))");
        }
        return k;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
