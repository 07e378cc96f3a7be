package org.il2sim.core.network;

/**
 * A reactant or product of a reaction.
 *
 * @param id symbol id of this reference (its value is the stoichiometry), or null
 * @param stoichiometry stoichiometry, or NaN when given by an initial assignment or rule on {@code id}
 * @param constant false when rules or events may change the stoichiometry
 */
public record SpeciesReference(String species, double stoichiometry, String id, boolean constant) {

    public static SpeciesReference of(String species, double stoichiometry) {
        return new SpeciesReference(species, stoichiometry, null, true);
    }
}
