package org.il2sim.core.network;

/**
 * A named number of a model.
 *
 * @param value initial value, or NaN when set by an initial assignment or rule
 * @param unit unit as written by its source (free text; may be empty)
 * @param source where the value comes from (paper, database), or empty
 */
public record Parameter(String id, String name, double value, boolean constant, String unit, String source) {

    public Parameter(String id, double value, boolean constant) {
        this(id, id, value, constant, "", "");
    }
}
