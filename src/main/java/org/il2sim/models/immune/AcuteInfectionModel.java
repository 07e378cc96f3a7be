package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.none;
import static org.il2sim.models.immune.Ex.one;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.product;
import static org.il2sim.models.immune.Ex.reaction;
import static org.il2sim.models.immune.Ex.sym;

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
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;

/**
 * Scenario B5, an acute infection (LCMV): the CD8 and CD4 T-cell kinetics of De Boer et al. 2001 (J Virol
 * 75:10663), the "on/off" model as {@code shared/docs/reference/immune-models.md} §2 writes it, as a reaction
 * network whose species are cells.
 *
 * <p>For each population P (CD8, CD4), in compartment {@value #COMPARTMENT} (one mouse; species are cell counts):
 * <ul>
 *   <li>at T_on (event {@code P_recruitment}) every naive precursor becomes activated: effector += naive, naive = 0
 *       (De Boer's A(T_on) = A_0, with A_0 the precursor count);</li>
 *   <li>T_on ≤ t &lt; T_off: {@code P_division}, effector → 2 effector at ρ·effector (dA/dt = ρA);</li>
 *   <li>t ≥ T_off (event {@code P_peak}): {@code P_death}, effector → ∅ at α·effector, and
 *       {@code P_memory_formation}, effector → memory at r·effector (dA/dt = −(α + r)A, dM/dt = rA);</li>
 *   <li>always: {@code P_memory_loss}, memory → ∅ at δ_M·memory (0 for CD8).</li>
 * </ul>
 * The switch times act through the 0/1 switches {@code P_expanding} and {@code P_contracting} (boundary species
 * that only the two events set), so rate laws never read the time and the network runs exactly under the stochastic
 * methods too.
 * There is no antigen species: the reference gives no infection kinetics for this model, only the switch times.
 *
 * <p>Units: time in min (il2sim's canonical unit; the table's days and hours are converted on reading), rates per
 * min, cells as counts. Species ids use {@code _} where the canonical quantity ids use {@code .}
 * ({@code CD8.effector} is species {@code CD8_effector}); {@link #quantities()} lists the mapping.
 */
public final class AcuteInfectionModel {

    /** The compartment that holds the cells: one mouse (size 1; species are counts). */
    public static final String COMPARTMENT = "body";
    /** The bundled parameter table. */
    public static final String TABLE = "acute-infection.tsv";

    /** The populations of the model, with their id prefix. */
    public enum Population {
        CD8, CD4;

        public String naive() {
            return name() + "_naive";
        }

        public String effector() {
            return name() + "_effector";
        }

        public String memory() {
            return name() + "_memory";
        }

        /** Assignment-rule parameter: naive + effector + memory (all antigen-specific cells). */
        public String total() {
            return name() + "_total";
        }

        /** Id of one of this population's parameters, e.g. {@code CD8_rho}. */
        public String parameter(String suffix) {
            return name() + "_" + suffix;
        }
    }

    private AcuteInfectionModel() {
    }

    /** The bundled parameter values (canonical units), with sources. */
    public static ParameterTable defaults() {
        return ParameterTable.load(TABLE);
    }

    /** The model with the bundled parameters. */
    public static ReactionNetwork build() {
        return build(defaults());
    }

    /** The model with the given parameters (e.g. {@code defaults().with("CD8_T_off", 7 * 1440, "...")}). */
    public static ReactionNetwork build(ParameterTable p) {
        NetworkBuilder b = new NetworkBuilder("acute_infection").name("Acute infection: CD8 and CD4 T-cell "
                + "expansion, contraction and memory (De Boer et al. 2001 on/off model), time in min");
        b.add(new Compartment(COMPARTMENT, "one mouse (cells as counts)", 3, 1.0, true));
        p.parameters().forEach(b::add);
        for (Population pop : Population.values()) {
            addPopulation(b, p, pop);
        }
        return b.build();
    }

    /** Canonical quantity id (as the CLI prints it) → id in the network. */
    public static Map<String, String> quantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Population pop : Population.values()) {
            for (String id : List.of(pop.naive(), pop.effector(), pop.memory(), pop.total())) {
                out.put(id.replace('_', '.'), id);
            }
        }
        return out;
    }

    private static void addPopulation(NetworkBuilder b, ParameterTable p, Population pop) {
        String rho = pop.parameter("rho");
        if (!p.contains(rho)) {
            String doubling = pop.parameter("doubling");
            p.get(doubling); // one of the two must be given
            b.add(new Parameter(rho, rho, Double.NaN, true, "1/min", "derived: ln 2 / " + doubling));
            b.add(new InitialAssignment(rho, Ex.rateFromHalfLife(doubling)));
        }
        String alpha = pop.parameter("alpha");
        b.add(new Parameter(alpha, alpha, Double.NaN, true, "1/min", "derived: " + pop.parameter("contraction")
                + " - " + pop.parameter("r") + " (death rate in contraction)"));
        b.add(new InitialAssignment(alpha, Ex.minus(sym(pop.parameter("contraction")), sym(pop.parameter("r")))));

        String expanding = pop.parameter("expanding");
        String contracting = pop.parameter("contracting");
        // The switches are boundary species, not parameters. They were made so while event-set parameters were
        // thought not to reach stochastic propensities. They do (StochasticParameterEventTest); kept as they are.
        b.add(new Species(expanding, pop.name() + " expansion switch (1 from T_on to T_off; set by events)",
                COMPARTMENT, 0, Double.NaN, true, true, false, null));
        b.add(new Species(contracting, pop.name() + " contraction switch (1 from T_off on; set by an event)",
                COMPARTMENT, 0, Double.NaN, true, true, false, null));

        b.add(new Species(pop.naive(), pop.name() + " naive antigen-specific cells", COMPARTMENT, Double.NaN,
                Double.NaN, true, false, false, null));
        b.add(new InitialAssignment(pop.naive(), sym(pop.parameter("naive_0"))));
        b.add(new Species(pop.effector(), pop.name() + " activated (expanding, then contracting) cells", COMPARTMENT,
                0, Double.NaN, true, false, false, null));
        b.add(new Species(pop.memory(), pop.name() + " memory cells", COMPARTMENT, 0, Double.NaN, true, false,
                false, null));
        b.add(new Parameter(pop.total(), pop.total(), Double.NaN, false, "cells",
                "naive + effector + memory (assignment rule)"));
        b.add(new Rule.Assignment(pop.total(), plus(sym(pop.naive()), sym(pop.effector()), sym(pop.memory()))));

        b.add(new Event(pop.name() + "_recruitment", geqTime(pop.parameter("T_on")), false, true, null, null, true,
                List.of(new Event.Assignment(pop.effector(), plus(sym(pop.effector()), sym(pop.naive()))),
                        new Event.Assignment(pop.naive(), Expr.num(0)),
                        new Event.Assignment(expanding, Expr.num(1)))));
        b.add(new Event(pop.name() + "_peak", geqTime(pop.parameter("T_off")), false, true, null, null, true,
                List.of(new Event.Assignment(expanding, Expr.num(0)),
                        new Event.Assignment(contracting, Expr.num(1)))));

        String a = pop.effector();
        b.add(reaction(pop.name() + "_division", pop.name() + " division (A -> 2A)", one(a),
                List.of(SpeciesReference.of(a, 2)), product(rho, expanding, a)));
        b.add(reaction(pop.name() + "_death", pop.name() + " death in contraction", one(a), none(),
                product(alpha, contracting, a)));
        b.add(reaction(pop.name() + "_memory_formation", pop.name() + " reversion to memory", one(a),
                one(pop.memory()), product(pop.parameter("r"), contracting, a)));
        b.add(reaction(pop.name() + "_memory_loss", pop.name() + " memory loss", one(pop.memory()), none(),
                product(pop.parameter("memory_death"), pop.memory())));
    }

    /** time >= the parameter's value. */
    private static Expr geqTime(String parameter) {
        return new Expr.Apply(Op.GEQ, new Expr.Time(), sym(parameter));
    }
}
