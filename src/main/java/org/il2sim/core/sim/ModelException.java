package org.il2sim.core.sim;

/** A network that cannot be simulated as given (cyclic rules, unsupported construct), with the element named. */
public class ModelException extends RuntimeException {

    private final boolean unsupported;

    public ModelException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    /** True when the model is valid but uses something il2sim does not support yet. */
    public boolean unsupported() {
        return unsupported;
    }

    public static ModelException unsupported(String message) {
        return new ModelException(message, true);
    }

    public static ModelException invalid(String message) {
        return new ModelException(message, false);
    }
}
