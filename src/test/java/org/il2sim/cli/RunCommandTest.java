package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `il2sim run`: the default scenario, scenario files, outputs, and clear errors for bad scenarios. */
class RunCommandTest {

    static SbmlSimulateCommandTest.Run run(String... args) {
        return SbmlSimulateCommandTest.run(args);
    }

    @Test
    void defaultRunWritesEveryOutputFile(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = run("run", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("dose_response.csv", "ec50.csv", "dose_response_IL2_60min.png",
                "dose_response_IL15_240min.svg", "report.html", "run.json")) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(dir.resolve("dose_response.csv"))).hasSize(1 + 4 * 2 * 12 * 4);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("data:image/png;base64,").contains("k_fwd").contains("posterior median")
                .doesNotContain("src=\"http");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertThat(json.get("model").asText()).isEqualTo("gamma-chain");
        // the system's central fact: Tregs answer IL-2 at far lower doses than NK cells, but not IL-15
        JsonNode ec50 = json.get("ec50ActiveComplexesNanomolar");
        assertThat(ec50.get("Treg/IL2/60min").asDouble()).isLessThan(ec50.get("NK/IL2/60min").asDouble() / 5);
        assertThat(ec50.get("Treg/IL15/60min").asDouble()).isGreaterThan(ec50.get("NK/IL15/60min").asDouble() / 2);
        // the default set (il2sim) has the signalling layer: the same fact in pSTAT5
        assertThat(json.get("parameterSet").asText()).isEqualTo("il2sim");
        JsonNode stat5 = json.get("ec50PSTAT5Nanomolar");
        assertThat(stat5.get("Treg/IL2/60min").asDouble()).isLessThan(stat5.get("NK/IL2/60min").asDouble() / 4);
        assertThat(stat5.get("Treg/IL15/60min").asDouble()).isGreaterThan(stat5.get("NK/IL15/60min").asDouble() / 2);
        assertThat(html).contains("pstat5").contains("K_STAT5");
        byte[] png = Files.readAllBytes(dir.resolve("dose_response_IL2_60min.png"));
        assertThat(png[1]).isEqualTo((byte) 'P');
    }

    @Test
    void receptorChainsAreConservedAndBindingReachesDetailedBalance(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("eq.yaml");
        Files.writeString(scenario, "name: eq\nmodel: il2-receptor-binding\nduration: 4 h\nsteps: 4\n"
                + "solver: {rtol: 1e-9, atol: 1e-9}\n");
        SbmlSimulateCommandTest.Run r = run("run", scenario.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> last = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("o/timecourse.csv")).subList(1, 46)) {
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
        // at equilibrium every step balances: k_fbnd L Ra = k1 IL2_Ra (1 nM IL-2, K_D 10 nM) ...
        assertThat(last.get("IL2_Ra") / last.get("Ra")).isCloseTo(0.6 * 1.0 / 6.0, within(1e-6));
        // ... and k_fwd IL2_Rb gc = k5 IL2_Rb_gc
        assertThat(2.86e-3 * last.get("IL2_Rb") * last.get("gc") / last.get("IL2_Rb_gc")).isCloseTo(0.0795, within(1e-6));
    }

    @Test
    void interventionsChangeQuantitiesAtTheirTime(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("wash.yaml");
        Files.writeString(scenario, "name: wash\nmodel: il2-receptor-binding\nduration: 60 min\nsteps: 6\n"
                + "parameters:\n  IL2: 100 pM\ninterventions:\n  - at: 30 min\n    set: {IL2: 0 nM}\noutputs: [IL2, IL2_Ra]\n");
        SbmlSimulateCommandTest.Run r = run("run", scenario.toString(), "--out", dir.resolve("o").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"finalValues\"");
        Map<Double, Double> il2 = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("o/timecourse.csv"))) {
            String[] f = line.split(",");
            if (f[2].equals("IL2")) {
                il2.put(Double.parseDouble(f[0]), Double.parseDouble(f[3]));
            }
        }
        assertThat(il2.get(20.0)).isEqualTo(0.1); // 100 pM in nM
        assertThat(il2.get(30.0)).isEqualTo(0.0); // the value at the event time is the one after it
        assertThat(il2.get(60.0)).isEqualTo(0.0);
    }

    /** Cell populations take their starting counts in cells; model parameters are the lymph-node interventions. */
    @Test
    void cellCountsAreInitialAmountsAndTregInterventionsAreParameters(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("ln.yaml");
        Files.writeString(scenario, "name: ln\nmodel: treg-tug-of-war\nduration: 6 h\nsteps: 2\n"
                + "initial:\n  self_naive: 40 cells\nparameters:\n  Treg_density: 0\noutputs: [Treg, self_naive]\n");
        SbmlSimulateCommandTest.Run r = run("run", scenario.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("o/timecourse.csv"));
        assertThat(lines).contains("0,1,Treg,0,cells", "0,1,self_naive,40,cells");
        // no Tregs and no thymic Treg output: none appear (to solver round-off)
        assertThat(lines).anyMatch(l -> l.startsWith("360,1,Treg,")
                && Math.abs(Double.parseDouble(l.split(",")[3])) < 1e-9);
    }

    @Test
    void badScenariosGetEveryProblemWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path syntax = dir.resolve("bad.yaml");
        Files.writeString(syntax, "name: broken\nexperiment: time-course\ncells:\n  - Treg2\nduration: [oops\n");
        SbmlSimulateCommandTest.Run r = run("run", syntax.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).containsPattern("bad\\.yaml:\\d+:\\d+: malformed YAML").doesNotContain("Exception");

        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "name: w\nexperiment: time-course\nduraton: 1 h\nduration: 5 kg\n"
                + "solver:\n  method: magic\nparameters:\n  nope: 1 nM\n");
        SbmlSimulateCommandTest.Run w = run("run", wrong.toString(), "--out", dir.resolve("o").toString());
        assertThat(w.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(w.err()).contains("wrong.yaml:3:1: unknown key 'duraton'").contains("wrong.yaml:4:11:")
                .contains("unknown unit 'kg'").contains("wrong.yaml:6:11: unknown method 'magic'; known: ode");
        assertThat(dir.resolve("o")).doesNotExist();

        Path ids = dir.resolve("ids.yaml");
        Files.writeString(ids, "duration: 1 h\nparameters:\n  nope: 1 nM\noutputs: [Ra, Rz]\n");
        SbmlSimulateCommandTest.Run i = run("run", ids.toString(), "--out", dir.resolve("o").toString());
        assertThat(i.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(i.err()).contains("ids.yaml:3:3: unknown parameter 'nope'; known: IL2, k_fbnd");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /**
     * A value set for something the model computes by an assignment rule would be overwritten at once, so it is
     * refused (parameters, initial values, interventions); a misspelt id gets the closest known ids.
     */
    @Test
    void computedQuantitiesAreRefusedAndMisspeltIdsGetSuggestions(@TempDir Path dir) throws IOException {
        String c = refused(dir, "computed.yaml", "model: treg-tug-of-war-destiny\nduration: 1 day\nparameters:\n"
                + "  IL2_pM: 3\ninitial:\n  self_active: 40 cells\ninterventions:\n  - at: 2 h\n"
                + "    set: {Treg_fraction: 0.1}\n");
        assertThat(c).contains("computed.yaml:4:3: 'IL2_pM' is computed by an assignment rule")
                .contains("computed.yaml:6:3: 'self_active' is computed by an assignment rule")
                .contains("computed.yaml:9:11: 'Treg_fraction' is computed by an assignment rule");

        String t = refused(dir, "typo.yaml", "model: treg-tug-of-war\nduration: 1 day\nparameters:\n"
                + "  treg_densty: 0.5\ninitial:\n  self_naiv: 40 cells\n");
        assertThat(t).contains("typo.yaml:4:3: unknown parameter 'treg_densty' (did you mean 'Treg_density'?)")
                .contains("typo.yaml:6:3: unknown species 'self_naiv' (did you mean 'self_naive'");
        // the known list offers only what can be set: no computed values
        String known = t.lines().filter(l -> l.contains("unknown parameter")).findFirst().orElseThrow();
        assertThat(known).contains("Treg_density").doesNotContain("IL2_pM").doesNotContain("Treg_suppression");

        assertThat(refused(dir, "model.yaml", "model: treg-tug-of-wr\nduration: 1 day\n"))
                .contains("unknown built-in model 'treg-tug-of-wr' (did you mean 'treg-tug-of-war'?)");
    }

    @Test
    void everyConditionsProblemIsReportedAtOnce(@TempDir Path dir) throws IOException {
        String r = refused(dir, "ko.yaml", "experiment: knockout\nduration: 1 h\nconditions:\n"
                + "  a: {parameters: {nope: 1}}\n  b: {parameters: {k_fbnd: 1}, initial: {Rz: 0}}\n"
                + "  c: {parameters: {also_nope: 2}}\n");
        assertThat(r).contains("ko.yaml:4:20: unknown parameter 'nope'")
                .contains("ko.yaml:5:42: unknown species 'Rz' (did you mean 'Ra' or 'Rb'?)")
                .contains("ko.yaml:6:20: unknown parameter 'also_nope'");
    }

    @Test
    void aSweepWithoutValuesIsRefusedWithItsLocation(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("sw.yaml");
        Files.writeString(s, "experiment: sweep\nduration: 1 h\nsweep: {parameter: IL2}\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("sw.yaml:3:8: a sweep needs 'values:' as a list");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void doseResponseScenariosNameUnknownCellTypesWithTheirLocation(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("dr.yaml");
        Files.writeString(s, "experiment: dose-response\ncells: [Treg, Treg2]\nligands: [IL2, IL99]\n"
                + "doses: [1 nM, 0 nM]\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("dr.yaml:2:15: unknown cell type 'Treg2'; known: Treg, TregNaive")
                .contains("dr.yaml:3:16: unknown ligand 'IL99'").contains("dr.yaml:4:15: doses must be positive");
        assertThat(dir.resolve("o")).doesNotExist();
    }
    @Test
    void doseResponseScenariosRefuseRepeatsAndBadLigandNames(@TempDir Path dir) throws IOException {
        String r = refused(dir, "dr.yaml", "experiment: dose-response\ncells: [Treg, Tregs]\n"
                + "ligands: [IL2, IL-2, \"a/b\"]\nligand-definitions:\n  \"a/b\": {kdAlpha: 1 nM, kdBetaGamma: 2 nM}\n"
                + "  il15: {kdAlpha: 1 nM, kdBetaGamma: 2 nM}\n  myV: {kdAlpha: 1 nM, kdBetaGamma: 2 nM}\n"
                + "  MYV: {kdAlpha: 1 nM, kdBetaGamma: 3 nM}\n");
        assertThat(r).contains("dr.yaml:8:3: ligand definition 'MYV' differs from another only in case")
                .contains("dr.yaml:2:15: cell type Treg is listed twice ('Tregs')")
                .contains("dr.yaml:3:16: ligand IL2 is listed twice ('IL-2')").doesNotContain("unknown ligand 'a/b'")
                .contains("dr.yaml:5:3: ligand name 'a/b': use letters, digits")
                .contains("dr.yaml:6:3: ligand name 'il15' is a built-in ligand (IL15)");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aTimeCourseNeedsAPositiveDurationAndInterventionsAtOrAfterTimeZero(@TempDir Path dir) throws IOException {
        assertThat(refused(dir, "d.yaml", "duration: 0 h\n")).contains("d.yaml:1:11: 'duration' must be positive");
        assertThat(refused(dir, "i.yaml", "duration: 1 h\ninterventions:\n  - at: -1 h\n    set: {IL2: 0 nM}\n"))
                .contains("i.yaml:3:9: an intervention's 'at' must not be negative");
    }

    @Test
    void doseResponseTimesMustIncreaseAndListsMustNotBeEmpty(@TempDir Path dir) throws IOException {
        assertThat(refused(dir, "t.yaml", "experiment: dose-response\ncells: [NK]\nligands: [IL2]\n"
                + "doses: [1 nM]\ntimes: [60 min, 30 min]\n"))
                .contains("t.yaml:5:8: 'times' must increase; 30.0 min comes after 60.0 min");
        assertThat(refused(dir, "e.yaml", "experiment: dose-response\ncells: []\nligands: []\n"))
                .contains("e.yaml:2:8: 'cells' needs at least one name").contains("e.yaml:3:10: 'ligands' needs");
    }

    @Test
    void doseResponseScenariosTakeACellDensityForAFiniteMedium(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("dr.yaml");
        Files.writeString(s, "experiment: dose-response\ncells: [NK]\nligands: [IL2]\ndoses: [0.001 nM]\n"
                + "times: [60 min]\ncell-density: 1e4 cells/uL\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("o/run.json"))).contains("\"cellDensityPerMl\" : 1.0E7");
        assertThat(Files.readString(dir.resolve("o/report.html"))).contains("each cell type alone at 1.00e+07 cells/mL");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "experiment: dose-response\ncells: [NK]\ncell-density: -1\n");
        SbmlSimulateCommandTest.Run b = run("run", bad.toString(), "--out", dir.resolve("b").toString());
        assertThat(b.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(b.err()).contains("bad.yaml:3:15: 'cell-density' must be a positive number of cells per mL");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void valuesReadWhenABuiltInModelIsBuiltAreRefused(@TempDir Path dir) throws IOException {
        // the gamma-chain fits and the generation chains are made when the model is built: a later value would
        // change nothing, so it is refused (it used to be accepted silently)
        Path s = dir.resolve("b11.yaml");
        Files.writeString(s, "model: il15-nk-memory\nduration: 1 day\nparameters: {signal_readout_time: 1 h}\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("b11.yaml:3:14: 'signal_readout_time' is read when the built-in model is built")
                .doesNotContain("Exception");
        Files.writeString(s, "model: il2-complexes\nduration: 1 day\ninterventions:\n  - {at: 1 h, set: "
                + "{destiny_NK: 3}}\n");
        r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'destiny_NK' is read when the built-in model is built");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void doseResponseScenariosRunTheMultivalentModelWithAValency(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("mv.yaml");
        Files.writeString(s, "experiment: dose-response\nvalency: 2\ncells: [Treg, NK]\nligands: [N88D_Cterm]\n"
                + "doses: {from: 1e-3 nM, to: 1e5 nM, count: 9}\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("EC50 of bound IL-2Rb at equilibrium (nM):");
        // the same numbers as the command line's --valency, which is checked against the closed form
        SbmlSimulateCommandTest.Run cli = run("dose-response", "--cells", "Treg,NK", "--ligands", "N88D_Cterm",
                "--doses", "1e-3:1e5:9", "--valency", "2", "--out", dir.resolve("cli").toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("o/dose_response.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("cli/dose_response.csv")));
        assertThat(Files.readString(dir.resolve("o/run.json"))).contains("\"model\" : \"multivalent-binding\"")
                .contains("\"valency\" : 2");
        assertThat(Files.readString(dir.resolve("o/report.html"))).contains("kx_star").contains("Orcutt-Jahns");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "experiment: dose-response\nligands: [IL15]\nvalency: 2\ncell-density: 1e6\n");
        SbmlSimulateCommandTest.Run b = run("run", bad.toString(), "--out", dir.resolve("b").toString());
        assertThat(b.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(b.err()).contains("bad.yaml:3:10: 'cell-density' applies to the ODE model")
                .contains("bad.yaml:3:10: ligand IL15 has no K_D for IL-2Ra and IL-2Rb/gc");
        Path zero = dir.resolve("zero.yaml");
        Files.writeString(zero, "experiment: dose-response\nvalency: 0\n");
        SbmlSimulateCommandTest.Run z = run("run", zero.toString(), "--out", dir.resolve("z").toString());
        assertThat(z.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(z.err()).contains("zero.yaml:2:10: 'valency' must be between 1 and 16");
        assertThat(dir.resolve("z")).doesNotExist();
        Path times = dir.resolve("times.yaml");
        Files.writeString(times, "experiment: dose-response\nvalency: 2\ntimes: [60 min]\n");
        SbmlSimulateCommandTest.Run t = run("run", times.toString(), "--out", dir.resolve("t").toString());
        assertThat(t.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(t.err()).contains("times.yaml:3:8: 'times' belongs to the ODE model");
        assertThat(dir.resolve("b")).doesNotExist();

        Path co = dir.resolve("co.yaml");
        Files.writeString(co, "experiment: dose-response\ncells: [Treg, NK]\nligands: [IL2]\nco-culture: true\n");
        SbmlSimulateCommandTest.Run c = run("run", co.toString(), "--out", dir.resolve("c").toString());
        assertThat(c.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(c.err()).contains("co.yaml:4:13: 'co-culture: true' shares one finite medium").contains(
                "give 'cell-density'").doesNotContain("Exception");
        assertThat(dir.resolve("c")).doesNotExist();
        Files.writeString(co, "experiment: dose-response\ncells: [Treg]\nligands: [IL2]\nco-culture: yes\n"
                + "cell-density: 1e6\n");
        c = run("run", co.toString(), "--out", dir.resolve("c").toString());
        assertThat(c.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(c.err()).contains("unknown co-culture 'yes'").contains("known: true, false");
        Files.writeString(co, "experiment: dose-response\ncells: [Treg, NK]\nligands: [IL2]\nco-culture: true\n"
                + "cell-density: 1.5e9\n");
        c = run("run", co.toString(), "--out", dir.resolve("c").toString());
        assertThat(c.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(c.err()).contains("co.yaml:4:13: 'co-culture: true' with 2 cell types adds up to 3.00e+09 cells/mL")
                .doesNotContain("Exception");
        Files.writeString(co, "experiment: dose-response\ncells: [Treg, NK]\nligands: [IL2]\n"
                + "cell-density: {Treg: 1e5, CD8: 1e6}\n");
        c = run("run", co.toString(), "--out", dir.resolve("c").toString());
        assertThat(c.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(c.err()).contains("co.yaml:4:27: 'cell-density' names CD8, which 'cells' does not list")
                .contains("'cell-density' needs a density for every cell type; missing: NK")
                .doesNotContain("Exception");
        for (String coCulture : List.of("true", "false")) {
            Files.writeString(co, "experiment: dose-response\ncells: [Treg, NK]\nligands: [IL2]\ncell-density: {}\n"
                    + "co-culture: " + coCulture + "\n");
            c = run("run", co.toString(), "--out", dir.resolve("c").toString());
            assertThat(c.code()).as(coCulture).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(c.err()).contains("co.yaml:4:15: 'cell-density' needs a density for every cell type")
                    .doesNotContain("Exception");
            assertThat(dir.resolve("c")).doesNotExist();
        }
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void hybridSolverKeysAreCheckedWithTheirLocation(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("h.yaml");
        Files.writeString(s, "model: acute-infection\nduration: 1 day\nsolver:\n  method: hybrid\n"
                + "  continuous: [CD8_memory, CD9_memory]\n  threshold: 1000 cells\n");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("h.yaml:5:28: unknown species 'CD9_memory' in solver: continuous (did you mean "
                + "'CD4_memory' or 'CD8_memory'?); known: ")
                .contains("CD8_memory").doesNotContain("Exception");
        assertThat(dir.resolve("o")).doesNotExist();

        Path t = dir.resolve("t.yaml");
        Files.writeString(t, "duration: 1 h\nsolver:\n  method: ssa\n  threshold: -3\n");
        SbmlSimulateCommandTest.Run w = run("run", t.toString(), "--out", dir.resolve("o").toString());
        assertThat(w.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(w.err()).contains("t.yaml:4:3: 'threshold' belongs to 'method: hybrid', not to 'ssa'")
                .contains("t.yaml:4:14: 'threshold' must be a positive number");
    }

    @Test
    void hybridRunsWriteReplicatesAndThePartition(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("h.yaml");
        Files.writeString(s, "model: acute-infection\nduration: 2.5 day\nsteps: 5\nreplicates: 6\nseed: 3\n"
                + "outputs: [CD8_effector, CD8_naive]\nsolver: {method: hybrid, threshold: 1000, atol: 1e-6}\n");
        Path out = dir.resolve("o");
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(json.get("method").asText()).isEqualTo("hybrid");
        assertThat(json.get("threshold").asDouble()).isEqualTo(1000);
        assertThat(json.get("replicates").asInt()).isEqualTo(6);
        assertThat(Files.readString(out.resolve("report.html"))).contains("threshold: 1000");
        // day 2 (time 2880 min): every replicate has its own whole number of CD8 effectors, 150 e^{1.5} on average
        List<String> lines = Files.readAllLines(out.resolve("timecourse.csv"));
        java.util.Set<Double> values = new java.util.HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals("2880") && f[2].equals("CD8_effector")) {
                double v = Double.parseDouble(f[3]);
                assertThat(v).isEqualTo(Math.rint(v)).isBetween(300.0, 1000.0);
                values.add(v);
            }
        }
        assertThat(values).hasSizeGreaterThan(1);
    }

    /** Writes a scenario that must be refused and runs it: exit 2, no output folder, no stack trace; stderr. */
    static String refused(Path dir, String file, String yaml) throws IOException {
        Path s = dir.resolve(file);
        Files.writeString(s, yaml);
        SbmlSimulateCommandTest.Run r = run("run", s.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(dir.resolve("o")).doesNotExist();
        return r.err();
    }
}
