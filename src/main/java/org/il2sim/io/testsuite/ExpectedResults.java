package org.il2sim.io.testsuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A case's expected results table: a header of variable names and rows of numbers (NaN and INF allowed). */
public record ExpectedResults(List<String> columns, double[][] rows) {

    public static ExpectedResults read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> columns = new ArrayList<>();
        for (String h : lines.get(0).split(",")) {
            columns.add(h.trim());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            double[] row = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                row[k] = parse(f[k].trim());
            }
            rows.add(row);
        }
        return new ExpectedResults(columns, rows.toArray(double[][]::new));
    }

    static double parse(String s) {
        switch (s.toUpperCase(Locale.ROOT)) {
            case "NAN":
                return Double.NaN;
            case "INF":
            case "+INF":
            case "INFINITY":
                return Double.POSITIVE_INFINITY;
            case "-INF":
            case "-INFINITY":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    /** The suite's pass rule for one value: |C - U| <= abs + rel * |C|, NaN matches NaN, infinities match. */
    public static boolean agrees(double expected, double actual, double absolute, double relative) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= absolute + relative * Math.abs(expected);
    }
}
