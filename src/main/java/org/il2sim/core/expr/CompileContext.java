package org.il2sim.core.expr;

import java.util.List;

/** What the {@link ExprCompiler} needs to know about the model an expression belongs to. */
public interface CompileContext {

    /** Slot of a symbol in the value array, or -1 when the symbol is unknown. */
    int slot(String id);

    /** A user-defined function, or null when there is none with that name. */
    FunctionDefinition function(String name);

    /** An evaluator for delay(x, d); the default refuses delays. */
    default Evaluator delay(Expr x, Evaluator compiledX, Evaluator delay) {
        throw new ExprException("delay() is not supported in this context");
    }

    /** An evaluator for rateOf(id); the default refuses it. */
    default Evaluator rateOf(String id) {
        throw new ExprException("rateOf() is not supported in this context");
    }

    /** A user-defined function: formal arguments and body. */
    record FunctionDefinition(String id, List<String> arguments, Expr body) {
        public FunctionDefinition {
            arguments = List.copyOf(arguments);
        }
    }
}
