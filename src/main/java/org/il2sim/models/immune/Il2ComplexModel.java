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
 * <p>Three treatments (0/1 switches {@code give_IL2}, {@code give_S4B6}, {@code give_JES6}), each injected on days
 * 0, 1 and 2 and cleared first-order:
 * <ul>
 *   <li>free IL-2 (ligand IL-2; t½ of free IL-2);</li>
 *   <li>βγ-directed complex (S4B6-type): ligand "IL2_notAlpha" (no IL-2Rα binding), long half-life;</li>
 *   <li>α-directed complex (JES6-1-type): ligand {@link GammaChainSignal#ALPHA_ONLY} (reaches IL-2Rβγ only through
 *       IL-2Rα), long half-life.</li>
 * </ul>
 * Fold changes {@code Treg_fold}, {@code NK_fold}, {@code CD8_memory_fold} are read-outs. Time in min; ligand
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
                + "(Boyman et al. 2006): Treg, NK and memory CD8 proliferation from a gamma-chain reduction; time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts; ligands in nM of the distribution volume)", 3,
                1.0, true));
        p.parameters().forEach(b::add);
        // µg → nM: µg·1e-6 g / (g/mol) / L · 1e9
        derive(b, "dose_nM", "nM", "IL2_dose [ug] 1e-6 / IL2_molar_mass / V_distribution [L] 1e9",
                div(times(s("IL2_dose"), num(1e3)), times(s("IL2_molar_mass"), s("V_distribution"))));
        derive(b, "k_IL2", "1/min", "ln 2 / t_half_IL2", Ex.rateFromHalfLife("t_half_IL2"));
        derive(b, "k_complex", "1/min", "ln 2 / t_half_complex", Ex.rateFromHalfLife("t_half_complex"));

        double readout = p.value("signal_readout_time");
        double k2Factor = p.value("alpha_only_k2_factor");
        for (String t : TREATMENTS) {
            String give = "give_" + t;
            b.add(new org.il2sim.core.network.Species(t, ligandName(t), COMPARTMENT, Double.NaN, Double.NaN, true,
                    false, false, null));
            b.add(new org.il2sim.core.network.InitialAssignment(t, product(give, "dose_nM")));
            for (String inj : List.of("injection_2", "injection_3")) {
                PopulationNet.at(b, t + "_" + inj, inj, List.of(new Event.Assignment(t,
                        plus(s(t), product(give, "dose_nM")))));
            }
            b.add(reaction(t + "_clearance", "clearance of " + ligandName(t), one(t), none(),
                    product(t.equals("IL2") ? "k_IL2" : "k_complex", t)));
        }
        for (String pop : ORDER) {
            String cell = POPULATIONS.get(pop);
            ReceptorAbundances r = ReceptorTables.farhat2021(cell);
            String cellText = String.format("cell %s of the Farhat 2021 table (IL-2Ra %.0f, IL-2Rb %.0f, gc %.0f "
                    + "per cell)", cell, r.count(Receptor.IL2Ra), r.count(Receptor.IL2Rb), r.count(Receptor.gc));
            List<Expr> signal = new ArrayList<>();
            for (String t : TREATMENTS) {
                GammaChainSignal.Hill h = GammaChainSignal.of(cell, LIGANDS.get(t), readout, k2Factor);
                String how = "Hill reduction of the 62-state gamma-chain model (GammaChainSignal, reference "
                        + "parameter set farhat2021), ligand " + LIGANDS.get(t) + ", " + cellText + ", active "
                        + "complexes after " + readout + " min";
                String pre = pop + "_" + t;
                b.add(new Parameter(pre + "_Xmax", pre + "_Xmax", h.xMax(), true, "molecules/cell", how));
                b.add(new Parameter(pre + "_EC50", pre + "_EC50", h.ec50(), true, "nM", how));
                b.add(new Parameter(pre + "_n", pre + "_n", h.n(), true, "1", how));
                signal.add(times(s(pre + "_Xmax"), hillFromZero(s(t), s(pre + "_EC50"), s(pre + "_n"))));
            }
            String x = pop + "_active_complexes";
            rule(b, x, "molecules/cell", "active gamma-chain complexes per " + pop + " cell (sum over ligands)",
                    plus(signal));
            String sig = pop + "_signal";
            rule(b, sig, "1", pop + " IL-2 signal: active complexes / maximum for free IL-2",
                    div(s(x), s(pop + "_IL2_Xmax")));
            String n = pop;
            PopulationNet.cells(b, COMPARTMENT, n, pop + " cells", pop + "_0");
            b.add(reaction(n + "_division", pop + " IL-2-driven division", one(n), List.of(SpeciesReference.of(n, 2)),
                    product("p_" + pop, sig, n)));
            rule(b, pop + "_fold", "1", pop + " count / count before treatment", div(s(n), s(pop + "_0")));
        }
        return b.build();
    }

    /**
     * x/(1 + x) with x = (c/EC50 + δ)^n − δ^n, δ = {@value #HILL_OFFSET}: the Hill function c^n/(EC50^n + c^n) to a
     * relative 1e-6·EC50/c, but with a finite slope at c = 0 when n &lt; 1 (c^n has an infinite one there, and the
     * stiff solver's Newton iteration fails at t = 0 when no ligand is given).
     */
    private static Expr hillFromZero(Expr c, Expr ec50, Expr n) {
        Expr x = Ex.minus(new Expr.Apply(Op.POWER, plus(div(c, ec50), num(HILL_OFFSET)), n),
                new Expr.Apply(Op.POWER, num(HILL_OFFSET), n));
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
        TREATMENTS.forEach(t -> out.put(t, t));
        return out;
    }
}
