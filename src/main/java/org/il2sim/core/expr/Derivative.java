package org.il2sim.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic differentiation of expressions, for analytic Jacobians. Piecewise functions differentiate piece by
 * piece (conditions unchanged); step functions (floor, ceiling, comparisons) have derivative 0 where defined.
 * Results are lightly simplified (0 and 1 folded) so that Jacobian entries stay small.
 */
public final class Derivative {

    private static final Expr ZERO = new Expr.Num(0);
    private static final Expr ONE = new Expr.Num(1);

    private Derivative() {
    }

    /** Thrown for constructs with no derivative rule here (delay, rateOf, rem, factorial, user calls). */
    public static final class NotDifferentiable extends RuntimeException {
        public NotDifferentiable(String what) {
            super(what);
        }
    }

    /** d e / d symbol. User functions must be expanded first. */
    public static Expr of(Expr e, String symbol) {
        if (e instanceof Expr.Num || e instanceof Expr.Time || e instanceof Expr.Avogadro) {
            return ZERO;
        }
        if (e instanceof Expr.Sym s) {
            return s.id().equals(symbol) ? ONE : ZERO;
        }
        if (!Exprs.symbols(e).contains(symbol)) {
            return ZERO;
        }
        if (e instanceof Expr.Piecewise p) {
            List<Expr> values = new ArrayList<>();
            for (Expr v : p.values()) {
                values.add(of(v, symbol));
            }
            return new Expr.Piecewise(values, p.conditions(), p.otherwise() == null ? null : of(p.otherwise(), symbol));
        }
        if (e instanceof Expr.Apply a) {
            return apply(a, symbol);
        }
        throw new NotDifferentiable("call of user function (expand first)");
    }

    private static Expr apply(Expr.Apply a, String x) {
        List<Expr> args = a.args();
        switch (a.op()) {
            case PLUS: {
                List<Expr> terms = new ArrayList<>();
                for (Expr arg : args) {
                    Expr d = of(arg, x);
                    if (!isZero(d)) {
                        terms.add(d);
                    }
                }
                return sum(terms);
            }
            case MINUS:
                if (args.size() == 1) {
                    return neg(of(args.get(0), x));
                }
                return minus(of(args.get(0), x), of(args.get(1), x));
            case TIMES: {
                List<Expr> terms = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    Expr d = of(args.get(i), x);
                    if (isZero(d)) {
                        continue;
                    }
                    List<Expr> factors = new ArrayList<>();
                    for (int k = 0; k < args.size(); k++) {
                        factors.add(k == i ? d : args.get(k));
                    }
                    terms.add(product(factors));
                }
                return sum(terms);
            }
            case DIVIDE: {
                Expr u = args.get(0);
                Expr v = args.get(1);
                Expr du = of(u, x);
                Expr dv = of(v, x);
                Expr first = isZero(du) ? ZERO : div(du, v);
                if (isZero(dv)) {
                    return first;
                }
                Expr second = div(product(List.of(u, dv)), new Expr.Apply(Op.POWER, v, new Expr.Num(2)));
                return minus(first, second);
            }
            case POWER: {
                Expr u = args.get(0);
                Expr v = args.get(1);
                Expr du = of(u, x);
                Expr dv = of(v, x);
                Expr out = ZERO;
                if (!isZero(du)) {
                    // v u^(v-1) u'
                    out = product(List.of(v, new Expr.Apply(Op.POWER, u, minus(v, ONE)), du));
                }
                if (!isZero(dv)) {
                    // u^v ln(u) v'
                    Expr t = product(List.of(a, new Expr.Apply(Op.LN, u), dv));
                    out = isZero(out) ? t : sum(List.of(out, t));
                }
                return out;
            }
            case ROOT:
                return of(new Expr.Apply(Op.POWER, args.get(1), div(ONE, args.get(0))), x);
            case EXP:
                return product(List.of(a, of(args.get(0), x)));
            case LN:
                return div(of(args.get(0), x), args.get(0));
            case LOG:
                return of(div(new Expr.Apply(Op.LN, args.get(1)), new Expr.Apply(Op.LN, args.get(0))), x);
            case ABS:
                return product(List.of(new Expr.Piecewise(List.of(new Expr.Num(-1)),
                        List.of(new Expr.Apply(Op.LT, args.get(0), ZERO)), ONE), of(args.get(0), x)));
            case SIN:
                return product(List.of(new Expr.Apply(Op.COS, args.get(0)), of(args.get(0), x)));
            case COS:
                return neg(product(List.of(new Expr.Apply(Op.SIN, args.get(0)), of(args.get(0), x))));
            case TAN:
                return product(List.of(new Expr.Apply(Op.POWER, new Expr.Apply(Op.SEC, args.get(0)), new Expr.Num(2)),
                        of(args.get(0), x)));
            case SINH:
                return product(List.of(new Expr.Apply(Op.COSH, args.get(0)), of(args.get(0), x)));
            case COSH:
                return product(List.of(new Expr.Apply(Op.SINH, args.get(0)), of(args.get(0), x)));
            case TANH:
                return product(List.of(minus(ONE, new Expr.Apply(Op.POWER, a, new Expr.Num(2))), of(args.get(0), x)));
            case MIN:
            case MAX: {
                if (args.size() != 2) {
                    throw new NotDifferentiable(a.op() + " of " + args.size() + " arguments");
                }
                Op cmp = a.op() == Op.MIN ? Op.LEQ : Op.GEQ;
                return new Expr.Piecewise(List.of(of(args.get(0), x)),
                        List.of(new Expr.Apply(cmp, args.get(0), args.get(1))), of(args.get(1), x));
            }
            case FLOOR:
            case CEILING:
            case EQ: case NEQ: case GT: case LT: case GEQ: case LEQ:
            case AND: case OR: case XOR: case NOT: case IMPLIES:
                return ZERO;
            default:
                throw new NotDifferentiable(a.op().name().toLowerCase());
        }
    }

    static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Num n && n.value() == 1;
    }

    private static Expr sum(List<Expr> terms) {
        if (terms.isEmpty()) {
            return ZERO;
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Apply(Op.PLUS, terms);
    }

    private static Expr product(List<Expr> factors) {
        List<Expr> kept = new ArrayList<>();
        for (Expr f : factors) {
            if (isZero(f)) {
                return ZERO;
            }
            if (!isOne(f)) {
                kept.add(f);
            }
        }
        if (kept.isEmpty()) {
            return ONE;
        }
        return kept.size() == 1 ? kept.get(0) : new Expr.Apply(Op.TIMES, kept);
    }

    private static Expr neg(Expr e) {
        return isZero(e) ? ZERO : new Expr.Apply(Op.MINUS, e);
    }

    private static Expr minus(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        return isZero(a) ? neg(b) : new Expr.Apply(Op.MINUS, a, b);
    }

    private static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        return isOne(b) ? a : new Expr.Apply(Op.DIVIDE, a, b);
    }
}
