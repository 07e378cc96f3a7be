package org.il2sim.core.expr;

import java.util.List;

/**
 * Compiles an {@link Expr} once into a tree of small {@link Evaluator} closures. User functions are inlined, so the
 * evaluators do no look-ups at run time. A closure tree is simple and fast enough for general rate laws; the
 * mass-action fast path lives in the network compiler.
 */
public final class ExprCompiler {

    private final CompileContext context;

    public ExprCompiler(CompileContext context) {
        this.context = context;
    }

    public Evaluator compile(Expr e) {
        return compileExpanded(Exprs.expandCalls(e, context::function));
    }

    private Evaluator compileExpanded(Expr e) {
        if (e instanceof Expr.Num n) {
            double v = n.value();
            return x -> v;
        }
        if (e instanceof Expr.Sym s) {
            int slot = context.slot(s.id());
            if (slot < 0) {
                throw new ExprException("unknown symbol '" + s.id() + "'");
            }
            return x -> x[slot];
        }
        if (e instanceof Expr.Time) {
            return x -> x[Evaluator.TIME_SLOT];
        }
        if (e instanceof Expr.Avogadro) {
            return x -> Expr.Avogadro.VALUE;
        }
        if (e instanceof Expr.Piecewise p) {
            return piecewise(p);
        }
        if (e instanceof Expr.Apply a) {
            return apply(a);
        }
        throw new IllegalStateException("calls are expanded before compilation");
    }

    private Evaluator piecewise(Expr.Piecewise p) {
        Evaluator[] values = compileAll(p.values());
        Evaluator[] conditions = compileAll(p.conditions());
        Evaluator otherwise = p.otherwise() == null ? x -> Double.NaN : compileExpanded(p.otherwise());
        if (values.length == 1) {
            Evaluator v0 = values[0];
            Evaluator c0 = conditions[0];
            return x -> c0.eval(x) != 0 ? v0.eval(x) : otherwise.eval(x);
        }
        return x -> {
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].eval(x) != 0) {
                    return values[i].eval(x);
                }
            }
            return otherwise.eval(x);
        };
    }

    private Evaluator[] compileAll(List<Expr> es) {
        Evaluator[] out = new Evaluator[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compileExpanded(es.get(i));
        }
        return out;
    }

    private Evaluator apply(Expr.Apply a) {
        Op op = a.op();
        if (op == Op.RATE_OF) {
            if (a.args().size() != 1 || !(a.args().get(0) instanceof Expr.Sym s)) {
                throw new ExprException("rateOf takes one symbol");
            }
            return context.rateOf(s.id());
        }
        if (op == Op.DELAY) {
            arity(a, 2);
            return context.delay(a.args().get(0), compileExpanded(a.args().get(0)), compileExpanded(a.args().get(1)));
        }
        if (op == Op.TIMES) {
            Evaluator flat = flatProduct(a.args());
            if (flat != null) {
                return flat;
            }
        }
        Evaluator[] args = compileAll(a.args());
        return switch (op) {
            case PLUS -> plus(args);
            case TIMES -> times(args);
            case MINUS -> {
                if (args.length == 1) {
                    Evaluator u = args[0];
                    yield x -> -u.eval(x);
                }
                arity(a, 2);
                Evaluator l = args[0];
                Evaluator r = args[1];
                yield x -> l.eval(x) - r.eval(x);
            }
            case DIVIDE -> binary(a, args, (l, r) -> l / r);
            case POWER -> binary(a, args, ExprCompiler::power);
            case ROOT -> binary(a, args, (deg, v) -> deg == 2 ? Math.sqrt(v)
                    : deg == 3 ? Math.cbrt(v) : Math.pow(v, 1.0 / deg));
            case LOG -> binary(a, args, (base, v) -> base == 10 ? Math.log10(v) : Math.log(v) / Math.log(base));
            case REM -> binary(a, args, (l, r) -> l % r);
            case QUOTIENT -> binary(a, args, (l, r) -> (double) (long) (l / r));
            case ABS -> unary(a, args, Math::abs);
            case EXP -> unary(a, args, Math::exp);
            case LN -> unary(a, args, Math::log);
            case FLOOR -> unary(a, args, Math::floor);
            case CEILING -> unary(a, args, Math::ceil);
            case FACTORIAL -> unary(a, args, ExprCompiler::factorial);
            case SIN -> unary(a, args, Math::sin);
            case COS -> unary(a, args, Math::cos);
            case TAN -> unary(a, args, Math::tan);
            case SEC -> unary(a, args, v -> 1 / Math.cos(v));
            case CSC -> unary(a, args, v -> 1 / Math.sin(v));
            case COT -> unary(a, args, v -> 1 / Math.tan(v));
            case SINH -> unary(a, args, Math::sinh);
            case COSH -> unary(a, args, Math::cosh);
            case TANH -> unary(a, args, Math::tanh);
            case SECH -> unary(a, args, v -> 1 / Math.cosh(v));
            case CSCH -> unary(a, args, v -> 1 / Math.sinh(v));
            case COTH -> unary(a, args, v -> 1 / Math.tanh(v));
            case ARCSIN -> unary(a, args, Math::asin);
            case ARCCOS -> unary(a, args, Math::acos);
            case ARCTAN -> unary(a, args, Math::atan);
            case ARCSEC -> unary(a, args, v -> Math.acos(1 / v));
            case ARCCSC -> unary(a, args, v -> Math.asin(1 / v));
            case ARCCOT -> unary(a, args, v -> Math.atan(1 / v));
            case ARCSINH -> unary(a, args, v -> Math.log(v + Math.sqrt(v * v + 1)));
            case ARCCOSH -> unary(a, args, v -> Math.log(v + Math.sqrt(v * v - 1)));
            case ARCTANH -> unary(a, args, v -> 0.5 * Math.log((1 + v) / (1 - v)));
            case ARCSECH -> unary(a, args, v -> Math.log((1 + Math.sqrt(1 - v * v)) / v));
            case ARCCSCH -> unary(a, args, v -> Math.log(1 / v + Math.sqrt(1 / (v * v) + 1)));
            case ARCCOTH -> unary(a, args, v -> 0.5 * Math.log((v + 1) / (v - 1)));
            case NOT -> unary(a, args, v -> v != 0 ? 0 : 1);
            case EQ -> chain(args, (l, r) -> l == r);
            case NEQ -> {
                arity(a, 2);
                yield binary(a, args, (l, r) -> l != r ? 1 : 0);
            }
            case GT -> chain(args, (l, r) -> l > r);
            case LT -> chain(args, (l, r) -> l < r);
            case GEQ -> chain(args, (l, r) -> l >= r);
            case LEQ -> chain(args, (l, r) -> l <= r);
            case AND -> x -> {
                for (Evaluator e : args) {
                    if (e.eval(x) == 0) {
                        return 0;
                    }
                }
                return 1;
            };
            case OR -> x -> {
                for (Evaluator e : args) {
                    if (e.eval(x) != 0) {
                        return 1;
                    }
                }
                return 0;
            };
            case XOR -> x -> {
                int n = 0;
                for (Evaluator e : args) {
                    if (e.eval(x) != 0) {
                        n++;
                    }
                }
                return n % 2;
            };
            case IMPLIES -> binary(a, args, (l, r) -> l == 0 || r != 0 ? 1 : 0);
            case MIN -> x -> {
                double m = Double.POSITIVE_INFINITY;
                for (Evaluator e : args) {
                    double v = e.eval(x);
                    if (Double.isNaN(v)) {
                        return v;
                    }
                    m = Math.min(m, v);
                }
                return m;
            };
            case MAX -> x -> {
                double m = Double.NEGATIVE_INFINITY;
                for (Evaluator e : args) {
                    double v = e.eval(x);
                    if (Double.isNaN(v)) {
                        return v;
                    }
                    m = Math.max(m, v);
                }
                return m;
            };
            case DELAY, RATE_OF -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * A product of symbols and numbers (every mass-action rate law) as one flat loop over slot indices with the
     * numbers folded into one constant: no closure call per factor.
     */
    private Evaluator flatProduct(List<Expr> factors) {
        double constant = 1;
        int[] slots = new int[factors.size()];
        int n = 0;
        for (Expr f : factors) {
            if (f instanceof Expr.Num num) {
                constant *= num.value();
            } else if (f instanceof Expr.Sym s) {
                int slot = context.slot(s.id());
                if (slot < 0) {
                    throw new ExprException("unknown symbol '" + s.id() + "'");
                }
                slots[n++] = slot;
            } else {
                return null;
            }
        }
        double c = constant;
        switch (n) {
            case 0:
                return x -> c;
            case 1: {
                int s0 = slots[0];
                return c == 1 ? x -> x[s0] : x -> c * x[s0];
            }
            case 2: {
                int s0 = slots[0];
                int s1 = slots[1];
                return c == 1 ? x -> x[s0] * x[s1] : x -> c * x[s0] * x[s1];
            }
            case 3: {
                int s0 = slots[0];
                int s1 = slots[1];
                int s2 = slots[2];
                return c == 1 ? x -> x[s0] * x[s1] * x[s2] : x -> c * x[s0] * x[s1] * x[s2];
            }
            default: {
                int[] used = java.util.Arrays.copyOf(slots, n);
                return x -> {
                    double p = c;
                    for (int s : used) {
                        p *= x[s];
                    }
                    return p;
                };
            }
        }
    }

    /** x^y with integer powers done by multiplication (faster and exact for the common squares and cubes). */
    static double power(double base, double exp) {
        if (exp == 2) {
            return base * base;
        }
        if (exp == 1) {
            return base;
        }
        if (exp == 3) {
            return base * base * base;
        }
        return Math.pow(base, exp);
    }

    static double factorial(double v) {
        if (v < 0 || v != Math.rint(v)) {
            return Double.NaN;
        }
        double r = 1;
        for (int i = 2; i <= v; i++) {
            r *= i;
        }
        return r;
    }

    private interface D2 {
        double f(double l, double r);
    }

    private interface D1 {
        double f(double v);
    }

    private interface Rel {
        boolean test(double l, double r);
    }

    private static void arity(Expr.Apply a, int n) {
        if (a.args().size() != n) {
            throw new ExprException(a.op().name().toLowerCase() + " takes " + n + " arguments, got " + a.args().size());
        }
    }

    private static Evaluator unary(Expr.Apply a, Evaluator[] args, D1 f) {
        arity(a, 1);
        Evaluator u = args[0];
        return x -> f.f(u.eval(x));
    }

    private static Evaluator binary(Expr.Apply a, Evaluator[] args, D2 f) {
        arity(a, 2);
        Evaluator l = args[0];
        Evaluator r = args[1];
        return x -> f.f(l.eval(x), r.eval(x));
    }

    private static Evaluator chain(Evaluator[] args, Rel rel) {
        if (args.length == 2) {
            Evaluator l = args[0];
            Evaluator r = args[1];
            return x -> rel.test(l.eval(x), r.eval(x)) ? 1 : 0;
        }
        return x -> {
            for (int i = 0; i + 1 < args.length; i++) {
                if (!rel.test(args[i].eval(x), args[i + 1].eval(x))) {
                    return 0;
                }
            }
            return 1;
        };
    }

    private static Evaluator plus(Evaluator[] args) {
        return switch (args.length) {
            case 0 -> x -> 0;
            case 1 -> args[0];
            case 2 -> {
                Evaluator l = args[0];
                Evaluator r = args[1];
                yield x -> l.eval(x) + r.eval(x);
            }
            default -> x -> {
                double s = 0;
                for (Evaluator e : args) {
                    s += e.eval(x);
                }
                return s;
            };
        };
    }

    private static Evaluator times(Evaluator[] args) {
        return switch (args.length) {
            case 0 -> x -> 1;
            case 1 -> args[0];
            case 2 -> {
                Evaluator l = args[0];
                Evaluator r = args[1];
                yield x -> l.eval(x) * r.eval(x);
            }
            default -> x -> {
                double p = 1;
                for (Evaluator e : args) {
                    p *= e.eval(x);
                }
                return p;
            };
        };
    }
}
