package org.il2sim.models.gammachain;

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

    private static volatile Map<String, ReceptorAbundances> farhat;

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
        for (Map<String, String> r : TsvTable.read("cell-types.tsv", "\t").rows()) {
            idByLabel.put(r.get("csv_label"), r.get("id"));
        }
        TsvTable t = TsvTable.read("final_receptor_levels.csv", ",");
        Map<String, Map<Receptor, List<Double>>> stainings = new HashMap<>();
        for (Map<String, String> r : t.rows()) {
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
