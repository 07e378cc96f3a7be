package org.il2sim.core.sim;

import java.util.List;
import java.util.random.RandomGenerator;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.StochasticRun;

/** One stochastic trajectory of a compiled model, sampled on an output grid (the counterpart of {@link TimeCourse}). */
public final class StochasticTimeCourse {

    private StochasticTimeCourse() {
    }

    /** @return result[i][k] = quantity k at times[i] */
    public static double[][] run(CompiledModel model, StochasticMethod method, double[] times, RandomGenerator rng,
                                 List<CompiledModel.Readout> outputs) {
        StochasticModel system = new StochasticModel(model);
        ModelState state = model.newState(0);
        StochasticRun run = method.start(system, 0, model.initialState(), rng);
        double[][] out = new double[times.length][outputs.size()];
        for (int i = 0; i < times.length; i++) {
            run.advanceTo(times[i]);
            state.refresh(times[i], run.state());
            for (int k = 0; k < outputs.size(); k++) {
                out[i][k] = outputs.get(k).read(state.values());
            }
        }
        return out;
    }
}
