package org.il2sim.io.sbml;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.sbml.jsbml.ASTNode;

/**
 * Converts il2sim expressions to JSBML MathML trees, the inverse of {@link MathConverter}: every {@link Op}, the
 * csymbols time, avogadro, delay and rateOf, piecewise, root with its degree and log with its base.
 *
 * <p>Numbers are written so that they read back to the same double. JSBML prints a {@code <cn>} with the pattern
 * {@code #.###...} (47 decimals), which turns numbers below about 1e-30 into 0 and, rarely, misprints the last digit
 * (its e-notation loses digits as well); such numbers are written as plain decimals with all their digits, through a
 * placeholder replaced after JSBML has written the document (see {@link #fill}). Integral values that fit an int are
 * written as integers. In a boolean position (a trigger, a piecewise condition, an argument of and, or, xor,
 * not, implies) 0 and 1 are written as {@code <false/>} and {@code <true/>}.
 */
final class MathWriter {

    private static final Map<Op, ASTNode.Type> TYPES = new EnumMap<>(Op.class);

    static {
        TYPES.put(Op.PLUS, ASTNode.Type.PLUS);
        TYPES.put(Op.MINUS, ASTNode.Type.MINUS);
        TYPES.put(Op.TIMES, ASTNode.Type.TIMES);
        TYPES.put(Op.DIVIDE, ASTNode.Type.DIVIDE);
        TYPES.put(Op.POWER, ASTNode.Type.POWER);
        TYPES.put(Op.ROOT, ASTNode.Type.FUNCTION_ROOT);
        TYPES.put(Op.ABS, ASTNode.Type.FUNCTION_ABS);
        TYPES.put(Op.EXP, ASTNode.Type.FUNCTION_EXP);
        TYPES.put(Op.LN, ASTNode.Type.FUNCTION_LN);
        TYPES.put(Op.LOG, ASTNode.Type.FUNCTION_LOG);
        TYPES.put(Op.FLOOR, ASTNode.Type.FUNCTION_FLOOR);
        TYPES.put(Op.CEILING, ASTNode.Type.FUNCTION_CEILING);
        TYPES.put(Op.FACTORIAL, ASTNode.Type.FUNCTION_FACTORIAL);
        TYPES.put(Op.SIN, ASTNode.Type.FUNCTION_SIN);
        TYPES.put(Op.COS, ASTNode.Type.FUNCTION_COS);
        TYPES.put(Op.TAN, ASTNode.Type.FUNCTION_TAN);
        TYPES.put(Op.SEC, ASTNode.Type.FUNCTION_SEC);
        TYPES.put(Op.CSC, ASTNode.Type.FUNCTION_CSC);
        TYPES.put(Op.COT, ASTNode.Type.FUNCTION_COT);
        TYPES.put(Op.SINH, ASTNode.Type.FUNCTION_SINH);
        TYPES.put(Op.COSH, ASTNode.Type.FUNCTION_COSH);
        TYPES.put(Op.TANH, ASTNode.Type.FUNCTION_TANH);
        TYPES.put(Op.SECH, ASTNode.Type.FUNCTION_SECH);
        TYPES.put(Op.CSCH, ASTNode.Type.FUNCTION_CSCH);
        TYPES.put(Op.COTH, ASTNode.Type.FUNCTION_COTH);
        TYPES.put(Op.ARCSIN, ASTNode.Type.FUNCTION_ARCSIN);
        TYPES.put(Op.ARCCOS, ASTNode.Type.FUNCTION_ARCCOS);
        TYPES.put(Op.ARCTAN, ASTNode.Type.FUNCTION_ARCTAN);
        TYPES.put(Op.ARCSEC, ASTNode.Type.FUNCTION_ARCSEC);
        TYPES.put(Op.ARCCSC, ASTNode.Type.FUNCTION_ARCCSC);
        TYPES.put(Op.ARCCOT, ASTNode.Type.FUNCTION_ARCCOT);
        TYPES.put(Op.ARCSINH, ASTNode.Type.FUNCTION_ARCSINH);
        TYPES.put(Op.ARCCOSH, ASTNode.Type.FUNCTION_ARCCOSH);
        TYPES.put(Op.ARCTANH, ASTNode.Type.FUNCTION_ARCTANH);
        TYPES.put(Op.ARCSECH, ASTNode.Type.FUNCTION_ARCSECH);
        TYPES.put(Op.ARCCSCH, ASTNode.Type.FUNCTION_ARCCSCH);
        TYPES.put(Op.ARCCOTH, ASTNode.Type.FUNCTION_ARCCOTH);
        TYPES.put(Op.EQ, ASTNode.Type.RELATIONAL_EQ);
        TYPES.put(Op.NEQ, ASTNode.Type.RELATIONAL_NEQ);
        TYPES.put(Op.GT, ASTNode.Type.RELATIONAL_GT);
        TYPES.put(Op.LT, ASTNode.Type.RELATIONAL_LT);
        TYPES.put(Op.GEQ, ASTNode.Type.RELATIONAL_GEQ);
        TYPES.put(Op.LEQ, ASTNode.Type.RELATIONAL_LEQ);
        TYPES.put(Op.AND, ASTNode.Type.LOGICAL_AND);
        TYPES.put(Op.OR, ASTNode.Type.LOGICAL_OR);
        TYPES.put(Op.XOR, ASTNode.Type.LOGICAL_XOR);
        TYPES.put(Op.NOT, ASTNode.Type.LOGICAL_NOT);
        TYPES.put(Op.IMPLIES, ASTNode.Type.LOGICAL_IMPLIES);
        TYPES.put(Op.MIN, ASTNode.Type.FUNCTION_MIN);
        TYPES.put(Op.MAX, ASTNode.Type.FUNCTION_MAX);
        TYPES.put(Op.REM, ASTNode.Type.FUNCTION_REM);
        TYPES.put(Op.QUOTIENT, ASTNode.Type.FUNCTION_QUOTIENT);
        TYPES.put(Op.DELAY, ASTNode.Type.FUNCTION_DELAY);
        TYPES.put(Op.RATE_OF, ASTNode.Type.FUNCTION_RATE_OF);
        for (Op op : Op.values()) {
            if (!TYPES.containsKey(op)) {
                throw new ExceptionInInitializerError("no MathML element for operator " + op);
            }
        }
    }

    /** The pattern JSBML 1.6 prints {@code <cn>} numbers with (MathMLXMLStreamCompiler). */
    private static final ThreadLocal<DecimalFormat> JSBML_FORMAT = ThreadLocal.withInitial(() -> new DecimalFormat(
            "#.###############################################", new DecimalFormatSymbols(Locale.ENGLISH)));

    /** Start of the placeholder ids of {@link #exactNumber}; chosen not to clash with any id of the model. */
    private final String prefix;
    private final Map<String, String> exact = new HashMap<>();

    /** A writer for one document; {@code ids} are the ids used in it, which placeholders must avoid. */
    MathWriter(Set<String> ids) {
        String p = "__il2sim_number_";
        while (clashes(p, ids)) {
            p = "_" + p;
        }
        this.prefix = p;
    }

    private static boolean clashes(String prefix, Set<String> ids) {
        for (String id : ids) {
            if (id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The MathML tree of a numeric expression. */
    ASTNode convert(Expr e) {
        return convert(e, false);
    }

    /** The MathML tree of an expression in a boolean position (trigger, condition). */
    ASTNode convertBoolean(Expr e) {
        return convert(e, true);
    }

    /** A lambda for a function definition. */
    ASTNode lambda(List<String> arguments, Expr body) {
        ASTNode lambda = new ASTNode(ASTNode.Type.LAMBDA);
        for (String a : arguments) {
            lambda.addChild(new ASTNode(a));
        }
        lambda.addChild(convert(body, false));
        return lambda;
    }

    private ASTNode convert(Expr e, boolean bool) {
        if (e instanceof Expr.Num n) {
            return number(n.value(), bool);
        }
        if (e instanceof Expr.Sym s) {
            return new ASTNode(s.id());
        }
        if (e instanceof Expr.Time) {
            ASTNode t = new ASTNode(ASTNode.Type.NAME_TIME);
            t.setName("time");
            return t;
        }
        if (e instanceof Expr.Avogadro) {
            ASTNode a = new ASTNode(ASTNode.Type.NAME_AVOGADRO);
            a.setName("avogadro");
            return a;
        }
        if (e instanceof Expr.Call c) {
            ASTNode f = new ASTNode(ASTNode.Type.FUNCTION);
            f.setName(c.function());
            for (Expr arg : c.args()) {
                f.addChild(convert(arg, false));
            }
            return f;
        }
        if (e instanceof Expr.Piecewise p) {
            ASTNode pw = new ASTNode(ASTNode.Type.FUNCTION_PIECEWISE);
            for (int i = 0; i < p.values().size(); i++) {
                pw.addChild(convert(p.values().get(i), bool));
                pw.addChild(convert(p.conditions().get(i), true));
            }
            if (p.otherwise() != null) {
                pw.addChild(convert(p.otherwise(), bool));
            }
            return pw;
        }
        if (e instanceof Expr.Apply a) {
            return apply(a);
        }
        throw new IllegalArgumentException("unknown expression kind " + e);
    }

    private ASTNode apply(Expr.Apply a) {
        Op op = a.op();
        ASTNode n = new ASTNode(TYPES.get(op));
        if (op == Op.DELAY) {
            n.setName("delay");
        } else if (op == Op.RATE_OF) {
            n.setName("rateOf");
        }
        boolean logical = op == Op.AND || op == Op.OR || op == Op.XOR || op == Op.NOT || op == Op.IMPLIES;
        for (Expr arg : a.args()) {
            n.addChild(convert(arg, logical));
        }
        return n;
    }

    private ASTNode number(double v, boolean bool) {
        if (bool && (v == 0 || v == 1) && !isNegativeZero(v)) {
            return new ASTNode(v == 1 ? ASTNode.Type.CONSTANT_TRUE : ASTNode.Type.CONSTANT_FALSE);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return new ASTNode(v);
        }
        if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE && !isNegativeZero(v)) {
            return new ASTNode((int) v);
        }
        if (readsBack(JSBML_FORMAT.get().format(v), v)) {
            return new ASTNode(v);
        }
        return exactNumber(v);
    }

    /**
     * A number JSBML cannot print exactly: a placeholder {@code <ci>} that {@link #fill} replaces, after JSBML has
     * written the document, by a {@code <cn>} holding the number's shortest exact decimal in plain notation.
     */
    private ASTNode exactNumber(double v) {
        String placeholder = prefix + exact.size() + "__";
        exact.put(placeholder, new BigDecimal(Double.toString(v)).toPlainString());
        return new ASTNode(placeholder);
    }

    /** Replaces the placeholders of {@link #exactNumber} in the written document. */
    String fill(String xml) {
        if (exact.isEmpty()) {
            return xml;
        }
        Matcher m = Pattern.compile("<ci>\\s*(" + Pattern.quote(prefix) + "\\d+__)\\s*</ci>").matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        int replaced = 0;
        while (m.find()) {
            String digits = exact.get(m.group(1));
            if (digits == null) {
                throw new IllegalStateException("unknown number placeholder " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<cn> " + digits + " </cn>"));
            replaced++;
        }
        m.appendTail(out);
        if (replaced != exact.size()) {
            throw new IllegalStateException("wrote " + replaced + " of " + exact.size() + " exact numbers");
        }
        return out.toString();
    }

    private static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }

    private static boolean readsBack(String text, double v) {
        try {
            return Double.compare(Double.parseDouble(text), v) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
