package org.il2sim.io.sbml;

import java.util.List;
import org.il2sim.core.network.Diagnostic;

/**
 * An SBML file that cannot be read or simulated: malformed XML, invalid content, or a construct il2sim does not
 * support. The message names the file and, where known, the line and element.
 */
public class SbmlException extends RuntimeException {

    private final boolean unsupported;
    private final List<Diagnostic> diagnostics;

    public SbmlException(String message, boolean unsupported) {
        this(message, unsupported, List.of());
    }

    /** An invalid model with every problem found, each one a diagnostic naming its element. */
    public SbmlException(String message, boolean unsupported, List<Diagnostic> diagnostics) {
        super(message);
        this.unsupported = unsupported;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A problem found while a library (JSBML, the XML parser) failed: the cause is kept for --debug. */
    public SbmlException(String message, boolean unsupported, Throwable cause) {
        super(message, cause);
        this.unsupported = unsupported;
        this.diagnostics = List.of();
    }

    /** The individual problems behind this exception; empty when the message is the only one. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean unsupported() {
        return unsupported;
    }
}
