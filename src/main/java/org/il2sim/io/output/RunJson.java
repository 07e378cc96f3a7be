package org.il2sim.io.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.io.AtomicFiles;
import org.il2sim.io.scenario.RunResult;
import org.il2sim.io.scenario.Scenario;

/** run.json: machine-readable facts of a run (what ran, how, where the files are, final values). */
public final class RunJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    /** The facts every run.json has: version, scenario, experiment, output folder and files. */
    public static Map<String, Object> base(String version, Scenario s, Path dir, List<String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("il2simVersion", version);
        m.put("scenario", s.name());
        m.put("scenarioFile", s.file().toString());
        m.put("experiment", s.experiment());
        m.put("outputFolder", dir.toString());
        m.put("files", files);
        return m;
    }

    public static Map<String, Object> summary(RunResult r, Path dir, String version, List<String> files) {
        Map<String, Object> m = base(version, r.scenario(), dir, files);
        m.put("model", r.network().id());
        putMethod(m, r);
        m.put("seed", r.scenario().seed());
        m.put("replicates", r.values().length);
        m.put("timeUnit", "min");
        m.put("times", r.times().length);
        m.put("wallMillis", r.wallMillis());
        m.put("warnings", r.warnings());
        Map<String, Object> last = new LinkedHashMap<>();
        int end = r.times().length - 1;
        for (int k = 0; k < r.quantities().size(); k++) {
            double mean = 0;
            for (double[][] rep : r.values()) {
                mean += rep[end][k] / r.values().length;
            }
            last.put(r.quantities().get(k), mean);
        }
        m.put("finalValues", last);
        return m;
    }

    /** How a run was solved: method, hybrid partition, tolerances (a tissue run's field tolerance instead). */
    public static void putMethod(Map<String, Object> m, RunResult r) {
        m.put("method", r.method());
        if ("hybrid".equals(r.method())) {
            m.put("continuous", r.scenario().solver().continuous());
            double threshold = r.scenario().solver().threshold();
            m.put("threshold", Double.isInfinite(threshold) ? null : threshold);
        }
        if (r.solverTolerancesApply()) {
            m.put("rtol", r.rtol());
            m.put("atol", r.atol());
        } else {
            // a tissue run: no ODE or stochastic solver tolerances, the IL-2 field's solve tolerance instead
            m.put("rtol", null);
            m.put("atol", null);
            m.put("fieldTolerance", r.fieldTolerance());
        }
    }

    public static void write(Path file, Map<String, Object> summary) throws IOException {
        AtomicFiles.write(file, w -> w.write(toJson(summary)));
    }

    public static String toJson(Object value) throws IOException {
        return JSON.writeValueAsString(value) + "\n";
    }
}
