package org.il2sim.models.immune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.ReceptorTables;

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
 *
 * <p>Uptake: the same runs give the cell's net uptake of ligand from the medium (molecules·cell⁻¹·min⁻¹) after the
 * read-out time, the sum of the net fluxes of the surface reactions that take free ligand (binding minus dissociation;
 * immune-models.md §6 item 2). Internalised ligand is not returned to the medium in the γc model (it leaves the
 * endosome only by degradation), so at quasi-steady state this equals the ligand degraded by the cell. It is reduced to
 * two saturable routes ({@link TwoSite}, {@link #uptake}), linear at low ligand as binding is, for population models
 * that let the cells consume a shared pool; {@code UptakeReductionVsCoCultureTest} checks it against the direct
 * coupling of the full model to a shared medium.
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
    /** Steps per decade of the two-site uptake fit's search over K1 and K2. */
    private static final int TWO_SITE_STEPS_PER_DECADE = 20;

    /** A Hill reduction for one cell type and ligand. */
    public record Hill(String cell, String ligand, double readoutMinutes, double xMax, double ec50, double n) {
        /** Active complexes per cell at c nM. */
        public double at(double c) {
            double x = Math.pow(c / ec50, n);
            return xMax * x / (1 + x);
        }
    }

    /**
     * The net uptake of ligand from the medium reduced to two saturable sites, J(c) = J1·c/(K1 + c) + J2·c/(K2 + c)
     * (molecules·cell⁻¹·min⁻¹, c in nM; K1 ≤ K2): a high-affinity and a low-affinity route (e.g. IL-2Rαβγ and IL-2Rβγ
     * or IL-2Rα). The form is linear at c → 0, as binding to free receptors is, so a depleting pool decays
     * exponentially at a finite rate; a single Hill function with n ≠ 1 is not (n < 1 drives the pool to 0 in finite
     * time, n > 1 leaves it untouched).
     */
    public record TwoSite(String cell, String ligand, double readoutMinutes, double j1, double k1, double j2,
                          double k2) {
        /** Uptake per cell at c nM. */
        public double at(double c) {
            return j1 * c / (k1 + c) + j2 * c / (k2 + c);
        }

        /** Uptake at saturation, J1 + J2. */
        public double max() {
            return j1 + j2;
        }
    }

    /** Fits by key; guarded by the class lock (see {@link #of}). */
    private static final Map<String, Hill> CACHE = new HashMap<>();
    /** Uptake fits by the same key; guarded by the class lock. */
    private static final Map<String, TwoSite> UPTAKE_CACHE = new HashMap<>();
    /** Id of the net-uptake read-out added to the full model. */
    static final String UPTAKE = "ligand_uptake";

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
            double[][] x = fullWithUptake(cell, ligand, readoutMinutes, alphaOnlyK2Factor, DOSES);
            h = fit(cell, ligand, readoutMinutes, x[0]);
            CACHE.put(key, h);
            UPTAKE_CACHE.put(key, fitTwoSite(cell, ligand, readoutMinutes, x[1]));
        }
        return h;
    }

    /**
     * The two-site reduction of the cell's net ligand uptake from the medium (molecules·cell⁻¹·min⁻¹), fitted on the
     * same runs as {@link #of}.
     */
    public static synchronized TwoSite uptake(String cell, String ligand, double readoutMinutes,
                                           double alphaOnlyK2Factor) {
        of(cell, ligand, readoutMinutes, alphaOnlyK2Factor);
        return UPTAKE_CACHE.get(cell + "|" + ligand + "|" + readoutMinutes + "|" + alphaOnlyK2Factor);
    }

    /** The full model's active complexes per cell at each dose (nM) after readoutMinutes of constant exposure. */
    public static double[] full(String cell, String ligand, double readoutMinutes, double alphaOnlyK2Factor,
                                double[] doses) {
        return fullWithUptake(cell, ligand, readoutMinutes, alphaOnlyK2Factor, doses)[0];
    }

    /**
     * The full model at each dose (nM) after readoutMinutes of constant exposure: [0] active complexes per cell,
     * [1] net uptake of ligand from the medium (molecules·cell⁻¹·min⁻¹).
     */
    public static double[][] fullWithUptake(String cell, String ligand, double readoutMinutes,
                                            double alphaOnlyK2Factor, double[] doses) {
        ParameterSet set = ParameterSet.reference();
        LigandDefinition l;
        if (ALPHA_ONLY.equals(ligand)) {
            l = LigandDefinition.named("IL2");
            set = set.with("k2", set.value("k2") * alphaOnlyK2Factor);
        } else {
            l = LigandDefinition.named(ligand);
        }
        String medium = l.base().mediumParameter();
        ReactionNetwork n = withUptake(GammaChainModel.build(ReceptorTables.cell(cell), Map.of(l.base(), 0.0),
                l.apply(set)), medium);
        CompiledModel base = CompiledModel.compile(n);
        Tolerances tol = Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10);
        double[][] out = new double[2][doses.length];
        Parallel.forEach(doses.length, Parallel.cores(), i -> {
            CompiledModel m = base.withValues(Map.of(medium, doses[i]));
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tol, new double[] {0, readoutMinutes},
                    List.of(m.readout(GammaChainModel.ACTIVE_COMPLEXES, false), m.readout(UPTAKE, false)), true);
            out[0][i] = rows[1][0];
            out[1][i] = rows[1][1];
        });
        return out;
    }

    /**
     * The network with an assignment rule {@value #UPTAKE}: the sum of the rates of the reactions whose rate law
     * reads the medium ligand (the surface binding reactions, each written as the net flux k_on·L·R − k_off·LR in
     * molecules per cell per minute; the surface compartment is one cell).
     */
    static ReactionNetwork withUptake(ReactionNetwork n, String mediumParameter) {
        List<Expr> fluxes = new ArrayList<>();
        for (Reaction r : n.reactions()) {
            if (r.rate() != null && Exprs.symbols(r.rate()).contains(mediumParameter)) {
                fluxes.add(r.rate());
            }
        }
        if (fluxes.isEmpty()) {
            throw new IllegalStateException("no reaction reads " + mediumParameter);
        }
        Expr sum = fluxes.size() == 1 ? fluxes.get(0) : new Expr.Apply(Op.PLUS, fluxes);
        List<Parameter> parameters = new ArrayList<>(n.parameters());
        parameters.add(new Parameter(UPTAKE, "net uptake of ligand from the medium", Double.NaN, false,
                "molecules/cell/min", "sum of the net surface binding fluxes of the medium ligand (assignment rule)"));
        List<Rule> rules = new ArrayList<>(n.rules());
        rules.add(new Rule.Assignment(UPTAKE, sum));
        return new ReactionNetwork(n.id(), n.name(), n.compartments(), n.species(), parameters, n.reactions(), rules,
                n.initialAssignments(), n.functions(), n.events(), n.conversionFactor());
    }

    /**
     * Least squares over the grid: for each (EC50, n) on a fine grid the best X_max is linear,
     * Σ x·h / Σ h² with h = c^n/(EC50^n + c^n); the (EC50, n) with the smallest residual wins. The residuals are
     * absolute, so the fit is best where the signal is large, which is what a population model reads.
     */
    static Hill fit(String cell, String ligand, double readoutMinutes, double[] x) {
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

    /**
     * Least squares with relative weights 1/J² (the pool's decay rate is Σ N·J/c, so what matters is J relative to
     * its value at every concentration, the lowest included): for each pair K1 ≤ K2 on a log grid from a hundredth of
     * the lowest to a hundred times the highest dose ({@value #TWO_SITE_STEPS_PER_DECADE} per decade) the best
     * J1, J2 ≥ 0 are linear (a 2 × 2 normal system, or one site alone where the pair would need a negative one);
     * the pair with the smallest residual wins.
     */
    static TwoSite fitTwoSite(String cell, String ligand, double readoutMinutes, double[] uptake) {
        double[] grid = logGrid(DOSES[0] / 100, DOSES[DOSES.length - 1] * 100, TWO_SITE_STEPS_PER_DECADE);
        int m = DOSES.length;
        double top = 0;
        for (double v : uptake) {
            top = Math.max(top, v);
        }
        // fitted relative to the largest uptake, so that the weights 1/x² stay finite for any scale
        double[] x = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = uptake[i] / top;
            if (!(x[i] > 0) || !Double.isFinite(x[i])) {
                throw new IllegalStateException(cell + " " + ligand + ": no positive finite uptake at " + DOSES[i]
                        + " nM (" + uptake[i] + "), so the two-site reduction does not apply");
            }
            w[i] = 1 / (x[i] * x[i]);
        }
        double[][] sites = new double[grid.length][m];
        for (int a = 0; a < grid.length; a++) {
            for (int i = 0; i < m; i++) {
                sites[a][i] = DOSES[i] / (grid[a] + DOSES[i]);
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        for (int a = 0; a < grid.length; a++) {
            for (int b = a; b < grid.length; b++) {
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                double sxa = 0;
                double sxb = 0;
                for (int i = 0; i < m; i++) {
                    double ha = sites[a][i];
                    double hb = sites[b][i];
                    saa += w[i] * ha * ha;
                    sbb += w[i] * hb * hb;
                    sab += w[i] * ha * hb;
                    sxa += w[i] * x[i] * ha;
                    sxb += w[i] * x[i] * hb;
                }
                double det = saa * sbb - sab * sab;
                double ja = det > 1e-12 * saa * sbb ? (sxa * sbb - sxb * sab) / det : -1;
                double jb = det > 1e-12 * saa * sbb ? (sxb * saa - sxa * sab) / det : -1;
                if (!(ja >= 0 && jb >= 0)) { // one site alone: the better of the two
                    double onlyA = sxa / saa;
                    double onlyB = sxb / sbb;
                    if (residual(x, w, sites[a], onlyA, sites[b], 0) <= residual(x, w, sites[a], 0, sites[b], onlyB)) {
                        ja = onlyA;
                        jb = 0;
                    } else {
                        ja = 0;
                        jb = onlyB;
                    }
                }
                double r = residual(x, w, sites[a], ja, sites[b], jb);
                if (r < best) {
                    best = r;
                    arg = new double[] {ja, grid[a], jb, grid[b]};
                }
            }
        }
        if (arg == null) {
            throw new IllegalStateException(cell + " " + ligand + ": the two-site uptake fit found no finite solution");
        }
        return new TwoSite(cell, ligand, readoutMinutes, arg[0] * top, arg[1], arg[2] * top, arg[3]);
    }

    private static double residual(double[] x, double[] w, double[] ha, double ja, double[] hb, double jb) {
        double r = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - ja * ha[i] - jb * hb[i];
            r += w[i] * d * d;
        }
        return r;
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
