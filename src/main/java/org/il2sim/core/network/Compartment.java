package org.il2sim.core.network;

/**
 * A well-mixed volume (or area, line) that holds species.
 *
 * @param size initial size; NaN when set by an initial assignment or rule
 * @param constant false when rules or events may change the size
 */
public record Compartment(String id, String name, double spatialDimensions, double size, boolean constant) {
}
