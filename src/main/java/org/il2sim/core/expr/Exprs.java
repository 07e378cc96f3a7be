package org.il2sim.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Structural operations on expressions: free symbols, substitution, printing. */
public final class Exprs {

    private Exprs() {
    }

    /** The symbols an expression reads, in order of first appearance (function calls are not expanded). */
    public static Set<String> symbols(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Sym s) {
            out.add(s.id());
        }
        children(e).forEach(x -> collect(x, out));
    }

    /** The direct sub-expressions of e. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.Apply a) {
            return a.args();
        }
        if (e instanceof Expr.Call c) {
            return c.args();
        }
        if (e instanceof Expr.Piecewise p) {
            List<Expr> out = new ArrayList<>(p.values());
            out.addAll(p.conditions());
            if (p.otherwise() != null) {
                out.add(p.otherwise());
            }
            return out;
        }
        return List.of();
    }

    /** The symbols an expression reads once user functions are expanded. */
    public static Set<String> symbols(Expr e, Function<String, CompileContext.FunctionDefinition> functions) {
        return symbols(expandCalls(e, functions));
    }

    /** Replaces symbols by expressions; symbols absent from the map stay. */
    public static Expr substitute(Expr e, Map<String, Expr> replacements) {
        return map(e, x -> x instanceof Expr.Sym s && replacements.containsKey(s.id()) ? replacements.get(s.id()) : null);
    }

    /** Inlines every call of a user-defined function. */
    public static Expr expandCalls(Expr e, Function<String, CompileContext.FunctionDefinition> functions) {
        return map(e, x -> {
            if (x instanceof Expr.Call c) {
                CompileContext.FunctionDefinition f = functions.apply(c.function());
                if (f == null) {
                    throw new ExprException("unknown function '" + c.function() + "'");
                }
                if (f.arguments().size() != c.args().size()) {
                    throw new ExprException("function '" + c.function() + "' takes " + f.arguments().size()
                            + " arguments, got " + c.args().size());
                }
                Map<String, Expr> bind = new java.util.HashMap<>();
                for (int i = 0; i < c.args().size(); i++) {
                    bind.put(f.arguments().get(i), expandCalls(c.args().get(i), functions));
                }
                return expandCalls(substituteLocal(f.body(), bind), functions);
            }
            return null;
        });
    }

    /** Substitution inside a function body: every symbol must be an argument (SBML forbids free symbols there). */
    private static Expr substituteLocal(Expr body, Map<String, Expr> bind) {
        return substitute(body, bind);
    }

    /**
     * Rebuilds e bottom-up; {@code f} returns a replacement for a node, or null to keep it (children are mapped first
     * only for nodes f does not replace).
     */
    public static Expr map(Expr e, Function<Expr, Expr> f) {
        Expr r = f.apply(e);
        if (r != null) {
            return r;
        }
        if (e instanceof Expr.Apply a) {
            return new Expr.Apply(a.op(), mapAll(a.args(), f));
        }
        if (e instanceof Expr.Piecewise p) {
            return new Expr.Piecewise(mapAll(p.values(), f), mapAll(p.conditions(), f),
                    p.otherwise() == null ? null : map(p.otherwise(), f));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), mapAll(c.args(), f));
        }
        return e;
    }

    private static List<Expr> mapAll(List<Expr> xs, Function<Expr, Expr> f) {
        List<Expr> out = new ArrayList<>(xs.size());
        for (Expr x : xs) {
            out.add(map(x, f));
        }
        return out;
    }

    /** True when the expression contains an operator of the given kind. */
    public static boolean contains(Expr e, Op op) {
        if (e instanceof Expr.Apply a && a.op() == op) {
            return true;
        }
        return children(e).stream().anyMatch(x -> contains(x, op));
    }

    /** True when the expression reads the simulation time. */
    public static boolean readsTime(Expr e) {
        return e instanceof Expr.Time || children(e).stream().anyMatch(Exprs::readsTime);
    }
}
