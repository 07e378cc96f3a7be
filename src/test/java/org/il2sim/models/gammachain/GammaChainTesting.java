package org.il2sim.models.gammachain;

import java.util.List;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;

/** Shared helpers of the γc model tests. */
final class GammaChainTesting {

    /** rtol 1e-8; atol 1e-10 in amounts (#/cell, and #/cell for endosomal ligand). */
    static final Tolerances TIGHT = Tolerances.DEFAULT.withRelative(1e-8).withAbsolute(1e-10);

    private GammaChainTesting() {
    }

    /** The value of {@code id} (species as amount) at each time. */
    static double[] run(ReactionNetwork n, String id, double... times) {
        CompiledModel m = CompiledModel.compile(n);
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), TIGHT, times, List.of(m.readout(id, true)), true);
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = rows[i][0];
        }
        return out;
    }

    /** The whole state vector (amounts, in the model's state order) at time t. */
    static double[] stateAt(CompiledModel m, Tolerances tol, double t) {
        int n = m.stateSize();
        List<CompiledModel.Readout> all = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(m.readout(m.stateName(i), true));
        }
        double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tol, new double[] {t}, all, true);
        return rows[0];
    }
}
