package org.il2sim.core.expr;

/** An expression that cannot be compiled (unknown symbol, wrong arity, unsupported construct). */
public class ExprException extends RuntimeException {
    public ExprException(String message) {
        super(message);
    }
}
