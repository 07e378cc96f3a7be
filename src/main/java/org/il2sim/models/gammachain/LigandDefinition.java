package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ligand as a user names it: one of the six γc cytokines, or an engineered IL-2 (mutein) defined by its affinities
 * for IL-2Rα and for IL-2Rβ/γc. Presets and their synonyms are in ligands.tsv, each with its source.
 *
 * <p>Affinities apply the reference's mutein rule (reference §2.5, Farhat et al. 2021 model.py mut_adjust):
 * k1 = K_D,α·k_fbnd, and k2, k4, k5 (so also k10 = 8 k5 and k11 = 42 k5) are multiplied by K_D,βγ·k_fbnd / k5. The
 * BLI K_D of the βγ heterodimer is thus used as a fold change on the fitted 2D k5 (a heuristic of the reference).
 *
 * @param kdAlpha K_D for IL-2Rα in nM, or NaN to keep the base ligand's rates
 * @param kdBetaGamma K_D for IL-2Rβ/γc in nM, or NaN to keep the base ligand's rates
 */
public record LigandDefinition(String id, Ligand base, double kdAlpha, double kdBetaGamma, String status, String source) {

    private static volatile Map<String, LigandDefinition> presets;
    private static volatile Map<String, String> synonyms;

    /** The parameter set with this ligand's affinities applied to its base ligand's rates. */
    public ParameterSet apply(ParameterSet set) {
        if (base != Ligand.IL2 || (Double.isNaN(kdAlpha) && Double.isNaN(kdBetaGamma))) {
            return set;
        }
        double kFbnd = set.value("k_fbnd");
        ParameterSet out = set;
        if (!Double.isNaN(kdAlpha)) {
            out = out.with("k1", kdAlpha * kFbnd);
        }
        if (!Double.isNaN(kdBetaGamma)) {
            double factor = kdBetaGamma * kFbnd / set.value("k5");
            for (String k : List.of("k2", "k4", "k5")) {
                out = out.with(k, set.value(k) * factor);
            }
        }
        return out;
    }

    /** Every preset, by canonical id, in file order. */
    public static Map<String, LigandDefinition> presets() {
        Map<String, LigandDefinition> p = presets;
        if (p == null) {
            load();
            p = presets;
        }
        return p;
    }

    /**
     * The ligand for a name: a canonical id, a synonym (IL-2, interleukin 2, aldesleukin, ...), case-insensitive.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static LigandDefinition named(String name) {
        presets();
        String id = synonyms.get(normalise(name));
        if (id == null) {
            throw new IllegalArgumentException("unknown ligand '" + name + "'; known: "
                    + String.join(", ", presets.keySet()) + " (or define one with --ligand-def NAME:kdAlpha=..,"
                    + "kdBetaGamma=..)");
        }
        return presets.get(id);
    }

    /** Lower-case prefix that pSTAT5 plot file names put before a ligand's name. */
    private static final String RESERVED_PREFIX = "pstat5_";

    /** Names a user may give a ligand: they become parts of file names and CSV fields. */
    private static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.+-]+");

    /** Whether the name (any case, or a synonym) belongs to a built-in ligand or preset. */
    public static boolean isKnown(String name) {
        presets();
        return synonyms.containsKey(normalise(name));
    }

    /**
     * A user-defined IL-2 variant.
     *
     * @throws IllegalArgumentException for a name with characters other than letters, digits and _ . + -, a name
     *     that a built-in ligand already has (in any case) or that starts with pSTAT5_, or a K_D that is not a positive
     *     finite number
     */
    public static LigandDefinition custom(String id, double kdAlpha, double kdBetaGamma) {
        if (id == null || !USER_NAME.matcher(id).matches()) {
            throw new IllegalArgumentException("ligand name '" + id + "': use letters, digits and _ . + - only (the "
                    + "name becomes part of file names and CSV fields)");
        }
        if (isKnown(id)) {
            throw new IllegalArgumentException("ligand name '" + id + "' is a built-in ligand (" + named(id).id()
                    + "); give the variant a name of its own");
        }
        if (id.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("ligand name '" + id + "': names may not start with 'pSTAT5_' (the "
                    + "prefix of the pSTAT5 plots' file names)");
        }
        if (!(kdAlpha > 0) || !(kdBetaGamma > 0) || !Double.isFinite(kdAlpha) || !Double.isFinite(kdBetaGamma)) {
            throw new IllegalArgumentException("ligand '" + id + "': kdAlpha and kdBetaGamma must be positive finite numbers (nM)");
        }
        return new LigandDefinition(id, Ligand.IL2, kdAlpha, kdBetaGamma, "user-defined",
                "defined on the command line (K_D in nM)");
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static synchronized void load() {
        if (presets != null) {
            return;
        }
        DataTable t = DataTable.tsv(LigandDefinition.class, "ligands.tsv");
        Map<String, LigandDefinition> p = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (DataTable.Row row : t.rows()) {
            String id = row.get("id");
            p.put(id, new LigandDefinition(id, Ligand.of(row.get("base")), t.optionalNumber(row, "kd_alpha_nM"),
                    t.optionalNumber(row, "kd_betagamma_nM"), row.get("status"), row.get("source")));
            names.put(normalise(id), id);
            for (String syn : row.get("synonyms").split(";")) {
                if (!syn.isBlank()) {
                    names.putIfAbsent(normalise(syn), id);
                }
            }
        }
        synonyms = Collections.unmodifiableMap(names);
        presets = Collections.unmodifiableMap(p);
    }

    /** Every accepted name of this ligand (its id first). */
    public List<String> names() {
        presets();
        List<String> out = new ArrayList<>();
        out.add(id);
        synonyms.forEach((name, target) -> {
            if (target.equals(id) && !name.equals(normalise(id))) {
                out.add(name);
            }
        });
        return out;
    }
}
