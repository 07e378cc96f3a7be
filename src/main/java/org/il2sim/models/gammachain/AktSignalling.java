package org.il2sim.models.gammachain;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.NetworkBuilder;

/**
 * PI3K → pAkt, driven by R_act = {@value ActiveComplexReadout#ID}: a slower, sustained module (no feedback), in
 * fractions of each pool (0–1). Not covered by the reference's model lineage (reference §3.5); the rates are il2sim
 * assumptions chosen for the time scales in {@code parameters-signalling.tsv} (docs/gamma-chain.md):
 * <pre>
 *   PIP2 → PIP3   k_pi3k_on·(R_act/K_AKT)·PIP2      PI3K recruited to the receptor
 *   PIP3 → PIP2   k_pip3_off·PIP3                   PTEN, SHIP
 *   Akt → pAkt    k_akt_on·PIP3·Akt                 PDK1, mTORC2
 *   pAkt → Akt    k_akt_off·pAkt                    PP2A, PHLPP
 * </pre>
 * Without ligand PIP2 = Akt = 1, a steady state.
 */
public final class AktSignalling implements NetworkModule {

    /** Id of the read-out: phosphorylated fraction of Akt. */
    public static final String READOUT = "pAkt";

    @Override
    public void contributeTo(NetworkBuilder b) {
        String cyt = SignallingCompartments.CYTOSOL;
        ErkSignalling.fraction(b, "PIP2", "PI3K substrate pool (PIP2)", 1);
        ErkSignalling.fraction(b, "PIP3", "PIP3", 0);
        ErkSignalling.fraction(b, "Akt", "Akt, unphosphorylated", 1);
        ErkSignalling.fraction(b, READOUT, "Akt, phosphorylated (pAkt)", 0);
        Expr drive = new Expr.Apply(Op.DIVIDE, Expr.sym(ActiveComplexReadout.ID), Expr.sym("K_AKT"));
        b.add(RateLaws.reaction("pi3k_activity", "PIP3 production by PI3K at active receptor complexes",
                List.of("PIP2"), List.of("PIP3"), RateLaws.times(Expr.sym(cyt), Expr.sym("k_pi3k_on"), drive,
                        Expr.sym("PIP2")), false));
        b.add(RateLaws.reaction("pip3_removal", "PIP3 removal (PTEN, SHIP)", List.of("PIP3"), List.of("PIP2"),
                RateLaws.product(cyt, "k_pip3_off", "PIP3"), false));
        b.add(RateLaws.reaction("akt_phosphorylation", "Akt phosphorylation (PDK1, mTORC2)", List.of("Akt"),
                List.of(READOUT), RateLaws.product(cyt, "k_akt_on", "PIP3", "Akt"), false));
        b.add(RateLaws.reaction("akt_dephosphorylation", "Akt dephosphorylation (PP2A, PHLPP)", List.of(READOUT),
                List.of("Akt"), RateLaws.product(cyt, "k_akt_off", READOUT), false));
    }
}
