package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run: the shipped IL-2 receptor model, checked against its conservation laws and equilibrium. */
class RunCommandTest {

    @Test
    void defaultRunConservesEveryReceptorChainAndReachesDetailedBalance(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "--out", dir.toString(), "--rtol", "1e-9",
                "--atol", "1e-9");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("timecourse.csv"));
        assertThat(lines.get(0)).isEqualTo("time,replicate,quantity,value,unit");
        Map<String, Double> last = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (Double.parseDouble(f[0]) == 240) {
                last.put(f[2], Double.parseDouble(f[3]));
            }
        }
        double alpha = last.get("Ra") + last.get("IL2_Ra") + last.get("IL2_Ra_Rb") + last.get("IL2_Ra_gc")
                + last.get("IL2_Ra_Rb_gc");
        double beta = last.get("Rb") + last.get("IL2_Rb") + last.get("IL2_Ra_Rb") + last.get("IL2_Rb_gc")
                + last.get("IL2_Ra_Rb_gc");
        double gamma = last.get("gc") + last.get("IL2_Ra_gc") + last.get("IL2_Rb_gc") + last.get("IL2_Ra_Rb_gc");
        assertThat(alpha).isCloseTo(3476, within(1e-5));
        assertThat(beta).isCloseTo(657, within(1e-5));
        assertThat(gamma).isCloseTo(14017, within(1e-4));
        // At equilibrium each binding step balances: k_fbnd * L * Ra = k1 * IL2_Ra (1 nM IL-2, K_D = 10 nM).
        assertThat(last.get("IL2_Ra") / last.get("Ra")).isCloseTo(0.6 * 1.0 / 6.0, within(1e-6));
        // and LB + G <=> LBG: k_fwd * IL2_Rb * gc = k5 * IL2_Rb_gc
        assertThat(2.86e-3 * last.get("IL2_Rb") * last.get("gc") / last.get("IL2_Rb_gc")).isCloseTo(0.0795, within(1e-6));
    }

    @Test
    void aScenarioFileIsRefusedClearlyUntilScenariosExist(@TempDir Path dir) {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("run", "x.yaml", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.UNSUPPORTED);
        assertThat(r.err()).contains("scenario files are not supported yet").doesNotContain("\tat ");
    }
}
