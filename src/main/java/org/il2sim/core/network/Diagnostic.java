package org.il2sim.core.network;

/**
 * A problem found in a model, with where it is.
 *
 * @param element the id or kind of the element involved (e.g. "reaction 'R1'")
 * @param line line in the source file, or 0 when unknown
 * @param column column in the source file, or 0 when unknown
 */
public record Diagnostic(Severity severity, String element, String message, int line, int column) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String element, String message) {
        return new Diagnostic(Severity.ERROR, element, message, 0, 0);
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + (column > 0 ? ":" + column : "") + ": " : "";
        return where + (element == null || element.isEmpty() ? "" : element + ": ") + message;
    }
}
