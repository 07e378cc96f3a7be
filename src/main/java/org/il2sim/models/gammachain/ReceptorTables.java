package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receptor abundances per cell type, computed when loaded from the bundled {@code final_receptor_levels.csv}
 * (Farhat 2021; reference §4.3a): the geometric mean of each population's stainings, 0 when any staining is 0.
 */
public final class ReceptorTables {

    /** Where the abundances come from, as recorded in {@link ReceptorAbundances#source()}. */
    public static final String FARHAT_2021 = "Farhat et al. 2021, ckine/data/final_receptor_levels.csv, "
            + "geometric mean of the stainings (reference §4.3a)";

    private static final Map<String, Receptor> CSV_RECEPTORS = Map.of(
            "IL-2R$\\alpha$", Receptor.IL2Ra,
            "IL-2R$\\beta$", Receptor.IL2Rb,
            "$\\gamma_{c}$", Receptor.gc,
            "IL-15R$\\alpha$", Receptor.IL15Ra,
            "IL-7R$\\alpha$", Receptor.IL7Ra);

    /** Where the table (b) abundances come from. */
    public static final String GC_VALENT = "gc-valent ckine/data/RecQuantitation.csv, means of single-cell "
            + "distributions (reference §4.3b)";

    /** Id of the receptor table of reference §4.3a (Farhat 2021), the default. */
    public static final String TABLE_A = "a";
    /** Id of the receptor table of reference §4.3b (the later pipeline; Treg, Thelper, NK and CD8 only). */
    public static final String TABLE_B = "b";
    /** The receptor-table ids accepted by {@link #cell(String, String)}. */
    public static final List<String> TABLES = List.of(TABLE_A, TABLE_B);

    private static volatile Map<String, ReceptorAbundances> farhat;
    private static volatile Map<String, ReceptorAbundances> tableB;
    private static volatile Map<String, ReceptorAbundances> cellLines;

    private ReceptorTables() {
    }

    /** Every cell type of the Farhat 2021 table, by id (Treg, TregNaive, ..., NK), in the order of cell-types.tsv. */
    public static Map<String, ReceptorAbundances> farhat2021() {
        Map<String, ReceptorAbundances> f = farhat;
        if (f == null) {
            f = load();
            farhat = f;
        }
        return f;
    }

    /** One cell type of the Farhat 2021 table; an exception listing the ids when unknown. */
    public static ReceptorAbundances farhat2021(String cellType) {
        ReceptorAbundances a = farhat2021().get(cellType);
        if (a == null) {
            throw new IllegalArgumentException("unknown cell type '" + cellType + "' (known: "
                    + String.join(", ", farhat2021().keySet()) + ")");
        }
        return a;
    }

    /**
     * A cell type by canonical id from table (a) or a fitted cell line (YT1, YT1CD25neg); an exception listing the
     * ids when unknown.
     */
    public static ReceptorAbundances cell(String cellType) {
        return cell(cellType, TABLE_A);
    }

    /**
     * A cell type from the named receptor table ({@link #TABLES}): table (a) also holds the fitted YT-1 lines; table
     * (b) covers only Treg, Thelper, NK and CD8.
     */
    public static ReceptorAbundances cell(String cellType, String table) {
        Map<String, ReceptorAbundances> t;
        if (TABLE_A.equals(table)) {
            ReceptorAbundances line = cellLines().get(cellType);
            if (line != null) {
                return line;
            }
            t = farhat2021();
        } else if (TABLE_B.equals(table)) {
            t = tableB();
        } else {
            throw new IllegalArgumentException("unknown receptor table '" + table + "' (known: "
                    + String.join(", ", TABLES) + ")");
        }
        ReceptorAbundances a = t.get(cellType);
        if (a == null) {
            List<String> known = new ArrayList<>(t.keySet());
            if (TABLE_A.equals(table)) {
                known.addAll(cellLines().keySet());
            }
            throw new IllegalArgumentException("cell type '" + cellType + "' is not in receptor table " + table
                    + " (it has: " + String.join(", ", known) + ")");
        }
        return a;
    }

    /** The ids of every cell type il2sim can simulate: table (a) and the fitted cell lines. */
    public static List<String> cellTypes() {
        List<String> out = new ArrayList<>(farhat2021().keySet());
        out.addAll(cellLines().keySet());
        return out;
    }

    /** Table (b) of the reference (§4.3b): Treg, Thelper, NK and CD8. */
    public static Map<String, ReceptorAbundances> tableB() {
        Map<String, ReceptorAbundances> t = tableB;
        if (t == null) {
            Map<String, ReceptorAbundances> out = new LinkedHashMap<>();
            for (DataTable.Row r : DataTable.tsv(ReceptorTables.class, "receptor-table-b.tsv").rows()) {
                Map<Receptor, Double> counts = new EnumMap<>(Receptor.class);
                for (Receptor rec : List.of(Receptor.IL2Ra, Receptor.IL2Rb, Receptor.gc, Receptor.IL7Ra,
                        Receptor.IL15Ra)) {
                    counts.put(rec, Double.parseDouble(r.get(rec.name())));
                }
                out.put(r.get("cell"), new ReceptorAbundances(r.get("cell"), counts, r.get("source")));
            }
            t = Collections.unmodifiableMap(out);
            tableB = t;
        }
        return t;
    }

    /**
     * The YT-1 lines of the reference fit (§4.2), given by their fitted synthesis rates; their abundances are the
     * steady state those rates give with the reference vector's trafficking (what a user sees listed).
     */
    public static Map<String, ReceptorAbundances> cellLines() {
        Map<String, ReceptorAbundances> t = cellLines;
        if (t == null) {
            ParameterSet ref = ParameterSet.reference();
            double exit = ref.value("k_deg") * ref.value("f_sort") + ref.value("k_rec") * (1 - ref.value("f_sort"));
            double perRate = exit / (ref.value("k_endo") * ref.value("k_deg") * ref.value("f_sort"));
            Map<String, Map<Receptor, Double>> rates = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (DataTable.Row r : DataTable.tsv(ReceptorTables.class, "yt1-synthesis.tsv").rows()) {
                rates.computeIfAbsent(r.get("cell"), k -> new EnumMap<>(Receptor.class))
                        .put(Receptor.valueOf(r.get("receptor")), Double.parseDouble(r.get("value")));
                sources.putIfAbsent(r.get("cell"), r.get("source"));
            }
            Map<String, ReceptorAbundances> out = new LinkedHashMap<>();
            rates.forEach((cell, rx) -> {
                Map<Receptor, Double> counts = new EnumMap<>(Receptor.class);
                rx.forEach((rec, v) -> counts.put(rec, v * perRate));
                out.put(cell, new ReceptorAbundances(cell, counts, "fitted synthesis rates: " + sources.get(cell), rx));
            });
            t = Collections.unmodifiableMap(out);
            cellLines = t;
        }
        return t;
    }

    /** Geometric mean; 0 when any value is 0 (as scipy's gmean gives). */
    static double geometricMean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            if (x == 0) {
                return 0;
            }
            s += Math.log(x);
        }
        return Math.exp(s / xs.size());
    }

    private static Map<String, ReceptorAbundances> load() {
        Map<String, String> idByLabel = new LinkedHashMap<>();
        for (DataTable.Row r : DataTable.tsv(ReceptorTables.class, "cell-types.tsv").rows()) {
            idByLabel.put(r.get("csv_label"), r.get("id"));
        }
        DataTable t = DataTable.read(ReceptorTables.class, "final_receptor_levels.csv", ",");
        Map<String, Map<Receptor, List<Double>>> stainings = new HashMap<>();
        for (DataTable.Row r : t.rows()) {
            String id = idByLabel.get(r.get("Cell Type"));
            Receptor rec = CSV_RECEPTORS.get(r.get("Receptor"));
            if (id == null || rec == null) {
                throw new IllegalStateException("final_receptor_levels.csv: unknown cell type or receptor in " + r);
            }
            double n = t.number(r, "Count");
            if (!(n >= 0)) {
                throw new IllegalStateException("final_receptor_levels.csv: negative count in " + r);
            }
            stainings.computeIfAbsent(id, k -> new EnumMap<>(Receptor.class))
                    .computeIfAbsent(rec, k -> new ArrayList<>()).add(n);
        }
        Map<String, ReceptorAbundances> out = new LinkedHashMap<>();
        for (String id : idByLabel.values()) {
            Map<Receptor, Double> counts = new EnumMap<>(Receptor.class);
            stainings.getOrDefault(id, Map.of()).forEach((rec, xs) -> counts.put(rec, geometricMean(xs)));
            out.put(id, new ReceptorAbundances(id, counts, FARHAT_2021));
        }
        return Collections.unmodifiableMap(out);
    }
}
