package org.il2sim.core.network;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.il2sim.core.expr.CompileContext.FunctionDefinition;

/**
 * An immutable reaction network. Build one with {@link NetworkBuilder}, which validates it.
 *
 * @param conversionFactor id of the model-wide conversion factor parameter, or null
 */
public record ReactionNetwork(String id, String name, List<Compartment> compartments, List<Species> species,
                              List<Parameter> parameters, List<Reaction> reactions, List<Rule> rules,
                              List<InitialAssignment> initialAssignments, List<FunctionDefinition> functions,
                              List<Event> events, String conversionFactor) {

    public ReactionNetwork {
        compartments = List.copyOf(compartments);
        species = List.copyOf(species);
        parameters = List.copyOf(parameters);
        reactions = List.copyOf(reactions);
        rules = List.copyOf(rules);
        initialAssignments = List.copyOf(initialAssignments);
        functions = List.copyOf(functions);
        events = List.copyOf(events);
    }

    public Map<String, Compartment> compartmentsById() {
        return index(compartments, Compartment::id);
    }

    public Map<String, Species> speciesById() {
        return index(species, Species::id);
    }

    public Map<String, Parameter> parametersById() {
        return index(parameters, Parameter::id);
    }

    public Map<String, FunctionDefinition> functionsById() {
        return index(functions, FunctionDefinition::id);
    }

    private static <T> Map<String, T> index(List<T> xs, Function<T, String> id) {
        return xs.stream().collect(Collectors.toMap(id, x -> x, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    public boolean hasEvents() {
        return !events.isEmpty();
    }
}
