package org.il2sim.models.tables;

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
 * A delimited text table bundled with the models (parameter tables, receptor counts, synonyms): a header row, then one
 * row per record; blank lines and lines starting with {@code #} are skipped. No quoting: fields never contain the
 * separator. Hand-written because these few files need nothing more, and errors name the file and line.
 */
public final class DataTable {

    /** One record: its line in the file (1 = the header) and its fields by column name. */
    public record Row(int line, Map<String, String> fields) {
        /** A field; null for a column the table does not have. */
        public String get(String column) {
            return fields.get(column);
        }
    }

    private final String resource;
    private final List<Row> rows;

    private DataTable(String resource, List<Row> rows) {
        this.resource = resource;
        this.rows = rows;
    }

    /** Reads a tab-separated resource next to {@code owner} (in its package). */
    public static DataTable tsv(Class<?> owner, String resource) {
        return read(owner, resource, "\t");
    }

    /** Reads a resource next to {@code owner}; {@code separator} is "\t" or ",". */
    public static DataTable read(Class<?> owner, String resource, String separator) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled data file missing: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalStateException(resource + ": empty file");
            }
            String[] header = headerLine.split(separator, -1);
            List<Row> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
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
                rows.add(new Row(number, row));
            }
            return new DataTable(resource, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The resource name, for messages. */
    public String resource() {
        return resource;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Where a row is, for messages: "file line N". */
    public String where(Row row) {
        return resource + " line " + row.line();
    }

    /** A field as a number, with the file, line and column named when it is not one. */
    public double number(Row row, String column) {
        String s = row.get(column);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException(where(row) + ": column '" + column + "' is not a number: '" + s + "'", e);
        }
    }

    /** A field as a number, NaN when empty. */
    public double optionalNumber(Row row, String column) {
        String s = row.get(column);
        return s == null || s.isEmpty() ? Double.NaN : number(row, column);
    }
}
