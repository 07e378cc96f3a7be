package org.il2sim.models.immune;

import static org.il2sim.models.immune.PopulationNet.derive;
import static org.il2sim.models.immune.PopulationNet.rule;

import static org.il2sim.models.immune.Ex.complex;
import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.minus;
import static org.il2sim.models.immune.Ex.none;
import static org.il2sim.models.immune.Ex.num;
import static org.il2sim.models.immune.Ex.one;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.product;
import static org.il2sim.models.immune.Ex.reaction;
import static org.il2sim.models.immune.Ex.step;
import static org.il2sim.models.immune.Ex.sym;
import static org.il2sim.models.immune.Ex.times;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * Scenarios B4 and B7: Tregs and conventional CD4 T cells competing for one IL-2 pool in a well-mixed lymph-node
 * patch. {@code shared/docs/reference/immune-models.md} §3 (the well-mixed Treg/effector tug-of-war, a [P]
 * reconstruction on Tkach 2014's receptor model) joined to §4 (thymic Treg output that needs no IL-2, peripheral
 * survival that does: the "minimal mechanistic form").
 *
 * <p>One compartment, {@code patch}, whose size is the number of molecules per nM in it (V·N_A·1e-9), so that
 * {@code IL2_medium} has its amount in molecules and its concentration in nM. Every other species is an amount
 * (cells, or molecules summed over a population), so the network runs under the stochastic methods too.
 *
 * <p>Populations: Tregs ({@code Treg}); naive conventional CD4 ({@code CD4_naive}, IL-2 independent, for the Treg
 * share); and two clones c ∈ {self, foreign}, each with naive ({@code c_naive}) and activated ({@code c_active})
 * cells. Tregs and activated cells carry IL-2 receptors as population totals ({@code P_IL2Ra}, {@code P_IL2Rb},
 * {@code P_IL2_bound}), so division conserves molecules; per-cell values are total / max(cells, cell_floor). Per cell
 * (Tkach 2014, as immune-models.md §1): engaged TCR E = C(n_TCR0, pMHC, K_TCR); pre-assembled receptors
 * R = C(α, β, K_R); pSTAT5 P = Y/(K_P + Y)/(1 + σ_TCR·E) with Y = X + X_βγ (no TCR factor for Tregs); the signal
 * S = P^m/(K_S^m + P^m). Treg suppression g = 1/(1 + Treg·(1 − u + u·S_R)/R50), u = suppression_needs_STAT5
 * (1 as bundled: only IL-2-signalled Tregs suppress, Chinen 2016). Reactions:
 * <pre>
 *   ∅ → Treg                       θ_R·Treg_density    (thymic output, needs no IL-2; θ_R = fraction·θ_CD4)
 *   Treg → 2 Treg                  p·S_R·Treg
 *   Treg → ∅                       [d_min + d_starved·(1 − S_R)]·Treg
 *   ∅ → CD4_naive, ∅ → self_naive  θ_CD4·(1 − self fraction), θ_CD4·self fraction; naive → ∅ d_naive
 *   c_naive → c_active             H(E_c, τ)·g/t_activation·c_naive
 *   c_naive → ∅                    v·H(E_c, τ)·(1 − g)/t_activation·c_naive  (a suppressed encounter tolerises,
 *                                  v = suppressed_priming_tolerises, 0 as bundled)
 *   c_active → 2 c_active          p·D·c_active, D = min(1, φ·E/(E + K_E) + w·S_c), w = 1 (inputs add,
 *                                  Marchingo 2014) or 1 − φ (division_inputs_add = 0); φ = 0 as bundled
 *   c_active → ∅                   [d_signalled + (d_starved − d_signalled)·(1 − V)]·c_active,
 *                                  V = S_c + TCR_survival·(D − S_c)
 *   (LymphNodeSetup.generations: c_active is the sum of generations c_active_g0..g_G; generation k divides into
 *    k + 1 at p·min(1, max(0, N − k)), N = N_TCR·E/(E + K_E) + N_IL2·S_c, the counted division destiny of
 *    Marchingo 2014, and survives with V_k = S_c + TCR_survival·max(w_k − S_c, 0); counted_destiny = 0 gives
 *    every generation the rate D above)
 *   ∅ → α (population P)           N·k_R·CD25_P·(α_base + α_TCR·H(E, τ) + α_STAT·P); α → ∅ (k_R + death)·α
 *   ∅ → β                          N·k_R·CD122·(β_0 + (β_max − β_0)·H(E, τ)); β → ∅ (k_R + death)·β
 *   IL2_medium → X                 N·k_on·[IL-2]·max(R − X, 0)
 *   IL2_medium → X_βγ              N·k_on_bg·[IL-2]·max(β − R − X_βγ, 0)  (intermediate affinity)
 *   X, X_βγ → IL2_internalised     k_endo·X;     X, X_βγ → IL2_lost_with_cells   death·X
 *   ∅ → IL2_medium + IL2_secreted  N·k_prod·H(max(E, E_floor)/(1 + u·σ_P·P), τ)·H(E, τ)·g  (activated clones;
 *                                  E_floor = 0, u = secretion_shutoff = 1 as bundled: Tkach's shut-off as printed;
 *                                  u = 0: §4's constant σ_IL2 per producer; with the Boost as in B2)
 *   IL2_medium → IL2_cleared       k_clear·IL2;  IL2_medium → IL2_neutralised   anti_IL2·IL2
 * </pre>
 * Cells enter (from the thymus or by recruitment) without IL-2 receptors; synthesis (t½ 5 h) supplies them.
 * Interventions are parameters: Treg_density, Treg_CD25, conv_CD25, CD122, anti_IL2. Time in min.
 */
public final class LymphNodeModel {

    /** The bundled parameter table. */
    public static final String TABLE = "lymph-node.tsv";
    public static final String PATCH = "patch";
    /** IL-2 in the patch: amount in molecules, concentration in nM. */
    public static final String IL2_MEDIUM = "IL2_medium";
    /** IL-2 concentration in pM (a read-out). */
    public static final String IL2_PM = "IL2_pM";
    public static final String IL2_SECRETED = "IL2_secreted";
    public static final String IL2_INTERNALISED = "IL2_internalised";
    public static final String IL2_CLEARED = "IL2_cleared";
    public static final String IL2_NEUTRALISED = "IL2_neutralised";
    public static final String IL2_LOST_WITH_CELLS = "IL2_lost_with_cells";
    public static final String TREG = "Treg";
    public static final String CD4_NAIVE = "CD4_naive";
    public static final String SELF = "self";
    public static final String FOREIGN = "foreign";
    /** Tregs as a fraction of all CD4 T cells. */
    public static final String TREG_FRACTION = "Treg_fraction";
    /** Share of the summed IL-2 signal (cells × pSTAT5) that Tregs hold. */
    public static final String TREG_SIGNAL_SHARE = "Treg_pSTAT5_share";
    /** Treg suppression g = 1/(1 + Treg/R50). */
    public static final String SUPPRESSION = "Treg_suppression";
    /** Thymic Treg output, cells/min (a constant: it needs no IL-2). */
    public static final String THYMIC_TREG_OUTPUT = "thymic_Treg_output";
    /** The foreign antigen available per responding T cell (a switch species set to 0 by an event). */
    public static final String FOREIGN_PMHC = "foreign_pMHC";

    private static final String[] CLONES = {SELF, FOREIGN};

    private LymphNodeModel() {
    }

    /** The bundled parameter values (canonical units), with sources. */
    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    /** The parameter values of a setup: the bundled table with the setup's overlay, if it has one. */
    public static ParameterTable defaults(LymphNodeSetup setup) {
        return setup.overlay() == null ? defaults() : defaults().overlaid(setup.overlay());
    }

    /** The network of a setup with its own parameter values ({@link #defaults(LymphNodeSetup)}). */
    public static ReactionNetwork build(LymphNodeSetup setup) {
        return build(setup, defaults(setup));
    }

    public static ReactionNetwork build(LymphNodeSetup s, ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("lymph_node_patch").name("Tregs and conventional CD4 T cells sharing "
                + "IL-2 in a lymph-node patch (immune-models.md 3 and 4)"
                + (s.infection() ? "; foreign antigen from t = 0" : "; self antigen only")
                + (s.startEmpty() ? "; empty at t = 0, filled by the thymus" : "") + "; time in min");
        p.parameters().forEach(b::add);
        derived(b);
        b.add(new Compartment(PATCH, "lymph-node patch (size: molecules per nM in it)", 3, Double.NaN, true));
        b.add(new InitialAssignment(PATCH, times(sym("V_patch"), num(Units.AVOGADRO * 1e-9))));
        b.add(new Species(IL2_MEDIUM, "IL-2 in the patch (amount: molecules; concentration: nM)", PATCH,
                Double.NaN, 0, false, false, false, null));
        for (String counter : List.of(IL2_SECRETED, IL2_INTERNALISED, IL2_CLEARED, IL2_NEUTRALISED,
                IL2_LOST_WITH_CELLS)) {
            b.add(new Species(counter, counter.replace('_', ' ') + " since t = 0, molecules (a counter)", PATCH, 0,
                    Double.NaN, true, false, false, null));
        }
        b.add(reaction(IL2_MEDIUM + "_clearance", "IL-2 clearance (drainage, non-receptor loss)", one(IL2_MEDIUM),
                one(IL2_CLEARED), product("k_clear", IL2_MEDIUM, PATCH)));
        b.add(reaction(IL2_MEDIUM + "_neutralisation", "IL-2 captured by a neutralising antibody", one(IL2_MEDIUM),
                one(IL2_NEUTRALISED), product("anti_IL2", IL2_MEDIUM, PATCH)));
        rule(b, IL2_PM, "pM", "IL-2 concentration in pM", times(sym(IL2_MEDIUM), num(1e3)));
        b.add(new Species(FOREIGN_PMHC, "foreign pMHC available per responding T cell (set to 0 by an event)", PATCH,
                Double.NaN, Double.NaN, true, true, false, null));
        b.add(new InitialAssignment(FOREIGN_PMHC, s.infection() ? sym("pMHC_foreign") : num(0)));
        b.add(new Event("foreign_antigen_cleared", new Expr.Apply(Op.GEQ, new Expr.Time(), sym("t_foreign_antigen")),
                false, true, null, null, true, List.of(new Event.Assignment(FOREIGN_PMHC, num(0)))));

        // Chinen 2016 (F11): STAT5 is essential for Treg suppressor function; with suppression_needs_STAT5 = 1 only
        // IL-2-signalled Tregs suppress (Treg·S_R), 0 counts every Treg
        Expr suppressors = times(sym(TREG), plus(minus(num(1), sym("suppression_needs_STAT5")),
                product("suppression_needs_STAT5", TREG + "_signal")));
        rule(b, SUPPRESSION, "1", "Treg suppression g = 1/(1 + Treg (1 - u + u S_R)/R50), u = "
                + "suppression_needs_STAT5", div(num(1), plus(num(1), div(suppressors, sym("R50")))));
        cells(b, CD4_NAIVE, "naive conventional CD4 T cells (IL-2 independent)", s.startEmpty() ? num(0)
                : sym("CD4_naive_ss"));
        b.add(reaction(CD4_NAIVE + "_thymic_output", "thymic output of naive CD4", none(), one(CD4_NAIVE),
                times(sym("thymic_CD4_output"), minus(num(1), sym("thymic_self_fraction")))));
        b.add(reaction(CD4_NAIVE + "_death", "naive CD4 death", one(CD4_NAIVE), none(),
                product("d_naive", CD4_NAIVE)));

        addTregs(b, s);
        // counted destiny (Marchingo 2014): generation compartments 0..G per clone, G = ceil(N_TCR + N_IL2)
        int generations = s.generations() ? (int) Math.ceil(p.value("destiny_TCR_generations")
                + p.value("destiny_IL2_generations")) : 0;
        for (String c : CLONES) {
            addClone(b, s, c, generations);
        }
        Expr conv = plus(sym(CD4_NAIVE), sym(SELF + "_naive"), sym(SELF + "_active"), sym(FOREIGN + "_naive"),
                sym(FOREIGN + "_active"));
        rule(b, "CD4_total", "cells", "all CD4 T cells (Treg and conventional)", plus(sym(TREG), conv));
        rule(b, TREG_FRACTION, "1", "Tregs as a fraction of all CD4 T cells",
                div(sym(TREG), Ex.max(sym("CD4_total"), sym("cell_floor"))));
        Expr tregSignal = product(TREG, TREG + "_pSTAT5");
        Expr allSignal = plus(tregSignal, product(SELF + "_active", SELF + "_pSTAT5"),
                product(FOREIGN + "_active", FOREIGN + "_pSTAT5"));
        rule(b, TREG_SIGNAL_SHARE, "1", "Tregs' share of the summed IL-2 signal (cells x pSTAT5)",
                div(tregSignal, Ex.max(allSignal, num(Double.MIN_NORMAL))));
        return b.build();
    }

    /** Canonical quantity id (as the CLI prints it) → id in the network, for the main read-outs. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : List.of(IL2_MEDIUM, IL2_PM, IL2_SECRETED, TREG, CD4_NAIVE, SELF + "_naive", SELF + "_active",
                FOREIGN + "_naive", FOREIGN + "_active", TREG_FRACTION, TREG_SIGNAL_SHARE, TREG + "_pSTAT5",
                SELF + "_pSTAT5", FOREIGN + "_pSTAT5", SUPPRESSION)) {
            out.put(id.replace('_', '.'), id);
        }
        return out;
    }

    /** The unit of a species of this model: IL-2 in the medium in nM, cells as counts, the rest in molecules. */
    public static String unitOf(String speciesId) {
        if (speciesId.equals(IL2_MEDIUM)) {
            return "nM";
        }
        if (speciesId.equals(FOREIGN_PMHC)) {
            return "molecules/cell";
        }
        if (speciesId.startsWith("IL2_") || speciesId.contains("_IL2")) {
            return "molecules";
        }
        return "cells";
    }

    private static void derived(NetworkBuilder b) {
        derive(b, "k_R", "1/min", "ln 2 / t_half_R", Ex.rateFromHalfLife("t_half_R"));
        derive(b, "k_endo", "1/min", "ln 2 / t_half_endo", Ex.rateFromHalfLife("t_half_endo"));
        derive(b, "k_clear", "1/min", "ln 2 / t_half_clear", Ex.rateFromHalfLife("t_half_clear"));
        derive(b, "p_max", "1/min", "ln 2 / CD4_doubling", Ex.rateFromHalfLife("CD4_doubling"));
        derive(b, "thymic_CD4_output", "cells/min", "CD4_naive_ss x d_naive (naive CD4 at steady state without "
                + "self-reactive cells)", product("CD4_naive_ss", "d_naive"));
        derive(b, THYMIC_TREG_OUTPUT, "cells/min", "Treg_density x thymic_Treg_fraction x thymic_CD4_output",
                product("Treg_density", "thymic_Treg_fraction", "thymic_CD4_output"));
    }

    private static void cells(NetworkBuilder b, String id, String what, Expr initial) {
        b.add(new Species(id, what + ", cells", PATCH, Double.NaN, Double.NaN, true, false, false, null));
        b.add(new InitialAssignment(id, initial));
    }

    private static void molecules(NetworkBuilder b, String id, String what, Expr initial) {
        b.add(new Species(id, what + ", molecules summed over the population", PATCH, Double.NaN, Double.NaN, true,
                false, false, null));
        b.add(new InitialAssignment(id, initial));
    }

    /** x^h / (x^h + K^h). */
    private static Expr hill(Expr x, Expr k, Expr h) {
        Expr xh = new Expr.Apply(Op.POWER, x, h);
        return div(xh, plus(xh, new Expr.Apply(Op.POWER, k, h)));
    }

    private static Expr perCell(String total, String cells) {
        return div(sym(total), Ex.max(sym(cells), sym("cell_floor")));
    }

    private static void addTregs(NetworkBuilder b, LymphNodeSetup s) {
        Expr treg0 = s.startEmpty() ? num(0) : product("Treg_0", "Treg_density");
        cells(b, TREG, "Foxp3+ regulatory T cells", treg0);
        b.add(reaction(TREG + "_thymic_output", "thymic Treg output (needs no IL-2)", none(), one(TREG),
                sym(THYMIC_TREG_OUTPUT)));
        receptors(b, TREG, "Tregs", treg0, sym("alpha_Treg"), times(sym("Treg_CD25"), plus(sym("alpha_Treg"),
                product("alpha_STAT", TREG + "_pSTAT5"))), times(sym("CD122"), sym("beta_Treg")), null);
        rule(b, TREG + "_pSTAT5", "1", "Treg pSTAT5 fraction", div(sym(TREG + "_IL2_signalling"),
                plus(sym("K_P"), sym(TREG + "_IL2_signalling"))));
        rule(b, TREG + "_fate_input", "1", "Treg IL-2 signal read by division and death (pSTAT5)",
                sym(TREG + "_pSTAT5"));
        fate(b, TREG, "Treg", "d_Treg_min", "K_S_Treg", null);
    }

    private static void addClone(NetworkBuilder b, LymphNodeSetup s, String c, int generations) {
        boolean self = c.equals(SELF);
        String naive = c + "_naive";
        String active = c + "_active";
        Expr naive0 = self ? (s.startEmpty() ? num(0) : sym("self_naive_0"))
                : (s.infection() ? sym("foreign_naive_0") : num(0));
        cells(b, naive, (self ? "self" : "foreign") + "-reactive naive CD4 T cells", naive0);
        if (generations > 0) {
            generationCells(b, active, (self ? "self" : "foreign") + "-reactive activated CD4 T cells", generations);
        } else {
            cells(b, active, (self ? "self" : "foreign") + "-reactive activated CD4 T cells", num(0));
        }
        String e = c + "_TCR_engaged";
        Expr pmhc = self ? sym("pMHC_self") : sym(FOREIGN_PMHC);
        rule(b, e, "molecules/cell", "engaged TCR per " + c + "-reactive cell",
                complex(sym("n_TCR0"), pmhc, sym(self ? "K_TCR_self" : "K_TCR_foreign")));
        String tcr = c + "_TCR_signal";
        rule(b, tcr, "1", "TCR signal H(E, tau)", step(sym(e), sym("tau")));
        if (self) {
            b.add(reaction(naive + "_thymic_output", "thymic output of self-reactive naive CD4", none(), one(naive),
                    product("thymic_CD4_output", "thymic_self_fraction")));
        }
        b.add(reaction(naive + "_death", c + "-reactive naive death", one(naive), none(), product("d_naive", naive)));
        b.add(reaction(c + "_activation", c + "-reactive naive cells recruited by antigen (suppressed by Tregs)",
                one(naive), one(generations > 0 ? active + "_g0" : active), div(product(tcr, SUPPRESSION, naive),
                        sym("t_activation"))));
        // suppressed_priming_tolerises = 1: an encounter with antigen that Tregs suppress (1 − g) tolerises the naive
        // cell (anergy or deletion without costimulation) instead of only delaying its activation; 0 (as bundled):
        // no such loss, a suppressed cell waits for its next encounter
        b.add(reaction(c + "_tolerised", c + "-reactive naive cells tolerised by a Treg-suppressed encounter",
                one(naive), none(), times(div(product("suppressed_priming_tolerises", tcr, naive),
                        sym("t_activation")), minus(num(1), sym(SUPPRESSION)))));

        receptors(b, active, c + "-reactive activated cells", num(0), num(0),
                times(sym("conv_CD25"), plus(product("alpha_TCR", tcr), product("alpha_STAT", active + "_pSTAT5"))),
                times(sym("CD122"), plus(sym("beta_0"), times(minus(sym("beta_max"), sym("beta_0")), sym(tcr)))),
                e);
        rule(b, active + "_pSTAT5", "1", c + "-reactive pSTAT5 fraction", div(sym(active + "_IL2_signalling"),
                times(plus(sym("K_P"), sym(active + "_IL2_signalling")), plus(num(1), product("sigma_TCR", e)))));
        // alias: <clone>_pSTAT5
        rule(b, c + "_pSTAT5", "1", c + "-reactive pSTAT5 fraction (activated cells)", sym(active + "_pSTAT5"));
        rule(b, active + "_fate_input", "1", c + "-reactive IL-2 signal read by division and death: "
                + "X/(K_P + X)/(1 + fate_TCR_inhibition sigma_TCR E)", div(sym(active + "_IL2_signalling"),
                times(plus(sym("K_P"), sym(active + "_IL2_signalling")), plus(num(1), product("fate_TCR_inhibition",
                        "sigma_TCR", e)))));
        fate(b, active, c + "-reactive activated", "d_signalled", "K_S", e, generations);
        String sec = c + "_secreting";
        // E_repression_floor > 0: the pSTAT5 shut-off reads the TCR signal no lower than the floor (Tkach's fitted
        // range), while secretion still needs H(E, tau); 0 is Tkach's form as printed
        // secretion_shutoff u scales Tkach's pSTAT5 shut-off: 1 (as bundled) is the form as printed; 0 is
        // immune-models.md §4's constant secretion per producer (σ_IL2·T_self), the switch then reads E alone
        Expr repressed = div(Ex.max(sym(e), sym("E_repression_floor")), plus(num(1), product("secretion_shutoff",
                "sigma_P", active + "_pSTAT5")));
        rule(b, sec, "1", "IL-2 secretion switch H(max(E, E_floor)/(1 + u sigma_P P), tau) as a Hill function, "
                + "times H(E, tau), u = secretion_shutoff", times(hill(repressed, sym("tau"),
                        sym("secretion_switch_hill")), sym(tcr)));
        // Boost (Tkach 2014, A3 reading): per cell dB/dt = (k_TB·E + k_BB·B)(1 − B/B_tot); a population total
        String boost = active + "_boost_total";
        molecules(b, boost, "active Boost in " + c + "-reactive activated cells", num(0));
        String boostPerCell = active + "_boost";
        rule(b, boostPerCell, "molecules/cell", "active Boost per " + c + "-reactive activated cell",
                perCell(boost, active));
        b.add(reaction(boost + "_activation", "Boost activation, " + c + "-reactive", none(), one(boost),
                times(sym(active), plus(product("k_TB", e), product("k_BB", boostPerCell)),
                        minus(num(1), div(sym(boostPerCell), sym("B_tot"))))));
        b.add(reaction(boost + "_death", "Boost lost with dying cells, " + c + "-reactive", one(boost), none(),
                product(active + "_death_rate", boost)));
        b.add(reaction(c + "_IL2_secretion", "IL-2 secretion by " + c + "-reactive activated cells (suppressed by "
                + "Tregs)", none(), List.of(SpeciesReference.of(IL2_MEDIUM, 1), SpeciesReference.of(IL2_SECRETED, 1)),
                times(sym(active), plus(sym("k_prod"), div(product("boost_fold", "k_prod", boostPerCell),
                        sym("B_tot"))), sym(sec), sym(SUPPRESSION))));
    }

    /**
     * Receptor totals of a population: IL-2Rα, IL-2Rβγ and IL-2·IL-2Rαβγ, per-cell rules, synthesis, turnover and
     * binding. Starting totals: cells0 × alpha0 for α, cells0 × CD122 × β_0 for β, none bound.
     */
    private static void receptors(NetworkBuilder b, String pop, String what, Expr cells0, Expr alpha0,
                                  Expr alphaTarget, Expr betaTarget, String engaged) {
        String a = pop + "_IL2Ra";
        String bt = pop + "_IL2Rb";
        String x = pop + "_IL2_bound";
        molecules(b, a + "_total", "IL-2Ra (CD25) on " + what, times(cells0, alpha0, sym(pop.equals(TREG)
                ? "Treg_CD25" : "conv_CD25")));
        molecules(b, bt + "_total", "IL-2Rbg on " + what, times(cells0, sym("CD122"),
                sym(pop.equals(TREG) ? "beta_Treg" : "beta_0")));
        molecules(b, x + "_total", "IL-2-IL-2Rabg complexes on " + what, num(0));
        rule(b, a, "molecules/cell", "IL-2Ra per cell, " + what, perCell(a + "_total", pop));
        rule(b, bt, "molecules/cell", "IL-2Rbg per cell, " + what, perCell(bt + "_total", pop));
        rule(b, x, "molecules/cell", "IL-2-IL-2Rabg complexes per cell, " + what, perCell(x + "_total", pop));
        String r = pop + "_IL2R_assembled";
        rule(b, r, "molecules/cell", "pre-assembled IL-2Rabg per cell, " + what, complex(sym(a), sym(bt),
                sym("K_R")));
        b.add(reaction(a + "_synthesis", "IL-2Ra expression, " + what, none(), one(a + "_total"),
                times(product(pop, "k_R"), alphaTarget)));
        b.add(reaction(a + "_turnover", "IL-2Ra turnover, " + what, one(a + "_total"), none(),
                product("k_R", a + "_total")));
        b.add(reaction(bt + "_synthesis", "IL-2Rb expression, " + what, none(), one(bt + "_total"),
                times(product(pop, "k_R"), betaTarget)));
        b.add(reaction(bt + "_turnover", "IL-2Rb turnover, " + what, one(bt + "_total"), none(),
                product("k_R", bt + "_total")));
        b.add(reaction(pop + "_IL2_binding", "IL-2 binding to IL-2Rabg, " + what, one(IL2_MEDIUM), one(x + "_total"),
                times(product(pop, "k_on", IL2_MEDIUM), freeReceptors(sym(r), sym(x)))));
        b.add(reaction(x + "_internalisation", "complex internalisation, " + what, one(x + "_total"),
                one(IL2_INTERNALISED), product("k_endo", x + "_total")));
        // intermediate-affinity IL-2·IL-2Rβγ on β not pre-assembled with α (what signals without CD25)
        String xbg = pop + "_IL2_bound_bg";
        molecules(b, xbg + "_total", "IL-2-IL-2Rbg (no IL-2Ra) complexes on " + what, num(0));
        rule(b, xbg, "molecules/cell", "IL-2-IL-2Rbg complexes per cell, " + what, perCell(xbg + "_total", pop));
        b.add(reaction(pop + "_IL2_binding_bg", "IL-2 binding to IL-2Rbg without IL-2Ra, " + what, one(IL2_MEDIUM),
                one(xbg + "_total"), times(product(pop, "k_on_bg", IL2_MEDIUM),
                        freeReceptors(minus(sym(bt), sym(r)), sym(xbg)))));
        b.add(reaction(xbg + "_internalisation", "IL-2Rbg complex internalisation, " + what, one(xbg + "_total"),
                one(IL2_INTERNALISED), product("k_endo", xbg + "_total")));
        rule(b, pop + "_IL2_signalling", "molecules/cell", "signalling IL-2 complexes per cell (abg + bg), " + what,
                plus(sym(x), sym(xbg)));
    }

    /**
     * Division and death by the IL-2 signal S = F^m/(K_S^m + F^m); dying cells take their receptors along. With an
     * engaged-TCR rule (conventional cells), division is driven by TCR and IL-2 added linearly (Marchingo 2014):
     * p_max·[φ·E/(E + K_E) + (1 − φ)·S]; Tregs divide by IL-2 alone, p_max·S.
     */
    private static void fate(NetworkBuilder b, String pop, String what, String signalledDeath, String halfSignal,
                             String engaged) {
        fate(b, pop, what, signalledDeath, halfSignal, engaged, 0);
    }

    private static void fate(NetworkBuilder b, String pop, String what, String signalledDeath, String halfSignal,
                             String engaged, int generations) {
        String signal = pop + "_signal";
        rule(b, signal, "1", "IL-2 signal S = F^m/(K_S^m + F^m), " + what, hill(sym(pop + "_fate_input"),
                sym(halfSignal), sym("signal_hill")));
        String drive = pop + "_division_drive";
        Expr survival = sym(signal);
        if (engaged == null) {
            rule(b, drive, "1", "division drive (fraction of p_max), " + what, sym(signal));
        } else {
            // Marchingo 2014: TCR and IL-2 inputs add (capped at p_max); division_inputs_add = 0 restores the
            // convex split φ·T + (1 − φ)·S of the first version
            Expr tcr = times(sym("TCR_division_share"), div(sym(engaged), plus(sym(engaged), sym("K_TCR_division"))));
            Expr il2Weight = minus(num(1), times(minus(num(1), sym("division_inputs_add")),
                    sym("TCR_division_share")));
            rule(b, drive, "1", "division drive (fraction of p_max): min(1, phi E/(E + K_E) + w S), w = 1 when "
                    + "the inputs add, 1 - phi for the convex split, " + what,
                    new Expr.Apply(Op.MIN, num(1), plus(tcr, times(il2Weight, sym(signal)))));
            // a cell within its TCR-programmed divisions does not die at the starvation rate (De Boer 2001:
            // no contraction while antigen drives expansion); TCR_survival = 0: survival by IL-2 alone
            survival = plus(sym(signal), times(sym("TCR_survival"), minus(sym(drive), sym(signal))));
        }
        String death = pop + "_death_rate";
        if (generations > 0) {
            generationFates(b, pop, what, signalledDeath, generations);
        } else {
            rule(b, death, "1/min", "death rate, " + what, plus(sym(signalledDeath), times(minus(sym("d_starved"),
                    sym(signalledDeath)), minus(num(1), survival))));
            b.add(reaction(pop + "_division", what + " division", one(pop), List.of(SpeciesReference.of(pop, 2)),
                    product("p_max", drive, pop)));
            b.add(reaction(pop + "_death", what + " death", one(pop), none(), product(death, pop)));
        }
        b.add(reaction(pop + "_IL2Ra_death", "IL-2Ra lost with dying cells, " + what, one(pop + "_IL2Ra_total"),
                none(), product(death, pop + "_IL2Ra_total")));
        b.add(reaction(pop + "_IL2Rb_death", "IL-2Rb lost with dying cells, " + what, one(pop + "_IL2Rb_total"),
                none(), product(death, pop + "_IL2Rb_total")));
        b.add(reaction(pop + "_IL2_bound_death", "bound IL-2 lost with dying cells, " + what,
                one(pop + "_IL2_bound_total"), one(IL2_LOST_WITH_CELLS), product(death, pop + "_IL2_bound_total")));
        b.add(reaction(pop + "_IL2_bound_bg_death", "IL-2Rbg-bound IL-2 lost with dying cells, " + what,
                one(pop + "_IL2_bound_bg_total"), one(IL2_LOST_WITH_CELLS),
                product(death, pop + "_IL2_bound_bg_total")));
    }

    /**
     * max(d, 0), d = R − X, smoothed over a width ε = binding_kink_width·R: (d + √(d² + ε²))/2. Free receptors are
     * max(R − X, 0) in Tkach's model (no dissociation, so binding stops when the complexes reach the assembled
     * receptors). At µM IL-2 binding holds X within a fraction of a molecule of R, on the kink, and the BDF error
     * test then forced steps of 1.6 × 10⁻⁴ min for days of model time (B4 with the counted destiny and no Tregs
     * stopped at 10⁶ steps on day 3.9); smoothed, the same run takes about 2,900 steps. With ε = 10⁻⁵ R a cell with
     * X = R binds as if 5 × 10⁻⁶ of its receptors were free (0.045 of 9,000).
     */
    private static Expr freeReceptors(Expr receptors, Expr bound) {
        Expr d = minus(receptors, bound);
        Expr width = times(sym("binding_kink_width"), receptors);
        // without receptors (a knockout, an empty population) nothing binds, exactly: max(d, 0), which also keeps
        // the square root away from 0, where its derivative is not finite
        return new Expr.Piecewise(List.of(times(num(0.5), plus(d, Ex.sqrt(plus(times(d, d), times(width,
                width)))))), List.of(new Expr.Apply(Op.GT, width, num(0))), Ex.max(d, num(0)));
    }

    /** Generation compartments pop_g0 .. pop_gG (cells) and the rule pop = their sum. */
    private static void generationCells(NetworkBuilder b, String pop, String what, int generations) {
        List<Expr> all = new ArrayList<>();
        for (int k = 0; k <= generations; k++) {
            cells(b, pop + "_g" + k, what + " in generation " + k + (k == generations ? " or later" : ""), num(0));
            all.add(sym(pop + "_g" + k));
        }
        rule(b, pop, "cells", what + ", all generations, cells", plus(all));
    }

    /**
     * Division and death by generation (the counted division destiny, Marchingo 2014, immune-parameters.md K9: TCR
     * and IL-2 inputs add generations): the destiny N = N_TCR·E/(E + K_E) + N_IL2·S, with E the engaged TCR (0 once
     * the foreign antigen is cleared, which ends the strong clone's programmed expansion, De Boer 2001). A cell of generation k divides into generation k + 1 at p_max·w_k, w_k = min(1, max(0, N − k)): it
     * divides while its generation is below its destiny and then stops; it survives as far as w_k reaches,
     * V_k = S + TCR_survival·max(w_k − S, 0), so a cell past its destiny lives on its IL-2 signal alone. With
     * counted_destiny = 0, w_k is the rate model's drive D and V_k its survival for every generation, so the sum of
     * the generations follows the one-compartment model. The last compartment holds generation G and later.
     */
    private static void generationFates(NetworkBuilder b, String pop, String what, String signalledDeath,
                                        int generations) {
        String signal = pop + "_signal";
        String drive = pop + "_division_drive";
        // the TCR term reads the engaged TCR of the moment: the foreign antigen's window (t_foreign_antigen) is De
        // Boer 2001's expansion window, so TCR-programmed divisions end with it
        String engaged = pop.substring(0, pop.indexOf('_')) + "_TCR_engaged";
        String destiny = pop + "_destiny";
        rule(b, destiny, "1", "division destiny in generations, N_TCR E/(E + K_E) + N_IL2 S, " + what,
                plus(times(sym("destiny_TCR_generations"), div(sym(engaged), plus(sym(engaged),
                        sym("K_TCR_division")))), product("destiny_IL2_generations", signal)));
        Expr counted = sym("counted_destiny");
        Expr rate = minus(num(1), counted);
        List<Expr> deaths = new ArrayList<>();
        for (int k = 0; k <= generations; k++) {
            String g = pop + "_g" + k;
            String w = g + "_division_drive";
            Expr within = Ex.max(num(0), Ex.min(num(1), minus(sym(destiny), num(k))));
            rule(b, w, "1", "division drive of generation " + k + ": min(1, max(0, N - k)) (counted destiny) or D "
                    + "(rate), " + what, plus(times(counted, within), times(rate, sym(drive))));
            Expr survival = plus(sym(signal), times(sym("TCR_survival"), plus(times(counted,
                    Ex.max(num(0), minus(sym(w), sym(signal)))), times(rate, minus(sym(drive), sym(signal))))));
            String death = g + "_death_rate";
            rule(b, death, "1/min", "death rate of generation " + k + ", " + what, plus(sym(signalledDeath),
                    times(minus(sym("d_starved"), sym(signalledDeath)), minus(num(1), survival))));
            String next = k < generations ? pop + "_g" + (k + 1) : g;
            b.add(reaction(g + "_division", what + " division, generation " + k, one(g),
                    List.of(SpeciesReference.of(next, 2)), product("p_max", w, g)));
            b.add(reaction(g + "_death", what + " death, generation " + k, one(g), none(), product(death, g)));
            deaths.add(product(death, g));
        }
        rule(b, pop + "_death_rate", "1/min", "mean death rate over the generations (receptors, Boost and bound IL-2 "
                + "leave with dying cells), " + what, div(plus(deaths), Ex.max(sym(pop), sym("cell_floor"))));
    }
}
