package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.none;
import static org.il2sim.models.immune.Ex.num;
import static org.il2sim.models.immune.Ex.one;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.product;
import static org.il2sim.models.immune.Ex.reaction;
import static org.il2sim.models.immune.Ex.times;
import static org.il2sim.models.immune.PopulationNet.derive;
import static org.il2sim.models.immune.PopulationNet.rule;
import static org.il2sim.models.immune.PopulationNet.s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;
import org.il2sim.models.gammachain.Receptor;
import org.il2sim.models.gammachain.ReceptorAbundances;
import org.il2sim.models.gammachain.ReceptorTables;

/**
 * Scenario B6, part 2: IL-2/anti-IL-2 complexes in a mouse (Boyman et al. 2006, Science 311:1924). Treg, NK and memory
 * CD8 populations proliferate at p_k·S_k, where S_k is the cell's IL-2 signal: its active γc complexes per cell divided
 * by its maximum for free IL-2, taken from a Hill reduction of the 62-state γc model ({@link GammaChainSignal}) with the
 * receptor numbers of the Farhat 2021 table. The populations are assumed at homeostasis before treatment, so the
 * treatment-driven division adds to a balanced turnover (net growth 0 without treatment).
 *
 * <p>Division destiny (Marchingo et al. 2014): each population is a chain resting → div1 → … → divD; every stage but
 * the last divides into the next at p_k·S_k, so a population grows at most 2^D-fold ({@code destiny_<pop>}, read when
 * the network is built; per population: Tregs get the IL-2 term of the additive destiny alone, NK and memory CD8 a
 * programmed burst, see the table). Consumption (immune-models.md §6): every ligand is one pool that all cells take up at their
 * net uptake per cell J_k(c) ({@link GammaChainSignal#uptake}), converted to nM with the distribution volume; the
 * cumulative uptake and clearance are counted ({@code <ligand>_consumed}, {@code <ligand>_cleared}), so that free +
 * consumed + cleared is the injected amount.
 *
 * <p>Three treatments (0/1 switches {@code give_IL2}, {@code give_S4B6}, {@code give_JES6}), each injected on days
 * 0, 1 and 2 and cleared first-order:
 * <ul>
 *   <li>free IL-2 (ligand IL-2; t½ of free IL-2);</li>
 *   <li>βγ-directed complex (S4B6-type): ligand "IL2_notAlpha" (no IL-2Rα binding), long half-life;</li>
 *   <li>α-directed complex (JES6-1-type): ligand {@link GammaChainSignal#ALPHA_ONLY} (reaches IL-2Rβγ only through
 *       IL-2Rα), long half-life.</li>
 * </ul>
 * Fold changes {@code Treg_fold}, {@code NK_fold}, {@code CD8_memory_fold} and the Treg share of CD4 relative to
 * before treatment ({@value #SHARE_FOLD}) are read-outs. Time in min; ligand
 * concentrations in nM in the distribution volume.
 */
public final class Il2ComplexModel {

    public static final String TABLE = "il2-complexes.tsv";
    public static final String COMPARTMENT = "mouse";
    /** Populations: id prefix → Farhat 2021 cell type. */
    public static final Map<String, String> POPULATIONS = Map.of("Treg", "Treg", "NK", "NK", "CD8_memory",
            "CD8Memory");
    /** Treatments: species id → ligand of the γc reduction. */
    public static final Map<String, String> LIGANDS = Map.of("IL2", "IL2", "S4B6", "IL2_notAlpha", "JES6",
            GammaChainSignal.ALPHA_ONLY);
    private static final List<String> ORDER = List.of("Treg", "NK", "CD8_memory");
    private static final List<String> TREATMENTS = List.of("IL2", "S4B6", "JES6");
    /** Prefix of the division destiny (generations, a whole number) per population in the table. */
    static final String DESTINY = "destiny_";
    /** Parameters read when the network is built (the γc fits, the generation chains): fixed once built. */
    public static final java.util.Set<String> BUILD_TIME = java.util.Set.of("signal_readout_time",
            "alpha_only_k2_factor", DESTINY + "Treg", DESTINY + "NK", DESTINY + "CD8_memory");
    /** Suffix of the cumulative cleared and consumed ligand (nM) of each treatment. */
    public static final String CLEARED = "_cleared";
    public static final String CONSUMED = "_consumed";
    /** Read-out: the Treg share of CD4 relative to its value before treatment (conventional CD4 held constant). */
    public static final String SHARE_FOLD = "Treg_CD4_share_fold";
    /** Offset of {@link #hillFromZero}, relative to EC50. */
    static final double HILL_OFFSET = 1e-6;

    private Il2ComplexModel() {
    }

    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    public static ReactionNetwork build() {
        return build(defaults());
    }

    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("il2_complexes").name("IL-2 and IL-2/anti-IL-2 complexes in a mouse "
                + "(Boyman et al. 2006): Treg, NK and memory CD8 proliferation from a gamma-chain reduction, with a "
                + "division destiny and receptor-mediated consumption of a shared ligand pool; time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts; ligands in nM of the distribution volume)", 3,
                1.0, true));
        for (Parameter q : p.parameters()) {
            if (!q.id().startsWith(DESTINY)) { // structure, read below; not a network parameter
                b.add(q);
            }
        }
        // µg → nM: µg·1e-6 g / (g/mol) / L · 1e9
        derive(b, "dose_nM", "nM", "IL2_dose [ug] 1e-6 / IL2_molar_mass / V_distribution [L] 1e9",
                div(times(s("IL2_dose"), num(1e3)), times(s("IL2_molar_mass"), s("V_distribution"))));
        derive(b, "k_IL2", "1/min", "ln 2 / t_half_IL2", Ex.rateFromHalfLife("t_half_IL2"));
        derive(b, "k_complex", "1/min", "ln 2 / t_half_complex", Ex.rateFromHalfLife("t_half_complex"));
        // molecules → nM in the distribution volume: 1 / (V [L] · N_A · 1e-9)
        b.add(new Parameter("avogadro", "Avogadro's number", Units.AVOGADRO, true, "1/mol", "CODATA 2018"));
        derive(b, "nM_per_molecule", "nM", "1 / (V_distribution [L] N_A 1e-9)",
                div(num(1), times(s("V_distribution"), s("avogadro"), num(1e-9))));

        // the Akt and Ras/MAPK modules' rates, for division_signal 1 (pAkt) and 2 (pERK) at quasi-steady state
        AktQuasiSteadyState.addRates(b);
        ErkQuasiSteadyState.addRates(b);
        double readout = p.value("signal_readout_time");
        double k2Factor = p.value("alpha_only_k2_factor");
        Map<String, List<Expr>> uptakeByLigand = new LinkedHashMap<>();
        for (String t : TREATMENTS) {
            String give = "give_" + t;
            b.add(new org.il2sim.core.network.Species(t, ligandName(t), COMPARTMENT, Double.NaN, Double.NaN, true,
                    false, false, null));
            b.add(new org.il2sim.core.network.InitialAssignment(t, product(give, "dose_nM")));
            for (String inj : List.of("injection_2", "injection_3")) {
                PopulationNet.at(b, t + "_" + inj, inj, List.of(new Event.Assignment(t,
                        plus(s(t), product(give, "dose_nM")))));
            }
            for (String counter : List.of(t + CLEARED, t + CONSUMED)) {
                b.add(new org.il2sim.core.network.Species(counter, ligandName(t) + (counter.endsWith(CLEARED)
                        ? ": cleared (cumulative)" : ": taken up by the cells (cumulative)"), COMPARTMENT, 0.0,
                        Double.NaN, true, false, false, null));
            }
            b.add(reaction(t + "_clearance", "clearance of " + ligandName(t), one(t), one(t + CLEARED),
                    product(t.equals("IL2") ? "k_IL2" : "k_complex", t)));
            uptakeByLigand.put(t, new ArrayList<>());
        }
        for (String pop : ORDER) {
            String cell = POPULATIONS.get(pop);
            ReceptorAbundances r = ReceptorTables.farhat2021(cell);
            String cellText = String.format("cell %s of the Farhat 2021 table (IL-2Ra %.0f, IL-2Rb %.0f, gc %.0f "
                    + "per cell)", cell, r.count(Receptor.IL2Ra), r.count(Receptor.IL2Rb), r.count(Receptor.gc));
            // the count: resting cells plus the generations of the IL-2-driven burst
            int destiny = (int) p.value(DESTINY + pop);
            if (destiny < 1 || destiny != p.value(DESTINY + pop)) {
                throw new IllegalArgumentException(DESTINY + pop + " must be a whole number >= 1, was "
                        + p.value(DESTINY + pop));
            }
            List<String> stages = new ArrayList<>();
            stages.add(pop + "_resting");
            for (int g = 1; g <= destiny; g++) {
                stages.add(pop + "_div" + g);
            }
            List<Expr> all = new ArrayList<>();
            stages.forEach(st -> all.add(s(st)));
            String n = pop;
            rule(b, n, "cells", pop + " cells: resting plus every generation of the IL-2-driven burst", plus(all));

            List<Expr> signal = new ArrayList<>();
            for (String t : TREATMENTS) {
                GammaChainSignal.Hill h = GammaChainSignal.of(cell, LIGANDS.get(t), readout, k2Factor);
                GammaChainSignal.TwoSite u = GammaChainSignal.uptake(cell, LIGANDS.get(t), readout, k2Factor);
                String how = "Hill reduction of the 62-state gamma-chain model (GammaChainSignal, reference "
                        + "parameter set farhat2021), ligand " + LIGANDS.get(t) + ", " + cellText + ", after "
                        + readout + " min of constant exposure: ";
                String pre = pop + "_" + t;
                b.add(new Parameter(pre + "_Xmax", pre + "_Xmax", h.xMax(), true, "molecules/cell",
                        how + "active complexes"));
                b.add(new Parameter(pre + "_EC50", pre + "_EC50", h.ec50(), true, "nM", how + "active complexes"));
                b.add(new Parameter(pre + "_n", pre + "_n", h.n(), true, "1", how + "active complexes"));
                signal.add(times(s(pre + "_Xmax"), hillFromZero(s(t), s(pre + "_EC50"), s(pre + "_n"))));
                String net = how.replace("Hill reduction", "two-site reduction") + "net uptake of ligand from the "
                        + "medium, J1 c/(K1 + c) + J2 c/(K2 + c)";
                b.add(new Parameter(pre + "_J1", pre + "_J1", u.j1(), true, "molecules/cell/min", net));
                b.add(new Parameter(pre + "_K1", pre + "_K1", u.k1(), true, "nM", net));
                b.add(new Parameter(pre + "_J2", pre + "_J2", u.j2(), true, "molecules/cell/min", net));
                b.add(new Parameter(pre + "_K2", pre + "_K2", u.k2(), true, "nM", net));
                String j = pre + "_uptake";
                rule(b, j, "molecules/cell/min", "net uptake of " + t + " per " + pop + " cell",
                        plus(saturable(s(t), s(pre + "_J1"), s(pre + "_K1")),
                                saturable(s(t), s(pre + "_J2"), s(pre + "_K2"))));
                uptakeByLigand.get(t).add(times(s(n), s(j)));
            }
            String x = pop + "_active_complexes";
            rule(b, x, "molecules/cell", "active gamma-chain complexes per " + pop + " cell (sum over ligands)",
                    plus(signal));
            String akt = pop + "_pAkt";
            rule(b, akt, "1", "phosphorylated Akt fraction of a " + pop + " cell at quasi-steady state of the Akt "
                    + "module (PI3K -> PIP3 -> pAkt) driven by its active complexes", AktQuasiSteadyState.pAkt(s(x)));
            String erk = pop + "_pERK";
            rule(b, erk, "1", "phosphorylated ERK fraction of a " + pop + " cell at quasi-steady state of the Ras/MAPK "
                    + "module (its plateau after the feedback) driven by its active complexes",
                    ErkQuasiSteadyState.pErk(s(x)));
            String sig = pop + "_signal";
            // division_signal 0: complexes / their maximum for free IL-2; 1: pAkt, 2: pERK / their value at that
            // maximum; any other value: NaN, so a run stops at t = 0 (its message names the first species it reaches)
            Expr maximum = s(pop + "_IL2_Xmax");
            Expr choice = s("division_signal");
            rule(b, sig, "1", pop + " IL-2 signal: active complexes (division_signal 0), pAkt (1) or pERK (2), "
                    + "relative to their value at the maximum for free IL-2", new Expr.Piecewise(
                    List.of(div(s(x), maximum), div(s(akt), AktQuasiSteadyState.pAkt(maximum)),
                            div(s(erk), ErkQuasiSteadyState.pErk(maximum))),
                    List.of(equal(choice, 0), equal(choice, 1), equal(choice, 2)), num(Double.NaN)));
            PopulationNet.cells(b, COMPARTMENT, stages.get(0), pop + " cells that have not divided in response to "
                    + "the treatment", pop + "_0");
            for (int g = 1; g <= destiny; g++) {
                PopulationNet.cells(b, COMPARTMENT, stages.get(g), pop + " cells after " + g + " IL-2-driven "
                        + "division(s)" + (g == destiny ? " (division destiny reached: no further division)" : ""),
                        0.0);
            }
            for (int g = 0; g < destiny; g++) {
                String from = stages.get(g);
                b.add(reaction(from + "_division", pop + " IL-2-driven division " + (g + 1) + " of at most "
                        + destiny, one(from), List.of(SpeciesReference.of(stages.get(g + 1), 2)),
                        product("p_" + pop, sig, from)));
            }
            rule(b, pop + "_fold", "1", pop + " count / count before treatment", div(s(n), s(pop + "_0")));
        }
        // F4's Treg rise read as a share of CD4 (conventional CD4 not modelled: held at their pre-treatment count)
        Expr before = div(s("Treg_0"), plus(s("Treg_0"), s("CD4_conv_0")));
        rule(b, SHARE_FOLD, "1", "Treg share of CD4, Treg/(Treg + CD4_conv_0), relative to its value before treatment",
                div(div(s("Treg"), plus(s("Treg"), s("CD4_conv_0"))), before));
        for (String t : TREATMENTS) {
            b.add(reaction(t + "_uptake", "receptor-mediated uptake of " + ligandName(t) + " by all cells", one(t),
                    one(t + CONSUMED),
                    times(s("uptake_scale"), s("nM_per_molecule"), plus(uptakeByLigand.get(t)))));
        }
        return b.build();
    }

    /**
     * J·c/(K + |c|): one saturable uptake route, linear at c → 0; below 0 (a pool the solver steps slightly negative)
     * it is negative and pushes the pool back, without the pole of J·c/(K + c) at c = −K.
     */
    private static Expr saturable(Expr c, Expr j, Expr k) {
        return div(times(j, c), plus(k, new Expr.Apply(Op.ABS, c)));
    }

    private static Expr equal(Expr a, double v) {
        return new Expr.Apply(Op.EQ, List.of(a, num(v)));
    }

    /**
     * x/(1 + x) with x = (c/EC50 + δ)^n − δ^n, δ = {@value #HILL_OFFSET}: the Hill function c^n/(EC50^n + c^n) to a
     * relative 1e-6·EC50/c, but with a finite slope at c = 0 when n &lt; 1 (c^n has an infinite one there, and the
     * stiff solver's Newton iteration fails at t = 0 when no ligand is given), continued along its tangent for c &lt; 0.
     */
    private static Expr hillFromZero(Expr c, Expr ec50, Expr n) {
        // below c = 0 (a depleted ligand the solver steps slightly negative, where the power is undefined) x goes on
        // along its tangent at 0, so the rate law stays smooth and pushes c back to 0
        Expr offsetN = new Expr.Apply(Op.POWER, num(HILL_OFFSET), n);
        Expr x = plus(Ex.minus(new Expr.Apply(Op.POWER, plus(div(Ex.max(c, num(0)), ec50), num(HILL_OFFSET)), n),
                offsetN), times(n, div(offsetN, num(HILL_OFFSET)), div(Ex.min(c, num(0)), ec50)));
        return div(x, plus(num(1), x));
    }

    private static String ligandName(String t) {
        switch (t) {
            case "IL2":
                return "free IL-2 (nM)";
            case "S4B6":
                return "IL-2/S4B6-type complex, beta-gamma-directed (nM)";
            default:
                return "IL-2/JES6-1-type complex, alpha-directed (nM)";
        }
    }

    /** Canonical quantity id → network id. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pop : ORDER) {
            out.put(pop.replace('_', '.'), pop);
            out.put(pop.replace('_', '.') + ".fold", pop + "_fold");
            out.put(pop.replace('_', '.') + ".signal", pop + "_signal");
        }
        out.put("Treg.CD4.share.fold", SHARE_FOLD);
        TREATMENTS.forEach(t -> out.put(t, t));
        return out;
    }

    /** Whether a species id is a ligand amount (nM): a treatment or its cleared or consumed counter. */
    public static boolean isLigand(String speciesId) {
        for (String t : TREATMENTS) {
            if (speciesId.equals(t) || speciesId.equals(t + CLEARED) || speciesId.equals(t + CONSUMED)) {
                return true;
            }
        }
        return false;
    }
}
