package org.il2sim.core.units;

/** A number with its unit, as read from user input. */
public record Quantity(double value, Unit unit) {

    /** The value in the canonical unit of its dimension. */
    public double canonical() {
        return value * unit.toCanonical();
    }

    public Dimension dimension() {
        return unit.dimension();
    }
}
