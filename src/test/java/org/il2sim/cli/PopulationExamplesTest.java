package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The B6 and B11 examples through the command line: each knockout comparison's conditions move the read-outs in the
 * direction docs/immune.md reports (the models' own tests measure the sizes).
 */
class PopulationExamplesTest {

    private static final double DAY = 1440;

    @TempDir
    Path dir;

    private Path run(String example) {
        Path out = dir.resolve(example);
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "examples/" + example + ".yaml", "--out",
                out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("conditions.csv");
    }

    @Test
    void prolongedIl2LowersMemoryInTheFateExample() throws IOException {
        Map<String, Double> memory = ExamplesTest.finals(run("effector-memory-fate"), "CD8_memory", 60 * DAY);
        assertThat(memory.get("prolonged-IL2")).isLessThan(memory.get("baseline"));
        assertThat(memory.get("IL2-given-days-3-7")).isLessThan(memory.get("baseline"));
    }

    @Test
    void il15KnockoutRemovesNkInTheExample() throws IOException {
        Path csv = run("il15-nk-memory");
        Map<String, Double> nk = ExamplesTest.finals(csv, "NK", 120 * DAY);
        assertThat(nk.get("IL15-knockout")).isLessThan(0.1 * nk.get("baseline"));
        assertThat(nk.get("IL15-knockout-plus-IL2")).isGreaterThan(nk.get("IL15-knockout"));
        Map<String, Double> division = ExamplesTest.finals(csv, "CD8_memory_division_rate", 120 * DAY);
        assertThat(division.get("IL15-knockout")).isZero();
        assertThat(division.get("baseline")).isGreaterThan(0);
    }

    @Test
    void complexesSelectTheirTargetsInTheExample() throws IOException {
        Path csv = run("il2-complexes");
        Map<String, Double> nk = ExamplesTest.finals(csv, "NK_fold", 7 * DAY);
        Map<String, Double> treg = ExamplesTest.finals(csv, "Treg_fold", 7 * DAY);
        assertThat(nk.get("S4B6-complex")).isGreaterThan(100 * nk.get("JES6-complex"));
        assertThat(treg.get("JES6-complex")).isGreaterThan(3);
    }

    @Test
    void il2AndIl21RaiseIgInTheBCellExample() throws IOException {
        Map<String, Double> ig = ExamplesTest.finals(run("b-cell-help"), "Ig_ug_per_mL", 14 * DAY);
        assertThat(ig.get("IL2-and-IL21")).isGreaterThan(ig.get("IL21")).isGreaterThan(ig.get("baseline"));
        assertThat(ig.get("IL2")).isGreaterThan(ig.get("baseline"));
    }
}
