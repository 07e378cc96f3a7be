package org.il2sim.models.gammachain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A named, complete set of the model's base parameter values (immutable; {@code with} returns a new set). */
public final class ParameterSet {

    /** The user-facing name of the reference set: the published model exactly. */
    public static final String FARHAT_2021 = "farhat2021";

    /**
     * il2sim's own set, the default of the command line and of scenarios: for now the reference vector with the
     * signalling layer (pSTAT5, pERK, pAkt) switched on.
     */
    public static final String IL2SIM = "il2sim";

    /** The set used when none is named. */
    public static final String DEFAULT = IL2SIM;

    /** Names accepted by {@link #named} on the command line and in scenarios. */
    public static final java.util.List<String> USER_NAMES = java.util.List.of(IL2SIM, FARHAT_2021, "IL4_IL7");

    private final String name;
    private final Map<String, ParameterValue> values;
    private final boolean signalling;

    ParameterSet(String name, Map<String, ParameterValue> values, boolean signalling) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.signalling = signalling;
    }

    /** The reference vector: the IL-2/IL-15 fit of Farhat et al. 2021. */
    public static ParameterSet reference() {
        return ParameterTables.load(ParameterTables.REFERENCE);
    }

    /** A bundled set by name ("il2sim", "IL2_IL15", "IL4_IL7"; "farhat2021" is the reference IL2_IL15). */
    public static ParameterSet named(String name) {
        return ParameterTables.load(FARHAT_2021.equals(name) ? ParameterTables.REFERENCE : name);
    }

    public String name() {
        return name;
    }

    /**
     * True when the model built from this set includes the signalling layer ({@link Stat5Signalling},
     * {@link ErkSignalling}, {@link AktSignalling}) and so has the read-outs pSTAT5, pERK and pAkt.
     */
    public boolean hasSignalling() {
        return signalling;
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
        return new ParameterSet(name + "+" + id + "=" + value, copy, signalling);
    }

    @Override
    public String toString() {
        return "ParameterSet " + name + " (" + values.size() + " values" + (signalling ? ", signalling" : "") + ")";
    }
}
