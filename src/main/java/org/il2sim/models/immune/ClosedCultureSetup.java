package org.il2sim.models.immune;

/**
 * One closed-culture experiment of Tkach et al. 2014 (scenario B2) and the model variants the paper uses.
 *
 * @param antigen free pMHC antigen in the well at t = 0 (molecules; 1e8 for 25 nM K5 on 5e5 APCs, Fig 8C)
 * @param cells CD4 T cells in the well (10³–10⁵ in the paper)
 * @param crosstalk TCR signalling inhibits pSTAT5 (σ_TCR as tabulated); false sets σ_TCR = 0 (Fig 9B)
 * @param boost secretion accelerates with sustained TCR signalling ("Boost"); false sets k_boost = 0 (Fig 9C)
 * @param jakActive false for JAK inhibition: pSTAT5 ≡ 0, which removes both CD25 induction and the shut-off of
 *                  secretion (Fig 9D)
 * @param classes simulated cells ("classes"), each standing for cells/classes real cells with its own activation
 *                time (Tkach: 20 in the text, 50 in the Equations section)
 */
public record ClosedCultureSetup(double antigen, double cells, boolean crosstalk, boolean boost, boolean jakActive,
                                 int classes) {

    /** The number of simulated cells in the paper's Equations section and reply to reviewers. */
    public static final int DEFAULT_CLASSES = 50;

    public ClosedCultureSetup {
        if (!(antigen >= 0) || Double.isInfinite(antigen)) {
            throw new IllegalArgumentException("antigen must be a finite number of molecules >= 0, was " + antigen);
        }
        if (!(cells > 0) || Double.isInfinite(cells)) {
            throw new IllegalArgumentException("cells must be a finite number > 0, was " + cells);
        }
        if (classes < 1 || classes > 999) {
            throw new IllegalArgumentException("classes must be between 1 and 999, was " + classes);
        }
    }

    /** The full model of the paper (crosstalk, Boost, JAK active) with 50 simulated cells. */
    public static ClosedCultureSetup of(double antigen, double cells) {
        return new ClosedCultureSetup(antigen, cells, true, true, true, DEFAULT_CLASSES);
    }

    /** The "classical" model (Feinerman 2010, Cotari 2013): no crosstalk, no Boost. */
    public ClosedCultureSetup classical() {
        return new ClosedCultureSetup(antigen, cells, false, false, jakActive, classes);
    }

    public ClosedCultureSetup withCrosstalk(boolean on) {
        return new ClosedCultureSetup(antigen, cells, on, boost, jakActive, classes);
    }

    public ClosedCultureSetup withBoost(boolean on) {
        return new ClosedCultureSetup(antigen, cells, crosstalk, on, jakActive, classes);
    }

    public ClosedCultureSetup withJakActive(boolean on) {
        return new ClosedCultureSetup(antigen, cells, crosstalk, boost, on, classes);
    }

    public ClosedCultureSetup withClasses(int n) {
        return new ClosedCultureSetup(antigen, cells, crosstalk, boost, jakActive, n);
    }
}
