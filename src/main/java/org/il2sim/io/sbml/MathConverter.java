package org.il2sim.io.sbml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.sbml.jsbml.ASTNode;

/** Converts JSBML's MathML trees to il2sim expressions, substituting local parameters. */
final class MathConverter {

    private final Map<String, Double> locals;
    private final String where;

    MathConverter(Map<String, Double> locals, String where) {
        this.locals = locals;
        this.where = where;
    }

    Expr convert(ASTNode n) {
        if (n == null) {
            throw new SbmlException(where + ": missing math", false);
        }
        ASTNode.Type t = n.getType();
        switch (t) {
            case INTEGER:
                return new Expr.Num(n.getInteger());
            case REAL:
            case REAL_E:
            case RATIONAL:
                return new Expr.Num(n.getReal());
            case CONSTANT_PI:
                return new Expr.Num(Math.PI);
            case CONSTANT_E:
                return new Expr.Num(Math.E);
            case CONSTANT_TRUE:
                return new Expr.Num(1);
            case CONSTANT_FALSE:
                return new Expr.Num(0);
            case NAME_TIME:
                return new Expr.Time();
            case NAME_AVOGADRO:
                return new Expr.Avogadro();
            case NAME: {
                String name = n.getName();
                Double local = locals.get(name);
                return local != null ? new Expr.Num(local) : new Expr.Sym(name);
            }
            case FUNCTION:
                return new Expr.Call(n.getName(), children(n));
            case FUNCTION_PIECEWISE:
                return piecewise(n);
            case FUNCTION_ROOT:
                if (n.getChildCount() == 1) {
                    return new Expr.Apply(Op.ROOT, new Expr.Num(2), convert(n.getChild(0)));
                }
                return new Expr.Apply(Op.ROOT, children(n));
            case FUNCTION_LOG:
                if (n.getChildCount() == 1) {
                    return new Expr.Apply(Op.LOG, new Expr.Num(10), convert(n.getChild(0)));
                }
                return new Expr.Apply(Op.LOG, children(n));
            case LAMBDA:
                throw new SbmlException(where + ": lambda outside a function definition", false);
            case MINUS:
                // JSBML writes -INF as <apply><minus/><infinity/></apply>; read it back as the number it stands for
                if (n.getChildCount() == 1 && n.getChild(0).isReal() && Double.isInfinite(n.getChild(0).getReal())) {
                    return new Expr.Num(-n.getChild(0).getReal());
                }
                return new Expr.Apply(Op.MINUS, children(n));
            default:
                return new Expr.Apply(op(t), children(n));
        }
    }

    private Op op(ASTNode.Type t) {
        switch (t) {
            case PLUS: case SUM: return Op.PLUS;
            case MINUS: return Op.MINUS;
            case TIMES: case PRODUCT: return Op.TIMES;
            case DIVIDE: return Op.DIVIDE;
            case POWER: case FUNCTION_POWER: return Op.POWER;
            case FUNCTION_ABS: return Op.ABS;
            case FUNCTION_EXP: return Op.EXP;
            case FUNCTION_LN: return Op.LN;
            case FUNCTION_FLOOR: return Op.FLOOR;
            case FUNCTION_CEILING: return Op.CEILING;
            case FUNCTION_FACTORIAL: return Op.FACTORIAL;
            case FUNCTION_SIN: return Op.SIN;
            case FUNCTION_COS: return Op.COS;
            case FUNCTION_TAN: return Op.TAN;
            case FUNCTION_SEC: return Op.SEC;
            case FUNCTION_CSC: return Op.CSC;
            case FUNCTION_COT: return Op.COT;
            case FUNCTION_SINH: return Op.SINH;
            case FUNCTION_COSH: return Op.COSH;
            case FUNCTION_TANH: return Op.TANH;
            case FUNCTION_SECH: return Op.SECH;
            case FUNCTION_CSCH: return Op.CSCH;
            case FUNCTION_COTH: return Op.COTH;
            case FUNCTION_ARCSIN: return Op.ARCSIN;
            case FUNCTION_ARCCOS: return Op.ARCCOS;
            case FUNCTION_ARCTAN: return Op.ARCTAN;
            case FUNCTION_ARCSEC: return Op.ARCSEC;
            case FUNCTION_ARCCSC: return Op.ARCCSC;
            case FUNCTION_ARCCOT: return Op.ARCCOT;
            case FUNCTION_ARCSINH: return Op.ARCSINH;
            case FUNCTION_ARCCOSH: return Op.ARCCOSH;
            case FUNCTION_ARCTANH: return Op.ARCTANH;
            case FUNCTION_ARCSECH: return Op.ARCSECH;
            case FUNCTION_ARCCSCH: return Op.ARCCSCH;
            case FUNCTION_ARCCOTH: return Op.ARCCOTH;
            case FUNCTION_MIN: return Op.MIN;
            case FUNCTION_MAX: return Op.MAX;
            case FUNCTION_REM: return Op.REM;
            case FUNCTION_QUOTIENT: return Op.QUOTIENT;
            case FUNCTION_DELAY: return Op.DELAY;
            case FUNCTION_RATE_OF: return Op.RATE_OF;
            case RELATIONAL_EQ: return Op.EQ;
            case RELATIONAL_NEQ: return Op.NEQ;
            case RELATIONAL_GT: return Op.GT;
            case RELATIONAL_LT: return Op.LT;
            case RELATIONAL_GEQ: return Op.GEQ;
            case RELATIONAL_LEQ: return Op.LEQ;
            case LOGICAL_AND: return Op.AND;
            case LOGICAL_OR: return Op.OR;
            case LOGICAL_XOR: return Op.XOR;
            case LOGICAL_NOT: return Op.NOT;
            case LOGICAL_IMPLIES: return Op.IMPLIES;
            default:
                throw new SbmlException(where + ": unsupported MathML construct '" + t + "'", true);
        }
    }

    private List<Expr> children(ASTNode n) {
        List<Expr> out = new ArrayList<>(n.getChildCount());
        for (int i = 0; i < n.getChildCount(); i++) {
            out.add(convert(n.getChild(i)));
        }
        return out;
    }

    private Expr piecewise(ASTNode n) {
        List<Expr> values = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        int k = n.getChildCount();
        int i = 0;
        for (; i + 1 < k; i += 2) {
            values.add(convert(n.getChild(i)));
            conditions.add(convert(n.getChild(i + 1)));
        }
        Expr otherwise = i < k ? convert(n.getChild(i)) : null;
        return new Expr.Piecewise(values, conditions, otherwise);
    }
}
