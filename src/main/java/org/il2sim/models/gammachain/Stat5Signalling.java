package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;

/**
 * The JAK/STAT5 layer of gcSolver.jl (reference §3.1), driven by R_act = {@value ActiveComplexReadout#ID}, in
 * molecules per cell. The reference lists six STAT5 states but is ambiguous about what "nuclear STAT5" is; il2sim
 * reads it as a cycle in which every step moves whole molecules, so total STAT5 is conserved (docs/gamma-chain.md):
 * <pre>
 *   STAT5_cyt        → pSTAT5_cyt        k_stat5_phos·R_act·STAT5_cyt     phosphorylation (gcSolver.jl k34)
 *   2 pSTAT5_cyt     → pSTAT5_dimer_cyt  k_stat5_dimer·pSTAT5_cyt²        dimerisation (k35)
 *   pSTAT5_dimer_cyt → pSTAT5_dimer_nuc  k_stat5_import                   nuclear import (k36)
 *   pSTAT5_dimer_nuc → STAT5_dimer_nuc   k_stat5_dephos                   dephosphorylation in the nucleus (k37)
 *   STAT5_dimer_nuc  → 2 STAT5_nuc       k_stat5_dissoc                   dimer dissociation (k38)
 *   STAT5_nuc        → STAT5_cyt         k_stat5_export                   nuclear export (k39)
 * </pre>
 * so STAT5_cyt + pSTAT5_cyt + 2·(pSTAT5_dimer_cyt + pSTAT5_dimer_nuc + STAT5_dimer_nuc) + STAT5_nuc = STAT5_total.
 * The read-out {@value #READOUT} is the phosphorylated fraction, (pSTAT5_cyt + 2·(pSTAT5_dimer_cyt +
 * pSTAT5_dimer_nuc)) / STAT5_total (the reference's pSTAT5 + 2·(dimer + nuclear dimer), divided by the total).
 *
 * <p>k_stat5_phos is derived from K_STAT5, the active complexes at half-maximal pSTAT5 (Tkach et al. 2014): with
 * fast dimerisation the cycle's steady state is pSTAT5 ∝ R_act/(R_act + 1/(k_stat5_phos·Σ)), where Σ is the sum of
 * the reciprocal first-order rates (import, dephosphorylation, dissociation, export), so k_stat5_phos = 1/(K_STAT5·Σ).
 */
public final class Stat5Signalling implements NetworkModule {

    /** Id of the read-out: fraction of the cell's STAT5 that is phosphorylated (0–1). */
    public static final String READOUT = "pSTAT5";
    /** Id of the total STAT5 per cell (#/cell), from {@code stat5-abundance.tsv}. */
    public static final String TOTAL = "STAT5_total";

    public static final String STAT5_CYT = "STAT5_cyt";
    public static final String PSTAT5_CYT = "pSTAT5_cyt";
    public static final String DIMER_CYT = "pSTAT5_dimer_cyt";
    public static final String DIMER_NUC = "pSTAT5_dimer_nuc";
    public static final String UNPHOSPHORYLATED_DIMER_NUC = "STAT5_dimer_nuc";
    public static final String STAT5_NUC = "STAT5_nuc";

    /** Each STAT5 species with the number of STAT5 molecules it holds (monomer 1, dimer 2). */
    public static final Map<String, Integer> MOLECULES = Map.of(STAT5_CYT, 1, PSTAT5_CYT, 1, DIMER_CYT, 2,
            DIMER_NUC, 2, UNPHOSPHORYLATED_DIMER_NUC, 2, STAT5_NUC, 1);

    private static final String ABUNDANCE_FILE = "stat5-abundance.tsv";
    private static final String ANY_CELL = "*";

    private final String cellType;

    /** @param cellType the cell type whose STAT5 abundance to use (a row of stat5-abundance.tsv, else the * row) */
    public Stat5Signalling(String cellType) {
        this.cellType = cellType;
    }

    /** STAT5 molecules per cell of a cell type and the source of the value. */
    public record Abundance(double count, String source) {
    }

    /** The bundled STAT5 abundance of a cell type; types not listed get the {@code *} row. */
    public static Abundance abundance(String cellType) {
        Map<String, Abundance> table = abundances;
        if (table == null) {
            DataTable t = DataTable.tsv(Stat5Signalling.class, ABUNDANCE_FILE);
            Map<String, Abundance> read = new java.util.HashMap<>();
            for (DataTable.Row r : t.rows()) {
                read.put(r.get("cell_type"), new Abundance(t.number(r, "STAT5"), r.get("source")));
            }
            table = Map.copyOf(read);
            abundances = table; // read once per JVM: every network of a panel asks
        }
        Abundance a = table.getOrDefault(cellType, table.get(ANY_CELL));
        if (a == null) {
            throw new IllegalStateException(ABUNDANCE_FILE + " has no row for " + cellType + " and no '*' row");
        }
        return a;
    }

    private static volatile Map<String, Abundance> abundances;

    @Override
    public void contributeTo(NetworkBuilder b) {
        String cyt = SignallingCompartments.CYTOSOL;
        String nuc = SignallingCompartments.NUCLEUS;
        Abundance a = abundance(cellType);
        b.add(new Parameter(TOTAL, "STAT5 molecules per cell", a.count(), true, "#/cell", cellType + ": "
                + a.source()));
        b.add(new Parameter("k_stat5_phos", "STAT5 phosphorylation per active complex", Double.NaN, true,
                "cell #^-1 min^-1", "derived: 1/(K_STAT5·(1/k_stat5_import + 1/k_stat5_dephos + 1/k_stat5_dissoc "
                        + "+ 1/k_stat5_export)), half-maximal pSTAT5 of the linearised cycle at K_STAT5 active complexes"));
        Expr cycle = RateLaws.plus(List.of(inverse("k_stat5_import"), inverse("k_stat5_dephos"),
                inverse("k_stat5_dissoc"), inverse("k_stat5_export")));
        b.add(new InitialAssignment("k_stat5_phos", new Expr.Apply(Op.DIVIDE, Expr.num(1),
                RateLaws.times(Expr.sym("K_STAT5"), cycle))));
        species(b, STAT5_CYT, "STAT5, cytosolic, unphosphorylated", cyt);
        species(b, PSTAT5_CYT, "pSTAT5 monomer, cytosolic", cyt);
        species(b, DIMER_CYT, "pSTAT5 dimer, cytosolic", cyt);
        species(b, DIMER_NUC, "pSTAT5 dimer, nuclear", nuc);
        species(b, UNPHOSPHORYLATED_DIMER_NUC, "STAT5 dimer, nuclear, dephosphorylated", nuc);
        species(b, STAT5_NUC, "STAT5 monomer, nuclear, unphosphorylated", nuc);
        b.add(new InitialAssignment(STAT5_CYT, Expr.sym(TOTAL)));
        b.add(RateLaws.reaction("stat5_phosphorylation", "STAT5 phosphorylation by active receptor complexes (JAK1/3)",
                List.of(STAT5_CYT), List.of(PSTAT5_CYT),
                RateLaws.product(cyt, "k_stat5_phos", ActiveComplexReadout.ID, STAT5_CYT), false));
        b.add(new Reaction("stat5_dimerisation", "pSTAT5 dimerisation", List.of(SpeciesReference.of(PSTAT5_CYT, 2)),
                List.of(SpeciesReference.of(DIMER_CYT, 1)), List.of(),
                RateLaws.product(cyt, "k_stat5_dimer", PSTAT5_CYT, PSTAT5_CYT), false, false));
        b.add(RateLaws.reaction("stat5_nuclear_import", "nuclear import of pSTAT5 dimers", List.of(DIMER_CYT),
                List.of(DIMER_NUC), RateLaws.product(cyt, "k_stat5_import", DIMER_CYT), false));
        b.add(RateLaws.reaction("stat5_dephosphorylation", "dephosphorylation of nuclear pSTAT5 dimers",
                List.of(DIMER_NUC), List.of(UNPHOSPHORYLATED_DIMER_NUC),
                RateLaws.product(nuc, "k_stat5_dephos", DIMER_NUC), false));
        b.add(new Reaction("stat5_dimer_dissociation", "dissociation of nuclear STAT5 dimers",
                List.of(SpeciesReference.of(UNPHOSPHORYLATED_DIMER_NUC, 1)),
                List.of(SpeciesReference.of(STAT5_NUC, 2)), List.of(),
                RateLaws.product(nuc, "k_stat5_dissoc", UNPHOSPHORYLATED_DIMER_NUC), false, false));
        b.add(RateLaws.reaction("stat5_nuclear_export", "nuclear export of STAT5", List.of(STAT5_NUC),
                List.of(STAT5_CYT), RateLaws.product(nuc, "k_stat5_export", STAT5_NUC), false));
        b.add(new Parameter(READOUT, "phosphorylated fraction of STAT5", Double.NaN, false, "1",
                "(pSTAT5_cyt + 2·(pSTAT5_dimer_cyt + pSTAT5_dimer_nuc)) / STAT5_total; gcSolver.jl read-out "
                        + "(reference §3.1) as a fraction"));
        Expr phosphorylated = RateLaws.plus(List.of(Expr.sym(PSTAT5_CYT), RateLaws.times(Expr.num(2),
                RateLaws.plus(List.of(Expr.sym(DIMER_CYT), Expr.sym(DIMER_NUC))))));
        b.add(new Rule.Assignment(READOUT, new Expr.Apply(Op.DIVIDE, phosphorylated, Expr.sym(TOTAL))));
    }

    private static Expr inverse(String k) {
        return new Expr.Apply(Op.DIVIDE, Expr.num(1), Expr.sym(k));
    }

    private static void species(NetworkBuilder b, String id, String label, String compartment) {
        b.add(new Species(id, label + " [#/cell]", compartment, Double.NaN, 0.0, false, false, false, null));
    }
}
