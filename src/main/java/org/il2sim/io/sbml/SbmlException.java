package org.il2sim.io.sbml;

/**
 * An SBML file that cannot be read or simulated: malformed XML, invalid content, or a construct il2sim does not
 * support. The message names the file and, where known, the line and element.
 */
public class SbmlException extends RuntimeException {

    private final boolean unsupported;

    public SbmlException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    public boolean unsupported() {
        return unsupported;
    }
}
