package org.il2sim.models.molecules;

import java.util.List;

/**
 * A molecule of the IL-2 system with the names people use for it.
 *
 * @param kind cytokine, receptor or drug
 * @param gene HGNC gene symbol
 * @param modelIds the ids used for it inside il2sim's models (e.g. IL2Ra for CD25)
 */
public record Molecule(String id, String kind, String name, String gene, List<String> synonyms, List<String> modelIds,
                       String source) {

    public Molecule {
        synonyms = List.copyOf(synonyms);
        modelIds = List.copyOf(modelIds);
    }
}
