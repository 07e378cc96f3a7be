package org.il2sim.models.immune;

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
 * A tab-separated table bundled with this package: a header row, then one row per record; lines starting with
 * {@code #} are comments. No quoting (fields never contain a tab). The same small format as the γc package's tables.
 */
final class TsvTable {

    private final String resource;
    private final List<Map<String, String>> rows;

    private TsvTable(String resource, List<Map<String, String>> rows) {
        this.resource = resource;
        this.rows = rows;
    }

    /** Reads a resource next to this class. */
    static TsvTable read(String resource) {
        InputStream in = TsvTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled data file missing: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalStateException(resource + ": empty file");
            }
            String[] header = headerLine.split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != header.length) {
                    throw new IllegalStateException(resource + " line " + number + ": " + fields.length
                            + " fields, expected " + header.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i].trim());
                }
                row.put("#line", Integer.toString(number));
                rows.add(row);
            }
            return new TsvTable(resource, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    String resource() {
        return resource;
    }

    List<Map<String, String>> rows() {
        return rows;
    }
}
