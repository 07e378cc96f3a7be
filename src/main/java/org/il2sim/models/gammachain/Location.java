package org.il2sim.models.gammachain;

/** Where a receptor species sits: on the cell surface or in the endosome. */
public enum Location {
    SURFACE("surf", "surface"), ENDOSOME("endo", "endosome");

    private final String suffix;
    private final String compartment;

    Location(String suffix, String compartment) {
        this.suffix = suffix;
        this.compartment = compartment;
    }

    /** Suffix of species and reaction ids, "surf" or "endo". */
    public String suffix() {
        return suffix;
    }

    /** Id of the network compartment. */
    public String compartment() {
        return compartment;
    }
}
