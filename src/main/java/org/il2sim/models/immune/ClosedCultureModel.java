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
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * Scenario B2, the closed CD4 culture of Tkach et al. 2014 (eLife 3:e01944) as
 * {@code shared/docs/reference/immune-models.md} §1 writes it, in the consistent form of ambiguity A2 and the Boost
 * reading of A3: n simulated cells ("classes") with activation times spread uniformly over [10, 60] h share one
 * IL-2 pool and one antigen pool.
 *
 * <p>Compartments and species (ids in parentheses; {@code CD4_cNN} is class NN):
 * <ul>
 *   <li>{@code medium}: its size is the number of molecules per nM in the well, V·N_A·1e-9 (an initial assignment
 *       from {@code V_medium} in L), so that {@code IL2_medium} has its amount in molecules and its concentration in
 *       nM. The free antigen {@code pMHC_free} is a count of molecules in the well (only substance units).</li>
 *   <li>{@code CD4_cNN}: one compartment per class, whose size is the number of real cells it stands for,
 *       N_cells/n. A species' amount is the class total and its concentration the count per cell: IL-2Rα (CD25,
 *       {@code CD4_cNN_IL2Ra}), IL-2Rβγ ({@code _IL2Rb}), IL-2·IL-2Rαβγ complexes ({@code _IL2_bound}, X) and active
 *       Boost ({@code _boost}).</li>
 * </ul>
 * Per-class quantities by assignment rule: engaged TCR E = active·C(n_TCR0, pMHC_free / activated cells, K_TCR),
 * pre-assembled receptors R = C(α, β, K_R), pSTAT5 P = JAK·X/(K_P + X)/(1 + σ_TCR·E), the TCR signal H(E, τ) and
 * the secretion switch H(E/(1 + σ_P·P), τ), here a Hill function of exponent 20 (docs/immune.md: the exact step
 * chatters). Reactions (class totals, per min):
 * <pre>
 *   ∅ → α       w·k_R·(α_TCR·H(E,τ) + α_STAT·P)      α → ∅   w·k_R·α
 *   ∅ → β       w·k_R·(β_0 + (β_max − β_0)·H(E,τ))  β → ∅   w·k_R·β
 *   IL2 → X     w·k_on·[IL2]·(R − X)                 X → IL2_internalised   w·k_endo·X
 *   ∅ → B       w·(k_TB·E + k_BB·B)·(1 − B/B_tot)
 *   ∅ → IL2 + IL2_secreted     w·(k_prod + k_boost·B/B_tot)·H(E/(1 + σ_P·P), τ)
 *   pMHC → ∅    w·k_ag·E
 * </pre>
 * with w the class size; {@code IL2_secreted} and {@code IL2_internalised} only count molecules, so that
 * medium + bound + internalised = secreted can be checked. Each class is activated by an event at its time t_i = t_first + (t_last − t_first)(i − ½)/n
 * (A7). Time in min; every rate of the table is converted on reading.
 */
public final class ClosedCultureModel {

    /** The bundled parameter table. */
    public static final String TABLE = "closed-culture.tsv";
    public static final String MEDIUM = "medium";
    /** IL-2 in the medium: amount in molecules, concentration in nM. */
    public static final String IL2_MEDIUM = "IL2_medium";
    /** Free antigen (pMHC) in the well, molecules. */
    public static final String PMHC = "pMHC_free";
    /** IL-2 secreted since t = 0 (molecules; a counter, so that the IL-2 balance can be checked). */
    public static final String IL2_SECRETED = "IL2_secreted";
    /** IL-2 internalised with IL-2Rαβγ since t = 0 (molecules; a counter). */
    public static final String IL2_INTERNALISED = "IL2_internalised";
    /** Mean IL-2Rα (CD25) per cell over the culture (#/cell). */
    public static final String CD25_MEAN = "CD4_IL2Ra_mean";
    /** Mean pSTAT5 fraction over the culture. */
    public static final String PSTAT5_MEAN = "CD4_pSTAT5_mean";
    /** Fraction of the culture's cells that secrete IL-2. */
    public static final String SECRETING_FRACTION = "CD4_secreting_fraction";
    /** Fraction of the culture's cells that have met antigen. */
    public static final String ACTIVATED_FRACTION = "CD4_activated_fraction";

    private ClosedCultureModel() {
    }

    /** The bundled parameter values (canonical units), with sources. */
    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    /** The full model (Boost, JAK active, 50 simulated cells), with or without the TCR→pSTAT5 crosstalk. */
    public static ReactionNetwork build(double antigen, double cells, boolean crosstalk) {
        return build(ClosedCultureSetup.of(antigen, cells).withCrosstalk(crosstalk));
    }

    public static ReactionNetwork build(ClosedCultureSetup setup) {
        return build(setup, defaults());
    }

    public static ReactionNetwork build(ClosedCultureSetup s, ParameterTable table) {
        ParameterTable p = table;
        if (!s.crosstalk()) {
            p = p.with("sigma_TCR", 0, "TCR-pSTAT5 crosstalk switched off (Tkach 2014 Fig 9B)");
        }
        if (!s.boost()) {
            p = p.with("boost_fold", 0, "Boost switched off (Tkach 2014 Fig 9C, classical model)");
        }
        NetworkBuilder b = new NetworkBuilder("closed_culture").name("Closed CD4 culture (Tkach et al. 2014): "
                + s.cells() + " cells, " + s.antigen() + " pMHC, " + s.classes() + " simulated cells"
                + (s.crosstalk() ? "" : ", no crosstalk") + (s.boost() ? "" : ", no Boost")
                + (s.jakActive() ? "" : ", JAK inhibited") + "; time in min");
        p.parameters().forEach(b::add);
        derived(b);
        b.add(new Parameter("N_cells", "N_cells", s.cells(), true, "cells", "experiment input: CD4 T cells in the well"));
        b.add(new Parameter("pMHC_0", "pMHC_0", s.antigen(), true, "molecules",
                "experiment input: free antigen in the well at t = 0 (1e8 for 25 nM K5 on 5e5 APCs, Tkach Fig 8C)"));
        b.add(new Parameter("JAK_activity", "JAK_activity", s.jakActive() ? 1 : 0, true, "1",
                "1; 0 for JAK inhibition (pSTAT5 = 0, Tkach 2014 Fig 9D)"));

        b.add(new Compartment(MEDIUM, "culture medium (size: molecules per nM in the well)", 3, Double.NaN, true));
        b.add(new InitialAssignment(MEDIUM, times(sym("V_medium"), num(Units.AVOGADRO * 1e-9))));
        b.add(new Species(IL2_MEDIUM, "IL-2 in the medium (amount: molecules; concentration: nM)", MEDIUM,
                Double.NaN, 0, false, false, false, null));
        b.add(new Species(PMHC, "free antigen (pMHC) in the well, molecules", MEDIUM, Double.NaN, Double.NaN, true,
                false, false, null));
        b.add(new InitialAssignment(PMHC, sym("pMHC_0")));
        b.add(new Species(IL2_SECRETED, "IL-2 secreted since t = 0, molecules (a counter)", MEDIUM, 0, Double.NaN,
                true, false, false, null));
        b.add(new Species(IL2_INTERNALISED, "IL-2 internalised with its receptors since t = 0, molecules (a counter)",
                MEDIUM, 0, Double.NaN, true, false, false, null));

        int n = s.classes();
        List<Expr> activated = new ArrayList<>();
        List<Expr> cd25 = new ArrayList<>();
        List<Expr> pstat5 = new ArrayList<>();
        List<Expr> secreting = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String c = classId(i, n);
            addClass(b, c, i, n);
            activated.add(product(c, c + "_active"));
            cd25.add(product(c, c + "_IL2Ra"));
            pstat5.add(product(c, c + "_pSTAT5"));
            secreting.add(product(c, c + "_secreting"));
        }
        rule(b, "activated_cells", "cells", "cells that have met antigen", plus(activated));
        rule(b, ACTIVATED_FRACTION, "1", "fraction of cells that have met antigen",
                div(sym("activated_cells"), sym("N_cells")));
        rule(b, CD25_MEAN, "molecules/cell", "mean IL-2Ra (CD25) per cell", div(plus(cd25), sym("N_cells")));
        rule(b, PSTAT5_MEAN, "1", "mean pSTAT5 fraction", div(plus(pstat5), sym("N_cells")));
        rule(b, SECRETING_FRACTION, "1", "fraction of cells secreting IL-2", div(plus(secreting), sym("N_cells")));
        return b.build();
    }

    /** Id of simulated cell i of n, e.g. {@code CD4_c07} (two digits up to 99 classes, else three). */
    public static String classId(int i, int n) {
        return String.format(n > 99 ? "CD4_c%03d" : "CD4_c%02d", i);
    }

    /** Canonical quantity id (as the CLI prints it) → id in the network, for the culture-wide quantities. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("IL2.medium", IL2_MEDIUM);
        out.put("IL2.secreted", IL2_SECRETED);
        out.put("IL2.internalised", IL2_INTERNALISED);
        out.put("pMHC.free", PMHC);
        out.put("CD4.IL2Ra_mean", CD25_MEAN);
        out.put("CD4.pSTAT5_mean", PSTAT5_MEAN);
        out.put("CD4.secreting_fraction", SECRETING_FRACTION);
        out.put("CD4.activated_fraction", ACTIVATED_FRACTION);
        return out;
    }

    private static void derived(NetworkBuilder b) {
        derive(b, "k_ag", "1/min", "ln 2 / t_half_ag", Ex.rateFromHalfLife("t_half_ag"));
        derive(b, "k_R", "1/min", "ln 2 / t_half_R", Ex.rateFromHalfLife("t_half_R"));
        derive(b, "k_endo", "1/min", "ln 2 / t_half_endo", Ex.rateFromHalfLife("t_half_endo"));
        derive(b, "k_boost", "molecules/cell/min", "boost_fold · k_prod", product("boost_fold", "k_prod"));
    }

    /** x^h / (x^h + K^h). */
    private static Expr hill(Expr x, Expr k, Expr h) {
        Expr xh = new Expr.Apply(Op.POWER, x, h);
        return div(xh, plus(xh, new Expr.Apply(Op.POWER, k, h)));
    }

    private static void addClass(NetworkBuilder b, String c, int i, int n) {
        b.add(new Compartment(c, "simulated cell " + i + " of " + n + " (size: real cells it stands for)", 3,
                Double.NaN, true));
        b.add(new InitialAssignment(c, div(sym("N_cells"), num(n))));
        String tAct = c + "_t_act";
        b.add(new Parameter(tAct, tAct, Double.NaN, true, "min",
                "derived: activation time t_first + (t_last - t_first)(i - 1/2)/n (Tkach 2014; A7 quantiles)"));
        b.add(new InitialAssignment(tAct, plus(sym("t_act_first"), times(minus(sym("t_act_last"),
                sym("t_act_first")), num((i - 0.5) / n)))));
        String active = c + "_active";
        // A parameter, not a boundary species: as a state it would couple every class to every other in the
        // Jacobian (through the antigen share) and make the 50-class model ten times slower to compile and run.
        b.add(new Parameter(active, active, 0, false, "1", "simulated cell " + i + " has met antigen (0/1; set by "
                + "an event at its activation time)"));
        b.add(new Event(c + "_activation", new Expr.Apply(Op.GEQ, new Expr.Time(), sym(tAct)), false, true, null,
                null, true, List.of(new Event.Assignment(active, num(1)))));

        String alpha = c + "_IL2Ra";
        String beta = c + "_IL2Rb";
        String x = c + "_IL2_bound";
        String boost = c + "_boost";
        b.add(new Species(alpha, "IL-2Ra (CD25) per cell, class " + i, c, Double.NaN, 0, false, false, false,
                null));
        b.add(new Species(beta, "IL-2Rbg per cell, class " + i, c, Double.NaN, Double.NaN, false, false, false,
                null));
        b.add(new InitialAssignment(beta, sym("beta_0")));
        b.add(new Species(x, "IL-2-IL-2Rabg complexes per cell, class " + i, c, Double.NaN, 0, false, false, false,
                null));
        b.add(new Species(boost, "active Boost per cell, class " + i, c, Double.NaN, 0, false, false, false, null));

        String e = c + "_TCR_engaged";
        String r = c + "_IL2R_assembled";
        String pstat = c + "_pSTAT5";
        String tcr = c + "_TCR_signal";
        String sec = c + "_secreting";
        // free antigen per activated real cell; A8: guarded against no activated cell
        Expr share = div(sym(PMHC), Ex.max(sym("activated_cells"), num(1)));
        rule(b, e, "molecules/cell", "engaged TCR per cell", times(sym(active),
                complex(sym("n_TCR0"), share, sym("K_TCR"))));
        rule(b, r, "molecules/cell", "pre-assembled IL-2Rabg per cell", complex(sym(alpha), sym(beta), sym("K_R")));
        rule(b, pstat, "1", "pSTAT5 fraction", div(times(sym("JAK_activity"), sym(x)),
                times(plus(sym("K_P"), sym(x)), plus(num(1), product("sigma_TCR", e)))));
        rule(b, tcr, "1", "TCR signal H(E, tau)", step(sym(e), sym("tau")));
        // H(E/(1 + σ_P·P), τ) as a steep Hill function: the exact step chatters where pSTAT5 holds the repressed
        // signal at τ (a sliding mode), and the stiff solver then crawls (270 s instead of 1.4 s for one run)
        Expr repressed = div(sym(e), plus(num(1), product("sigma_P", pstat)));
        rule(b, sec, "1", "IL-2 secretion switch, H(E/(1 + sigma_P P), tau) as a Hill function of exponent "
                + "secretion_switch_hill", hill(repressed, sym("tau"), sym("secretion_switch_hill")));

        b.add(reaction(alpha + "_synthesis", "IL-2Ra expression, class " + i, none(), one(alpha),
                times(product(c, "k_R"), plus(product("alpha_TCR", tcr), product("alpha_STAT", pstat)))));
        b.add(reaction(alpha + "_turnover", "IL-2Ra turnover, class " + i, one(alpha), none(),
                product(c, "k_R", alpha)));
        b.add(reaction(beta + "_synthesis", "IL-2Rb expression, class " + i, none(), one(beta),
                times(product(c, "k_R"), plus(sym("beta_0"), times(minus(sym("beta_max"), sym("beta_0")),
                        sym(tcr))))));
        b.add(reaction(beta + "_turnover", "IL-2Rb turnover, class " + i, one(beta), none(),
                product(c, "k_R", beta)));
        b.add(reaction(c + "_IL2_binding", "IL-2 binding to IL-2Rabg, class " + i, one(IL2_MEDIUM), one(x),
                times(product(c, "k_on", IL2_MEDIUM), minus(sym(r), sym(x)))));
        b.add(reaction(x + "_internalisation", "complex internalisation, class " + i, one(x), one(IL2_INTERNALISED),
                product(c, "k_endo", x)));
        b.add(reaction(boost + "_activation", "Boost activation, class " + i, none(), one(boost),
                times(sym(c), plus(product("k_TB", e), product("k_BB", boost)),
                        minus(num(1), div(sym(boost), sym("B_tot"))))));
        b.add(reaction(c + "_IL2_secretion", "IL-2 secretion, class " + i, none(),
                List.of(SpeciesReference.of(IL2_MEDIUM, 1), SpeciesReference.of(IL2_SECRETED, 1)),
                times(sym(c), plus(sym("k_prod"), div(product("k_boost", boost), sym("B_tot"))), sym(sec))));
        b.add(reaction(c + "_antigen_uptake", "antigen consumption, class " + i, one(PMHC), none(),
                product(c, "k_ag", e)));
    }
}
