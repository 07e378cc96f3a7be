package org.il2sim.models.gammachain;

/** The eight receptor chains of the model, in the anchor's synthesis order (Rexpr 0–7). */
public enum Receptor {
    IL2Ra("IL-2Rα (CD25)"), IL2Rb("IL-2Rβ (CD122)"), gc("γc (CD132)"), IL15Ra("IL-15Rα"), IL7Ra("IL-7Rα (CD127)"),
    IL9R("IL-9R"), IL4Ra("IL-4Rα"), IL21R("IL-21R");

    private final String label;

    Receptor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Id of the parameter holding the measured surface abundance (#/cell). */
    public String abundanceParameter() {
        return "N_" + name();
    }

    /** Id of the parameter holding the synthesis rate (#/cell/min), derived from the abundance. */
    public String synthesisParameter() {
        return "Rexpr_" + name();
    }
}
