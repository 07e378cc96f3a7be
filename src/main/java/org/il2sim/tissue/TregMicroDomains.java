package org.il2sim.tissue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.units.Units;
import org.il2sim.models.immune.LymphNodeModel;
import org.il2sim.models.immune.ParameterTable;

/**
 * Scenario B4 in space (docs/tissue.md, "Treg micro-domains"): the well-mixed lymph-node patch of
 * {@link LymphNodeModel} (Tkach 2014 receptors per cell, Treg suppression, IL-2-driven division and death) with
 * every Treg and every activated self-reactive cell an agent in a voxel of a periodic box, and IL-2 a field on a
 * {@link DiffusionGrid} that the agents secrete into and bind from. Self-reactive naive cells circulate (a count,
 * not agents) and are primed at antigen-presenting cells fixed at random voxels; a primed cell stays there, and its
 * daughters take the nearest free voxels, so clones grow as clusters around their APC. A Treg suppresses the
 * cells and APCs it touches (within {@code contact_radius}), so whether a cluster is controlled depends on the
 * Tregs that have reached its APC and on the IL-2 they take up before it reaches the cluster: Liu 2015's and Wong
 * 2021's micro-domains (immune-parameters.md S7, S8). With {@code foreign_antigen} 1 a foreign-reactive clone joins
 * them (B4's strong antigen, on the same APCs from t = 0 to {@code t_foreign_antigen}): its cells are agents too, with
 * their own engaged TCR, Tkach crosstalk, shut-off and Boost.
 *
 * <p>Per step Δt ({@code time_step}): (1) per cell, pre-assembled receptors R = C(α, β, K_R), pSTAT5, IL-2 signal S
 * and the suppression g in its voxel; (2) secretion and binding capacity into the grid's sources and first-order
 * uptake (molecules/min per nM in the voxel); (3) one backward-Euler step of the field, in which the uptake is
 * implicit; (4) each cell binds capacity·c⁺·Δt, exactly what the field lost in its voxel, with the capacity
 * free·(1 − e^{−k_on·c·Δt})/(c·Δt) (k_on·free while k_on·c·Δt is small; c at the step's start), per receptor kind
 * (binding beyond the free receptors is returned to the voxel), internalises implicitly, and relaxes its receptor
 * expression exactly over Δt; (5) division and death by chance, with rates from the well-mixed model; (6) priming,
 * naive death and thymic output by chance; (7) with Treg_motility > 0 and in space, Tregs hop to free face
 * neighbours, except (Treg_arrest 1) those touching an APC, which their TCR holds (Liu 2015), so Tregs gather on the
 * APCs. Agents are held in flat arrays (structure of arrays) so the same code can carry 10⁵–10⁶ cells.
 *
 * <p>Every IL-2 molecule is accounted for: in the field, bound, internalised, cleared, or lost with dying cells
 * ({@link Run#il2Balance()}).
 */
public final class TregMicroDomains {

    /** Read-outs, in the order of {@link Run#row}; ids as scenarios name them. */
    public static final List<String> OUTPUTS = List.of("IL2_pM", "IL2_pM_max", "Treg", "self_naive", "self_active",
            "self_total", "foreign_naive", "foreign_active", "foreign_total", "Treg_pSTAT5", "self_pSTAT5",
            "foreign_pSTAT5", "Treg_pSTAT5_share", "self_suppression", "self_primed_total", "foreign_primed_total",
            "clusters_over_10", "divisions_blocked", "Treg_at_APC");
    private static final Map<String, String> UNITS = units();

    private static final byte TREG = 0;
    private static final byte SELF = 1;
    private static final byte FOREIGN = 2;
    private static final int APC = -2;
    private static final int FREE = -1;
    /** Self-reactive cells within this Chebyshev distance (voxels) of an APC count towards its cluster. */
    static final int CLUSTER_REACH = 3;
    /** A cluster of at least this many activated self-reactive cells has escaped control (read-out only). */
    static final int CLUSTER_ESCAPED = 10;
    /** Largest mean drawn by the product method in one go. */
    private static final double POISSON_CHUNK = 30;
    /** Bounds of time_step (min): below, runs take too many steps; above, priming and fates lose their timing. */
    static final double MIN_TIME_STEP = 1e-3;
    static final double MAX_TIME_STEP = 60;
    /** Largest box side (voxels): 200³ voxels need about 650 MB per replicate. */
    static final int MAX_BOX_VOXELS = 200;
    /** Shares, switches and mixing weights: from 0 to 1. */
    private static final List<String> FRACTIONS = List.of("suppression_needs_STAT5", "TCR_division_share",
            "division_inputs_add", "TCR_survival", "fate_TCR_inhibition", "secretion_shutoff",
            "suppressed_priming_tolerises", "Treg_at_APC_fraction", "thymic_Treg_fraction", "thymic_self_fraction",
            "foreign_secretion_shutoff");
    /** Values that must be above 0 (others may be 0). */
    private static final List<String> POSITIVE = List.of("V_patch", "voxel_edge", "t_half_R", "t_half_endo",
            "t_half_clear", "CD4_doubling", "t_activation", "K_R", "K_P", "tau", "B_tot", "K_S", "K_S_Treg",
            "field_tolerance", "R50_contact", "K_TCR_division");

    private TregMicroDomains() {
    }

    /** The bundled values: lymph-node.tsv with the micro-domain overlay, plus the spatial values. */
    public static ParameterTable defaults() {
        return LymphNodeModel.defaults().overlaid("treg-micro-domains-overlay.tsv").without(NOT_READ)
                .extended("treg-micro-domains.tsv");
    }

    /**
     * Values of lymph-node.tsv the agents do not read: the well-mixed R50 (replaced by R50_contact) and the
     * populations' numerical floor. Left out, so that scenarios cannot set them to no effect.
     */
    static final List<String> NOT_READ = List.of("R50", "cell_floor");

    /** Name of the built-in model in scenarios. */
    public static final String MODEL_NAME = "treg-micro-domains";

    /**
     * The values as a network of parameters alone (no species, no reactions), so that scenarios set and check them,
     * and reports and {@code il2sim models show} list them with unit and source, as for any built-in model.
     */
    public static ReactionNetwork parameterNetwork(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("treg_micro_domains").name("Tregs and self- and foreign-reactive CD4 T "
                + "cells as agents in a lymph-node patch, IL-2 diffusing between them (B4 in space; docs/tissue.md); "
                + "time in min");
        p.parameters().forEach(b::add);
        return b.build();
    }

    /** The values of {@link #defaults()} with those a (scenario-edited) parameter network holds instead. */
    public static ParameterTable fromNetwork(ReactionNetwork n) {
        ParameterTable p = defaults();
        for (Parameter q : n.parameters()) {
            if (p.contains(q.id()) && p.value(q.id()) != q.value()) {
                p = p.with(q.id(), q.value(), "set by the scenario");
            }
        }
        return p;
    }

    /** Unit of a read-out, or "" for an unknown id. */
    public static String unitOf(String output) {
        return UNITS.getOrDefault(output, "");
    }

    private static Map<String, String> units() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("IL2_pM", "pM");
        m.put("IL2_pM_max", "pM");
        for (String c : List.of("Treg", "self_naive", "self_active", "self_total", "self_primed_total",
                "foreign_naive", "foreign_active", "foreign_total", "foreign_primed_total")) {
            m.put(c, "cells");
        }
        m.put("clusters_over_10", "APCs");
        m.put("divisions_blocked", "divisions");
        m.put("Treg_at_APC", "1");
        for (String c : List.of("Treg_pSTAT5", "self_pSTAT5", "foreign_pSTAT5", "Treg_pSTAT5_share",
                "self_suppression")) {
            m.put(c, "1");
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Runs the patch from t = 0 and samples every read-out at each of {@code times} (min, ascending, ≥ 0).
     *
     * @param progress receives the fraction done; may be null
     * @return values[time][read-out], read-outs in the order of {@link #OUTPUTS}
     */
    public static Run run(ParameterTable p, double[] times, RandomGenerator random,
                          java.util.function.DoubleConsumer progress) {
        Run run = new Run(p, random);
        double[][] out = new double[times.length][];
        double dt = p.value("time_step");
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException("output times must ascend: " + times[i - 1] + " then " + times[i]);
            }
            while (run.time < times[i] - 1e-9 * Math.max(1, times[i])) {
                run.step(Math.min(dt, times[i] - run.time));
                if (progress != null && tEnd > 0) {
                    progress.accept(run.time / tEnd);
                }
            }
            out[i] = run.row();
        }
        run.samples = out;
        return run;
    }

    /**
     * Checks the values as a run would, without running: throws {@link IllegalArgumentException} naming the first
     * bad value (so that callers can report it before starting replicates in parallel).
     */
    public static void check(ParameterTable p) {
        new Run(p, new java.util.SplittableRandom(0));
    }

    /** One run: the state while it advances, then its samples. */
    public static final class Run {
        final ParameterTable p;
        private final RandomGenerator random;
        private final DiffusionGrid grid;
        private final int n;
        private final double h;
        /** molecules per nM in one voxel */
        private final double moleculesPerNm;
        private final int[] occupant;
        private final int[] apcs;
        private final double[] suppressors;
        private double time;
        private double[][] samples;

        // agents, structure of arrays
        private int cells;
        private byte[] kind = new byte[64];
        private int[] voxel = new int[64];
        private double[] alpha = new double[64];
        private double[] beta = new double[64];
        private double[] bound = new double[64];
        private double[] boundBg = new double[64];
        private double[] boost = new double[64];
        /** index in apcs of the APC a conventional cell (or its ancestor) was primed on; -1 for Tregs */
        private int[] apcOf = new int[64];
        /** divisions since priming (conventional cells; the counted destiny) */
        private int[] generation = new int[64];
        // per-step scratch, per agent
        private double[] pstat5 = new double[64];
        private double[] signal = new double[64];
        private double[] free = new double[64];
        private double[] freeBg = new double[64];
        private double[] capacity = new double[64];
        private double[] capacityBg = new double[64];

        private int selfNaive;
        private int foreignNaive;
        private long primedTotal;
        private long foreignPrimedTotal;
        private long divisionsBlocked;
        private double il2Secreted;
        private double il2Internalised;
        private double il2LostWithCells;
        private double il2Cleared;

        // derived constants
        private final double kR;
        private final double kEndo;
        private final double kClear;
        private final double pMax;
        private final double r50Contact;
        /** The contact neighbourhood's share of the box. */
        private final double contactShare;
        private final double patchScale;
        private final double selfEngaged;
        /** Engaged TCR of a foreign-reactive cell while the foreign antigen is present (0 without the antigen). */
        private final double foreignEngagedWithAntigen;
        private final double foreignAntigenEnd;
        private final double hopRate;
        /** APCs within contact_radius of each voxel (> 0: a Treg there touches an APC). */
        private final double[] apcsTouching;
        /** Treg_arrest 1: a Treg touching an APC is held by its TCR and does not hop. */
        private final boolean tregArrest;
        private final int radius;
        private final boolean wellMixed;
        private final boolean apcSite;
        private double totalSuppressors;
        // read once: the table is a map, and these are read per agent and step (a quarter of the run time before)
        private final double tau;
        private final double selfShutoff;
        private final double foreignShutoff;
        private final double selfBoostFold;
        private final double foreignBoostFold;
        private final double repressionFloor;
        private final double sigmaP;
        private final double kProd;
        private final double boostTotal;
        private final double secretionHill;
        private final double tregCd25;
        private final double alphaTreg;
        private final double alphaStat;
        private final double cd122;
        private final double betaTreg;
        private final double convCd25;
        private final double alphaTcr;
        private final double beta0;
        private final double betaMax;
        private final double kTB;
        private final double kBB;
        private final double dTregMin;
        private final double destinyTcrGenerations;
        private final double destinyIl2Generations;
        private final double kTcrDivision;
        private final double tcrSurvival;
        private final double dSignalled;
        /** Treg_counted_destiny 1: a Treg divides within an IL-2 destiny of N_IL2·S generations (an option). */
        private final boolean tregCounted;

        Run(ParameterTable p, RandomGenerator random) {
            this.p = p;
            this.random = random;
            for (Parameter q : p.parameters()) {
                if (!Double.isFinite(q.value()) || q.value() < 0) {
                    throw new IllegalArgumentException(q.id() + " must be finite and not negative, got " + q.value());
                }
            }
            for (String id : FRACTIONS) {
                if (p.value(id) > 1) {
                    throw new IllegalArgumentException(id + " must be from 0 to 1, got " + p.value(id));
                }
            }
            for (String id : POSITIVE) {
                if (!(p.value(id) > 0)) {
                    throw new IllegalArgumentException(id + " must be positive, got " + p.value(id));
                }
            }
            tau = p.value("tau");
            selfShutoff = p.value("secretion_shutoff");
            foreignShutoff = p.value("foreign_secretion_shutoff");
            selfBoostFold = p.value("boost_fold");
            foreignBoostFold = p.value("foreign_boost_fold");
            repressionFloor = p.value("E_repression_floor");
            sigmaP = p.value("sigma_P");
            kProd = p.value("k_prod");
            boostTotal = p.value("B_tot");
            secretionHill = p.value("secretion_switch_hill");
            tregCd25 = p.value("Treg_CD25");
            alphaTreg = p.value("alpha_Treg");
            alphaStat = p.value("alpha_STAT");
            cd122 = p.value("CD122");
            betaTreg = p.value("beta_Treg");
            convCd25 = p.value("conv_CD25");
            alphaTcr = p.value("alpha_TCR");
            beta0 = p.value("beta_0");
            betaMax = p.value("beta_max");
            kTB = p.value("k_TB");
            kBB = p.value("k_BB");
            dTregMin = p.value("d_Treg_min");
            destinyTcrGenerations = p.value("destiny_TCR_generations");
            destinyIl2Generations = p.value("destiny_IL2_generations");
            kTcrDivision = p.value("K_TCR_division");
            tcrSurvival = p.value("TCR_survival");
            dSignalled = p.value("d_signalled");
            if (p.value("time_step") < MIN_TIME_STEP || p.value("time_step") > MAX_TIME_STEP) {
                throw new IllegalArgumentException("time_step must be from " + MIN_TIME_STEP + " to " + MAX_TIME_STEP
                        + " min, got " + p.value("time_step"));
            }
            n = (int) Math.round(p.value("box_voxels"));
            h = p.value("voxel_edge");
            if (n < 3 || n > MAX_BOX_VOXELS || n != p.value("box_voxels")) {
                throw new IllegalArgumentException("box_voxels must be a whole number from 3 to " + MAX_BOX_VOXELS
                        + " (memory: about 80 bytes per voxel per replicate), got " + p.value("box_voxels"));
            }
            double voxelUm3 = h * h * h;
            // 1 µm³ = 1e-15 L; 1 nM = 1e-9 mol/L
            moleculesPerNm = voxelUm3 * 1e-15 * 1e-9 * Units.AVOGADRO;
            kR = Math.log(2) / p.value("t_half_R");
            kEndo = Math.log(2) / p.value("t_half_endo");
            kClear = Math.log(2) / p.value("t_half_clear");
            pMax = Math.log(2) / p.value("CD4_doubling");
            radius = (int) Math.round(p.value("contact_radius"));
            if (radius < 0 || radius != p.value("contact_radius") || 2 * radius + 1 > n) {
                throw new IllegalArgumentException("contact_radius must be a whole number of voxels from 0 to "
                        + (n - 1) / 2 + ", got " + p.value("contact_radius"));
            }
            double patchUm3 = p.value("V_patch") * 1e15;   // L → µm³
            double boxUm3 = (double) n * n * n * voxelUm3;
            patchScale = boxUm3 / patchUm3;
            double side = 2 * radius + 1;
            contactShare = side * side * side / ((double) n * n * n);
            r50Contact = p.value("R50_contact");
            if (!(r50Contact > 0)) {
                throw new IllegalArgumentException("R50_contact must be positive (Tregs), got " + r50Contact);
            }
            selfEngaged = complex(p.value("n_TCR0"), p.value("pMHC_self"), p.value("K_TCR_self"));
            double infection = p.value("foreign_antigen");
            if (infection != 0 && infection != 1) {
                throw new IllegalArgumentException("foreign_antigen must be 0 (self antigen only) or 1 (a foreign "
                        + "clone and its antigen from t = 0), got " + infection);
            }
            foreignEngagedWithAntigen = complex(p.value("n_TCR0"), p.value("pMHC_foreign"), p.value("K_TCR_foreign"));
            foreignAntigenEnd = infection == 1 ? p.value("t_foreign_antigen") : 0;   // min, as every time value
            hopRate = 6 * p.value("Treg_motility") / (h * h);
            double mixed = p.value("well_mixed");
            if (mixed != 0 && mixed != 1) {
                throw new IllegalArgumentException("well_mixed must be 0 (space) or 1 (one IL-2 pool), got " + mixed);
            }
            wellMixed = mixed == 1;
            if (p.value("counted_destiny") != 0 && p.value("counted_destiny") != 1) {
                throw new IllegalArgumentException("counted_destiny must be 0 (rate model) or 1 (counted divisions), "
                        + "got " + p.value("counted_destiny"));
            }
            double tregDestiny = p.value("Treg_counted_destiny");
            if (tregDestiny != 0 && tregDestiny != 1) {
                throw new IllegalArgumentException("Treg_counted_destiny must be 0 (Tregs divide at p_max·S) or 1 "
                        + "(within N_IL2·S generations), got " + tregDestiny);
            }
            tregCounted = tregDestiny == 1;
            double site = p.value("suppression_site");
            if (site != 0 && site != 1) {
                throw new IllegalArgumentException("suppression_site must be 0 (the cell's contacts) or 1 (its APC's "
                        + "contacts), got " + site);
            }
            apcSite = site == 1;
            grid = new DiffusionGrid(n, n, n, h, p.value("D_IL2"), kClear + p.value("anti_IL2"), Boundary.PERIODIC,
                    TimeScheme.BACKWARD_EULER, p.value("field_tolerance"), DiffusionGrid.DEFAULT_MAX_ITERATIONS);
            occupant = new int[grid.size()];
            Arrays.fill(occupant, FREE);
            suppressors = new double[grid.size()];
            // cells/mL → per µm³ (1 mL = 1e12 µm³); counts compared as doubles before any cast, so that huge values
            // are refused instead of wrapping round
            double apcWanted = Math.rint(p.value("APC_density") * 1e-12 * boxUm3);
            double tregsWanted = Math.rint(p.value("Treg_0") * p.value("Treg_density") * patchScale);
            if (apcWanted < 1) {
                throw new IllegalArgumentException("APC_density gives no antigen-presenting cell in the box");
            }
            if (apcWanted + tregsWanted > occupant.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the box holds %d cells (one per "
                        + "voxel), but APC_density and Treg_0 x Treg_density ask for %.0f APCs and %.0f Tregs",
                        occupant.length, apcWanted, tregsWanted));
            }
            for (String id : List.of("self_naive_0", "foreign_naive_0")) {
                double naiveWanted = Math.rint(p.value(id) * patchScale);
                if (naiveWanted > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(id + " gives " + naiveWanted + " naive cells, more than "
                            + Integer.MAX_VALUE);
                }
            }
            int apcCount = (int) apcWanted;
            int tregs = (int) tregsWanted;
            apcs = new int[apcCount];
            for (int a = 0; a < apcCount; a++) {
                apcs[a] = randomFreeVoxel();
                occupant[apcs[a]] = APC;
            }
            double arrest = p.value("Treg_arrest");
            if (arrest != 0 && arrest != 1) {
                throw new IllegalArgumentException("Treg_arrest must be 0 (Tregs hop everywhere) or 1 (a Treg next to "
                        + "an antigen-presenting cell stays), got " + arrest);
            }
            tregArrest = arrest == 1;
            if (tregArrest && radius == 0) {
                throw new IllegalArgumentException("Treg_arrest 1 needs contact_radius of at least 1 (with 0 no Treg "
                        + "touches an APC, so none would stop); set Treg_arrest to 0");
            }
            apcsTouching = new double[occupant.length];
            for (int apc : apcs) {
                addAround(apcsTouching, apc, 1);
            }
            double held = p.value("Treg_at_APC_fraction");
            for (int k = 0; k < tregs; k++) {
                // Liu 2015: Tregs that see the self antigen sit on the APCs showing it
                int v = random.nextDouble() < held ? nearestFreeVoxel(apcs[random.nextInt(apcs.length)], 3) : -1;
                addTreg(v >= 0 ? v : randomFreeVoxel(), true);
            }
            selfNaive = (int) Math.round(p.value("self_naive_0") * patchScale);
            foreignNaive = infection == 1 ? (int) Math.round(p.value("foreign_naive_0") * patchScale) : 0;
        }

        /** Engaged TCR of a conventional cell of this kind now (the foreign antigen lasts to t_foreign_antigen). */
        private double engaged(byte k) {
            return k == SELF ? selfEngaged : time < foreignAntigenEnd ? foreignEngagedWithAntigen : 0;
        }

        /** Values of {@link #OUTPUTS} now. */
        double[] row() {
            double[] c = grid.concentrations();
            double sum = 0;
            double max = 0;
            for (double v : c) {
                sum += v;
                max = Math.max(max, v);
            }
            int tregs = 0;
            int tregsAtApc = 0;
            int active = 0;
            int foreign = 0;
            double tregP = 0;
            double selfP = 0;
            double foreignP = 0;
            double selfG = 0;
            updateSignals();
            for (int i = 0; i < cells; i++) {
                if (kind[i] == TREG) {
                    tregs++;
                    tregP += pstat5[i];
                    tregsAtApc += touchesApc(voxel[i]) ? 1 : 0;
                } else if (kind[i] == SELF) {
                    active++;
                    selfP += pstat5[i];
                    selfG += suppressionOf(i);
                } else {
                    foreign++;
                    foreignP += pstat5[i];
                }
            }
            double allP = tregP + selfP + foreignP;
            return new double[]{1e3 * sum / c.length, 1e3 * max, tregs, selfNaive, active, selfNaive + active,
                    foreignNaive, foreign, foreignNaive + foreign, tregs == 0 ? 0 : tregP / tregs,
                    active == 0 ? 0 : selfP / active, foreign == 0 ? 0 : foreignP / foreign,
                    allP > 0 ? tregP / allP : 0, active == 0 ? 1 : selfG / active, primedTotal, foreignPrimedTotal,
                    escapedClusters(), divisionsBlocked, tregs == 0 ? 0 : (double) tregsAtApc / tregs};
        }

        /** Output samples, values[time][read-out], once {@link #run} has finished. */
        public double[][] samples() {
            return samples;
        }

        /** Minutes simulated. */
        public double time() {
            return time;
        }

        /**
         * IL-2 molecules secreted since t = 0 minus those now in the field, bound, internalised, cleared or lost with
         * dying cells: 0 up to rounding and the field solve's tolerance.
         */
        public double il2Balance() {
            double field = grid.totalAmount() / (h * h * h) * moleculesPerNm;
            double onCells = 0;
            for (int i = 0; i < cells; i++) {
                onCells += bound[i] + boundBg[i];
            }
            return il2Secreted - field - onCells - il2Internalised - il2Cleared - il2LostWithCells;
        }

        /** IL-2 molecules secreted since t = 0. */
        public double il2Secreted() {
            return il2Secreted;
        }

        void step(double dt) {
            updateSignals();
            double[] source = grid.sources();
            double[] uptake = grid.uptakeRates();
            Arrays.fill(source, 0);
            Arrays.fill(uptake, 0);
            double kOn = p.value("k_on");
            double kOnBg = p.value("k_on_bg");
            double[] before = grid.concentrations();
            for (int i = 0; i < cells; i++) {
                int v = voxel[i];
                if (kind[i] != TREG) {
                    source[v] += secretion(i) / moleculesPerNm;
                }
                capacity[i] = bindingCapacity(kOn, free[i], before[v], dt);
                capacityBg[i] = bindingCapacity(kOnBg, freeBg[i], before[v], dt);
                uptake[v] += (capacity[i] + capacityBg[i]) / moleculesPerNm;
            }
            double secretedNow = 0;
            for (double s : source) {
                secretedNow += s;
            }
            secretedNow *= dt * moleculesPerNm;
            double[] c = grid.concentrations();
            if (wellMixed) {
                stepWellMixed(dt);
            } else {
                grid.step(dt);
            }
            il2Secreted += secretedNow;
            // backward Euler: decay (k_clear + anti_IL2) acted on the new field over the whole step
            double fieldNow = 0;
            for (double v : c) {
                fieldNow += v;
            }
            il2Cleared += grid.decayRate() * dt * fieldNow * moleculesPerNm;
            for (int i = 0; i < cells; i++) {
                int v = voxel[i];
                double b1 = capacity[i] * c[v] * dt;
                double b2 = capacityBg[i] * c[v] * dt;
                // Tkach's binding stops at the assembled receptors: what a long step binds beyond them goes back
                double excess = Math.max(0, b1 - free[i]) + Math.max(0, b2 - freeBg[i]);
                b1 = Math.min(b1, free[i]);
                b2 = Math.min(b2, freeBg[i]);
                c[v] += excess / moleculesPerNm;
                double x = (bound[i] + b1) / (1 + kEndo * dt);
                double xbg = (boundBg[i] + b2) / (1 + kEndo * dt);
                il2Internalised += bound[i] + b1 - x + boundBg[i] + b2 - xbg;
                bound[i] = x;
                boundBg[i] = xbg;
                relaxReceptors(i, dt);
            }
            if (wellMixed) {
                // what went back to single voxels is shared again: one pool
                Arrays.fill(c, meanOf(c));
            }
            // fates and priming read the engaged TCR at the step's start, as the signals did
            fates(dt);
            naiveAndThymus(dt);
            if (hopRate > 0 && !wellMixed) {   // well mixed, a place means nothing but room: Tregs stay
                hops(dt);
            }
            time += dt;
        }

        /**
         * Binding capacity of free receptors over a step (molecules/min per nM): k_on·free while k_on·c·Δt is small;
         * free·(1 − e^{−k_on·c·Δt})/(c·Δt) in general, with c the concentration at the step's start, so that a long
         * step at high IL-2 fills the free receptors instead of binding k_on·c·Δt times them (exact for binding at
         * constant c within the step, internalisation aside). The field then takes it up implicitly.
         */
        private static double bindingCapacity(double kOn, double free, double c, double dt) {
            double x = kOn * c * dt;
            return x < 1e-6 ? kOn * free : free * -Math.expm1(-x) / (c * dt);
        }

        private static double meanOf(double[] c) {
            double sum = 0;
            for (double v : c) {
                sum += v;
            }
            return sum / c.length;
        }

        /**
         * The well-mixed limit (well_mixed = 1): one IL-2 pool over the box, stepped by backward Euler like the field,
         * dc̄/dt = s̄ − (k + ū)·c̄ with the box means of sources and uptake.
         */
        private void stepWellMixed(double dt) {
            double[] c = grid.concentrations();
            double mean = 0;
            double source = 0;
            double uptake = 0;
            for (int v = 0; v < c.length; v++) {
                mean += c[v];
                source += grid.sources()[v];
                uptake += grid.uptakeRates()[v];
            }
            int size = c.length;
            double next = (mean / size + dt * source / size) / (1 + dt * (grid.decayRate() + uptake / size));
            Arrays.fill(c, next);
        }

        /** pSTAT5, IL-2 signal and free receptors of every agent, and the suppression field, from the state now. */
        private void updateSignals() {
            double kP = p.value("K_P");
            double kR0 = p.value("K_R");
            double hill = p.value("signal_hill");
            double ks = p.value("K_S");
            double ksTreg = p.value("K_S_Treg");
            double foreignEngaged = engaged(FOREIGN);
            double tcrFactor = 1 + p.value("sigma_TCR") * selfEngaged;
            double fateFactor = 1 + p.value("fate_TCR_inhibition") * p.value("sigma_TCR") * selfEngaged;
            double foreignTcrFactor = 1 + p.value("sigma_TCR") * foreignEngaged;
            double foreignFateFactor = 1 + p.value("fate_TCR_inhibition") * p.value("sigma_TCR") * foreignEngaged;
            double width = p.value("binding_kink_width");
            double u = p.value("suppression_needs_STAT5");
            Arrays.fill(suppressors, 0);
            totalSuppressors = 0;
            for (int i = 0; i < cells; i++) {
                double r = complex(alpha[i], beta[i], kR0);
                free[i] = softPositive(r - bound[i], width * r);
                double betaAlone = beta[i] - r;
                freeBg[i] = softPositive(betaAlone - boundBg[i], width * betaAlone);
                double y = bound[i] + boundBg[i];
                double occupancy = y / (kP + y);
                if (kind[i] == TREG) {
                    pstat5[i] = occupancy;
                    signal[i] = hill(occupancy, ksTreg, hill);
                    addAround(suppressors, voxel[i], 1 - u + u * signal[i]);
                    totalSuppressors += 1 - u + u * signal[i];
                } else if (kind[i] == SELF) {
                    pstat5[i] = occupancy / tcrFactor;
                    signal[i] = hill(occupancy / fateFactor, ks, hill);
                } else {
                    pstat5[i] = occupancy / foreignTcrFactor;
                    signal[i] = hill(occupancy / foreignFateFactor, ks, hill);
                }
            }
        }

        /**
         * g of a conventional (self- or foreign-reactive) cell: at its own voxel (suppression_site 0), or at the
         * voxel of the APC it was primed on (1: Tregs act on the APC, CTLA-4 removing CD80/86, so every cell that
         * APC stimulates is suppressed).
         */
        private double suppressionOf(int i) {
            return suppression(apcSite && apcOf[i] >= 0 ? apcs[apcOf[i]] : voxel[i]);
        }

        private double suppression(int v) {
            if (wellMixed) {
                // the mean field of the contact rule: every cell counts the box's mean number of Tregs per contact
                // neighbourhood (the well-mixed g = 1/(1 + Treg/R50) with R50 = R50_contact / contactShare)
                return 1 / (1 + totalSuppressors * contactShare / r50Contact);
            }
            return 1 / (1 + suppressors[v] / r50Contact);
        }

        /**
         * IL-2 secretion of a conventional cell (molecules/min). The foreign clone has its own shut-off and Boost
         * (Tkach's, fitted on cultures stimulated as strongly as it is); the self clone reads the table's values.
         */
        private double secretion(int i) {
            double e = engaged(kind[i]);
            if (e < tau) {
                return 0;
            }
            boolean self = kind[i] == SELF;
            double shutoff = self ? selfShutoff : foreignShutoff;
            double boostFold = self ? selfBoostFold : foreignBoostFold;
            double repressed = Math.max(e, repressionFloor)
                    / (1 + shutoff * sigmaP * pstat5[i]);
            double rate = kProd * (1 + boostFold * boost[i] / boostTotal);
            return rate * hill(repressed, tau, secretionHill) * suppressionOf(i);
        }

        /** Receptor expression relaxed exactly over dt towards its target; the Boost by an explicit step. */
        private void relaxReceptors(int i, double dt) {
            double decay = Math.exp(-kR * dt);
            double alphaTarget;
            double betaTarget;
            if (kind[i] == TREG) {
                alphaTarget = tregCd25 * (alphaTreg + alphaStat * pstat5[i]);
                betaTarget = cd122 * betaTreg;
            } else {
                double e = engaged(kind[i]);
                double tcr = e >= tau ? 1 : 0;
                alphaTarget = convCd25 * (alphaTcr * tcr + alphaStat * pstat5[i]);
                betaTarget = cd122 * (beta0 + (betaMax - beta0) * tcr);
                double b = boost[i];
                b += dt * (kTB * e + kBB * b) * (1 - b / boostTotal);
                boost[i] = Math.max(0, Math.min(boostTotal, b));
            }
            alpha[i] = alphaTarget + (alpha[i] - alphaTarget) * decay;
            beta[i] = betaTarget + (beta[i] - betaTarget) * decay;
        }

        /** Division and death by chance, with the well-mixed model's rates (LymphNodeModel, fate). */
        private void fates(double dt) {
            double dStarved = p.value("d_starved");
            double phi = p.value("TCR_division_share");
            double foreignEngaged = engaged(FOREIGN);
            double selfTcrDrive = phi * selfEngaged / (selfEngaged + kTcrDivision);
            double foreignTcrDrive = phi * foreignEngaged / (foreignEngaged + kTcrDivision);
            double il2Weight = 1 - (1 - p.value("division_inputs_add")) * phi;
            boolean counted = p.value("counted_destiny") == 1;
            int before = cells;
            // iterate backwards: removals swap the last agent in, daughters are appended and act from the next step
            for (int i = before - 1; i >= 0; i--) {
                double drive;
                double survival;
                double dMin;
                if (kind[i] == TREG) {
                    // Treg_counted_destiny 1: the IL-2 term of Marchingo's additive destiny alone (no TCR term, as
                    // destiny_Treg of il2-complexes), counted from the Treg's arrival (thymic or starting Tregs: 0)
                    drive = tregCounted ? Math.max(0, Math.min(1, destinyIl2Generations * signal[i] - generation[i]))
                            : signal[i];
                    survival = signal[i];
                    dMin = dTregMin;
                } else if (counted) {
                    // Marchingo 2014 (as LymphNodeModel's generations): a cell of generation k divides at
                    // p_max·min(1, max(0, N − k)), N = N_TCR·E/(E + K_E) + N_IL2·S, and past its destiny lives on IL-2
                    double e = kind[i] == SELF ? selfEngaged : foreignEngaged;
                    double destiny = destinyTcrGenerations * e / (e + kTcrDivision)
                            + destinyIl2Generations * signal[i];
                    drive = Math.max(0, Math.min(1, destiny - generation[i]));
                    survival = signal[i] + tcrSurvival * Math.max(drive - signal[i], 0);
                    dMin = dSignalled;
                } else {
                    drive = Math.min(1, (kind[i] == SELF ? selfTcrDrive : foreignTcrDrive) + il2Weight * signal[i]);
                    survival = signal[i] + tcrSurvival * (drive - signal[i]);
                    dMin = dSignalled;
                }
                double division = pMax * drive;
                double death = dMin + (dStarved - dMin) * (1 - survival);
                double total = division + death;
                if (total <= 0 || random.nextDouble() >= -Math.expm1(-total * dt)) {
                    continue;
                }
                if (random.nextDouble() * total < death) {
                    il2LostWithCells += bound[i] + boundBg[i];
                    remove(i);
                } else {
                    int target = nearestFreeVoxel(voxel[i], 3);
                    if (target >= 0) {
                        divide(i, target);
                    } else {
                        divisionsBlocked++;
                    }
                }
            }
        }

        /**
         * Priming at APCs, naive death and thymic output (self-reactive naive cells and Tregs). Both clones meet their
         * antigen on the same APCs (dendritic cells show self and foreign peptides side by side), as the well-mixed
         * patch's two clones share one suppression g.
         */
        private void naiveAndThymus(double dt) {
            selfNaive = prime(SELF, selfNaive, dt);
            foreignNaive = prime(FOREIGN, foreignNaive, dt);
            // thymic output per patch volume (LymphNodeModel: θ_CD4 = CD4_naive_ss·d_naive)
            double thymicCd4 = p.value("CD4_naive_ss") * p.value("d_naive") * patchScale;
            selfNaive += poisson(thymicCd4 * p.value("thymic_self_fraction") * dt);
            int newTregs = poisson(thymicCd4 * p.value("thymic_Treg_fraction") * p.value("Treg_density") * dt);
            for (int k = 0; k < newTregs; k++) {
                int v = randomFreeVoxel();
                if (v >= 0) {
                    addTreg(v, false);
                }
            }
        }

        /** Naive cells of one clone: death, and priming at a random APC (suppressed there by Tregs); the new count. */
        private int prime(byte clone, int naive, double dt) {
            double primeProbability = engaged(clone) >= tau ? -Math.expm1(-dt / p.value("t_activation"))
                    : 0;
            double deathProbability = -Math.expm1(-p.value("d_naive") * dt);
            double tolerise = p.value("suppressed_priming_tolerises");
            int start = naive;
            for (int k = 0; k < start; k++) {
                double r = random.nextDouble();
                if (r < deathProbability) {
                    naive--;
                } else if (r < deathProbability + primeProbability) {
                    int a = random.nextInt(apcs.length);
                    int apc = apcs[a];
                    if (random.nextDouble() < suppression(apc)) {
                        int target = nearestFreeVoxel(apc, 3);
                        if (target >= 0) {
                            naive--;
                            if (clone == SELF) {
                                primedTotal++;
                            } else {
                                foreignPrimedTotal++;
                            }
                            // a primed cell starts without IL-2 receptors, as the patch's activated cells are recruited
                            int i = append(clone, target);
                            apcOf[i] = a;
                        }
                    } else if (random.nextDouble() < tolerise) {
                        naive--;
                    }
                }
            }
            return naive;
        }

        /**
         * With Treg_motility > 0 each Treg hops to free face neighbours (lattice random walk); with Treg_arrest 1 a
         * Treg touching an APC stays, from the hop that brings it there.
         */
        private void hops(double dt) {
            for (int i = 0; i < cells; i++) {
                if (kind[i] != TREG || tregArrest && touchesApc(voxel[i])) {
                    continue;
                }
                int hopsNow = poisson(hopRate * dt);
                for (int k = 0; k < hopsNow; k++) {
                    int target = faceNeighbour(voxel[i], random.nextInt(6));
                    if (occupant[target] == FREE) {
                        occupant[voxel[i]] = FREE;
                        occupant[target] = i;
                        voxel[i] = target;
                        if (tregArrest && touchesApc(target)) {
                            break;   // held from the hop that reaches the APC, whatever the step length
                        }
                    }
                }
            }
        }

        private int escapedClusters() {
            int escaped = 0;
            for (int apc : apcs) {
                int count = 0;
                int ax = apc % n;
                int ay = (apc / n) % n;
                int az = apc / (n * n);
                int reach = Math.min(CLUSTER_REACH, (n - 1) / 2);
                for (int dz = -reach; dz <= reach; dz++) {
                    for (int dy = -reach; dy <= reach; dy++) {
                        for (int dx = -reach; dx <= reach; dx++) {
                            int o = occupant[wrapIndex(ax + dx, ay + dy, az + dz)];
                            if (o >= 0 && kind[o] == SELF) {
                                count++;
                            }
                        }
                    }
                }
                if (count >= CLUSTER_ESCAPED) {
                    escaped++;
                }
            }
            return escaped;
        }

        // ---- agents

        /**
         * A Treg present at t = 0 carries its resting receptors (as the patch's starting Tregs); one from the thymus
         * starts without IL-2 receptors and builds them at k_R, as the well-mixed populations gain cells without
         * receptor molecules.
         */
        private void addTreg(int v, boolean resting) {
            int i = append(TREG, v);
            if (resting) {
                alpha[i] = tregCd25 * alphaTreg;
                beta[i] = cd122 * betaTreg;
            }
        }

        private int append(byte k, int v) {
            if (cells == kind.length) {
                int size = 2 * cells;
                kind = Arrays.copyOf(kind, size);
                voxel = Arrays.copyOf(voxel, size);
                alpha = Arrays.copyOf(alpha, size);
                beta = Arrays.copyOf(beta, size);
                bound = Arrays.copyOf(bound, size);
                boundBg = Arrays.copyOf(boundBg, size);
                boost = Arrays.copyOf(boost, size);
                apcOf = Arrays.copyOf(apcOf, size);
                generation = Arrays.copyOf(generation, size);
                pstat5 = Arrays.copyOf(pstat5, size);
                signal = Arrays.copyOf(signal, size);
                free = Arrays.copyOf(free, size);
                freeBg = Arrays.copyOf(freeBg, size);
                capacity = Arrays.copyOf(capacity, size);
                capacityBg = Arrays.copyOf(capacityBg, size);
            }
            int i = cells++;
            kind[i] = k;
            voxel[i] = v;
            alpha[i] = 0;
            beta[i] = 0;
            bound[i] = 0;
            boundBg[i] = 0;
            boost[i] = 0;
            apcOf[i] = -1;
            generation[i] = 0;
            pstat5[i] = 0;
            signal[i] = 0;
            free[i] = 0;
            freeBg[i] = 0;
            occupant[v] = i;
            return i;
        }

        /** The daughter takes half of every molecule count (division conserves them, as the population totals do). */
        private void divide(int i, int target) {
            int d = append(kind[i], target);
            alpha[i] /= 2;
            beta[i] /= 2;
            bound[i] /= 2;
            boundBg[i] /= 2;
            boost[i] /= 2;
            generation[i]++;
            copyState(i, d);
        }

        /** Swap-remove: the last agent takes index i (its per-step scratch is recomputed before it is read again). */
        private void remove(int i) {
            occupant[voxel[i]] = FREE;
            int last = --cells;
            if (i != last) {
                copyState(last, i);
                voxel[i] = voxel[last];
                occupant[voxel[i]] = i;
            }
        }

        /** Kind, molecule counts and APC of origin from one agent to another (not the voxel). */
        private void copyState(int from, int to) {
            kind[to] = kind[from];
            alpha[to] = alpha[from];
            beta[to] = beta[from];
            bound[to] = bound[from];
            boundBg[to] = boundBg[from];
            boost[to] = boost[from];
            apcOf[to] = apcOf[from];
            generation[to] = generation[from];
        }

        // ---- space

        private boolean touchesApc(int v) {
            return apcsTouching[v] > 0;
        }

        /** Adds amount to every voxel of field within contact_radius of v (Chebyshev, periodic). */
        private void addAround(double[] field, int v, double amount) {
            if (amount == 0) {
                return;
            }
            int x = v % n;
            int y = (v / n) % n;
            int z = v / (n * n);
            for (int dz = -radius; dz <= radius; dz++) {
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        field[wrapIndex(x + dx, y + dy, z + dz)] += amount;
                    }
                }
            }
        }

        /** A free voxel closest to v (Chebyshev shells 1..maxShell, random within a shell), or -1. */
        private int nearestFreeVoxel(int v, int maxShell) {
            int x = v % n;
            int y = (v / n) % n;
            int z = v / (n * n);
            int[] candidates = new int[(2 * maxShell + 1) * (2 * maxShell + 1) * (2 * maxShell + 1)];
            for (int s = 1; s <= Math.min(maxShell, (n - 1) / 2); s++) {
                int found = 0;
                for (int dz = -s; dz <= s; dz++) {
                    for (int dy = -s; dy <= s; dy++) {
                        for (int dx = -s; dx <= s; dx++) {
                            if (Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz))) != s) {
                                continue;
                            }
                            int w = wrapIndex(x + dx, y + dy, z + dz);
                            if (occupant[w] == FREE) {
                                candidates[found++] = w;
                            }
                        }
                    }
                }
                if (found > 0) {
                    return candidates[random.nextInt(found)];
                }
            }
            return -1;
        }

        private int randomFreeVoxel() {
            for (int tries = 0; tries < 1000; tries++) {
                int v = random.nextInt(occupant.length);
                if (occupant[v] == FREE) {
                    return v;
                }
            }
            for (int v = 0; v < occupant.length; v++) {
                if (occupant[v] == FREE) {
                    return v;
                }
            }
            return -1;
        }

        private int faceNeighbour(int v, int face) {
            int x = v % n;
            int y = (v / n) % n;
            int z = v / (n * n);
            return switch (face) {
                case 0 -> wrapIndex(x + 1, y, z);
                case 1 -> wrapIndex(x - 1, y, z);
                case 2 -> wrapIndex(x, y + 1, z);
                case 3 -> wrapIndex(x, y - 1, z);
                case 4 -> wrapIndex(x, y, z + 1);
                default -> wrapIndex(x, y, z - 1);
            };
        }

        private int wrapIndex(int x, int y, int z) {
            return Math.floorMod(x, n) + n * (Math.floorMod(y, n) + n * Math.floorMod(z, n));
        }

        private int poisson(double mean) {
            if (mean <= 0) {
                return 0;
            }
            if (mean > POISSON_CHUNK) {
                // a sum of independent Poisson draws is Poisson: split large means (the product method underflows)
                int parts = (int) Math.ceil(mean / POISSON_CHUNK);
                int k = 0;
                for (int j = 0; j < parts; j++) {
                    k += poisson(mean / parts);
                }
                return k;
            }
            // Knuth's product method (the means here are mostly below 1 per step)
            double limit = Math.exp(-mean);
            int k = 0;
            double prod = random.nextDouble();
            while (prod > limit) {
                k++;
                prod *= random.nextDouble();
            }
            return k;
        }
    }

    /** C(x, y, K) of Tkach 2014 (as in the well-mixed model): the complex count of X + Y ⇌ XY at equilibrium. */
    static double complex(double x, double y, double k) {
        double s = x + y + k;
        double d = x - y;
        double disc = d * d + k * (2 * x + 2 * y + k);
        return s + Math.sqrt(disc) == 0 ? 0 : 2 * x * y / (s + Math.sqrt(disc));
    }

    /** max(d, 0) smoothed over width w, as the well-mixed model's free receptors. */
    static double softPositive(double d, double w) {
        return w <= 0 ? Math.max(d, 0) : (d + Math.sqrt(d * d + w * w)) / 2;
    }

    static double hill(double x, double k, double m) {
        if (x <= 0) {
            return 0;
        }
        double xm = Math.pow(x, m);
        return xm / (xm + Math.pow(k, m));
    }

    /** The read-outs as "id (unit)", for messages. */
    public static String describeOutputs() {
        List<String> out = new ArrayList<>();
        UNITS.forEach((k, v) -> out.add(String.format(Locale.ROOT, "%s (%s)", k, v)));
        return String.join(", ", out);
    }
}
