package org.il2sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.Ligand;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.SharedMedium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `il2sim dose-response`: the reference table (gamma-chain-model.md §6) from the command line, and bad input. */
class DoseResponseCommandTest {

    /** Total active complexes per cell at 60 min, reference §6 (farhat2021 set, receptor table (a)). */
    static final Map<String, double[]> SECTION_6 = Map.of(
            "Treg,IL2", new double[] {33.9, 267.6, 703.3, 877.5, 936.1},
            "NK,IL2", new double[] {42.2, 405.6, 2908.6, 7388.8, 9124.8},
            "NK,IL15", new double[] {15.1, 148.5, 1284.3, 5393.9, 8300.7},
            "Thelper,IL15", new double[] {0.12, 1.16, 10.9, 65.0, 124.0});

    @Test
    void reproducesTheReferenceTableFromTheCommandLine(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "Tregs,natural killer,Th",
                "--ligands", "IL-2,interleukin 15", "--doses", "0.001,0.01,0.1,1,10", "--times", "60",
                "--parameter-set", "farhat2021", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("dose_response.csv"));
        assertThat(lines.get(0)).isEqualTo("cell,ligand,dose_nM,time_min,active_complexes,pSTAT5,pERK,pAkt,medium_nM");
        Map<String, double[]> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int k = (int) Math.round(Math.log10(Double.parseDouble(f[2]))) + 3;
            got.computeIfAbsent(f[0] + "," + f[1], x -> new double[5])[k] = Double.parseDouble(f[4]);
            // no signalling layer in the reference model
            assertThat(List.of(f[5], f[6], f[7])).containsOnly("NaN");
        }
        SECTION_6.forEach((key, expected) -> {
            for (int k = 0; k < 5; k++) {
                assertThat(got.get(key)[k]).as(key + " dose " + k).isCloseTo(expected[k], within(0.05 * expected[k]));
            }
        });
        List<String> ec50 = Files.readAllLines(dir.resolve("ec50.csv"));
        assertThat(ec50.get(0)).isEqualTo("cell,ligand,time_min,readout,ec50_nM,hill,emax");
        assertThat(ec50).hasSize(1 + 3 * 2 * 1 * 4);
        assertThat(dir.resolve("dose_response_IL2_60min.png")).isNotEmptyFile();
        assertThat(dir.resolve("dose_response_IL15_60min.svg")).isNotEmptyFile();
        assertThat(dir.resolve("dose_response_pSTAT5_IL2_60min.png")).doesNotExist(); // no signalling in farhat2021
    }

    @Test
    void tregsAnswerIl2AtLowerDosesThanNkCellsButNotIl15(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg,NK",
                "--ligands", "IL2,IL15,IL2_notAlpha", "--times", "60", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> ec50 = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("ec50.csv"))) {
            String[] f = line.split(",");
            if (f[3].equals("active_complexes")) {
                ec50.put(f[0] + "," + f[1], Double.parseDouble(f[4]));
            }
        }
        assertThat(ec50.get("Treg,IL2")).isLessThan(ec50.get("NK,IL2") / 5);
        assertThat(ec50.get("Treg,IL15")).isGreaterThan(ec50.get("NK,IL15") / 2);
        // removing IL-2Ra binding removes the Treg preference (SYSTEM.md B1)
        assertThat(ec50.get("Treg,IL2_notAlpha")).isGreaterThan(ec50.get("NK,IL2_notAlpha") / 2);
    }

    @Test
    void theDefaultSetFillsTheSignallingColumnsAndTheirEc50s(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg",
                "--ligands", "IL2", "--doses", "1e-4:10:8", "--times", "30,120", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pstat5");
        List<String> lines = Files.readAllLines(dir.resolve("dose_response.csv"));
        assertThat(lines).hasSize(1 + 8 * 2);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (int k = 5; k <= 7; k++) {
                assertThat(Double.parseDouble(f[k])).as(line).isBetween(0.0, 1.0).isPositive();
            }
        }
        assertThat(dir.resolve("dose_response_pSTAT5_IL2_120min.png")).isNotEmptyFile();
        for (String line : Files.readAllLines(dir.resolve("ec50.csv")).subList(1, 1 + 2 * 4)) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[4])).as(line).isBetween(1e-4, 10.0);
        }
    }

    @Test
    void badInputIsRefusedWithTheAcceptedValuesAndNoOutput(@TempDir Path dir) {
        Path out = dir.resolve("o");
        SbmlSimulateCommandTest.Run cell = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg2",
                "--out", out.toString());
        assertThat(cell.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(cell.err()).contains("unknown cell type 'Treg2'").contains("known: Treg, TregNaive");
        SbmlSimulateCommandTest.Run ligand = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL99",
                "--out", out.toString());
        assertThat(ligand.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ligand.err()).contains("unknown ligand 'IL99'").contains("IL15");
        SbmlSimulateCommandTest.Run dose = SbmlSimulateCommandTest.run("dose-response", "--doses", "0,1",
                "--out", out.toString());
        assertThat(dose.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(dose.err()).contains("positive");
        SbmlSimulateCommandTest.Run def = SbmlSimulateCommandTest.run("dose-response", "--ligand-def", "x:kdAlpha=1",
                "--ligands", "x", "--out", out.toString());
        assertThat(def.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(def.err()).contains("kdBetaGamma");
        assertThat(out).doesNotExist();
    }

    @Test
    void valencyRunsTheMultivalentModel(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg,NK",
                "--ligands", "N88D_Cterm", "--doses", "1e-3:1e5:9", "--valency", "2", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("dose_response.csv"));
        assertThat(lines.get(0)).isEqualTo("cell,ligand,dose_nM,time_min,active_complexes,pSTAT5,pERK,pAkt,medium_nM");
        assertThat(lines).hasSize(1 + 2 * 9);
        Map<String, Double> beta = Map.of("Treg", 657.0, "NK", 8503.0); // IL-2Rb per cell, reference §4.3(a)
        double previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f[1]).isEqualTo("N88D_Cterm_v2");
            assertThat(f[3]).isEqualTo("INF");
            assertThat(List.of(f[5], f[6], f[7])).containsOnly("NaN");
            double bound = Double.parseDouble(f[4]);
            assertThat(bound).isBetween(0.0, beta.get(f[0]));
            if (Double.parseDouble(f[2]) > 1e-3) {
                assertThat(bound).isGreaterThan(previous);
            }
            if (Double.parseDouble(f[2]) == 1e5) {
                assertThat(bound).isCloseTo(beta.get(f[0]), within(0.01 * beta.get(f[0])));
            }
            previous = bound;
        }
        SbmlSimulateCommandTest.Run il15 = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL15",
                "--valency", "2", "--out", dir.resolve("o").toString());
        assertThat(il15.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(il15.err()).contains("multivalent");
        SbmlSimulateCommandTest.Run zero = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL2",
                "--valency", "0", "--out", dir.resolve("o").toString());
        assertThat(zero.code()).isEqualTo(ExitCode.INVALID_INPUT);
        SbmlSimulateCommandTest.Run big = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL2",
                "--valency", "100", "--out", dir.resolve("o").toString());
        assertThat(big.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(big.err()).contains("--valency must be between 1 and 16");
        SbmlSimulateCommandTest.Run times = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL2",
                "--valency", "2", "--times", "60", "--out", dir.resolve("o").toString());
        assertThat(times.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(times.err()).contains("--times belongs to the ODE model");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /**
     * The command writes what `il2sim run` writes for a dose-response scenario (report.html, run.json) and the
     * equivalent scenario file; running that file gives the same dose_response.csv byte for byte, so the file is
     * the run (custom ligand, finite medium, tolerances and the doses' full precision included).
     */
    @Test
    void writesTheReportRunJsonAndAScenarioFileThatRepeatsTheRun(@TempDir Path dir) throws IOException {
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "natural killer",
                "--ligands", "IL-2,slowIL2", "--ligand-def", "slowIL2:kdAlpha=0.19,kdBetaGamma=53", "--doses",
                "3e-3:30:3", "--times", "45", "--cell-density", "2e6", "--rtol", "1e-7", "--parameter-set",
                "farhat2021", "--threads", "1", "--out", dir.resolve("cli").toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("dose_response.csv", "ec50.csv", "report.html", "run.json", "scenario.yaml")) {
            assertThat(dir.resolve("cli").resolve(f)).isNotEmptyFile();
        }
        assertThat(r.out()).contains("scenario.yaml");
        String runJson = Files.readString(dir.resolve("cli/run.json"));
        assertThat(runJson).contains("\"experiment\" : \"dose-response\"", "\"parameterSet\" : \"farhat2021\"",
                "\"cellDensityPerMl\" : 2000000.0", "\"ligands\" : [ \"IL2\", \"slowIL2\" ]");
        String report = Files.readString(dir.resolve("cli/report.html"));
        assertThat(report).contains("2000000.0 cells/mL", "rtol 1.00e-07",
                "il2sim dose-response --cells 'natural killer' --ligands IL-2,slowIL2");

        // run.json lists exactly the files in the folder (the SVG twins of the plots included)
        List<String> listed = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(runJson).get("files")
                .forEach(f -> listed.add(f.asText()));
        try (var files = Files.list(dir.resolve("cli"))) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(
                    files.map(f -> f.getFileName().toString()).toList());
        }
        assertThat(listed).contains("dose_response_IL2_45min.svg");

        SbmlSimulateCommandTest.Run again = SbmlSimulateCommandTest.run("run", dir.resolve("cli/scenario.yaml")
                .toString(), "--out", dir.resolve("file").toString(), "--quiet");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("file/dose_response.csv")))
                .isEqualTo(Files.readString(dir.resolve("cli/dose_response.csv")));
        assertThat(Files.readString(dir.resolve("file/ec50.csv")))
                .isEqualTo(Files.readString(dir.resolve("cli/ec50.csv")));
    }

    /** Names that would break file names or CSV fields, or shadow a built-in ligand, and repeats are refused. */
    @Test
    void badLigandNamesRepeatsAndNonFiniteNumbersAreRefused(@TempDir Path dir) {
        String o = dir.resolve("o").toString();
        Map<List<String>, String> cases = Map.ofEntries(
                Map.entry(List.of("--ligand-def", "a/b:kdAlpha=1,kdBetaGamma=2", "--ligands", "a/b"),
                        "ligand name 'a/b': use letters, digits and _ . + - only"),
                Map.entry(List.of("--ligand-def", "x,y:kdAlpha=1,kdBetaGamma=2", "--ligands", "IL2"),
                        "ligand name 'x,y'"),
                Map.entry(List.of("--ligand-def", "il2:kdAlpha=1,kdBetaGamma=2", "--ligands", "IL2"),
                        "ligand name 'il2' is a built-in ligand (IL2)"),
                Map.entry(List.of("--ligand-def", "v:kdAlpha=1,kdBetaGamma=2", "--ligand-def",
                        "V:kdAlpha=2,kdBetaGamma=2", "--ligands", "v"),
                        "--ligand-def defines 'V' twice"),
                Map.entry(List.of("--ligands", "IL2,interleukin 2"),
                        "--ligands names IL2 twice ('interleukin 2')"),
                Map.entry(List.of("--cells", ","),
                        "--cells and --ligands need at least one name each"),
                Map.entry(List.of("--cells", "Treg,Tregs"),
                        "--cells names Treg twice ('Tregs')"),
                Map.entry(List.of("--rtol", "Infinity"),
                        "--rtol and --atol must be positive finite numbers"),
                Map.entry(List.of("--doses", "1e-4:100:200000"),
                        "2 <= N <= 10000"),
                Map.entry(List.of("--doses", "1,Infinity"),
                        "doses must be positive finite numbers (nM), got Infinity"));
        cases.forEach((args, message) -> {
            List<String> all = new java.util.ArrayList<>(List.of("dose-response", "--times", "60"));
            all.addAll(args);
            all.addAll(List.of("--out", o));
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run(all.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).as(String.join(" ", args)).contains(message).doesNotContain("Exception");
            assertThat(dir.resolve("o")).doesNotExist();
        });
    }

    @Test
    void infiniteAffinitiesAndThePlotPrefixAreRefusedInLigandDefinitions(@TempDir Path dir) {
        for (String[] c : new String[][] {{"v:kdAlpha=Infinity,kdBetaGamma=1", "v", "positive finite numbers"},
                {"pSTAT5_x:kdAlpha=1,kdBetaGamma=1", "pSTAT5_x", "may not start with 'pSTAT5_'"}}) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--ligand-def", c[0],
                    "--ligands", c[1], "--out", dir.resolve("o").toString());
            assertThat(r.code()).as(c[0]).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).as(c[0]).contains(c[2]).doesNotContain("the command line");
            assertThat(dir.resolve("o")).doesNotExist();
        }
    }

    @Test
    void aThreadCountBelowOneIsRefused(@TempDir Path dir) {
        for (String bad : List.of("0", "-2")) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "NK", "--ligands",
                    "IL2", "--doses", "1,10", "--times", "60", "--threads", bad, "--out", dir.resolve("o").toString());
            assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("--threads must be at least 1, got " + bad).doesNotContain("Exception");
            assertThat(dir.resolve("o")).doesNotExist();
        }
    }

    @Test
    void cellDensityDepletesTheMediumAndBadDensitiesAreRefused(@TempDir Path dir) throws IOException {
        String[] panel = {"dose-response", "--cells", "NK", "--ligands", "IL2", "--doses", "0.001,0.01", "--times",
                "60"};
        Map<String, Double> constant = activeComplexes(dir.resolve("constant"), panel);
        Map<String, Double> sparse = activeComplexes(dir.resolve("sparse"), panel, "--cell-density", "1e-3");
        Map<String, Double> dense = activeComplexes(dir.resolve("dense"), panel, "--cell-density", "1e7");
        SbmlSimulateCommandTest.Run shown = SbmlSimulateCommandTest.run("dose-response", "--cells", "NK", "--ligands",
                "IL2", "--doses", "0.01", "--times", "60", "--cell-density", "1e7", "--out",
                dir.resolve("shown").toString());
        assertThat(shown.out()).contains("finite medium: each cell type alone at 1.00e+07 cells/mL");
        constant.forEach((dose, v) -> {
            assertThat(sparse.get(dose)).as("a sparse culture is the constant medium").isCloseTo(v, within(1e-5 * v));
            assertThat(dense.get(dose)).as("1e7 NK cells/mL deplete low doses").isLessThan(0.9 * v);
        });
        for (String bad : List.of("0", "-5", "NaN", "Infinity", "1e10")) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cell-density", bad,
                    "--out", dir.resolve("bad").toString());
            assertThat(r.code()).as(bad).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).contains("--cell-density must be a positive number of cells per mL");
        }
        SbmlSimulateCommandTest.Run both = SbmlSimulateCommandTest.run("dose-response", "--ligands", "IL2",
                "--valency", "2", "--cell-density", "1e6", "--out", dir.resolve("bad").toString());
        assertThat(both.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(both.err()).contains("--cell-density applies to the ODE model");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void coCultureSharesOneMediumAmongTheCellTypes(@TempDir Path dir) throws IOException {
        String[] panel = {"dose-response", "--ligands", "IL2", "--doses", "0.001,0.01", "--times", "60,240",
                "--cell-density", "1e7"};
        Map<String, Double> co = byCell(dir.resolve("co"), panel, "--cells", "Treg,NK", "--co-culture");
        Map<String, Double> nkAlone = byCell(dir.resolve("nk"), panel, "--cells", "NK");
        Map<String, Double> nkOnlyCo = byCell(dir.resolve("nk-co"), panel, "--cells", "NK", "--co-culture");
        // one cell type in a co-culture is the finite medium of that cell alone (two independent network paths)
        nkAlone.forEach((k, v) -> assertThat(nkOnlyCo.get(k)).as(k).isCloseTo(v, within(1e-6 * v + 1e-9)));
        // the reference: the co-culture network built directly, at 10 pM, 240 min (IL-2 with its preset affinities)
        ParameterSet set = LigandDefinition.named("IL2").apply(ParameterSet.named(ParameterSet.DEFAULT));
        List<SharedMedium.Member> members = new java.util.ArrayList<>();
        for (String c : List.of("Treg", "NK")) {
            members.add(new SharedMedium.Member(c, GammaChainModel.build(c, Ligand.IL2, 0.01, set), 1e10));
        }
        org.il2sim.core.sim.CompiledModel m = org.il2sim.core.sim.CompiledModel.compile(SharedMedium.of(members));
        double[][] rows = org.il2sim.core.sim.TimeCourse.run(m, org.il2sim.core.sim.Methods.defaultOde(),
                new org.il2sim.core.solver.Tolerances(1e-10, 1e-12, 1_000_000, Double.POSITIVE_INFINITY),
                new double[] {0, 240}, List.of(m.readout(SharedMedium.memberId("NK", GammaChainModel.ACTIVE_COMPLEXES),
                        false)));
        assertThat(co.get("NK|0.01|240")).isCloseTo(rows[1][0], within(1e-5 * rows[1][0]));
        // medium_nM: the IL-2 left, one medium for both cell types in the co-culture, the dose for a constant medium
        double left = org.il2sim.core.sim.TimeCourse.run(m, org.il2sim.core.sim.Methods.defaultOde(),
                new org.il2sim.core.solver.Tolerances(1e-10, 1e-12, 1_000_000, Double.POSITIVE_INFINITY),
                new double[] {0, 240}, List.of(m.readout(Ligand.IL2.mediumParameter(), false)))[1][0];
        Map<String, Double> medium = column(dir.resolve("co"), 8);
        assertThat(medium.get("NK|0.01|240")).isCloseTo(left, within(1e-5 * left)).isLessThan(0.01);
        assertThat(medium.get("Treg|0.01|240")).isEqualTo(medium.get("NK|0.01|240"));
        byCell(dir.resolve("const"), new String[] {"dose-response", "--cells", "NK", "--ligands", "IL2", "--doses",
                "0.01", "--times", "240"});
        assertThat(column(dir.resolve("const"), 8).get("NK|0.01|240")).isEqualTo(0.01);
        assertThat(co.get("NK|0.01|240")).as("Tregs in the same medium take IL-2 from the NK cells")
                .isLessThan(0.7 * nkAlone.get("NK|0.01|240")); // measured 0.56
        String yaml = Files.readString(dir.resolve("co").resolve("scenario.yaml"));
        assertThat(yaml).contains("co-culture: true");
        assertThat(Files.readString(dir.resolve("co").resolve("run.json"))).contains("\"coCulture\" : true");
        assertThat(Files.readString(dir.resolve("co").resolve("report.html"))).contains("co-culture");

        SbmlSimulateCommandTest.Run bad = SbmlSimulateCommandTest.run("dose-response", "--co-culture", "--out",
                dir.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(bad.err()).contains("--co-culture shares one finite medium").contains("--cell-density");
        assertThat(dir.resolve("bad")).doesNotExist();
        SbmlSimulateCommandTest.Run crowded = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg,NK",
                "--cell-density", "1.5e9", "--co-culture", "--out", dir.resolve("bad").toString());
        assertThat(crowded.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(crowded.err()).contains("the 2 cell types add up to 3.00e+09 cells/mL, more than")
                .doesNotContain("Exception");
        assertThat(dir.resolve("bad")).doesNotExist();
        for (String[] wrong : new String[][] {{"Treg=1e5", "needs a density for every cell type; missing: NK"},
                {"Treg=1e5,NK=1e6,CD8=1e6", "names CD8, which --cells does not list"},
                {"Treg=1e5,Tregs=1e6,NK=1", "names Treg twice"}, {"Treg=1e5,NK", "expected CELL=N"},
                {"Treg=1e5,NK=-1", "--cell-density NK must be a positive number"}}) {
            SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run("dose-response", "--cells", "Treg,NK",
                    "--cell-density", wrong[0], "--out", dir.resolve("bad").toString());
            assertThat(r.code()).as(wrong[0]).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(r.err()).as(wrong[0]).contains(wrong[1]).doesNotContain("Exception");
            assertThat(dir.resolve("bad")).doesNotExist();
        }
    }

    @Test
    void coCultureTakesADensityPerCellType(@TempDir Path dir) throws IOException {
        // a Treg : Thelper 1 : 4 co-culture; each type's points equal the co-culture network built directly
        String[] panel = {"dose-response", "--cells", "Treg,Thelper", "--ligands", "IL2", "--doses", "0.003",
                "--times", "240", "--co-culture", "--cell-density", "Thelper=4e6,Treg=1e6"};
        Map<String, Double> co = byCell(dir.resolve("co"), panel);
        ParameterSet set = LigandDefinition.named("IL2").apply(ParameterSet.named(ParameterSet.DEFAULT));
        org.il2sim.core.sim.CompiledModel m = org.il2sim.core.sim.CompiledModel.compile(SharedMedium.of(List.of(
                new SharedMedium.Member("Treg", GammaChainModel.build("Treg", Ligand.IL2, 0.003, set), 1e9),
                new SharedMedium.Member("Thelper", GammaChainModel.build("Thelper", Ligand.IL2, 0.003, set), 4e9))));
        double[][] rows = org.il2sim.core.sim.TimeCourse.run(m, org.il2sim.core.sim.Methods.defaultOde(),
                new org.il2sim.core.solver.Tolerances(1e-10, 1e-12, 1_000_000, Double.POSITIVE_INFINITY),
                new double[] {0, 240}, List.of(m.readout(SharedMedium.memberId("Treg",
                        GammaChainModel.ACTIVE_COMPLEXES), false), m.readout(SharedMedium.memberId("Thelper",
                        GammaChainModel.ACTIVE_COMPLEXES), false)));
        assertThat(co.get("Treg|0.003|240")).isCloseTo(rows[1][0], within(1e-5 * rows[1][0]));
        assertThat(co.get("Thelper|0.003|240")).isCloseTo(rows[1][1], within(1e-5 * rows[1][1]));
        assertThat(Files.readString(dir.resolve("co").resolve("scenario.yaml"))).contains("cell-density:\n")
                .contains("\"Treg\": 1000000.0 cells/mL").contains("\"Thelper\": 4000000.0 cells/mL");
        // the scenario file repeats the run
        SbmlSimulateCommandTest.Run again = SbmlSimulateCommandTest.run("run", dir.resolve("co/scenario.yaml")
                .toString(), "--out", dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("again/dose_response.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("co/dose_response.csv")));
    }

    /** One column of dose_response.csv by "cell|dose|time". */
    private static Map<String, Double> column(Path out, int index) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("dose_response.csv"));
        Map<String, Double> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            got.put(f[0] + "|" + Double.parseDouble(f[2]) + "|" + (int) Double.parseDouble(f[3]),
                    Double.parseDouble(f[index]));
        }
        return got;
    }

    /** active_complexes by "cell|dose|time" from dose_response.csv. */
    private static Map<String, Double> byCell(Path out, String[] panel, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(panel));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return column(out, 4);
    }

    private static Map<String, Double> activeComplexes(Path out, String[] panel, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(panel));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        SbmlSimulateCommandTest.Run r = SbmlSimulateCommandTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> got = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("dose_response.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            got.put(f[2], Double.parseDouble(f[4]));
        }
        return got;
    }
}
