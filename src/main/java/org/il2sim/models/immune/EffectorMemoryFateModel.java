package org.il2sim.models.immune;

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
import static org.il2sim.models.immune.PopulationNet.saturation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.SpeciesReference;

/**
 * Scenario B6, part 1: IL-2 signal duration and CD8 effector vs memory fate (Kalia et al. 2010, Immunity 32:91;
 * Rubinstein et al. 2008, Blood 112:3704), on the De Boer et al. 2001 on/off response of scenario B5.
 *
 * <p>Cells (counts in one mouse, compartment {@value #COMPARTMENT}):
 * <ul>
 *   <li>{@code CD8_naive} precursors, all recruited at T_on into the CD25-high activated state;</li>
 *   <li>{@code CD8_act_hi}, {@code CD8_act_lo}: activated cells not yet committed to a fate, CD25-high or CD25-low;
 *       they divide at ρ during expansion and, in contraction, die at contraction − r or revert to memory at r;</li>
 *   <li>{@code CD8_TE}: terminal effectors (KLRG1-high CD127-low); they divide at ρ during expansion and die in
 *       contraction, without a memory exit; IL-2 through IL-2Rβγ slows their death (Rubinstein 2008);</li>
 *   <li>{@code CD8_memory}.</li>
 * </ul>
 *
 * <p>IL-2 signal (a receptor-binding reduction of immune-models.md §1): the IL-2 concentration c is
 * IL2_endogenous while IL-2 is made (T_IL2_on to T_IL2_off) plus IL2_given from T_given_on to T_given_off (a
 * treatment; 0 by default). A cell binds it
 * through IL-2Rαβγ (K_D 10 pM) when CD25-high and through IL-2Rβγ (1 nM) when CD25-low; the complexes are
 * X = IL2Rb_activated·c/(K_D + c) and pSTAT5 P = X/(K_P + X) (Tkach's K_P). CD25 follows Tkach's equation
 * dα/dt = k_R(α_t − α), α_t = α_TCR·TCR + α_STAT·P, reduced to two states: a cell switches to CD25-high at
 * k_R·α_t/(α_t + K_R) and to CD25-low at k_R·K_R/(α_t + K_R). Uncommitted cells commit to the terminal-effector fate
 * at k_TE·P, so the committed fraction is 1 − exp(−k_TE ∫P dt): the cells integrate their IL-2 signal, and a longer
 * or stronger signal makes more terminal effectors and leaves fewer cells to revert to memory.
 *
 * <p>Time in min (the table's days and hours are converted on reading); concentrations in nM.
 */
public final class EffectorMemoryFateModel {

    public static final String TABLE = "effector-memory-fate.tsv";
    public static final String COMPARTMENT = "body";
    public static final String NAIVE = "CD8_naive";
    public static final String ACT_HI = "CD8_act_hi";
    public static final String ACT_LO = "CD8_act_lo";
    public static final String TE = "CD8_TE";
    public static final String MEMORY = "CD8_memory";
    /** All antigen-specific CD8 (rule). */
    public static final String TOTAL = "CD8_total";
    /** Uncommitted activated cells, the memory precursors (rule). */
    public static final String PRECURSORS = "CD8_MP";
    /** Fraction of activated cells that are CD25-high (rule). */
    public static final String CD25_HIGH_FRACTION = "CD8_CD25hi_fraction";
    /** Fraction of effector-phase cells (uncommitted + TE) that are uncommitted memory precursors (rule). */
    public static final String PRECURSOR_FRACTION = "CD8_MP_fraction";
    /** IL-2 seen by the cells, nM (rule). */
    public static final String IL2 = "IL2";

    private EffectorMemoryFateModel() {
    }

    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    public static ReactionNetwork build() {
        return build(defaults());
    }

    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("effector_memory_fate").name("CD8 effector vs memory fate driven by "
                + "the IL-2 signal (Kalia et al. 2010) on the De Boer 2001 response; time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts)", 3, 1.0, true));
        p.parameters().forEach(b::add);
        derive(b, "k_R", "1/min", "ln 2 / t_half_CD25", Ex.rateFromHalfLife("t_half_CD25"));
        derive(b, "alpha_death", "1/min", "contraction - r (death of uncommitted cells in contraction)",
                minus(s("contraction"), s("r")));

        PopulationNet.switchSpecies(b, COMPARTMENT, "expanding", "1 from T_on to T_off (antigen, TCR signal)", 0);
        PopulationNet.switchSpecies(b, COMPARTMENT, "contracting", "1 from T_off on", 0);
        PopulationNet.switchSpecies(b, COMPARTMENT, "IL2_made", "1 while endogenous IL-2 is made", 0);
        PopulationNet.switchSpecies(b, COMPARTMENT, "IL2_giving", "1 while IL-2 is given (T_given_on to T_given_off)",
                0);
        PopulationNet.cells(b, COMPARTMENT, NAIVE, "naive antigen-specific CD8", "CD8_naive_0");
        PopulationNet.cells(b, COMPARTMENT, ACT_HI, "activated uncommitted CD8, CD25-high", 0);
        PopulationNet.cells(b, COMPARTMENT, ACT_LO, "activated uncommitted CD8, CD25-low", 0);
        PopulationNet.cells(b, COMPARTMENT, TE, "terminal effector CD8 (KLRG1-high CD127-low)", 0);
        PopulationNet.cells(b, COMPARTMENT, MEMORY, "memory CD8", 0);

        PopulationNet.at(b, "recruitment", "T_on", List.of(
                new Event.Assignment(ACT_HI, plus(s(ACT_HI), s(NAIVE))), new Event.Assignment(NAIVE, num(0)),
                new Event.Assignment("expanding", num(1))));
        PopulationNet.at(b, "peak", "T_off", List.of(new Event.Assignment("expanding", num(0)),
                new Event.Assignment("contracting", num(1))));
        PopulationNet.at(b, "IL2_production_starts", "T_IL2_on", List.of(new Event.Assignment("IL2_made", num(1))));
        PopulationNet.at(b, "IL2_production_ends", "T_IL2_off", List.of(new Event.Assignment("IL2_made", num(0))));
        PopulationNet.at(b, "IL2_treatment_starts", "T_given_on", List.of(new Event.Assignment("IL2_giving", num(1))));
        PopulationNet.at(b, "IL2_treatment_ends", "T_given_off", List.of(new Event.Assignment("IL2_giving",
                num(0))));

        rule(b, IL2, "nM", "IL-2 seen by the responding cells: endogenous while made, plus IL-2 given",
                plus(product("IL2_endogenous", "IL2_made"), product("IL2_given", "IL2_giving")));
        for (String state : List.of("hi", "lo")) {
            String kd = state.equals("hi") ? "Kd_high" : "Kd_intermediate";
            rule(b, "X_" + state, "molecules/cell", "IL-2 signalling complexes per CD25-" + state + " cell",
                    times(s("IL2Rb_activated"), saturation(s(IL2), s(kd))));
            rule(b, "pSTAT5_" + state, "1", "pSTAT5 of a CD25-" + state + " cell", saturation(s("X_" + state),
                    s("K_P")));
            rule(b, "CD25_target_" + state, "molecules/cell", "CD25 level a CD25-" + state + " cell is driven to",
                    plus(product("alpha_TCR", "expanding"), product("alpha_STAT", "pSTAT5_" + state)));
        }
        // terminal effectors signal through IL-2Rβγ (CD25-low) like the CD25-low uncommitted cells
        rule(b, "pSTAT5_TE", "1", "pSTAT5 of a terminal effector (IL-2Rbg only)", s("pSTAT5_lo"));
        // the commitment signal: Tkach's pSTAT5 (commitment_signal 0) or the gamma-chain signalling layer's pAkt at
        // quasi-steady state of the same complexes (1)
        AktQuasiSteadyState.addRates(b);
        for (String state : List.of("hi", "lo")) {
            rule(b, "pAkt_" + state, "1", "pAkt of a CD25-" + state + " cell (Akt module at quasi-steady state)",
                    AktQuasiSteadyState.pAkt(s("X_" + state)));
            rule(b, "commitment_signal_" + state, "1", "terminal-effector commitment signal of a CD25-" + state
                    + " cell: pSTAT5 (commitment_signal 0) or pAkt (1)", plus(times(minus(num(1),
                    s("commitment_signal")), s("pSTAT5_" + state)), times(s("commitment_signal"),
                    s("pAkt_" + state))));
        }

        List<String> dividing = List.of(ACT_HI, ACT_LO, TE);
        for (String c : dividing) {
            b.add(reaction(c + "_division", c + " division", one(c), List.of(SpeciesReference.of(c, 2)),
                    product("rho", "expanding", c)));
        }
        b.add(reaction("CD25_up", "CD25-low to CD25-high", one(ACT_LO), one(ACT_HI),
                times(product("k_R", ACT_LO), saturation(s("CD25_target_lo"), s("K_R")))));
        b.add(reaction("CD25_down", "CD25-high to CD25-low", one(ACT_HI), one(ACT_LO),
                times(product("k_R", ACT_HI, "K_R"), Ex.div(num(1), plus(s("CD25_target_hi"), s("K_R"))))));
        for (String state : List.of("hi", "lo")) {
            String c = state.equals("hi") ? ACT_HI : ACT_LO;
            b.add(reaction(c + "_TE_commitment", "commitment to the terminal-effector fate, CD25-" + state, one(c),
                    one(TE), product("k_TE", "commitment_signal_" + state, c)));
            b.add(reaction(c + "_death", "death in contraction, CD25-" + state, one(c), none(),
                    product("alpha_death", "contracting", c)));
            b.add(reaction(c + "_memory_formation", "reversion to memory, CD25-" + state, one(c), one(MEMORY),
                    product("r", "contracting", c)));
        }
        b.add(reaction("CD8_TE_death", "terminal-effector death in contraction, slowed by IL-2", one(TE), none(),
                times(product("contraction", "contracting", TE),
                        minus(num(1), product("TE_IL2_survival", "pSTAT5_TE")))));
        b.add(reaction("CD8_memory_loss", "memory loss", one(MEMORY), none(), product("memory_death", MEMORY)));

        Expr uncommitted = plus(s(ACT_HI), s(ACT_LO));
        rule(b, PRECURSORS, "cells", "uncommitted activated CD8 (memory precursors)", uncommitted);
        rule(b, TOTAL, "cells", "all antigen-specific CD8", plus(s(NAIVE), s(ACT_HI), s(ACT_LO), s(TE), s(MEMORY)));
        rule(b, CD25_HIGH_FRACTION, "1", "CD25-high fraction of uncommitted activated cells",
                Ex.div(s(ACT_HI), Ex.max(uncommitted, num(1e-300))));
        rule(b, PRECURSOR_FRACTION, "1", "memory precursors / (memory precursors + terminal effectors)",
                Ex.div(uncommitted, Ex.max(plus(uncommitted, s(TE)), num(1e-300))));
        return b.build();
    }

    /** Canonical quantity id (as the CLI prints it) → id in the network. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : List.of(NAIVE, PRECURSORS, TE, MEMORY, TOTAL, CD25_HIGH_FRACTION, PRECURSOR_FRACTION)) {
            out.put(id.replace('_', '.'), id);
        }
        out.put("IL2", IL2);
        return out;
    }
}
