package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.sym;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;

/**
 * Builders shared by the population models of scenarios B6 and B11 (cell counts in one compartment, signals as
 * assignment rules, switches as boundary species set by events).
 */
final class PopulationNet {

    private PopulationNet() {
    }

    /** A cell population (count, only substance units) with a fixed initial count. */
    static void cells(NetworkBuilder b, String compartment, String id, String name, double initial) {
        b.add(new Species(id, name, compartment, initial, Double.NaN, true, false, false, null));
    }

    /** A cell population whose initial count is a parameter. */
    static void cells(NetworkBuilder b, String compartment, String id, String name, String initialParameter) {
        b.add(new Species(id, name, compartment, Double.NaN, Double.NaN, true, false, false, null));
        b.add(new InitialAssignment(id, sym(initialParameter)));
    }

    /**
     * A 0/1 switch that only events set: a boundary species, not a parameter, so that the stochastic methods read it
     * from the state like any species.
     */
    static void switchSpecies(NetworkBuilder b, String compartment, String id, String name, double initial) {
        b.add(new Species(id, name, compartment, initial, Double.NaN, true, true, false, null));
    }

    /** An event at time ≥ the parameter's value that sets each (id, expression) pair. */
    static void at(NetworkBuilder b, String id, String timeParameter, List<Event.Assignment> assignments) {
        b.add(new Event(id, new Expr.Apply(Op.GEQ, new Expr.Time(), sym(timeParameter)), false, true, null, null,
                true, assignments));
    }

    /** A constant parameter computed once from others (an initial assignment). */
    static void derive(NetworkBuilder b, String id, String unit, String how, Expr math) {
        b.add(new Parameter(id, id, Double.NaN, true, unit, "derived: " + how));
        b.add(new InitialAssignment(id, math));
    }

    /** A quantity recomputed at every time (an assignment rule). */
    static void rule(NetworkBuilder b, String id, String unit, String what, Expr math) {
        b.add(new Parameter(id, id, Double.NaN, false, unit, what + " (assignment rule)"));
        b.add(new Rule.Assignment(id, math));
    }

    /**
     * Constant parameters copied from the γc signalling layer (the il2sim set, {@code parameters-signalling.tsv}),
     * each with its value, unit and source there: the rates a quasi-steady state of a signalling module reads.
     */
    static void signallingRates(NetworkBuilder b, List<String> ids) {
        org.il2sim.models.gammachain.ParameterSet signalling = org.il2sim.models.gammachain.ParameterSet.named(
                org.il2sim.models.gammachain.ParameterSet.IL2SIM);
        for (String id : ids) {
            org.il2sim.models.gammachain.ParameterValue v = signalling.get(id);
            b.add(new Parameter(id, id, v.value(), true, v.unit(), "gamma-chain signalling layer "
                    + "(parameters-signalling.tsv): " + v.source()));
        }
    }

    /** x / (K + x). */
    static Expr saturation(Expr x, Expr k) {
        return div(x, plus(k, x));
    }

    static Expr s(String id) {
        return sym(id);
    }
}
