package org.il2sim.io.testsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.il2sim.core.sim.OutputGrid;

/**
 * A test case's settings file: output grid, variables, tolerances and which species are reported as amounts (every
 * entry is also kept by lower-case key in {@code all}).
 */
public record CaseSettings(double start, double duration, int steps, List<String> variables, double absolute,
                           double relative, Set<String> amounts, Set<String> concentrations, Map<String, String> all) {

    /** A setting by lower-case key (e.g. "meanrange" of stochastic cases), or null. */
    public String get(String key) {
        return all.get(key);
    }

    public static CaseSettings read(Path file) throws IOException {
        Map<String, String> kv = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                kv.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new CaseSettings(number(kv, "start", 0), number(kv, "duration", 0), (int) number(kv, "steps", 0),
                list(kv.get("variables")), number(kv, "absolute", 0), number(kv, "relative", 0),
                new TreeSet<>(list(kv.get("amount"))), new TreeSet<>(list(kv.get("concentration"))), Map.copyOf(kv));
    }

    private static double number(Map<String, String> kv, String key, double fallback) {
        String v = kv.get(key);
        return v == null || v.isEmpty() ? fallback : Double.parseDouble(v);
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** The output times: start + i * duration / steps for i = 0..steps. */
    public double[] times() {
        return OutputGrid.uniform(start, duration, steps);
    }
}
