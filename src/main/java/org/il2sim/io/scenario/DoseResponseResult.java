package org.il2sim.io.scenario;

import java.util.List;
import org.il2sim.models.gammachain.DoseResponse;
import org.il2sim.models.gammachain.ParameterSet;

/** What a dose-response scenario produced: every point, the parameter set used, and the wall time. */
public record DoseResponseResult(Scenario scenario, List<DoseResponse.Point> points, ParameterSet parameters,
                                 long wallMillis) {
}
