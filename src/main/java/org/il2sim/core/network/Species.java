package org.il2sim.core.network;

/**
 * A species in a compartment. Its symbol in expressions means its concentration (amount / compartment size) unless
 * {@code hasOnlySubstanceUnits}, in which case it means its amount (the SBML convention).
 *
 * @param initialAmount initial amount, or NaN
 * @param initialConcentration initial concentration, or NaN (at most one of the two is set)
 * @param boundaryCondition true when reactions do not change it (rules and events still may)
 * @param conversionFactor id of the parameter that converts reaction extents to this species' amount, or null
 */
public record Species(String id, String name, String compartment, double initialAmount, double initialConcentration,
                      boolean hasOnlySubstanceUnits, boolean boundaryCondition, boolean constant,
                      String conversionFactor) {
}
