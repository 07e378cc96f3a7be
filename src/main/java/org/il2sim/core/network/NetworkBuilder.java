package org.il2sim.core.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.CompileContext.FunctionDefinition;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;

/**
 * Collects the parts of a network and validates them together: duplicate ids, references to unknown symbols,
 * unknown compartments, variables with two defining rules. {@link #build()} reports every problem at once.
 */
public final class NetworkBuilder {

    private final String id;
    private String name;
    private String conversionFactor;
    private final List<Compartment> compartments = new ArrayList<>();
    private final List<Species> species = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<InitialAssignment> initialAssignments = new ArrayList<>();
    private final List<FunctionDefinition> functions = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    public NetworkBuilder(String id) {
        this.id = id;
        this.name = id;
    }

    public NetworkBuilder name(String n) {
        this.name = n;
        return this;
    }

    public NetworkBuilder conversionFactor(String parameterId) {
        this.conversionFactor = parameterId;
        return this;
    }

    public NetworkBuilder add(Compartment c) {
        compartments.add(c);
        return this;
    }

    public NetworkBuilder add(Species s) {
        species.add(s);
        return this;
    }

    public NetworkBuilder add(Parameter p) {
        parameters.add(p);
        return this;
    }

    public NetworkBuilder add(Reaction r) {
        reactions.add(r);
        return this;
    }

    public NetworkBuilder add(Rule r) {
        rules.add(r);
        return this;
    }

    public NetworkBuilder add(InitialAssignment a) {
        initialAssignments.add(a);
        return this;
    }

    public NetworkBuilder add(FunctionDefinition f) {
        functions.add(f);
        return this;
    }

    public NetworkBuilder add(Event e) {
        events.add(e);
        return this;
    }

    /** Validates and returns the network, or throws {@link InvalidNetworkException} listing every problem. */
    public ReactionNetwork build() {
        List<Diagnostic> problems = validate();
        if (!problems.isEmpty()) {
            throw new InvalidNetworkException(problems);
        }
        return new ReactionNetwork(id, name, compartments, species, parameters, reactions, rules, initialAssignments,
                functions, events, conversionFactor);
    }

    private List<Diagnostic> validate() {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        compartments.forEach(c -> declare(kinds, c.id(), "compartment", out));
        species.forEach(s -> declare(kinds, s.id(), "species", out));
        parameters.forEach(p -> declare(kinds, p.id(), "parameter", out));
        for (Reaction r : reactions) {
            declare(kinds, r.id(), "reaction", out);
            for (SpeciesReference ref : concat(r.reactants(), r.products())) {
                if (ref.id() != null) {
                    declare(kinds, ref.id(), "species reference", out);
                }
            }
        }
        Set<String> fnames = new HashSet<>();
        for (FunctionDefinition f : functions) {
            if (!fnames.add(f.id())) {
                out.add(Diagnostic.error("function '" + f.id() + "'", "duplicate id"));
            }
        }
        for (Species s : species) {
            if (!"compartment".equals(kinds.get(s.compartment()))) {
                out.add(Diagnostic.error("species '" + s.id() + "'", "unknown compartment '" + s.compartment() + "'"));
            }
        }
        for (Reaction r : reactions) {
            for (SpeciesReference ref : concat(r.reactants(), r.products())) {
                if (!"species".equals(kinds.get(ref.species()))) {
                    out.add(Diagnostic.error("reaction '" + r.id() + "'", "unknown species '" + ref.species() + "'"));
                }
            }
            if (r.rate() != null) {
                checkSymbols(r.rate(), "reaction '" + r.id() + "'", kinds, out);
            }
        }
        Set<String> ruled = new HashSet<>();
        for (Rule rule : rules) {
            String var = rule instanceof Rule.Assignment a ? a.variable() : rule instanceof Rule.Rate r ? r.variable() : null;
            String where = var == null ? "algebraic rule" : "rule for '" + var + "'";
            if (var != null) {
                if (!kinds.containsKey(var) || "reaction".equals(kinds.get(var))) {
                    out.add(Diagnostic.error(where, "unknown variable '" + var + "'"));
                } else if (!ruled.add(var)) {
                    out.add(Diagnostic.error(where, "variable has more than one rule"));
                }
            }
            checkSymbols(rule.math(), where, kinds, out);
        }
        for (InitialAssignment a : initialAssignments) {
            if (!kinds.containsKey(a.symbol())) {
                out.add(Diagnostic.error("initial assignment", "unknown symbol '" + a.symbol() + "'"));
            }
            checkSymbols(a.math(), "initial assignment to '" + a.symbol() + "'", kinds, out);
        }
        for (Event e : events) {
            String where = "event '" + (e.id() == null ? "" : e.id()) + "'";
            checkSymbols(e.trigger(), where, kinds, out);
            for (Event.Assignment a : e.assignments()) {
                if (!kinds.containsKey(a.variable())) {
                    out.add(Diagnostic.error(where, "assignment to unknown symbol '" + a.variable() + "'"));
                }
                checkSymbols(a.math(), where, kinds, out);
            }
        }
        return out;
    }

    private void checkSymbols(Expr e, String where, Map<String, String> kinds, List<Diagnostic> out) {
        for (String s : Exprs.symbols(e)) {
            if (!kinds.containsKey(s)) {
                out.add(Diagnostic.error(where, "unknown symbol '" + s + "'"));
            }
        }
    }

    private static void declare(Map<String, String> kinds, String id, String kind, List<Diagnostic> out) {
        if (id == null || id.isEmpty()) {
            out.add(Diagnostic.error(kind, "missing id"));
        } else if (kinds.putIfAbsent(id, kind) != null) {
            out.add(Diagnostic.error(kind + " '" + id + "'", "duplicate id (already a " + kinds.get(id) + ")"));
        }
    }

    private static List<SpeciesReference> concat(List<SpeciesReference> a, List<SpeciesReference> b) {
        List<SpeciesReference> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
