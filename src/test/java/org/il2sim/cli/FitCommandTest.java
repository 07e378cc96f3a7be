package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `il2sim fit yt1`: files, a parameter file that differs only in the fitted values, and bad input. */
class FitCommandTest {

    @Test
    void aShortFitWritesItsEstimatesResidualsAndParameterFile(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("fit", "yt1", "--parameters", "k5",
                "--max-iterations", "2", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("k5").contains("sum of squared residuals");
        List<String> fit = Files.readAllLines(dir.resolve("fit.tsv"));
        assertThat(fit.get(0)).isEqualTo("id\tstart\testimate\tlower95\tupper95");
        assertThat(fit.get(1)).startsWith("k5\t0.0795000\t");
        assertThat(r.out()).contains("not converged");
        List<String> residuals = Files.readAllLines(dir.resolve("residuals.csv"));
        assertThat(residuals.get(0)).isEqualTo("experiment,condition,x,data,model_start,model_fit");
        assertThat(residuals).hasSize(1 + 91);
        List<String> params = Files.readAllLines(dir.resolve("parameters.tsv"));
        List<String> reference = List.of(new String(FitCommandTest.class.getResourceAsStream(
                "/org/il2sim/models/gammachain/parameters-IL2_IL15.tsv").readAllBytes()).split("\n"));
        assertThat(params).hasSize(reference.size());
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).startsWith("k5\t")) {
                assertThat(params.get(i)).contains("refitted: il2sim fit yt1");
            } else {
                assertThat(params.get(i)).isEqualTo(reference.get(i));
            }
        }
    }

    @Test
    void thePstat5ReadoutFitsTheSignallingLayerAndWritesItsRows(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("fit", "yt1", "--readout", "pstat5",
                "--parameters", "k_stat5_dimer", "--max-iterations", "1", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the cost at the start is the pSTAT5 read-out's (0.7709), not the active complexes' (0.759)
        assertThat(r.out()).contains("0.7709 at the start");
        List<String> params = Files.readAllLines(dir.resolve("parameters.tsv"));
        assertThat(params).anyMatch(l -> l.startsWith("k_stat5_dimer\t") && l.contains("--readout pstat5"));
        assertThat(params).anyMatch(l -> l.startsWith("k_tp\t")); // the set it started from: il2sim
        SbmlSimulateCommandTest.Run unused = SbmlSimulateCommandTest.run("fit", "yt1", "--parameters", "K_STAT5",
                "--out", dir.resolve("o").toString());
        assertThat(unused.code()).isEqualTo(2);
        assertThat(unused.err()).contains("--readout pstat5");
        assertThat(params).anyMatch(l -> l.startsWith("K_STAT5\t1e4\t"));
        SbmlSimulateCommandTest.Run bad = SbmlSimulateCommandTest.run("fit", "yt1", "--readout", "pERK", "--out",
                dir.resolve("o").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--readout must be active_complexes or pstat5");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void badInputIsRefusedWithoutOutput(@TempDir Path dir) {
        Path out = dir.resolve("o");
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("fit", "pbmc", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown data set 'pbmc'").contains("yt1");
        r = SbmlSimulateCommandTest.run("fit", "yt1", "--parameters", "k99", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("k99");
        r = SbmlSimulateCommandTest.run("fit", "yt1", "--gamma-chain", "guessed", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        // a rate that starts at 0 cannot be fitted in log space
        r = SbmlSimulateCommandTest.run("fit", "yt1", "--parameters", "Rexpr_IL7Ra", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Rexpr_IL7Ra").contains("positive start");
        // a rate the model computes from the measured count
        r = SbmlSimulateCommandTest.run("fit", "yt1", "--gamma-chain", "measured", "--parameters", "Rexpr_gc",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Rexpr_gc");
        // k_tp without the data that depend on it
        r = SbmlSimulateCommandTest.run("fit", "yt1", "--parameters", "k_tp", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--trans-presented");
        assertThat(Files.exists(out)).isFalse();
    }
}
