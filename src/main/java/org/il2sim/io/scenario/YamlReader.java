package org.il2sim.io.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML with Jackson's streaming parser into {@link YamlNode}s that keep line and column. */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** @throws ScenarioException for malformed YAML, with file:line:column */
    static YamlNode read(Reader in, String file) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(List.of(file + ":1:1: the file is empty; expected a scenario "
                        + "(key: value lines, see docs/scenarios.md)"));
            }
            return node(p, t, file);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new ScenarioException(List.of(where + ": malformed YAML: " + e.getOriginalMessage()
                    .replaceAll("\\s+", " ").trim()));
        }
    }

    private static YamlNode node(JsonParser p, JsonToken t, String file) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                JsonLocation kl = p.currentTokenLocation();
                String name = p.currentName();
                YamlNode value = node(p, p.nextToken(), file);
                if (entries.containsKey(name)) {
                    throw new ScenarioException(List.of(file + ":" + kl.getLineNr() + ":"
                            + kl.getColumnNr() + ": duplicate key '" + name + "'"));
                }
                entries.put(name, value);
                keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
            }
            return new YamlNode.Mapping(entries, keys, line, col);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                items.add(node(p, i, file));
            }
            return new YamlNode.Sequence(items, line, col);
        }
        return new YamlNode.Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line, col);
    }
}
