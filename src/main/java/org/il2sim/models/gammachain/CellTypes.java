package org.il2sim.models.gammachain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Canonical cell-type ids and the names people use for them (cell-synonyms.tsv), case-insensitive. */
public final class CellTypes {

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
        if (id == null || !ReceptorTables.farhat2021().containsKey(id)) {
            throw new IllegalArgumentException("unknown cell type '" + name + "'; known: "
                    + String.join(", ", ReceptorTables.farhat2021().keySet()));
        }
        return id;
    }

    private static synchronized Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ReceptorTables.farhat2021().keySet()) {
            out.put(id.toLowerCase(Locale.ROOT), id);
        }
        for (Map<String, String> row : TsvTable.read("cell-synonyms.tsv", "\t").rows()) {
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
