package org.il2sim.core.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where units are known and converted (docs/units.md lists the same table). Values are converted to
 * the canonical unit of their dimension when read, so nothing inside il2sim converts units again.
 */
public final class Units {

    /** Avogadro's number (per mole), CODATA 2018 exact value. */
    public static final double AVOGADRO = 6.02214076e23;

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        time("s", 1.0 / 60, "sec", "second", "seconds");
        time("min", 1, "minute", "minutes");
        time("h", 60, "hr", "hour", "hours");
        time("day", 1440, "d", "days");
        time("week", 10080, "weeks", "wk");

        conc("M", 1e9, "mol/L");
        conc("mM", 1e6);
        conc("uM", 1e3, "µM");
        conc("nM", 1);
        conc("pM", 1e-3);
        conc("fM", 1e-6);

        add(Dimension.AMOUNT_PER_CELL, 1, "molecules/cell", "#/cell", "molecules per cell", "receptors/cell");
        add(Dimension.RATE_PER_CELL, 1, "molecules/cell/min", "#/cell/min");
        add(Dimension.RATE_PER_CELL, 60, "molecules/cell/s", "#/cell/s");
        add(Dimension.RATE_PER_CELL, 1.0 / 60, "molecules/cell/h", "#/cell/h");

        add(Dimension.FIRST_ORDER_RATE, 1, "1/min", "/min", "min^-1");
        add(Dimension.FIRST_ORDER_RATE, 60, "1/s", "/s", "s^-1");
        add(Dimension.FIRST_ORDER_RATE, 1.0 / 60, "1/h", "/h", "h^-1");
        add(Dimension.FIRST_ORDER_RATE, 1.0 / 1440, "1/day", "/day", "day^-1", "/d");

        add(Dimension.SECOND_ORDER_RATE, 1, "1/(nM*min)", "nM^-1 min^-1", "/nM/min");
        add(Dimension.SECOND_ORDER_RATE, 60, "1/(nM*s)", "nM^-1 s^-1", "/nM/s");
        add(Dimension.SECOND_ORDER_RATE, 60e-9, "1/(M*s)", "M^-1 s^-1", "/M/s");
        add(Dimension.SECOND_ORDER_RATE, 1e-9, "1/(M*min)", "M^-1 min^-1", "/M/min");
        add(Dimension.SECOND_ORDER_RATE, 1e-9 / 60, "1/(M*h)", "M^-1 h^-1", "/M/h");

        add(Dimension.LENGTH, 1, "um", "µm", "micrometre", "micrometer");
        add(Dimension.LENGTH, 1e3, "mm");
        add(Dimension.LENGTH, 1e-3, "nm");
        add(Dimension.AREA, 1, "um^2", "µm^2");
        add(Dimension.VOLUME, 1, "L", "l", "litre", "liter");
        add(Dimension.VOLUME, 1e-3, "mL", "ml");
        add(Dimension.VOLUME, 1e-6, "uL", "µL", "ul");
        add(Dimension.VOLUME, 1e-9, "nL", "nl");
        add(Dimension.VOLUME, 1e-12, "pL", "pl");
        add(Dimension.VOLUME, 1e-15, "fL", "fl");
        add(Dimension.DIFFUSIVITY, 1, "um^2/min", "µm^2/min");
        add(Dimension.DIFFUSIVITY, 60, "um^2/s", "µm^2/s");
        add(Dimension.CELLS, 1, "cells", "cell");
        add(Dimension.CELL_DENSITY, 1, "cells/mL", "cells/ml");
        add(Dimension.CELL_DENSITY, 1e-3, "cells/L");
        add(Dimension.CELL_DENSITY, 1e3, "cells/uL", "cells/µL");
        add(Dimension.DIMENSIONLESS, 1, "1", "dimensionless", "fraction");
        add(Dimension.DIMENSIONLESS, 0.01, "%", "percent");
    }

    private Units() {
    }

    private static void time(String symbol, double factor, String... aliases) {
        add(Dimension.TIME, factor, symbol, aliases);
    }

    private static void conc(String symbol, double factor, String... aliases) {
        add(Dimension.CONCENTRATION, factor, symbol, aliases);
    }

    private static void add(Dimension d, double factor, String symbol, String... aliases) {
        Unit u = new Unit(symbol, d, factor);
        UNITS.put(symbol, u);
        for (String a : aliases) {
            UNITS.put(a, u);
        }
    }

    /** The unit with this spelling, or null. */
    public static Unit unit(String symbol) {
        return UNITS.get(symbol.trim());
    }

    /** Every accepted spelling of units of a dimension, for error messages. */
    public static List<String> accepted(Dimension d) {
        List<String> out = new ArrayList<>();
        UNITS.forEach((k, u) -> {
            if (u.dimension() == d) {
                out.add(k);
            }
        });
        return Collections.unmodifiableList(out);
    }

    /**
     * Parses "12 nM", "7.5 molecules/cell/s", "1e-3" (a bare number is dimensionless).
     *
     * @throws IllegalArgumentException with a message listing what is accepted
     */
    public static Quantity parse(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
            if ((s.charAt(i) == 'e' || s.charAt(i) == 'E') && (i == 0 || i + 1 >= s.length()
                    || "+-0123456789".indexOf(s.charAt(i + 1)) < 0)) {
                break;
            }
            i++;
        }
        String number = s.substring(0, i);
        String unit = s.substring(i).trim();
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number with a unit (e.g. '12 nM'), got '" + text + "'");
        }
        if (unit.isEmpty()) {
            return new Quantity(value, UNITS.get("1"));
        }
        Unit u = unit(unit);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' in '" + text + "'; known: "
                    + String.join(", ", UNITS.keySet()));
        }
        return new Quantity(value, u);
    }

    /** Parses a quantity that must have the given dimension; a bare number is taken in the canonical unit. */
    public static double parseAs(String text, Dimension d) {
        Quantity q = parse(text);
        if (q.dimension() == Dimension.DIMENSIONLESS && q.unit().toCanonical() == 1 && d != Dimension.DIMENSIONLESS
                && text.trim().matches("[-+.0-9eE]+")) {
            return q.value();
        }
        if (q.dimension() != d) {
            throw new IllegalArgumentException("'" + text + "' is a " + q.dimension().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ", expected a " + d.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " (e.g. " + String.join(", ", accepted(d).subList(0, Math.min(4, accepted(d).size()))) + ")");
        }
        return q.canonical();
    }

    /** Molecules per cell of a concentration (nM) in a volume per cell (L): n = c * 1e-9 * N_A * V. */
    public static double moleculesPerCell(double nanomolar, double litresPerCell) {
        return nanomolar * 1e-9 * AVOGADRO * litresPerCell;
    }
}
