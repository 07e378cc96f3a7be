package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

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

    /** Ids a set with the signalling layer must hold ({@code parameters-signalling.tsv}). */
    static final List<String> REQUIRED_SIGNALLING = List.of("K_STAT5", "k_stat5_dimer", "k_stat5_import", "k_stat5_dephos", "k_stat5_dissoc",
            "k_stat5_export", "K_ERK",
            "k_ras_on", "k_ras_off", "k_erk_on", "k_erk_off", "k_fb_on", "k_fb_off", "K_AKT", "k_pi3k_on",
            "k_pip3_off", "k_akt_on", "k_akt_off");

    /** The signalling layer's parameter file, read into every set whose row says {@code signalling = yes}. */
    static final String SIGNALLING_FILE = "parameters-signalling.tsv";

    private static final Map<String, ParameterSet> CACHE = new ConcurrentHashMap<>();

    private ParameterTables() {
    }

    /** Names of the bundled sets, in file order. */
    public static List<String> names() {
        return DataTable.tsv(ParameterTables.class, "parameter-sets.tsv").rows().stream().map(r -> r.get("name")).toList();
    }

    /** A bundled set by name; an exception listing the names when there is none. */
    public static ParameterSet load(String name) {
        return CACHE.computeIfAbsent(name, ParameterTables::read);
    }

    private static ParameterSet read(String name) {
        DataTable.Row entry = null;
        for (DataTable.Row r : DataTable.tsv(ParameterTables.class, "parameter-sets.tsv").rows()) {
            if (r.get("name").equals(name)) {
                entry = r;
            }
        }
        if (entry == null) {
            throw new IllegalArgumentException("unknown parameter set '" + name + "' (bundled: " + names() + ")");
        }
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        String parent = entry.get("extends");
        boolean signalling = false;
        if (!parent.isEmpty()) {
            ParameterSet p = load(parent);
            p.values().forEach(v -> values.put(v.id(), v));
            signalling = p.hasSignalling();
        }
        String flag = entry.get("signalling");
        if ("yes".equals(flag)) {
            signalling = true;
        } else if ("no".equals(flag)) {
            signalling = false;
        } else if (!flag.isEmpty()) {
            throw new IllegalStateException("parameter-sets.tsv: set " + name + ": signalling must be yes, no or "
                    + "empty (as the set it extends), was '" + flag + "'");
        }
        if (signalling && !values.containsKey(REQUIRED_SIGNALLING.get(0))) {
            readInto(values, SIGNALLING_FILE);
        }
        readInto(values, entry.get("file"));
        List<String> required = new java.util.ArrayList<>(REQUIRED);
        if (signalling) {
            required.addAll(REQUIRED_SIGNALLING);
        }
        for (String id : required) {
            if (!values.containsKey(id)) {
                throw new IllegalStateException("parameter set " + name + " lacks '" + id + "'");
            }
        }
        return new ParameterSet(name, values, signalling);
    }

    private static void readInto(Map<String, ParameterValue> values, String file) {
        DataTable t = DataTable.tsv(ParameterTables.class, file);
        for (DataTable.Row r : t.rows()) {
            ParameterValue v = new ParameterValue(r.get("id"), t.number(r, "value"), r.get("unit"),
                    t.optionalNumber(r, "lower95"), t.optionalNumber(r, "upper95"), status(file, r.get("status")),
                    r.get("source"));
            values.put(v.id(), v);
        }
    }

    private static ParameterValue.Status status(String file, String s) {
        switch (s) {
            case "fitted":
                return ParameterValue.Status.FITTED;
            case "fixed":
                return ParameterValue.Status.FIXED;
            case "placeholder":
                return ParameterValue.Status.PLACEHOLDER;
            case "assumed":
                return ParameterValue.Status.ASSUMED;
            default:
                throw new IllegalStateException(file + ": unknown status '" + s + "'");
        }
    }
}
