package org.il2sim.models.gammachain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the bundled parameter sets ({@code parameter-sets.tsv} and the files it names). */
public final class ParameterTables {

    /** Name of the reference set. */
    public static final String REFERENCE = "IL2_IL15";

    /** Ids every complete set must hold (the base values the network is built from). */
    static final List<String> REQUIRED = List.of("k_fbnd", "k_fwd", "k1", "k2", "k4", "k5", "k10_per_k5",
            "k11_per_k5", "k13", "k14", "k16", "k17", "k22", "k23", "k25", "k27", "k29", "k31", "k32", "k33", "k34",
            "k35", "endo_rev_factor", "k_endo", "k_endo_a", "k_rec", "k_deg", "f_sort", "f_int", "V_int",
            "internal_strength");

    private static final Map<String, ParameterSet> CACHE = new ConcurrentHashMap<>();

    private ParameterTables() {
    }

    /** Names of the bundled sets, in file order. */
    public static List<String> names() {
        return TsvTable.read("parameter-sets.tsv", "\t").rows().stream().map(r -> r.get("name")).toList();
    }

    /** A bundled set by name; an exception listing the names when there is none. */
    public static ParameterSet load(String name) {
        return CACHE.computeIfAbsent(name, ParameterTables::read);
    }

    private static ParameterSet read(String name) {
        Map<String, String> entry = null;
        for (Map<String, String> r : TsvTable.read("parameter-sets.tsv", "\t").rows()) {
            if (r.get("name").equals(name)) {
                entry = r;
            }
        }
        if (entry == null) {
            throw new IllegalArgumentException("unknown parameter set '" + name + "' (bundled: " + names() + ")");
        }
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        String parent = entry.get("extends");
        if (!parent.isEmpty()) {
            load(parent).values().forEach(v -> values.put(v.id(), v));
        }
        String file = entry.get("file");
        TsvTable t = TsvTable.read(file, "\t");
        for (Map<String, String> r : t.rows()) {
            ParameterValue v = new ParameterValue(r.get("id"), t.number(r, "value"), r.get("unit"),
                    t.optionalNumber(r, "lower95"), t.optionalNumber(r, "upper95"), status(file, r.get("status")),
                    r.get("source"));
            values.put(v.id(), v);
        }
        for (String id : REQUIRED) {
            if (!values.containsKey(id)) {
                throw new IllegalStateException("parameter set " + name + " lacks '" + id + "'");
            }
        }
        return new ParameterSet(name, values);
    }

    private static ParameterValue.Status status(String file, String s) {
        switch (s) {
            case "fitted":
                return ParameterValue.Status.FITTED;
            case "fixed":
                return ParameterValue.Status.FIXED;
            case "placeholder":
                return ParameterValue.Status.PLACEHOLDER;
            default:
                throw new IllegalStateException(file + ": unknown status '" + s + "'");
        }
    }
}
