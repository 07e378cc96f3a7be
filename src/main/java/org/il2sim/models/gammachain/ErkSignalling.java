package org.il2sim.models.gammachain;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Species;

/**
 * Ras/MAPK → pERK, driven by R_act = {@value ActiveComplexReadout#ID}: a fast module with negative feedback, in
 * fractions of each pool (0–1). Nothing in the reference's model lineage covers it (reference §3.5); the rates are
 * il2sim assumptions chosen for the time scales in {@code parameters-signalling.tsv} (docs/gamma-chain.md):
 * <pre>
 *   Ras_GDP → Ras_GTP   k_ras_on·(R_act/K_ERK)·Ras_GDP/(1 + F)     SOS recruited to the receptor, inhibited by F
 *   Ras_GTP → Ras_GDP   k_ras_off·Ras_GTP                           GAP hydrolysis
 *   ERK → pERK          k_erk_on·Ras_GTP·ERK                        Raf–MEK
 *   pERK → ERK          k_erk_off·pERK                              phosphatases
 *   → F                 k_fb_on·pERK                                negative feedback (ERK → SOS/Raf)
 *   F →                 k_fb_off·F
 * </pre>
 * pERK rises within minutes, peaks and settles to a lower plateau as F builds up. Without ligand everything is
 * inactive (Ras_GDP = ERK = 1), which is a steady state.
 */
public final class ErkSignalling implements NetworkModule {

    /** Id of the read-out: phosphorylated fraction of ERK. */
    public static final String READOUT = "pERK";
    public static final String FEEDBACK = "ERK_feedback";

    @Override
    public void contributeTo(NetworkBuilder b) {
        String cyt = SignallingCompartments.CYTOSOL;
        fraction(b, "Ras_GDP", "Ras, GDP-bound", 1);
        fraction(b, "Ras_GTP", "Ras, GTP-bound (active)", 0);
        fraction(b, "ERK", "ERK, unphosphorylated", 1);
        fraction(b, READOUT, "ERK, phosphorylated (pERK)", 0);
        b.add(new Species(FEEDBACK, "ERK negative feedback F (inhibits Ras activation by 1 + F) [1]", cyt, Double.NaN,
                0.0, false, false, false, null));
        Expr drive = new Expr.Apply(Op.DIVIDE, Expr.sym(ActiveComplexReadout.ID), Expr.sym("K_ERK"));
        Expr inhibition = new Expr.Apply(Op.PLUS, Expr.num(1), Expr.sym(FEEDBACK));
        b.add(RateLaws.reaction("ras_activation", "Ras activation by active receptor complexes", List.of("Ras_GDP"),
                List.of("Ras_GTP"), new Expr.Apply(Op.DIVIDE, RateLaws.times(Expr.sym(cyt), Expr.sym("k_ras_on"),
                        drive, Expr.sym("Ras_GDP")), inhibition), false));
        b.add(RateLaws.reaction("ras_inactivation", "Ras-GTP hydrolysis", List.of("Ras_GTP"), List.of("Ras_GDP"),
                RateLaws.product(cyt, "k_ras_off", "Ras_GTP"), false));
        b.add(RateLaws.reaction("erk_phosphorylation", "ERK phosphorylation through Raf-MEK", List.of("ERK"),
                List.of(READOUT), RateLaws.product(cyt, "k_erk_on", "Ras_GTP", "ERK"), false));
        b.add(RateLaws.reaction("erk_dephosphorylation", "ERK dephosphorylation", List.of(READOUT), List.of("ERK"),
                RateLaws.product(cyt, "k_erk_off", READOUT), false));
        b.add(RateLaws.reaction("erk_feedback_build", "build-up of the ERK negative feedback", List.of(),
                List.of(FEEDBACK), RateLaws.product(cyt, "k_fb_on", READOUT), false));
        b.add(RateLaws.reaction("erk_feedback_decay", "decay of the ERK negative feedback", List.of(FEEDBACK),
                List.of(), RateLaws.product(cyt, "k_fb_off", FEEDBACK), false));
    }

    static void fraction(NetworkBuilder b, String id, String label, double initial) {
        b.add(new Species(id, label + " [fraction of the pool]", SignallingCompartments.CYTOSOL, Double.NaN, initial,
                false, false, false, null));
    }
}
