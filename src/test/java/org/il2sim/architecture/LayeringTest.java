package org.il2sim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md: cli → io → tissue → models → core. A lower layer never imports a higher one. */
class LayeringTest {

    private static final List<String> LAYERS = List.of("core", "models", "tissue", "io", "cli");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?org\\.il2sim\\.(\\w+)", Pattern.MULTILINE);

    @Test
    void lowerLayersNeverImportHigherOnes() throws IOException {
        Path root = Path.of("src/main/java/org/il2sim");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(f).getName(0).toString();
                int own = LAYERS.indexOf(layer);
                assertThat(own).as("package %s is not a known layer", layer).isGreaterThanOrEqualTo(0);
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    int used = LAYERS.indexOf(m.group(2));
                    if (used > own) {
                        violations.add(root.relativize(f) + " imports org.il2sim." + m.group(2));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void detectsAViolation() {
        Matcher m = IMPORT.matcher("package org.il2sim.core;\nimport org.il2sim.cli.Main;\n");
        assertThat(m.find()).isTrue();
        assertThat(LAYERS.indexOf(m.group(2))).isGreaterThan(LAYERS.indexOf("core"));
    }
}
