package org.il2sim.core.expr;

/** Built-in operators and functions of the expression language (the MathML subset SBML uses). */
public enum Op {
    PLUS, MINUS, TIMES, DIVIDE, POWER, ROOT, ABS, EXP, LN, LOG, FLOOR, CEILING, FACTORIAL,
    SIN, COS, TAN, SEC, CSC, COT, SINH, COSH, TANH, SECH, CSCH, COTH,
    ARCSIN, ARCCOS, ARCTAN, ARCSEC, ARCCSC, ARCCOT, ARCSINH, ARCCOSH, ARCTANH, ARCSECH, ARCCSCH, ARCCOTH,
    EQ, NEQ, GT, LT, GEQ, LEQ, AND, OR, XOR, NOT, IMPLIES,
    MIN, MAX, REM, QUOTIENT,
    /** delay(x, d): the value of x at time t - d. */
    DELAY,
    /** rateOf(x): the current rate of change of symbol x. */
    RATE_OF;

    /** True for operators whose value is a boolean. */
    public boolean isBoolean() {
        return switch (this) {
            case EQ, NEQ, GT, LT, GEQ, LEQ, AND, OR, XOR, NOT, IMPLIES -> true;
            default -> false;
        };
    }
}
