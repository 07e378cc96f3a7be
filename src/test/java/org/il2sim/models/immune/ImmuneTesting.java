package org.il2sim.models.immune;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;

/** Shared helpers of the immune model tests. */
final class ImmuneTesting {

    /** Minutes per day and per hour (the models run in il2sim's canonical minutes). */
    static final double DAY = 1440;
    static final double HOUR = 60;

    private ImmuneTesting() {
    }

    /** Evenly spaced times from 0 to end (inclusive), in n intervals. */
    static double[] grid(double end, int n) {
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = end * i / n;
        }
        return t;
    }

    /**
     * Runs a network with the stiff BDF method and returns out[k][i] = quantity k at times[i] (species as the model
     * reads them: counts for cells, concentrations for medium species and per-cell receptor counts).
     */
    static double[][] run(ReactionNetwork n, Tolerances tol, double[] times, String... ids) {
        CompiledModel m = CompiledModel.compile(n);
        List<CompiledModel.Readout> outs = new ArrayList<>();
        for (String id : ids) {
            outs.add(m.readout(id, n.speciesById().containsKey(id) && n.speciesById().get(id).hasOnlySubstanceUnits()));
        }
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tol, times, outs, true);
        double[][] out = new double[ids.length][times.length];
        for (int i = 0; i < times.length; i++) {
            for (int k = 0; k < ids.length; k++) {
                out[k][i] = rows[i][k];
            }
        }
        return out;
    }

    static int argMax(double[] xs) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > xs[best]) {
                best = i;
            }
        }
        return best;
    }

    static double max(double[] xs) {
        return xs[argMax(xs)];
    }
}
