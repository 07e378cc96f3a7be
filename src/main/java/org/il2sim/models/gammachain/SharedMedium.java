package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.CompileContext.FunctionDefinition;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * A co-culture: several cell types, each with its own 62-state receptor network (and signalling layer, if the
 * parameter set has one), share one finite medium, so that every cell type's binding depletes the ligand the others
 * see. This is the direct coupling of immune-models.md §6 (items 1-4): one receptor vector per cell type (a cohort of
 * identical cells at a fixed density) and one medium per ligand,
 * dL/dt = −Σ_k ρ_k·J_k(L)·10⁹/N_A (nM/min), J_k the net binding flux per cell of type k (molecules/cell/min) and
 * ρ_k its density (cells/L). {@link LigandDepletion} is the one-cell-type case.
 *
 * <p>Each member's ids are prefixed with its label and {@value #SEPARATOR} (e.g. {@code Treg__active_complexes}); the
 * medium ligands keep their own ids and become species of the compartment {@value #MEDIUM}: the medium one cell of
 * the culture shares, 1/Σρ litres, sized in molecules per nM (N_A·10⁻⁹/Σρ), so that a ligand's amount is in molecules
 * (on the scale of the cells' own species, which the solver's absolute tolerance is set for) and its concentration in
 * nM. A member's binding reactions take the ligand with the stoichiometry ρ_k/Σρ (its share of the culture's cells).
 * Cell numbers do not change.
 */
public final class SharedMedium {

    /** The compartment of the shared medium: the medium per cell of the culture, in molecules per nM. */
    public static final String MEDIUM = "culture_medium";
    /** Between a member's label and its own ids. */
    public static final String SEPARATOR = "__";

    /**
     * One cell type of the co-culture.
     *
     * @param label prefix of the member's ids (letters, digits and '_'; unique in the co-culture)
     * @param cell the member's single-cell network at constant medium ({@link GammaChainModel#build}); its medium
     *             ligand parameters give the starting concentrations, the same in every member
     * @param cellsPerLitre its density
     */
    public record Member(String label, ReactionNetwork cell, double cellsPerLitre) {
        public Member {
            checkLabel(label, "a co-culture member's");
            if (!(cellsPerLitre > 0) || !(cellsPerLitre <= LigandDepletion.maxCellsPerLitre())) {
                throw new IllegalArgumentException("cell density of " + label + " must be a positive number of cells "
                        + "per litre up to " + LigandDepletion.maxCellsPerLitre() + "; was " + cellsPerLitre);
            }
        }
    }

    private SharedMedium() {
    }

    /** Labels prefix ids, so they must be valid ids that cannot run into the {@value #SEPARATOR}. */
    static void checkLabel(String label, String whose) {
        if (label == null || !label.matches("[A-Za-z][A-Za-z0-9_]*") || label.contains(SEPARATOR)) {
            throw new IllegalArgumentException(whose + " label must be letters, digits and single '_', starting "
                    + "with a letter; was " + label);
        }
    }

    /** The id that a member's own id {@code id} has in the co-culture. */
    public static String memberId(String label, String id) {
        return label + SEPARATOR + id;
    }

    /** One network: the members side by side, their medium ligands merged into one medium. */
    public static ReactionNetwork of(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a co-culture needs at least one cell type");
        }
        double total = 0;
        for (Member m : members) {
            total += m.cellsPerLitre();
        }
        if (!(total <= LigandDepletion.maxCellsPerLitre())) {
            throw new IllegalArgumentException("the co-culture's cells add up to " + total + " per litre, more than "
                    + LigandDepletion.maxCellsPerLitre() + " (each cell needs at least its own volume)");
        }
        Merge merge = new Merge();
        merge.compartments.add(new Compartment(MEDIUM, "shared culture medium per cell (size: molecules per nM in 1/"
                + total + " L)", 3, Units.AVOGADRO * 1e-9 / total, true));
        for (Member m : members) {
            // molecules taken from the medium share of one culture cell per molecule bound on each cell of this type
            merge.add(m.label(), m.cell(), m.cellsPerLitre() / total);
        }
        merge.addMedium(MEDIUM);
        for (Member m : members) {
            merge.parameters.add(new Parameter(memberId(m.label(), "cell_density"), m.label() + " cells per litre of "
                    + "medium", m.cellsPerLitre(), true, "cells/L", "scenario input (co-culture sharing one medium)"));
        }
        return merge.network("coculture_" + String.join("_", merge.labels), "co-culture of "
                + String.join(", ", merge.labels) + " sharing one medium (γc receptor model, Farhat et al. 2021)");
    }

    /**
     * Members' networks side by side, each id prefixed with its member's label; the medium ligand parameters become
     * shared species ({@link #addMedium}), starting at the members' common value.
     */
    static final class Merge {
        final Set<String> labels = new LinkedHashSet<>();
        final Set<String> ligandIds = new LinkedHashSet<>();
        final List<Compartment> compartments = new ArrayList<>();
        final List<Species> species = new ArrayList<>();
        final List<Parameter> parameters = new ArrayList<>();
        final List<Reaction> reactions = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        final List<InitialAssignment> initial = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        final Map<String, Double> mediumStart = new LinkedHashMap<>();

        Merge() {
            for (Ligand l : Ligand.values()) {
                ligandIds.add(l.mediumParameter());
            }
        }

        /**
         * Adds a member. Each of its reactions whose rate reads a medium ligand takes {@code take} of that ligand per
         * unit of reaction extent (0: the caller accounts for the uptake itself).
         *
         * @return the renaming, the member's own id → its id in the merged network
         */
        Map<String, Expr> add(String label, ReactionNetwork n, double take) {
            if (!labels.add(label)) {
                throw new IllegalArgumentException("cell type " + label + " appears twice");
            }
            if (n.conversionFactor() != null) {
                throw new IllegalArgumentException(label + ": a model-wide conversion factor is not supported");
            }
            for (FunctionDefinition f : n.functions()) {
                FunctionDefinition before = functions.putIfAbsent(f.id(), f);
                if (before != null && !before.equals(f)) {
                    throw new IllegalArgumentException("function " + f.id() + " differs between members");
                }
            }
            Map<String, Expr> rename = new HashMap<>();
            for (Compartment c : n.compartments()) {
                rename.put(c.id(), Expr.sym(memberId(label, c.id())));
            }
            for (Species s : n.species()) {
                rename.put(s.id(), Expr.sym(memberId(label, s.id())));
            }
            for (Parameter p : n.parameters()) {
                if (ligandIds.contains(p.id())) {
                    Double start = mediumStart.putIfAbsent(p.id(), p.value());
                    if (start != null && !start.equals(p.value())) {
                        throw new IllegalArgumentException("medium " + p.id() + " starts at " + start + " nM in one "
                                + "member and " + p.value() + " nM in " + label + ": members share one medium");
                    }
                } else {
                    rename.put(p.id(), Expr.sym(memberId(label, p.id())));
                }
            }
            for (Reaction r : n.reactions()) {
                rename.put(r.id(), Expr.sym(memberId(label, r.id())));
                for (SpeciesReference ref : r.reactants()) {
                    if (ref.id() != null) {
                        rename.put(ref.id(), Expr.sym(memberId(label, ref.id())));
                    }
                }
                for (SpeciesReference ref : r.products()) {
                    if (ref.id() != null) {
                        rename.put(ref.id(), Expr.sym(memberId(label, ref.id())));
                    }
                }
            }
            for (Compartment c : n.compartments()) {
                compartments.add(new Compartment(id(rename, c.id()), label + ": " + c.name(), c.spatialDimensions(),
                        c.size(), c.constant()));
            }
            for (Species s : n.species()) {
                species.add(new Species(id(rename, s.id()), label + ": " + s.name(), id(rename, s.compartment()),
                        s.initialAmount(), s.initialConcentration(), s.hasOnlySubstanceUnits(), s.boundaryCondition(),
                        s.constant(), s.conversionFactor() == null ? null : id(rename, s.conversionFactor())));
            }
            for (Parameter p : n.parameters()) {
                if (!ligandIds.contains(p.id())) {
                    parameters.add(new Parameter(id(rename, p.id()), p.name(), p.value(), p.constant(), p.unit(),
                            p.source()));
                }
            }
            for (Reaction r : n.reactions()) {
                List<SpeciesReference> reactants = new ArrayList<>(refs(label, rename, r.reactants()));
                if (r.rate() != null && take != 0) {
                    for (String s : Exprs.symbols(r.rate())) {
                        if (ligandIds.contains(s)) {
                            reactants.add(SpeciesReference.of(s, take)); // binding takes the ligand from the medium
                        }
                    }
                }
                reactions.add(new Reaction(id(rename, r.id()), r.name(), reactants, refs(label, rename, r.products()),
                        r.modifiers().stream().map(x -> id(rename, x)).toList(),
                        r.rate() == null ? null : Exprs.substitute(r.rate(), rename), r.reversible(), r.fast()));
            }
            for (Rule r : n.rules()) {
                if (r instanceof Rule.Assignment a) {
                    rules.add(new Rule.Assignment(id(rename, a.variable()), Exprs.substitute(a.math(), rename)));
                } else if (r instanceof Rule.Rate a) {
                    rules.add(new Rule.Rate(id(rename, a.variable()), Exprs.substitute(a.math(), rename)));
                } else {
                    rules.add(new Rule.Algebraic(Exprs.substitute(((Rule.Algebraic) r).math(), rename)));
                }
            }
            for (InitialAssignment a : n.initialAssignments()) {
                initial.add(new InitialAssignment(id(rename, a.symbol()), Exprs.substitute(a.math(), rename)));
            }
            for (Event e : n.events()) {
                events.add(new Event(e.id() == null ? null : memberId(label, e.id()),
                        Exprs.substitute(e.trigger(), rename),
                        e.initialValue(), e.persistent(), e.delay() == null ? null : Exprs.substitute(e.delay(), rename),
                        e.priority() == null ? null : Exprs.substitute(e.priority(), rename),
                        e.useValuesFromTriggerTime(), e.assignments().stream().map(a -> new Event.Assignment(
                                id(rename, a.variable()), Exprs.substitute(a.math(), rename))).toList()));
            }
            return rename;
        }

        /** The medium ligands as species of the given compartment (concentration in nM), at their starting values. */
        void addMedium(String compartment) {
            for (Map.Entry<String, Double> l : mediumStart.entrySet()) {
                species.add(new Species(l.getKey(), l.getKey() + " in the shared medium (nM)", compartment, Double.NaN,
                        l.getValue(), false, false, false, null));
            }
        }

        ReactionNetwork network(String id, String name) {
            return new ReactionNetwork(id, name, compartments, species, parameters, reactions, rules, initial,
                    new ArrayList<>(functions.values()), events, null);
        }
    }

    static String id(Map<String, Expr> rename, String id) {
        Expr e = rename.get(id);
        return e == null ? id : ((Expr.Sym) e).id();
    }

    private static List<SpeciesReference> refs(String label, Map<String, Expr> rename, List<SpeciesReference> refs) {
        return refs.stream().map(r -> new SpeciesReference(id(rename, r.species()), r.stoichiometry(),
                r.id() == null ? null : memberId(label, r.id()), r.constant())).toList();
    }
}
