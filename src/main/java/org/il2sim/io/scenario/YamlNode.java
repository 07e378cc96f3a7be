package org.il2sim.io.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers where it was written, so that validation errors can name
 * file, line and column (Jackson's own trees forget locations).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    int line();

    int column();

    /** A scalar: its text as written (null for YAML null). */
    record Scalar(String text, int line, int column) implements YamlNode {
    }

    /** A mapping, in document order; keys keep their own locations. */
    record Mapping(Map<String, YamlNode> entries, Map<String, int[]> keyLocations, int line, int column)
            implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
            keyLocations = new LinkedHashMap<>(keyLocations);
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    static String kind(YamlNode n) {
        if (n instanceof Scalar) {
            return "a value";
        }
        return n instanceof Mapping ? "a mapping (key: value lines)" : "a list";
    }
}
