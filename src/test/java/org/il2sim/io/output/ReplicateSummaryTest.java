package org.il2sim.io.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.il2sim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv: the statistics against hand values, and the file a stochastic scenario writes. */
class ReplicateSummaryTest {

    @Test
    void statisticsOfASmallSample() {
        ReplicateSummary.Stats s = ReplicateSummary.of(new double[] {4, 0, 2, 1, 3});
        assertThat(s.replicates()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(s.median()).isEqualTo(2.0);
        // R: quantile(c(0,1,2,3,4), c(.05,.95)) = 0.2, 3.8 (type 7)
        assertThat(s.q05()).isCloseTo(0.2, within(1e-12));
        assertThat(s.q95()).isCloseTo(3.8, within(1e-12));
        assertThat(s.fractionZero()).isEqualTo(0.2);
        assertThat(ReplicateSummary.of(new double[] {7}).sd()).isZero();
    }

    @Test
    void aStochasticScenarioWritesItsSummaryWhoseMeansMatchTheTidyFile(@TempDir Path dir) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.execute(new String[] {"run", "examples/il2-binding-stochastic.yaml", "--out", dir.toString(),
            "--quiet"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("condition,time,quantity,replicates,mean,sd,q05,median,q95,fraction_zero,"
                + "unit");
        assertThat(summary).hasSize(1 + 61 * 3);
        // the mean of Ra at the last time equals the mean of the 20 replicate rows of timecourse.csv
        double sum = 0;
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve("timecourse.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("30") && f[2].equals("Ra")) {
                sum += Double.parseDouble(f[3]);
                n++;
            }
        }
        assertThat(n).isEqualTo(20);
        String last = summary.stream().filter(l -> l.startsWith("il2-binding-stochastic,30,Ra,")).findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(last.split(",")[4])).isCloseTo(sum / n, within(1e-9 * Math.abs(sum / n)));
        assertThat(last.split(",")[3]).isEqualTo("20");
    }
}
