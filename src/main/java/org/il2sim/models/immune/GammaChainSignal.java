package org.il2sim.models.immune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.models.gammachain.DoseResponse;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;

/**
 * A reduction of the 62-state γc receptor model (Farhat et al. 2021; {@code models.gammachain}) to a Hill function of
 * the medium concentration, for population models whose cells need an IL-2 signal but not their receptor states:
 * X(c) = X_max·c^n/(EC50^n + c^n), the total active (βγ-containing) complexes per cell after constant exposure for a
 * read-out time. The three Hill constants are a least-squares fit to the full model on a log-spaced dose grid
 * (1e-5 to 1e3 nM). {@code GammaChainSignalTest} compares the reduction with the full model at doses off the grid.
 *
 * <p>Ligands: any {@link LigandDefinition} (IL-2, the "not-alpha" preset, muteins), and {@link #ALPHA_ONLY}, an IL-2
 * that cannot bind IL-2Rβ from the medium (the reverse rate k2 of L + IL-2Rβ ⇌ L·IL-2Rβ multiplied by a factor), so it
 * reaches IL-2Rβγ only after binding IL-2Rα: the JES6-1-type IL-2/anti-IL-2 complex.
 */
public final class GammaChainSignal {

    /** Name of the α-directed (JES6-1-type) ligand. */
    public static final String ALPHA_ONLY = "IL2_alphaOnly";
    /**
     * Dose grid of the fit: 1e-5 to 1e3 nM, four points per decade (above 1 µM the α-directed ligand starts to bind
     * IL-2Rβ directly, a rise no dose in these models reaches).
     */
    static final double[] DOSES = logGrid(1e-5, 1e3, 4);
    /** Search grid of the fit: log EC50 over the dose range in 360 steps, n from 0.3 to 3 in steps of 0.01. */
    private static final int FIT_EC50_STEPS = 360;
    private static final int FIT_N_STEPS = 270;
    private static final double FIT_N_MIN = 0.3;
    private static final double FIT_N_MAX = 3;

    /** A Hill reduction for one cell type and ligand. */
    public record Hill(String cell, String ligand, double readoutMinutes, double xMax, double ec50, double n) {
        /** Active complexes per cell at c nM. */
        public double at(double c) {
            double x = Math.pow(c / ec50, n);
            return xMax * x / (1 + x);
        }
    }

    /** Fits by key; guarded by the class lock (see {@link #of}). */
    private static final Map<String, Hill> CACHE = new HashMap<>();

    private GammaChainSignal() {
    }

    /**
     * The Hill reduction for a cell type of the Farhat receptor table (e.g. "Treg", "NK", "CD8Memory") and a ligand
     * name ({@link LigandDefinition#named} or {@link #ALPHA_ONLY}), at a read-out time (min), on the reference set.
     */
    public static synchronized Hill of(String cell, String ligand, double readoutMinutes, double alphaOnlyK2Factor) {
        // not computeIfAbsent: a thread of a fork-join pool that waits for the fit's own pool may run another task
        // of its pool that asks for the same fit (scenario conditions run in parallel); the monitor is reentrant, so
        // that nested call fits again instead of failing, and other threads wait
        String key = cell + "|" + ligand + "|" + readoutMinutes + "|" + alphaOnlyK2Factor;
        Hill h = CACHE.get(key);
        if (h == null) {
            h = fit(cell, ligand, readoutMinutes, alphaOnlyK2Factor);
            CACHE.put(key, h);
        }
        return h;
    }

    /** The full model's active complexes per cell at each dose (nM) after readoutMinutes of constant exposure. */
    public static double[] full(String cell, String ligand, double readoutMinutes, double alphaOnlyK2Factor,
                                double[] doses) {
        ParameterSet set = ParameterSet.reference();
        LigandDefinition l;
        if (ALPHA_ONLY.equals(ligand)) {
            l = LigandDefinition.named("IL2");
            set = set.with("k2", set.value("k2") * alphaOnlyK2Factor);
        } else {
            l = LigandDefinition.named(ligand);
        }
        List<DoseResponse.Point> pts = DoseResponse.run(List.of(cell), List.of(l), doses,
                new double[] {readoutMinutes}, set, Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10),
                Parallel.cores());
        double[] x = new double[doses.length];
        for (int i = 0; i < doses.length; i++) {
            x[i] = pts.get(i).activeComplexes();
        }
        return x;
    }

    /**
     * Least squares over the grid: for each (EC50, n) on a fine grid the best X_max is linear,
     * Σ x·h / Σ h² with h = c^n/(EC50^n + c^n); the (EC50, n) with the smallest residual wins. Absolute residuals, so
     * the fit is best where the signal is large, which is what a population model reads.
     */
    static Hill fit(String cell, String ligand, double readoutMinutes, double alphaOnlyK2Factor) {
        double[] x = full(cell, ligand, readoutMinutes, alphaOnlyK2Factor, DOSES);
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        double[] logC = new double[DOSES.length];
        for (int i = 0; i < DOSES.length; i++) {
            logC[i] = Math.log(DOSES[i]);
        }
        for (int a = 0; a <= FIT_EC50_STEPS; a++) {
            double logEc50 = logC[0] + (logC[logC.length - 1] - logC[0]) * a / FIT_EC50_STEPS;
            for (int b = 0; b <= FIT_N_STEPS; b++) {
                double n = FIT_N_MIN + (FIT_N_MAX - FIT_N_MIN) * b / FIT_N_STEPS;
                double sxh = 0;
                double shh = 0;
                double[] h = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    h[i] = 1 / (1 + Math.exp(-n * (logC[i] - logEc50)));
                    sxh += x[i] * h[i];
                    shh += h[i] * h[i];
                }
                double xMax = sxh / shh;
                double r = 0;
                for (int i = 0; i < x.length; i++) {
                    double d = x[i] - xMax * h[i];
                    r += d * d;
                }
                if (r < best) {
                    best = r;
                    arg = new double[] {xMax, Math.exp(logEc50), n};
                }
            }
        }
        return new Hill(cell, ligand, readoutMinutes, arg[0], arg[1], arg[2]);
    }

    static double[] logGrid(double from, double to, int perDecade) {
        int n = (int) Math.round(Math.log10(to / from) * perDecade);
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = from * Math.pow(10, (double) i / perDecade);
        }
        return out;
    }
}
