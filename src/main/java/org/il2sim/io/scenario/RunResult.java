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

    /**
     * False for a tissue run: its agents act by chance and its IL-2 field is solved to the model's
     * {@code field_tolerance} (rtol and atol are NaN then), so the solver's tolerances do not apply.
     */
    public boolean solverTolerancesApply() {
        return !TissueRun.METHOD.equals(method);
    }

    /** A tissue run's field_tolerance (relative residual of each IL-2 field solve); null for other runs. */
    public Double fieldTolerance() {
        return solverTolerancesApply() ? null : parameterValues.get(TissueRun.FIELD_TOLERANCE);
    }

    /** The tolerances as a reader should see them, for reports. */
    public String toleranceText() {
        if (solverTolerancesApply()) {
            return String.format(java.util.Locale.ROOT, "rtol %.3g, atol %.3g", rtol, atol);
        }
        return String.format(java.util.Locale.ROOT, "IL-2 field solve to a relative residual of %.3g (%s); the "
                + "solver's rtol and atol do not apply", fieldTolerance(), TissueRun.FIELD_TOLERANCE);
    }
}
