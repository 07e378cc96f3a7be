package org.il2sim.models.immune;

import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;

/** The built-in population models of scenarios B6 and B11 by their scenario name, for the scenario runner. */
public final class PopulationModels {

    private PopulationModels() {
    }

    /**
     * The model for a built-in name ({@code effector-memory-fate}, {@code il2-complexes}, {@code il15-nk-memory},
     * {@code b-cell-help}, {@code acute-infection-il2}) with its bundled parameters, or null for another name.
     */
    public static ReactionNetwork build(String name) {
        switch (name) {
            case "effector-memory-fate":
                return EffectorMemoryFateModel.build();
            case "il2-complexes":
                return Il2ComplexModel.build();
            case "il15-nk-memory":
                return Il15NkMemoryModel.build();
            case "b-cell-help":
                return BCellHelpModel.build();
            case "acute-infection-il2":
                return InfectionModel.build();
            default:
                return null;
        }
    }

    /**
     * Parameters of a built-in model that are read when the network is built (they set the γc fits or the number of
     * generation compartments), so changing the built network's value would change nothing: scenarios refuse them.
     */
    public static java.util.Set<String> buildTimeParameters(String name) {
        switch (name) {
            case "il2-complexes":
                return Il2ComplexModel.BUILD_TIME;
            case "il15-nk-memory":
                return Il15NkMemoryModel.BUILD_TIME;
            default:
                return java.util.Set.of();
        }
    }

    /**
     * The build-time values ({@link #buildTimeParameters}) that the built network does not carry as parameters (they
     * only shape its structure, e.g. the number of generation compartments), from the bundled table, in file order:
     * so that {@code models show} can list them with their sources.
     */
    public static java.util.List<org.il2sim.core.network.Parameter> structuralValues(String name, ReactionNetwork n) {
        java.util.Set<String> ids = buildTimeParameters(name);
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        ParameterTable table = switch (name) {
            case "il2-complexes" -> Il2ComplexModel.defaults();
            case "il15-nk-memory" -> Il15NkMemoryModel.defaults();
            default -> throw new IllegalStateException("no table for the build-time values of " + name);
        };
        return table.parameters().stream().filter(p -> ids.contains(p.id()))
                .filter(p -> !n.parametersById().containsKey(p.id())).toList();
    }

    /**
     * The unit of a species of these models: cells, except ligand concentrations (nM) in the IL-2 complex model and
     * Ig molecules in the B-cell model.
     */
    public static String unitOf(String name, ReactionNetwork n, String speciesId) {
        Species sp = n.speciesById().get(speciesId);
        if (sp == null) {
            return "";
        }
        if (name.equals("il2-complexes") && Il2ComplexModel.isLigand(speciesId)) {
            return "nM";
        }
        if (name.equals("acute-infection-il2")) {
            return sp.boundaryCondition() ? "1" : InfectionModel.unitOf(speciesId);
        }
        if (name.equals("b-cell-help") && speciesId.equals(BCellHelpModel.IG)) {
            return "molecules";
        }
        return sp.boundaryCondition() ? "1" : "cells";
    }
}
