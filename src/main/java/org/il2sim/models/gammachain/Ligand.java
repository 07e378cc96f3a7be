package org.il2sim.models.gammachain;

/** The six γc cytokines, in the anchor's order (endosomal free ligand states 56–61). */
public enum Ligand {
    IL2("IL-2"), IL15("IL-15"), IL7("IL-7"), IL9("IL-9"), IL4("IL-4"), IL21("IL-21");

    private final String label;

    Ligand(String label) {
        this.label = label;
    }

    /** The usual written name, e.g. "IL-2". */
    public String label() {
        return label;
    }

    /** Id of the parameter holding the constant medium concentration (nM). */
    public String mediumParameter() {
        return name() + "_medium";
    }

    /** Id of the endosomal free-ligand species (nM in the endosomal lumen). */
    public String endosomalSpecies() {
        return name() + "_" + Location.ENDOSOME.suffix();
    }

    /** The ligand for an id such as "IL2" (case-sensitive), or an exception naming the valid ids. */
    public static Ligand of(String id) {
        for (Ligand l : values()) {
            if (l.name().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown ligand '" + id
                + "' (expected one of IL2, IL15, IL7, IL9, IL4, IL21)");
    }
}
