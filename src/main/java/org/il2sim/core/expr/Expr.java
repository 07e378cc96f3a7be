package org.il2sim.core.expr;

import java.util.List;

/**
 * A mathematical expression over named symbols: the one representation of rate laws, rules, event triggers and
 * assignments. Booleans are represented as 1.0 (true) and 0.0 (false) when evaluated.
 */
public sealed interface Expr permits Expr.Num, Expr.Sym, Expr.Time, Expr.Avogadro, Expr.Apply, Expr.Piecewise,
        Expr.Call {

    /** A literal number. */
    record Num(double value) implements Expr {
    }

    /** A reference to a named symbol (species, compartment, parameter, species reference, function argument). */
    record Sym(String id) implements Expr {
        public Sym {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("symbol id must not be empty");
            }
        }
    }

    /** The simulation time. */
    record Time() implements Expr {
    }

    /** Avogadro's constant as defined by SBML Level 3 (6.02214179e23 per mole). */
    record Avogadro() implements Expr {
        public static final double VALUE = 6.02214179e23;
    }

    /** A built-in operator or function applied to arguments. */
    record Apply(Op op, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
        }

        public Apply(Op op, Expr... args) {
            this(op, List.of(args));
        }
    }

    /** Piecewise: the value of the first piece whose condition is true, else {@code otherwise} (NaN if null). */
    record Piecewise(List<Expr> values, List<Expr> conditions, Expr otherwise) implements Expr {
        public Piecewise {
            values = List.copyOf(values);
            conditions = List.copyOf(conditions);
            if (values.size() != conditions.size()) {
                throw new IllegalArgumentException("piecewise needs one condition per piece");
            }
        }
    }

    /** A call of a user-defined function (inlined when compiled). */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    static Expr num(double v) {
        return new Num(v);
    }

    static Expr sym(String id) {
        return new Sym(id);
    }
}
