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
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.SpeciesReference;

/**
 * Scenario B11, IL-15 and IL-2 for NK cells and memory CD8 (Kennedy et al. 2000; Ku et al. 2000; SYSTEM.md S10, S11).
 *
 * <p>NK and memory CD8 read one IL-2Rβγ signal S = u/(1 + u), u = IL15/K_IL15 + IL2/Kd_IL2Rbg: trans-presented IL-15
 * (an availability relative to wild type) and IL-2 (nM, through βγ) occupy the same receptor. S_wt is its wild-type
 * value. Both populations start at their wild-type steady state.
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
        rule(b, "signal", "1", "IL-2Rbg signal of NK and memory CD8: u/(1 + u), u = IL15/K_IL15 + IL2/Kd_IL2Rbg",
                div(u, plus(num(1), u)));
        rule(b, "signal_rel", "1", "signal / wild-type signal", div(s("signal"), s("S_wt")));
        rule(b, "NK_death_rate", "1/min", "NK death, linear in the signal between no IL-15 and wild type (floor 0)",
                max(num(0), plus(s("d_NK_0"), times(minus(s("d_NK_wt"), s("d_NK_0")), s("signal_rel")))));
        rule(b, "CD8_memory_division_rate", "1/min", "memory CD8 homeostatic division rate",
                product("CD8_memory_division_wt", "signal_rel"));

        PopulationNet.cells(b, COMPARTMENT, NK, "NK cells", "NK_0");
        PopulationNet.cells(b, COMPARTMENT, MEMORY, "memory CD8 T cells", "CD8_memory_0");
        b.add(reaction("NK_output", "NK output from the bone marrow (needs IL-15)", none(), one(NK),
                product("NK_output_wt", "signal_rel")));
        b.add(reaction("NK_division", "NK division", one(NK), List.of(SpeciesReference.of(NK, 2)),
                product("NK_division_wt", "signal_rel", NK)));
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
                "CD8_memory_division_rate", "signal")) {
            out.put(id.replace('_', '.'), id);
        }
        return out;
    }
}
