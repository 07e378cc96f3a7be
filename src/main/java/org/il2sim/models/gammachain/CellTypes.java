package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Canonical cell-type ids and the names people use for them (cell-synonyms.tsv), case-insensitive. */
public final class CellTypes {

    /** Canonical ids of populations the issue names but the bundled receptor data do not measure. */
    private static final java.util.Set<String> NO_RECEPTOR_DATA = java.util.Set.of("NKT", "CD4");

    private static volatile Map<String, String> names;

    private CellTypes() {
    }

    /**
     * The canonical id for a name ("Tregs", "natural killer cells", "CD8+", ...).
     *
     * @throws IllegalArgumentException listing the known cell types
     */
    public static String canonical(String name) {
        Map<String, String> n = names;
        if (n == null) {
            n = load();
        }
        String id = n.get(name.trim().toLowerCase(Locale.ROOT));
        if (id != null && NO_RECEPTOR_DATA.contains(id)) {
            throw new IllegalArgumentException("cell type '" + id + "' has no receptor counts in the bundled data "
                    + "(final_receptor_levels.csv measures none for it); cell types with counts: "
                    + String.join(", ", ReceptorTables.cellTypes()));
        }
        if (id == null || !ReceptorTables.cellTypes().contains(id)) {
            throw new IllegalArgumentException("unknown cell type '" + name + "'; known: "
                    + String.join(", ", ReceptorTables.cellTypes()));
        }
        return id;
    }

    private static synchronized Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ReceptorTables.cellTypes()) {
            out.put(id.toLowerCase(Locale.ROOT), id);
        }
        for (String id : NO_RECEPTOR_DATA) {
            out.put(id.toLowerCase(Locale.ROOT), id);
        }
        for (DataTable.Row row : DataTable.tsv(CellTypes.class, "cell-synonyms.tsv").rows()) {
            for (String s : row.get("synonyms").split(";")) {
                if (!s.isBlank()) {
                    out.putIfAbsent(s.trim().toLowerCase(Locale.ROOT), row.get("id"));
                }
            }
        }
        names = Collections.unmodifiableMap(out);
        return names;
    }
}
