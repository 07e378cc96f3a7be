package org.il2sim.core.units;

/** The physical kinds of quantity il2sim meets at its edges, each with one canonical internal unit. */
public enum Dimension {
    TIME("min"),
    CONCENTRATION("nM"),
    AMOUNT_PER_CELL("molecules/cell"),
    RATE_PER_CELL("molecules/cell/min"),
    FIRST_ORDER_RATE("1/min"),
    SECOND_ORDER_RATE("1/(nM*min)"),
    LENGTH("um"),
    AREA("um^2"),
    VOLUME("L"),
    DIFFUSIVITY("um^2/min"),
    CELLS("cells"),
    CELL_DENSITY("cells/mL"),
    DIMENSIONLESS("1");

    private final String canonical;

    Dimension(String canonical) {
        this.canonical = canonical;
    }

    /** The canonical unit every value of this dimension is converted to internally. */
    public String canonical() {
        return canonical;
    }
}
