package org.il2sim.models.gammachain;

import org.il2sim.models.tables.DataTable;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * Finite medium (Fallon &amp; Lauffenburger 2000): instead of a constant, each medium ligand becomes a species in the
 * medium volume that one cell shares (medium volume / cell number), so binding consumes it and dissociation returns
 * it. The cell's reactions count molecules per cell; a conversion factor of 1e9 / N_A (nmol per molecule) turns them
 * into changes of the medium's amount, whose concentration in nM is what the rate laws read. Nothing else changes:
 * with the density going to zero the model returns to the constant-ligand reference.
 */
public final class LigandDepletion {

    /** Id of the compartment holding one cell's share of the medium (litres). */
    public static final String MEDIUM = "medium_per_cell";
    /** Id of the conversion factor (nmol per molecule). */
    public static final String NMOL_PER_MOLECULE = "nmol_per_molecule";

    private static final String RESOURCE = "ligand-depletion.tsv";
    /** Litres per µm³. */
    private static final double LITRES_PER_CUBIC_MICROMETRE = 1e-15;
    private static final double MAX_CELLS_PER_LITRE;

    static {
        DataTable t = DataTable.tsv(LigandDepletion.class, RESOURCE);
        double radius = Double.NaN;
        for (DataTable.Row row : t.rows()) {
            if (row.get("id").equals("cell_radius")) {
                radius = t.number(row, "value");
            } else {
                throw new IllegalStateException(RESOURCE + ": unknown parameter " + row.get("id"));
            }
        }
        if (!(radius > 0)) {
            throw new IllegalStateException(RESOURCE + ": cell_radius (um) is required");
        }
        MAX_CELLS_PER_LITRE = 1 / (4.0 / 3 * Math.PI * radius * radius * radius * LITRES_PER_CUBIC_MICROMETRE);
    }

    private LigandDepletion() {
    }

    /** The densest culture accepted: every cell has at least its own volume of medium (ligand-depletion.tsv). */
    public static double maxCellsPerLitre() {
        return MAX_CELLS_PER_LITRE;
    }

    /**
     * @param cellsPerLitre cell density of the culture (cells/L)
     */
    public static ReactionNetwork apply(ReactionNetwork n, double cellsPerLitre) {
        if (!(cellsPerLitre > 0) || !(cellsPerLitre <= MAX_CELLS_PER_LITRE)) {
            throw new IllegalArgumentException("cell density must be a positive number of cells per litre up to "
                    + MAX_CELLS_PER_LITRE + " (each cell needs at least its own volume), was " + cellsPerLitre);
        }
        List<String> ligands = new ArrayList<>();
        for (Ligand l : Ligand.values()) {
            ligands.add(l.mediumParameter());
        }
        List<Parameter> parameters = new ArrayList<>();
        List<Species> species = new ArrayList<>(n.species());
        for (Parameter p : n.parameters()) {
            if (ligands.contains(p.id())) {
                species.add(new Species(p.id(), p.name(), MEDIUM, Double.NaN, p.value(), false, false, false,
                        NMOL_PER_MOLECULE));
            } else {
                parameters.add(p);
            }
        }
        parameters.add(new Parameter(NMOL_PER_MOLECULE, "nmol per molecule", 1e9 / Units.AVOGADRO, true,
                "nmol/molecule", "1e9 / Avogadro's number (CODATA 2018)"));
        parameters.add(new Parameter("cell_density", "cells per litre of medium", cellsPerLitre, true, "cells/L",
                "scenario input (finite medium, Fallon & Lauffenburger 2000)"));
        List<Compartment> compartments = new ArrayList<>(n.compartments());
        compartments.add(new Compartment(MEDIUM, "the medium volume one cell shares (L)", 3, 1 / cellsPerLitre, true));
        List<Reaction> reactions = new ArrayList<>();
        for (Reaction r : n.reactions()) {
            List<SpeciesReference> reactants = new ArrayList<>(r.reactants());
            if (r.rate() != null) {
                for (String s : Exprs.symbols(r.rate())) {
                    if (ligands.contains(s)) {
                        reactants.add(SpeciesReference.of(s, 1)); // binding takes the ligand from the medium
                    }
                }
            }
            reactions.add(new Reaction(r.id(), r.name(), reactants, r.products(), r.modifiers(), r.rate(),
                    r.reversible(), r.fast()));
        }
        return new ReactionNetwork(n.id(), n.name(), compartments, species, parameters, reactions, n.rules(),
                n.initialAssignments(), n.functions(), n.events(), n.conversionFactor());
    }
}
