package org.il2sim.models.gammachain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delimited text table bundled with this package: a header row, then one row per record. Enough for the package's
 * own data files (no quoting; fields never contain the separator).
 */
final class TsvTable {

    private final String resource;
    private final List<Map<String, String>> rows;

    private TsvTable(String resource, List<Map<String, String>> rows) {
        this.resource = resource;
        this.rows = rows;
    }

    /** Reads a resource next to this class; {@code separator} is "\t" or ",". */
    static TsvTable read(String resource, String separator) {
        InputStream in = TsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled data file missing: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalStateException(resource + ": empty file");
            }
            String[] header = headerLine.split(separator, -1);
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(separator, -1);
                if (fields.length != header.length) {
                    throw new IllegalStateException(resource + " line " + number + ": " + fields.length
                            + " fields, expected " + header.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i].trim());
                }
                rows.add(row);
            }
            return new TsvTable(resource, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    List<Map<String, String>> rows() {
        return rows;
    }

    /** A field as a number, with the file and column named when it is not one. */
    double number(Map<String, String> row, String column) {
        String s = row.get(column);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException(resource + ": column '" + column + "' is not a number: '" + s + "'", e);
        }
    }

    /** A field as a number, NaN when empty. */
    double optionalNumber(Map<String, String> row, String column) {
        String s = row.get(column);
        return s == null || s.isEmpty() ? Double.NaN : number(row, column);
    }
}
