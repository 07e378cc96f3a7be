package org.il2sim.models.gammachain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Surface receptor abundances of one cell type (#/cell), the model's cell-type input: synthesis rates and the initial
 * state follow from them (§2.3 of the reference).
 *
 * @param cellType il2sim's cell-type id, e.g. "Treg"
 * @param source where the counts come from
 */
public record ReceptorAbundances(String cellType, Map<Receptor, Double> counts, String source) {

    public ReceptorAbundances {
        EnumMap<Receptor, Double> full = new EnumMap<>(Receptor.class);
        for (Receptor r : Receptor.values()) {
            double n = counts.getOrDefault(r, 0.0);
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException(cellType + ": abundance of " + r + " must be >= 0, was " + n);
            }
            full.put(r, n);
        }
        counts = Collections.unmodifiableMap(full);
    }

    /** Abundance of a receptor (0 when not given). */
    public double count(Receptor r) {
        return counts.get(r);
    }

    /** A copy with one abundance changed. */
    public ReceptorAbundances with(Receptor r, double count) {
        EnumMap<Receptor, Double> c = new EnumMap<>(counts);
        c.put(r, count);
        return new ReceptorAbundances(cellType, c, source + "; " + r + " set to " + count);
    }
}
