package org.il2sim.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A wide table: first column time, then one column per quantity; '.' decimal point, shortest round-trip numbers. */
public final class WideCsv {

    private WideCsv() {
    }

    public static void write(Writer w, List<String> header, double[] times, double[][] rows) throws IOException {
        w.write(String.join(",", header));
        w.write('\n');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < times.length; i++) {
            line.setLength(0);
            line.append(format(times[i]));
            for (double v : rows[i]) {
                line.append(',').append(format(v));
            }
            line.append('\n');
            w.write(line.toString());
        }
    }

    /** Java's shortest representation that reads back to the same double; NaN and INF as the SBML suite writes them. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INF" : "-INF";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
