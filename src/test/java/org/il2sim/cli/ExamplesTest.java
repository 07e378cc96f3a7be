package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every scenario in examples/ runs from the repository alone; sweep and knockout results follow their changes. */
class ExamplesTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.getFileName().toString(), () -> {
            Path out = dir.resolve(e.getFileName().toString());
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", e.toString(), "--out", out.toString(),
                    "--quiet");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(out.resolve("report.html")).isNotEmptyFile();
            assertThat(out.resolve("run.json")).isNotEmptyFile();
        }));
    }

    /** Final value of a quantity per condition from conditions.csv. */
    static Map<String, Double> finals(Path csv, String quantity, double time) throws IOException {
        Map<String, Double> out = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("condition,time,replicate,quantity,value,unit");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[3].equals(quantity) && Double.parseDouble(f[1]) == time) {
                out.put(f[0], Double.parseDouble(f[4]));
            }
        }
        return out;
    }

    @Test
    void aSweepRunsOneTimeCourseperValue() throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "examples/il2-sweep-dose.yaml", "--out",
                dir.resolve("s").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> f = finals(dir.resolve("s/conditions.csv"), "IL2_Ra_Rb_gc", 60);
        assertThat(f).containsOnlyKeys("IL2=1 pM", "IL2=10 pM", "IL2=100 pM", "IL2=1 nM", "IL2=10 nM");
        assertThat(f.get("IL2=1 pM")).isLessThan(f.get("IL2=10 pM"));
        assertThat(f.get("IL2=10 pM")).isLessThan(f.get("IL2=100 pM"));
        assertThat(f.get("IL2=100 pM")).isLessThan(f.get("IL2=1 nM"));
    }

    @Test
    void aKnockoutComparisonRemovesWhatItKnocksOut() throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "examples/il2-receptor-knockouts.yaml",
                "--out", dir.resolve("k").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> f = finals(dir.resolve("k/conditions.csv"), "IL2_Ra_Rb_gc", 60);
        assertThat(f.get("no-CD25")).isEqualTo(0.0); // no IL-2Ra, no high-affinity complex
        assertThat(f.get("half-CD122")).isLessThan(f.get("baseline"));
        assertThat(f.get("baseline")).isGreaterThan(0);
    }

    @Test
    void stochasticRunsAreReproducibleWithTheSameSeedAndDifferWithAnother() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "examples/il2-binding-stochastic.yaml",
                    "--out", out.toString(), "--quiet");
            assertThat(r.code()).as(r.err()).isZero();
        }
        assertThat(Files.readString(a.resolve("timecourse.csv"))).isEqualTo(Files.readString(b.resolve("timecourse.csv")));
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(Path.of("examples/il2-binding-stochastic.yaml"))
                .replace("seed: 42", "seed: 43").replace("model: il2-receptor-binding", "model: il2-receptor-binding"));
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", other.toString(), "--out",
                dir.resolve("c").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("c/timecourse.csv"))).isNotEqualTo(Files.readString(a.resolve("timecourse.csv")));
    }
}
