package org.il2sim.models.immune;

import org.il2sim.models.tables.DataTable;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.units.Unit;
import org.il2sim.core.units.Units;

/**
 * A model's parameter values read from a bundled table ({@code id, value, unit, source, note}), each converted once,
 * on reading, to il2sim's canonical unit of its dimension (time in min, rates per min, concentrations in nM; see
 * docs/units.md). Units the unit table does not know (counts such as "cells", "molecules", or "per engaged TCR")
 * are kept as written, unconverted. The source text of every value keeps the value as the table gives it, the
 * source, and the note that records a choice where the reference leaves one open.
 *
 * <p>Immutable; {@link #with} returns a changed copy.
 */
public final class ParameterTable {

    private static final Map<String, ParameterTable> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final Map<String, Parameter> values;

    private ParameterTable(String name, Map<String, Parameter> values) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A bundled table of this package by file name, e.g. {@code acute-infection.tsv}. */
    static ParameterTable load(String resource) {
        return CACHE.computeIfAbsent(resource, ParameterTable::read);
    }

    private static ParameterTable read(String resource) {
        DataTable t = DataTable.tsv(ParameterTable.class, resource);
        Map<String, Parameter> values = new LinkedHashMap<>();
        for (DataTable.Row r : t.rows()) {
            String where = t.where(r);
            String id = r.get("id");
            double given;
            try {
                given = Double.parseDouble(r.get("value"));
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalStateException(where + ": value is not a number: '" + r.get("value") + "'", e);
            }
            String unitText = r.get("unit");
            Unit unit = unitText.isEmpty() ? null : Units.unit(unitText);
            double value = unit == null ? given : given * unit.toCanonical();
            String unitOut = unit == null ? unitText : unit.dimension().canonical();
            String source = r.get("source");
            if (source.isEmpty()) {
                throw new IllegalStateException(where + ": parameter '" + id + "' has no source");
            }
            StringBuilder s = new StringBuilder(source);
            if (unit != null && unit.toCanonical() != 1) {
                s.append(" [given as ").append(r.get("value")).append(' ').append(unitText).append(']');
            }
            if (!r.get("note").isEmpty()) {
                s.append("; note: ").append(r.get("note"));
            }
            if (values.put(id, new Parameter(id, id, value, true, unitOut, s.toString())) != null) {
                throw new IllegalStateException(where + ": duplicate parameter '" + id + "'");
            }
        }
        return new ParameterTable(resource, values);
    }

    public String name() {
        return name;
    }

    /** The value of a parameter in its canonical unit; an exception naming the table when there is none. */
    public double value(String id) {
        return get(id).value();
    }

    public Parameter get(String id) {
        Parameter p = values.get(id);
        if (p == null) {
            throw new IllegalArgumentException("parameter table " + name + " has no parameter '" + id + "'");
        }
        return p;
    }

    public boolean contains(String id) {
        return values.containsKey(id);
    }

    /** Every parameter, in file order. */
    public Collection<Parameter> parameters() {
        return values.values();
    }

    /**
     * A copy with one value replaced (in the parameter's canonical unit); the source says what was replaced and why.
     */
    public ParameterTable with(String id, double value, String why) {
        Parameter old = get(id);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter '" + id + "': value must be finite, was " + value);
        }
        Map<String, Parameter> copy = new LinkedHashMap<>(values);
        copy.put(id, new Parameter(id, old.name(), value, true, old.unit(),
                why + " (bundled value " + old.value() + " " + old.unit() + "; " + old.source() + ")"));
        return new ParameterTable(name + "+" + id, copy);
    }

    /**
     * A copy with the values of a second bundled table (same columns) put in place of this table's values of the same
     * ids, e.g. the values one scenario of a model uses; every id of the overlay must exist here. The source of each
     * replaced value is the overlay's, followed by the value it replaces.
     */
    public ParameterTable overlaid(String resource) {
        ParameterTable over = load(resource);
        Map<String, Parameter> copy = new LinkedHashMap<>(values);
        for (Parameter p : over.parameters()) {
            Parameter old = values.get(p.id());
            if (old == null) {
                throw new IllegalStateException(resource + ": parameter '" + p.id() + "' is not in " + name);
            }
            if (!old.unit().equals(p.unit())) {
                throw new IllegalStateException(resource + ": parameter '" + p.id() + "' has unit " + p.unit()
                        + ", " + name + " has " + old.unit());
            }
            copy.put(p.id(), new Parameter(p.id(), old.name(), p.value(), true, old.unit(), p.source() + " (replaces "
                    + name + " value " + old.value() + " " + old.unit() + ")"));
        }
        return new ParameterTable(name + "+" + resource, copy);
    }

    /** A copy without the given ids (values a derived model does not read); every id must exist here. */
    public ParameterTable without(java.util.Collection<String> ids) {
        Map<String, Parameter> copy = new LinkedHashMap<>(values);
        for (String id : ids) {
            if (copy.remove(id) == null) {
                throw new IllegalStateException("parameter '" + id + "' is not in " + name);
            }
        }
        return new ParameterTable(name + "-" + ids.size(), copy);
    }

    /**
     * A copy with the values of a second bundled table (same columns) added after this table's values, e.g. the
     * values a spatial version of a model adds to the well-mixed one; no id of the addition may exist here.
     */
    public ParameterTable extended(String resource) {
        ParameterTable more = load(resource);
        Map<String, Parameter> copy = new LinkedHashMap<>(values);
        for (Parameter p : more.parameters()) {
            if (copy.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException(resource + ": parameter '" + p.id() + "' is already in " + name
                        + " (use overlaid to replace a value)");
            }
        }
        return new ParameterTable(name + "+" + resource, copy);
    }

    @Override
    public String toString() {
        return "ParameterTable " + name + " (" + values.size() + " values)";
    }
}
