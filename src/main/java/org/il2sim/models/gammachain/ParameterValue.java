package org.il2sim.models.gammachain;

/**
 * One value of a parameter set, with where it comes from.
 *
 * @param lower95 lower end of the posterior 95% interval, or NaN when the source gives none
 * @param upper95 upper end of the posterior 95% interval, or NaN
 * @param status how the value was obtained
 * @param source paper, code line or data file behind the value
 */
public record ParameterValue(String id, double value, String unit, double lower95, double upper95, Status status,
                             String source) {

    /** How a value was obtained. */
    public enum Status {
        /** fitted to data (posterior median) */
        FITTED,
        /** fixed from literature or by construction */
        FIXED,
        /** used by the anchor without being fitted or measured */
        PLACEHOLDER,
        /** an il2sim assumption where no source gives a value (the reason is in the source text) */
        ASSUMED,
        /** changed from the bundled value by the caller */
        OVERRIDDEN
    }

    public ParameterValue {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("parameter id must not be empty");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter '" + id + "': value must be finite, was " + value);
        }
    }

    /** True when the source gives a 95% interval. */
    public boolean hasInterval() {
        return !Double.isNaN(lower95) && !Double.isNaN(upper95);
    }

    /** This value replaced by {@code v}, marked as overridden (the unit is kept; the source says what it replaced). */
    public ParameterValue withValue(double v, String why) {
        return new ParameterValue(id, v, unit, Double.NaN, Double.NaN, Status.OVERRIDDEN,
                why + " (bundled value " + value + ", " + source + ")");
    }
}
