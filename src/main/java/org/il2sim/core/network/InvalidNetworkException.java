package org.il2sim.core.network;

import java.util.List;
import java.util.stream.Collectors;

/** A network that failed validation; carries every problem found, not just the first. */
public class InvalidNetworkException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public InvalidNetworkException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
