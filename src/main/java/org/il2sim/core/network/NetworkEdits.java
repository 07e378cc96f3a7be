package org.il2sim.core.network;

import java.util.ArrayList;
import java.util.List;

/** Returns changed copies of a network: parameter values, initial values, added events (networks are immutable). */
public final class NetworkEdits {

    private NetworkEdits() {
    }

    /**
     * Whether a value can be set for the id: a parameter or a compartment that no assignment rule computes (a value
     * set for a computed one would be overwritten by its rule at once).
     */
    public static boolean isSettable(ReactionNetwork n, String id) {
        return (n.parametersById().containsKey(id) || n.compartmentsById().containsKey(id)) && !isAssigned(n, id);
    }

    /** Whether an assignment rule computes the id (a parameter, compartment or species), so it has no value of its own. */
    public static boolean isAssigned(ReactionNetwork n, String id) {
        for (Rule r : n.rules()) {
            if (r instanceof Rule.Assignment a && a.variable().equals(id)) {
                return true;
            }
        }
        return false;
    }

    public static ReactionNetwork withValue(ReactionNetwork n, String id, double value) {
        List<Parameter> ps = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            ps.add(p.id().equals(id) ? new Parameter(p.id(), p.name(), value, p.constant(), p.unit(),
                    "set by the scenario (was " + p.value() + (p.source().isEmpty() ? "" : "; " + p.source()) + ")") : p);
        }
        List<Compartment> cs = new ArrayList<>();
        for (Compartment c : n.compartments()) {
            cs.add(c.id().equals(id) ? new Compartment(c.id(), c.name(), c.spatialDimensions(), value, c.constant()) : c);
        }
        List<InitialAssignment> ias = new ArrayList<>(n.initialAssignments());
        ias.removeIf(a -> a.symbol().equals(id)); // the scenario's value wins over a computed initial value
        return new ReactionNetwork(n.id(), n.name(), cs, n.species(), ps, n.reactions(), n.rules(), ias,
                n.functions(), n.events(), n.conversionFactor());
    }

    /**
     * Sets a species' initial value.
     *
     * @param asAmount true: an amount; false: a concentration; null: as the species is written (amount when it has
     *                 only substance units)
     */
    public static ReactionNetwork withInitial(ReactionNetwork n, String speciesId, double value, Boolean asAmount) {
        List<Species> ss = new ArrayList<>();
        for (Species s : n.species()) {
            if (s.id().equals(speciesId)) {
                boolean amount = asAmount != null ? asAmount : s.hasOnlySubstanceUnits();
                s = new Species(s.id(), s.name(), s.compartment(), amount ? value : Double.NaN,
                        amount ? Double.NaN : value, s.hasOnlySubstanceUnits(), s.boundaryCondition(), s.constant(),
                        s.conversionFactor());
            }
            ss.add(s);
        }
        List<InitialAssignment> ias = new ArrayList<>(n.initialAssignments());
        ias.removeIf(a -> a.symbol().equals(speciesId));
        return new ReactionNetwork(n.id(), n.name(), n.compartments(), ss, n.parameters(), n.reactions(), n.rules(),
                ias, n.functions(), n.events(), n.conversionFactor());
    }

    public static ReactionNetwork withEvent(ReactionNetwork n, Event e) {
        List<Event> es = new ArrayList<>(n.events());
        es.add(e);
        return new ReactionNetwork(n.id(), n.name(), n.compartments(), n.species(), n.parameters(), n.reactions(),
                n.rules(), n.initialAssignments(), n.functions(), es, n.conversionFactor());
    }

    /** A parameter that events may change must not be constant: returns a copy with the parameter made variable. */
    public static ReactionNetwork withVariable(ReactionNetwork n, String id) {
        List<Parameter> ps = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            ps.add(p.id().equals(id) ? new Parameter(p.id(), p.name(), p.value(), false, p.unit(), p.source()) : p);
        }
        List<Compartment> cs = new ArrayList<>();
        for (Compartment c : n.compartments()) {
            cs.add(c.id().equals(id) ? new Compartment(c.id(), c.name(), c.spatialDimensions(), c.size(), false) : c);
        }
        List<Species> ss = new ArrayList<>();
        for (Species s : n.species()) {
            ss.add(s.id().equals(id) ? new Species(s.id(), s.name(), s.compartment(), s.initialAmount(),
                    s.initialConcentration(), s.hasOnlySubstanceUnits(), s.boundaryCondition(), false,
                    s.conversionFactor()) : s);
        }
        return new ReactionNetwork(n.id(), n.name(), cs, ss, ps, n.reactions(), n.rules(), n.initialAssignments(),
                n.functions(), n.events(), n.conversionFactor());
    }
}
