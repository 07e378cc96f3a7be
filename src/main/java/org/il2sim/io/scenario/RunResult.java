package org.il2sim.io.scenario;

import java.util.List;
import org.il2sim.core.network.ReactionNetwork;

/**
 * What a scenario run produced: the network actually simulated (after overrides), the output grid, and the values
 * values[replicate][time][quantity], with each quantity's unit. parameterValues are the values used at t = 0
 * (initial assignments applied).
 */
public record RunResult(Scenario scenario, ReactionNetwork network, java.util.Map<String, Double> parameterValues,
                        String method, double rtol, double atol, double[] times, List<String> quantities,
                        List<String> units, double[][][] values, long wallMillis, List<String> warnings) {
}
