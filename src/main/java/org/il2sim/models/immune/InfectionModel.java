package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
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
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.units.Units;

/**
 * Scenario B5 driven by a pathogen: the antigen-driven variant of De Boer et al. 2001 (immune-models.md §2,
 * f = Ag/(h + Ag) for activation and proliferation), with a pathogen that grows and is killed by effector CD8, CD4
 * help through IL-2 (a quasi-steady pSTAT5 reduction of Tkach et al. 2014) and memory recall. Unlike
 * {@link AcuteInfectionModel}, no switch time is an input: the start of division, the peak and the contraction
 * follow from the pathogen load.
 *
 * <p>Species (counts in compartment {@value #COMPARTMENT}, one mouse):
 * <ul>
 *   <li>{@code pathogen} (PFU): logistic growth g·V(1 − V/V_max), killing k_kill·CD8_effector·V; the event
 *       {@code pathogen_extinction} sets it to 0 below V_extinct, the event {@code rechallenge} adds V_challenge at
 *       T_challenge;</li>
 *   <li>for P ∈ {CD8, CD4}: {@code P_naive} → {@code P_primed} at f/t_priming; primed → 2 {@code P_effector} at
 *       1/t_first_division (first division, programmed); effector → 2 effector at ρ·f·G (G the IL-2 factor,
 *       ρ = ln 2 / P_doubling, α + r = ln 2 / P_contraction_half_life);
 *       effector → ∅ at α(1 − f), effector → {@code P_memory} at r(1 − f); memory → effector at f/t_priming
 *       (recall); memory → ∅ at δ_M; {@code P_divisions} counts divisions;</li>
 *   <li>{@code IL2} (molecules in V_tissue): secreted by CD4 effectors at k_prod·f, cleared at ln 2/t_half_IL2,
 *       taken up by every effector at k_endo·X, X = IL2Rb·c/(Kd + c).</li>
 * </ul>
 * G = (N_gen_0 + N_gen_IL2·pSTAT5)/(N_gen_0 + N_gen_IL2), pSTAT5 = X/(K_P + X): Marchingo's additive division
 * destiny (QSP-IO values) read as a division rate.
 */
public final class InfectionModel {

    /** The compartment that holds the cells: one mouse (size 1; species are counts). */
    public static final String COMPARTMENT = "body";
    /** The bundled parameter table. */
    public static final String TABLE = "acute-infection-il2.tsv";
    /** Pathogen load (PFU). */
    public static final String PATHOGEN = "pathogen";
    /** 1 while the pathogen is present, 0 after its extinction (a switch set by events). */
    public static final String PRESENT = "pathogen_present";
    /** IL-2 molecules in the tissue volume. */
    public static final String IL2 = "IL2";
    /** IL-2 concentration, nM (rule). */
    public static final String IL2_CONCENTRATION = "IL2_nM";
    /** Antigen stimulation f = V/(h + V) (rule). */
    public static final String STIMULATION = "stimulation";
    /** pSTAT5 of an effector (rule). */
    public static final String PSTAT5 = "pSTAT5";

    /** The T-cell populations, with their id prefix. */
    public enum Population {
        CD8, CD4;

        public String naive() {
            return name() + "_naive";
        }

        public String primed() {
            return name() + "_primed";
        }

        public String effector() {
            return name() + "_effector";
        }

        public String memory() {
            return name() + "_memory";
        }

        /** Cumulative number of divisions (a counter). */
        public String divisions() {
            return name() + "_divisions";
        }

        /** Cumulative number of first divisions (primed → effector; a counter). */
        public String firstDivisions() {
            return name() + "_first_divisions";
        }

        /** naive + primed + effector + memory (rule). */
        public String total() {
            return name() + "_total";
        }

        public String parameter(String suffix) {
            return name() + "_" + suffix;
        }
    }

    private InfectionModel() {
    }

    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    public static ReactionNetwork build() {
        return build(defaults());
    }

    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("acute_infection_il2").name("Acute infection driven by a pathogen: "
                + "antigen-driven CD8 and CD4 expansion (De Boer 2001 variant), CD8 killing, IL-2 help, contraction, "
                + "memory and recall; time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts)", 3, 1.0, true));
        p.parameters().forEach(b::add);
        derive(b, "k_kill", "1/(cell*min)", "ln 2 / (t_half_kill * E_ref)",
                div(Ex.ln(num(2)), product("t_half_kill", "E_ref")));
        derive(b, "k_priming", "1/min", "1 / t_priming", div(num(1), s("t_priming")));
        derive(b, "k_first_division", "1/min", "1 / t_first_division", div(num(1), s("t_first_division")));
        derive(b, "k_IL2_clearance", "1/min", "ln 2 / t_half_IL2", Ex.rateFromHalfLife("t_half_IL2"));
        derive(b, "k_endo", "1/min", "ln 2 / t_half_endo", Ex.rateFromHalfLife("t_half_endo"));
        derive(b, "molecules_per_nM", "molecules/nM", "V_tissue * N_A * 1e-9",
                times(s("V_tissue"), num(Units.AVOGADRO * 1e-9)));

        PopulationNet.cells(b, COMPARTMENT, PATHOGEN, "pathogen load (PFU)", "V_0");
        PopulationNet.cells(b, COMPARTMENT, IL2, "IL-2 molecules in the tissue volume", 0);
        PopulationNet.switchSpecies(b, COMPARTMENT, PRESENT, "1 while the pathogen is present (set by events)", 1);
        // max(V, 0): after extinction the load is 0 and the solver's round-off must not read as antigen
        rule(b, STIMULATION, "1", "antigen stimulation f = V / (h + V)",
                saturation(Ex.max(s(PATHOGEN), num(0)), s("h")));
        rule(b, IL2_CONCENTRATION, "nM", "IL-2 concentration in V_tissue", div(s(IL2), s("molecules_per_nM")));
        rule(b, "IL2_complexes", "molecules/cell", "IL-2 signalling complexes per effector (quasi-steady)",
                times(s("IL2Rb_activated"), saturation(s(IL2_CONCENTRATION), s("Kd_high"))));
        rule(b, PSTAT5, "1", "pSTAT5 of an effector", saturation(s("IL2_complexes"), s("K_P")));
        rule(b, "IL2_division_factor", "1", "division rate factor (N_gen_0 + N_gen_IL2 pSTAT5)/(N_gen_0 + N_gen_IL2)",
                div(plus(s("N_gen_0"), product("N_gen_IL2", PSTAT5)), plus(s("N_gen_0"), s("N_gen_IL2"))));
        rule(b, "no_stimulation", "1", "1 - f", minus(num(1), s(STIMULATION)));

        b.add(reaction("pathogen_growth", "logistic pathogen growth", one(PATHOGEN),
                List.of(SpeciesReference.of(PATHOGEN, 2)),
                times(product("g", PRESENT, PATHOGEN), minus(num(1), div(s(PATHOGEN), s("V_max"))))));
        b.add(reaction("pathogen_killing", "killing by effector CD8", one(PATHOGEN), none(),
                product("k_kill", Population.CD8.effector(), PATHOGEN)));
        b.add(new Event("pathogen_extinction", new Expr.Apply(Op.LT, s(PATHOGEN), s("V_extinct")), true, true, null,
                null, true, List.of(new Event.Assignment(PATHOGEN, num(0)), new Event.Assignment(PRESENT, num(0)))));
        b.add(new Event("rechallenge", new Expr.Apply(Op.GEQ, new Expr.Time(), s("T_challenge")), false, true, null,
                null, true, List.of(new Event.Assignment(PATHOGEN, plus(Ex.max(s(PATHOGEN), num(0)), s("V_challenge"))),
                        new Event.Assignment(PRESENT, num(1)))));

        for (Population pop : Population.values()) {
            addPopulation(b, pop);
        }

        b.add(reaction("IL2_secretion", "IL-2 secretion by CD4 effectors on antigen", none(), one(IL2),
                product("k_prod", STIMULATION, Population.CD4.effector())));
        b.add(reaction("IL2_clearance", "IL-2 loss from the tissue", one(IL2), none(),
                product("k_IL2_clearance", IL2)));
        b.add(reaction("IL2_uptake", "IL-2 internalised by CD8 and CD4 effectors", one(IL2), none(),
                times(product("k_endo", "IL2_complexes"),
                        plus(s(Population.CD8.effector()), s(Population.CD4.effector())))));
        return b.build();
    }

    private static void addPopulation(NetworkBuilder b, Population pop) {
        derive(b, pop.parameter("rho"), "1/min", "ln 2 / " + pop.parameter("doubling"),
                Ex.rateFromHalfLife(pop.parameter("doubling")));
        derive(b, pop.parameter("contraction"), "1/min", "ln 2 / " + pop.parameter("contraction_half_life"),
                Ex.rateFromHalfLife(pop.parameter("contraction_half_life")));
        derive(b, pop.parameter("alpha"), "1/min", pop.parameter("contraction") + " - " + pop.parameter("r"),
                minus(s(pop.parameter("contraction")), s(pop.parameter("r"))));
        PopulationNet.cells(b, COMPARTMENT, pop.naive(), pop.name() + " naive antigen-specific cells",
                pop.parameter("naive_0"));
        PopulationNet.cells(b, COMPARTMENT, pop.primed(), pop.name() + " primed, before the first division", 0);
        PopulationNet.cells(b, COMPARTMENT, pop.effector(), pop.name() + " effector (dividing, then contracting)", 0);
        PopulationNet.cells(b, COMPARTMENT, pop.memory(), pop.name() + " memory", 0);
        PopulationNet.cells(b, COMPARTMENT, pop.divisions(), pop.name() + " divisions so far (counter)", 0);
        PopulationNet.cells(b, COMPARTMENT, pop.firstDivisions(), pop.name() + " first divisions so far (counter)", 0);
        rule(b, pop.total(), "cells", "naive + primed + effector + memory",
                plus(s(pop.naive()), s(pop.primed()), s(pop.effector()), s(pop.memory())));

        String n = pop.name();
        String a = pop.effector();
        b.add(reaction(n + "_priming", n + " naive cells primed by antigen", one(pop.naive()), one(pop.primed()),
                product("k_priming", STIMULATION, pop.naive())));
        b.add(reaction(n + "_first_division", n + " first division (programmed)", one(pop.primed()),
                List.of(SpeciesReference.of(a, 2), SpeciesReference.of(pop.divisions(), 1),
                        SpeciesReference.of(pop.firstDivisions(), 1)),
                product("k_first_division", pop.primed())));
        b.add(reaction(n + "_division", n + " effector division on antigen and IL-2", one(a),
                List.of(SpeciesReference.of(a, 2), SpeciesReference.of(pop.divisions(), 1)),
                product(pop.parameter("rho"), STIMULATION, "IL2_division_factor", a)));
        b.add(reaction(n + "_death", n + " death without antigen", one(a), none(),
                product(pop.parameter("alpha"), "no_stimulation", a)));
        b.add(reaction(n + "_memory_formation", n + " reversion to memory without antigen", one(a), one(pop.memory()),
                product(pop.parameter("r"), "no_stimulation", a)));
        b.add(reaction(n + "_recall", n + " memory reactivated by antigen", one(pop.memory()), one(a),
                product("k_priming", STIMULATION, pop.memory())));
        b.add(reaction(n + "_memory_loss", n + " memory loss", one(pop.memory()), none(),
                product(pop.parameter("memory_death"), pop.memory())));
    }

    /** Canonical quantity id (as the CLI prints it) → id in the network. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(PATHOGEN, PATHOGEN);
        for (Population pop : Population.values()) {
            for (String id : List.of(pop.naive(), pop.primed(), pop.effector(), pop.memory(), pop.total())) {
                out.put(id.replace('_', '.'), id);
            }
        }
        out.put("IL2", IL2_CONCENTRATION);
        return out;
    }

    /** The unit of a species: PFU for the pathogen, molecules for IL-2, divisions for the counters, else cells. */
    public static String unitOf(String speciesId) {
        if (speciesId.equals(PATHOGEN)) {
            return "PFU";
        }
        if (speciesId.equals(IL2)) {
            return "molecules";
        }
        return speciesId.endsWith("divisions") ? "divisions" : "cells";
    }
}
