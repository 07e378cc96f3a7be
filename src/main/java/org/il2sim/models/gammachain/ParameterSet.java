package org.il2sim.models.gammachain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named, complete set of the model's base parameter values (immutable; {@code with} returns a new set). */
public final class ParameterSet {

    /** The user-facing name of the reference set: the published model exactly. */
    public static final String FARHAT_2021 = "farhat2021";

    /** Names accepted by {@link #named} on the command line and in scenarios. */
    public static final java.util.List<String> USER_NAMES = java.util.List.of(FARHAT_2021, "IL4_IL7");

    private final String name;
    private final Map<String, ParameterValue> values;

    ParameterSet(String name, Map<String, ParameterValue> values) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The reference vector: the IL-2/IL-15 fit of Farhat et al. 2021. */
    public static ParameterSet reference() {
        return ParameterTables.load(ParameterTables.REFERENCE);
    }

    /** A bundled set by name ("IL2_IL15", "IL4_IL7"; "farhat2021" is the reference IL2_IL15). */
    public static ParameterSet named(String name) {
        return ParameterTables.load(FARHAT_2021.equals(name) ? ParameterTables.REFERENCE : name);
    }

    public String name() {
        return name;
    }

    /** The value of a parameter; an exception naming the set when it has no such parameter. */
    public double value(String id) {
        return get(id).value();
    }

    public ParameterValue get(String id) {
        ParameterValue v = values.get(id);
        if (v == null) {
            throw new IllegalArgumentException("parameter set " + name + " has no parameter '" + id + "'");
        }
        return v;
    }

    public boolean contains(String id) {
        return values.containsKey(id);
    }

    /** Every value, in file order. */
    public Collection<ParameterValue> values() {
        return values.values();
    }

    /** A copy with one value replaced (e.g. k_endo = 0 to switch endocytosis off); the id must exist. */
    public ParameterSet with(String id, double value) {
        Map<String, ParameterValue> copy = new LinkedHashMap<>(values);
        copy.put(id, get(id).withValue(value, "set by caller"));
        return new ParameterSet(name + "+" + id + "=" + value, copy);
    }

    @Override
    public String toString() {
        return "ParameterSet " + name + " (" + values.size() + " values)";
    }
}
