package org.il2sim.models.molecules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.il2sim.models.tables.DataTable;

/**
 * Every cytokine, receptor chain and drug il2sim knows, by official name, gene symbol and common synonyms
 * (molecules.tsv, with HGNC, UniProt and DrugBank identifiers as sources), so that any accepted name resolves
 * unambiguously: CD25 = IL-2Rα = IL2RA, CD122 = IL-2Rβ = IL2RB, CD132 = γc = IL2RG, aldesleukin = recombinant IL-2.
 */
public final class MoleculeRegistry {

    private static volatile List<Molecule> molecules;
    private static volatile Map<String, Molecule> byName;

    private MoleculeRegistry() {
    }

    public static List<Molecule> all() {
        load();
        return molecules;
    }

    /** The molecule for any of its names (case-insensitive), or an exception listing the known ids. */
    public static Molecule find(String name) {
        load();
        Molecule m = byName.get(key(name));
        if (m == null) {
            throw new IllegalArgumentException("unknown molecule '" + name + "'; known: "
                    + String.join(", ", molecules.stream().map(Molecule::id).toList()));
        }
        return m;
    }

    /** True when the name belongs to a molecule. */
    public static boolean knows(String name) {
        load();
        return byName.containsKey(key(name));
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static synchronized void load() {
        if (molecules != null) {
            return;
        }
        DataTable table = DataTable.tsv(MoleculeRegistry.class, "molecules.tsv");
        List<Molecule> list = new ArrayList<>();
        Map<String, Molecule> names = new LinkedHashMap<>();
        for (DataTable.Row f : table.rows()) {
            Molecule m = new Molecule(f.get("id"), f.get("kind"), f.get("name"), f.get("gene"),
                    List.of(f.get("synonyms").split(";")), List.of(f.get("model_ids").split(";")), f.get("source"));
            list.add(m);
            // ids, full names and synonyms are unambiguous; a gene symbol shared by a drug (aldesleukin, IL2)
            // resolves to the natural molecule listed first
            for (String n : names(m)) {
                Molecule previous = names.putIfAbsent(key(n), m);
                if (previous != null && previous != m && !n.equals(m.gene())) {
                    throw new IllegalStateException(table.where(f) + ": name '" + n + "' is used by both "
                            + previous.id() + " and " + m.id());
                }
            }
        }
        byName = Collections.unmodifiableMap(names);
        molecules = List.copyOf(list);
    }

    private static List<String> names(Molecule m) {
        List<String> out = new ArrayList<>();
        out.add(m.id());
        out.add(m.name());
        out.add(m.gene());
        out.addAll(m.synonyms());
        return out;
    }
}
