package org.il2sim.models.gammachain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Surface receptor abundances of one cell type (#/cell), the model's cell-type input: synthesis rates and the initial
 * state follow from them (§2.3 of the reference). A cell line fitted by its synthesis rates (YT-1, §4.2) gives those
 * instead: they are then used as they are, and its abundances are the no-ligand steady state they imply.
 *
 * @param cellType il2sim's cell-type id, e.g. "Treg"
 * @param source where the counts come from
 * @param synthesisRates fixed synthesis rates (#/cell/min) by receptor, for cells fitted by their rates; empty for
 *                       cells given by measured abundances
 */
public record ReceptorAbundances(String cellType, Map<Receptor, Double> counts, String source,
                                 Map<Receptor, Double> synthesisRates) {

    public ReceptorAbundances(String cellType, Map<Receptor, Double> counts, String source) {
        this(cellType, counts, source, Map.of());
    }

    public ReceptorAbundances {
        for (Map.Entry<Receptor, Double> e : synthesisRates.entrySet()) {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException(cellType + ": synthesis rate of " + e.getKey()
                        + " must be >= 0, was " + e.getValue());
            }
        }
        synthesisRates = synthesisRates.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(synthesisRates));
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

    /** True when the receptor's synthesis rate is fixed (a fitted cell line) rather than derived from its count. */
    public boolean hasFixedSynthesis(Receptor r) {
        return synthesisRates.containsKey(r);
    }

    /** A copy with one abundance changed (a fixed synthesis rate of that receptor is dropped: the count rules). */
    public ReceptorAbundances with(Receptor r, double count) {
        EnumMap<Receptor, Double> c = new EnumMap<>(counts);
        c.put(r, count);
        Map<Receptor, Double> rates = new java.util.HashMap<>(synthesisRates);
        rates.remove(r);
        return new ReceptorAbundances(cellType, c, source + "; " + r + " set to " + count, rates);
    }
}
