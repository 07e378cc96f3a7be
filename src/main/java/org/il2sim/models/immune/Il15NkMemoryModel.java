package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.max;
import static org.il2sim.models.immune.Ex.minus;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.SpeciesReference;

/**
 * Scenario B11, IL-15 and IL-2 for NK cells and memory CD8 (Kennedy et al. 2000; Ku et al. 2000; SYSTEM.md S10, S11).
 *
 * <p>Signal ({@code signal_source} 1, as bundled): each population P reads its own IL-2Rβγ signal from the 62-state γc
 * model ({@link GammaChainSignal}: the Hill reductions X = X_max·u/(1 + u), u = (c/EC50)^n, of the cell type's active
 * complexes for IL-15 and for IL-2 after {@code signal_readout_time}). The two cytokines share IL-2Rβ and γc, so they
 * compete: S_P = U/(1 + U) with U = u_IL15 + u_IL2 (the two reductions have the same X_max within 2 %; within 10 % of
 * X_max of the full model given both at once, tested; worst 5.9 %). IL-15 is
 * an availability relative to wild type; the wild-type concentration is the NK cells' IL-15 EC50 ([P]: wild type
 * half-saturates NK's signal). The rates read S_P/S_P,wt. With {@code signal_source} 0 both populations read one
 * occupancy S = u/(1 + u), u = IL15/K_IL15 + IL2/Kd_IL2Rbg (the first version); any other value makes the signal NaN. Both populations start at their
 * wild-type steady state.
 * <ul>
 *   <li>NK: bone-marrow output θ·S/S_wt (NK development needs IL-15), division NK_division_wt·S/S_wt, death
 *       d(S) = max(0, d_0 + (d_wt − d_0)·S/S_wt), linear between the death without IL-15 (d_0) and in wild type
 *       (d_wt); θ is derived so that wild type is at steady state.</li>
 *   <li>Memory CD8: division CD8_memory_division_wt·S/S_wt (homeostatic division needs IL-15), death at the wild-type
 *       division rate, so the pool is stable in wild type and erodes when the signal falls.</li>
 * </ul>
 * An IL-15 knockout is {@code IL15 = 0}; IL-2 therapy is {@code IL2 > 0}. Time in min.
 */
public final class Il15NkMemoryModel {

    public static final String TABLE = "il15-nk-memory.tsv";
    public static final String COMPARTMENT = "mouse";
    public static final String NK = "NK";
    public static final String MEMORY = "CD8_memory";
    /** The first version's IL-2Rβγ occupancy (signal_source 0). */
    public static final String OCCUPANCY = "occupancy_signal";
    /** The cell type of the Farhat 2021 receptor table that each population reads its γc signal from. */
    static final Map<String, String> CELLS = Map.of(NK, "NK", MEMORY, "CD8Memory");
    /** Soluble IL-15 stands for trans-presented IL-15 ([P]: the γc reference set has no trans-presentation rate). */
    static final String IL15_LIGAND = "IL15";
    /** Parameters read when the network is built (the γc fits): fixed once built. */
    public static final java.util.Set<String> BUILD_TIME = java.util.Set.of("signal_readout_time");

    private Il15NkMemoryModel() {
    }

    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    public static ReactionNetwork build() {
        return build(defaults());
    }

    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("il15_nk_memory").name("IL-15 and IL-2 for NK cells and memory CD8 "
                + "(Kennedy 2000, Ku 2000): homeostasis and IL-15 knockout; time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts)", 3, 1.0, true));
        p.parameters().forEach(b::add);
        derive(b, "S_wt", "1", "wild-type signal: 1/K_IL15 / (1 + 1/K_IL15) (IL15 = 1, no IL-2)",
                div(num(1), plus(s("K_IL15"), num(1))));
        derive(b, "d_NK_wt", "1/min", "ln 2 / t_half_NK", Ex.rateFromHalfLife("t_half_NK"));
        derive(b, "d_NK_0", "1/min", "ln 2 / t_half_NK_without_IL15", Ex.rateFromHalfLife("t_half_NK_without_IL15"));
        derive(b, "NK_output_wt", "cells/min", "(d_NK_wt - NK_division_wt) NK_0: bone-marrow output that holds the "
                + "wild-type steady state", times(minus(s("d_NK_wt"), s("NK_division_wt")), s("NK_0")));

        Expr u = plus(div(s("IL15"), s("K_IL15")), div(s("IL2"), s("Kd_IL2Rbg")));
        rule(b, OCCUPANCY, "1", "IL-2Rbg occupancy of NK and memory CD8, read only with signal_source 0: u/(1 + u), "
                + "u = IL15/K_IL15 + IL2/Kd_IL2Rbg", div(u, plus(num(1), u)));
        double readout = p.value("signal_readout_time");
        GammaChainSignal.Hill nk15 = GammaChainSignal.of(CELLS.get(NK), IL15_LIGAND, readout, 1);
        b.add(new Parameter("IL15_wt_nM", "IL15_wt_nM", nk15.ec50(), true, "nM", "choice [P]: wild-type IL-15 "
                + "half-saturates NK's signal: the IL-15 EC50 of the NK reduction of the gamma-chain model ("
                + GammaChainSignal.class.getSimpleName() + ", " + readout + " min)"));
        for (String pop : List.of(NK, MEMORY)) {
            Expr uses = num(0);
            Expr usesWt = null;
            for (String ligand : List.of(IL15_LIGAND, "IL2")) {
                GammaChainSignal.Hill h = GammaChainSignal.of(CELLS.get(pop), ligand, readout, 1);
                String pre = pop + "_" + ligand;
                String how = "Hill reduction of the 62-state gamma-chain model (GammaChainSignal, reference parameter "
                        + "set farhat2021), ligand " + ligand + ", cell " + CELLS.get(pop) + " of the Farhat 2021 table, "
                        + "after " + readout + " min of constant exposure";
                b.add(new Parameter(pre + "_EC50", pre + "_EC50", h.ec50(), true, "nM", how));
                b.add(new Parameter(pre + "_n", pre + "_n", h.n(), true, "1", how));
                Expr conc = ligand.equals("IL2") ? s("IL2") : times(s("IL15"), s("IL15_wt_nM"));
                Expr term = new Expr.Apply(Op.POWER, div(conc, s(pre + "_EC50")), s(pre + "_n"));
                uses = plus(uses, term);
                if (!ligand.equals("IL2")) {
                    usesWt = new Expr.Apply(Op.POWER, div(s("IL15_wt_nM"), s(pre + "_EC50")), s(pre + "_n"));
                }
            }
            rule(b, pop + "_gc_signal", "1", pop + " IL-2Rbg signal from the gamma-chain model: U/(1 + U), U = "
                    + "(IL15 IL15_wt_nM/EC50_15)^n_15 + (IL2/EC50_2)^n_2 (the two cytokines compete for IL-2Rb and gc)",
                    div(uses, plus(num(1), uses)));
            derive(b, pop + "_gc_signal_wt", "1", pop + " signal from the gamma-chain model in wild type (IL15 = 1, "
                    + "no IL-2)", div(usesWt, plus(num(1), usesWt)));
            rule(b, pop + "_signal_rel", "1", pop + " signal / its wild-type value: the gamma-chain model's "
                    + "(signal_source 1) or the beta-gamma occupancy's (0)", new Expr.Piecewise(
                    List.of(div(s(pop + "_gc_signal"), s(pop + "_gc_signal_wt")), div(s(OCCUPANCY), s("S_wt"))),
                    List.of(new Expr.Apply(Op.EQ, List.of(s("signal_source"), num(1))),
                            new Expr.Apply(Op.EQ, List.of(s("signal_source"), num(0)))),
                    num(Double.NaN))); // any other signal_source: NaN, so a run stops at t = 0
        }
        rule(b, "NK_death_rate", "1/min", "NK death, linear in the signal between no IL-15 and wild type (floor 0)",
                max(num(0), plus(s("d_NK_0"), times(minus(s("d_NK_wt"), s("d_NK_0")), s(NK + "_signal_rel")))));
        rule(b, "CD8_memory_division_rate", "1/min", "memory CD8 homeostatic division rate",
                product("CD8_memory_division_wt", MEMORY + "_signal_rel"));

        PopulationNet.cells(b, COMPARTMENT, NK, "NK cells", "NK_0");
        PopulationNet.cells(b, COMPARTMENT, MEMORY, "memory CD8 T cells", "CD8_memory_0");
        b.add(reaction("NK_output", "NK output from the bone marrow (needs IL-15)", none(), one(NK),
                product("NK_output_wt", NK + "_signal_rel")));
        b.add(reaction("NK_division", "NK division", one(NK), List.of(SpeciesReference.of(NK, 2)),
                product("NK_division_wt", NK + "_signal_rel", NK)));
        b.add(reaction("NK_death", "NK death", one(NK), none(), product("NK_death_rate", NK)));
        b.add(reaction("CD8_memory_division", "memory CD8 homeostatic division", one(MEMORY),
                List.of(SpeciesReference.of(MEMORY, 2)), product("CD8_memory_division_rate", MEMORY)));
        b.add(reaction("CD8_memory_death", "memory CD8 death", one(MEMORY), none(),
                product("CD8_memory_division_wt", MEMORY)));
        rule(b, "NK_fraction_of_wt", "1", "NK / wild-type NK", div(s(NK), s("NK_0")));
        rule(b, "CD8_memory_fraction_of_wt", "1", "memory CD8 / wild-type memory CD8", div(s(MEMORY),
                s("CD8_memory_0")));
        return b.build();
    }

    /** Canonical quantity id → network id. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : List.of(NK, MEMORY, "NK_fraction_of_wt", "CD8_memory_fraction_of_wt",
                "CD8_memory_division_rate", NK + "_signal_rel", MEMORY + "_signal_rel")) {
            out.put(id.replace('_', '.'), id);
        }
        return out;
    }
}
