package org.il2sim.core.units;

/**
 * A unit: its dimension and the factor that converts a value in it to the dimension's canonical unit.
 *
 * @param symbol the unit as written
 * @param toCanonical canonical value = value * toCanonical
 */
public record Unit(String symbol, Dimension dimension, double toCanonical) {
}
