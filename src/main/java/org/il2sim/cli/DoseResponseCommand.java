package org.il2sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.io.output.DoseResponseFiles;
import org.il2sim.io.scenario.DosePanelYaml;
import org.il2sim.io.scenario.DoseResponseResult;
import org.il2sim.io.scenario.Scenario;
import org.il2sim.io.scenario.ScenarioRunner;
import org.il2sim.models.gammachain.CellTypes;
import org.il2sim.models.gammachain.ReceptorTables;
import org.il2sim.models.gammachain.DoseResponse;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.MultivalentBinding;
import org.il2sim.models.gammachain.ParameterSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "dose-response", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signalling of each cell type to each γc cytokine or IL-2 variant over a range of doses and "
                + "times, with the 62-state γc receptor model (Farhat et al. 2021): binding, trafficking and active "
                + "complexes per cell at constant medium ligand, or, with --cell-density, in a finite medium that the "
                + "cells deplete (Fallon & Lauffenburger 2000).",
                "Writes DIR/dose_response.csv (cell,ligand,dose_nM,time_min,active_complexes,pSTAT5,pERK,pAkt,medium_nM; "
                        + "active complexes per cell, then the phosphorylated fractions 0-1 of STAT5, ERK and Akt, "
                        + "NaN with a set without signalling, and the ligand left in the medium, the dose unless the "
                        + "medium is finite), DIR/ec50.csv (four-parameter Hill fit per cell, ligand, "
                        + "time and read-out; NaN where the fit fails), PNG/SVG plots per ligand and time, report.html (the run, "
                        + "the EC50s and every parameter with its source), run.json and scenario.yaml (the same "
                        + "panel as a scenario file: il2sim run DIR/scenario.yaml repeats the run).",
                "With --valency N the steady-state multivalent binding model (Orcutt-Jahns et al. 2023) replaces the "
                        + "ODE model: IL-2 variants as Fc complexes of N IL-2 units; active_complexes is then bound "
                        + "IL-2Rb per cell at equilibrium (time_min INF), pSTAT5/pERK/pAkt NaN; --times, "
                        + "--parameter-set and the tolerances belong to the ODE model and are refused."},
        footer = {"", "Examples:", "  il2sim dose-response --out dr",
                "  il2sim dose-response --cells Treg,NK --ligands IL2,H9,N88D --doses 1e-4:100:16 --times 60 --out dr",
                "  il2sim dose-response --ligand-def myIL2:kdAlpha=0.19,kdBetaGamma=5.3 --ligands IL2,myIL2 --out dr",
                "  il2sim dose-response --cells NK --ligands IL2 --cell-density 1e7 --out dr-depleted",
                "  il2sim dose-response --cells Treg,NK --ligands IL2 --cell-density 1e6 --co-culture --out dr-co",
                "  il2sim dose-response --valency 2 --ligands WT_Cterm,N88D_Cterm --doses 1e-4:100:16 --out dr"})
final class DoseResponseCommand implements Callable<Integer> {

    @Option(names = "--cells", defaultValue = "Treg,Thelper,NK,CD8", split = ",", paramLabel = "CELL",
            description = "Cell types (canonical ids or common names). Default: ${DEFAULT-VALUE}.")
    List<String> cells;

    @Option(names = "--ligands", defaultValue = "IL2,IL15", split = ",", paramLabel = "LIGAND",
            description = "Ligands: IL2, IL15, IL7, IL9, IL4, IL21, presets (IL2_notAlpha, H9, N88D_Cterm, ...) or "
                    + "names from --ligand-def. Default: ${DEFAULT-VALUE}.")
    List<String> ligands;

    @Option(names = "--doses", defaultValue = "4.7e-4:84:12", paramLabel = "A:B:N|D,D,...",
            description = "Doses in nM: N log-spaced doses from A to B inclusive, or a comma list. "
                    + "Default: ${DEFAULT-VALUE}.")
    String doses;

    @Option(names = "--times", defaultValue = "30,60,120,240", split = ",", paramLabel = "MIN",
            description = "Times in minutes. Default: ${DEFAULT-VALUE}.")
    List<Double> times;

    @Option(names = "--ligand-def", paramLabel = "NAME:kdAlpha=K,kdBetaGamma=K",
            description = "Define an IL-2 variant by its K_D (nM) for IL-2Ra and for IL-2Rb/gc (repeatable).")
    List<String> ligandDefs = new ArrayList<>();

    @Option(names = "--parameter-set", defaultValue = ParameterSet.DEFAULT, paramLabel = "NAME",
            description = "Parameter set: il2sim (il2sim's own: the reference vector with the signalling layer, "
                    + "pSTAT5, pERK, pAkt), farhat2021 (the published reference model exactly: active complexes only) "
                    + "or IL4_IL7 (the reference's IL-4/IL-7 fit). Default: ${DEFAULT-VALUE}.")
    String parameterSet;

    @Option(names = "--receptor-table", defaultValue = "a", paramLabel = "a|b",
            description = "Receptor counts: a (Farhat 2021 table, reference §4.3a; every cell type) or b (the later "
                    + "pipeline, §4.3b; Treg, Thelper, NK and CD8 only). Default: ${DEFAULT-VALUE}.")
    String receptorTable;

    @Option(names = "--valency", paramLabel = "N",
            description = "Use the multivalent equilibrium binding model with complexes of N IL-2 units (1 to 16; "
                    + "IL-2 variants only; doses are complex concentrations). Without it: the 62-state ODE model.")
    Integer valency;

    @Option(names = "--cell-density", paramLabel = "CELLS_PER_ML|CELL=N,...",
            description = "Finite medium: each cell type as a culture of that cell at this density (cells/mL), or "
                    + "at its own density (Treg=1e5,NK=1e6, every --cells type named), so binding and uptake deplete "
                    + "the ligand; the dose is the starting concentration. Without it the medium concentration stays "
                    + "constant (the reference model).")
    String cellDensity;

    @Option(names = "--co-culture",
            description = "With --cell-density: all --cells share one medium, each cell type at that density, so "
                    + "each type's binding depletes the ligand the others see (e.g. a Treg sink for NK cells). "
                    + "Without it each cell type has a medium of its own.")
    boolean coCulture;

    @Option(names = "--rtol", defaultValue = "1e-8", description = "Relative tolerance. Default: ${DEFAULT-VALUE}.")
    double rtol;

    @Option(names = "--atol", defaultValue = "1e-8",
            description = "Absolute tolerance (molecules/cell). Default: ${DEFAULT-VALUE}.")
    double atol;

    @CommandLine.Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (cells.stream().allMatch(String::isBlank) || ligands.stream().allMatch(String::isBlank)) {
            throw new UserInputException("--cells and --ligands need at least one name each");
        }
        List<String> cellIds = new ArrayList<>();
        for (String c : cells) {
            String id = canonical(() -> CellTypes.canonical(c));
            if (cellIds.contains(id)) {
                throw new UserInputException("--cells names " + id + " twice ('" + c + "')");
            }
            cellIds.add(id);
        }
        Map<String, LigandDefinition> custom = new LinkedHashMap<>();
        for (String def : ligandDefs) {
            LigandDefinition d = parseDefinition(def);
            if (custom.put(d.id().toLowerCase(Locale.ROOT), d) != null) {
                throw new UserInputException("--ligand-def defines '" + d.id() + "' twice");
            }
        }
        List<LigandDefinition> ligandList = new ArrayList<>();
        for (String l : ligands) {
            LigandDefinition found = custom.get(l.trim().toLowerCase(Locale.ROOT));
            LigandDefinition d = found != null ? found : canonical(() -> LigandDefinition.named(l));
            if (ligandList.stream().anyMatch(x -> x.id().equals(d.id()))) {
                throw new UserInputException("--ligands names " + d.id() + " twice ('" + l + "')");
            }
            ligandList.add(d);
        }
        double[] doseList = parseDoses(doses);
        double[] timeList = times.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < timeList.length; i++) {
            if (!(timeList[i] > 0) || !Double.isFinite(timeList[i]) || (i > 0 && timeList[i] <= timeList[i - 1])) {
                throw new UserInputException("--times must be positive, finite and increasing (minutes), got " + times);
            }
        }
        if (!(rtol > 0) || !(atol > 0) || !Double.isFinite(rtol) || !Double.isFinite(atol)) {
            throw new UserInputException("--rtol and --atol must be positive finite numbers");
        }
        ParameterSet set = CliChecks.parameterSet(parameterSet);
        for (LigandDefinition l : ligandList) {
            if (l.base() == org.il2sim.models.gammachain.Ligand.IL15_15Ra
                    && !set.contains(org.il2sim.models.gammachain.GammaChainModel.TRANS_PRESENTATION_RATE)) {
                throw new UserInputException("ligand " + l.id() + " (trans-presented IL-15) is an il2sim extension; "
                        + "the parameter set " + parameterSet + " does not have its rate (use --parameter-set il2sim)");
            }
        }
        if (!ReceptorTables.TABLES.contains(receptorTable)) {
            throw new UserInputException("unknown --receptor-table '" + receptorTable + "'; known: "
                    + String.join(", ", ReceptorTables.TABLES));
        }
        for (String c : cellIds) {
            canonical(() -> ReceptorTables.cell(c, receptorTable));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " exists and is not a folder");
        }
        Map<String, Double> densities = cellDensity == null ? Map.of() : densities(cellDensity, cellIds);
        double total = densities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (coCulture && densities.isEmpty()) {
            throw new UserInputException("--co-culture shares one finite medium among the cell types; give "
                    + "--cell-density (each cell type's density, cells/mL)");
        }
        if (coCulture && !(total <= DoseResponse.maxCellsPerMillilitre())) {
            throw new UserInputException(String.format(Locale.ROOT, "--co-culture: the %d cell types add up to %.3g "
                    + "cells/mL, more than %.2g cells/mL (each cell needs at least its own volume)", cellIds.size(),
                    total, DoseResponse.maxCellsPerMillilitreShown()));
        }
        if (valency != null) {
            if (cellDensity != null) {
                throw new UserInputException("--cell-density applies to the ODE model; the multivalent model "
                        + "(--valency) is an equilibrium at constant ligand");
            }
            for (String odeOnly : List.of("--times", "--parameter-set", "--rtol", "--atol")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(odeOnly)) {
                    throw new UserInputException(odeOnly + " belongs to the ODE model; the multivalent model "
                            + "(--valency) is an equilibrium with its own parameters");
                }
            }
            if (valency < 1 || valency > MultivalentBinding.maxValency()) {
                throw new UserInputException("--valency must be between 1 and " + MultivalentBinding.maxValency()
                        + " (IL-2 units per complex), got " + valency);
            }
            for (LigandDefinition l : ligandList) {
                canonical(() -> MultivalentBinding.il2Affinities(l));
            }
        }
        Map<String, double[]> definitions = new LinkedHashMap<>();
        List<String> ligandNames = new ArrayList<>();
        for (LigandDefinition l : ligandList) {
            ligandNames.add(l.id());
            if (custom.containsValue(l)) {
                definitions.put(l.id(), new double[] {l.kdAlpha(), l.kdBetaGamma()});
            }
        }
        Scenario.DosePanel panel = new Scenario.DosePanel(cellIds, ligandNames, doseList, timeList, parameterSet,
                receptorTable, definitions, densities,
                valency != null ? valency : Scenario.DosePanel.ODE_MODEL, coCulture);
        Scenario scenario = DosePanelYaml.scenario("dose-response", commandLine(), panel, rtol, atol,
                Path.of("the command line"));
        long started = System.nanoTime();
        DoseResponseResult result = ScenarioRunner.runDoseResponse(scenario, threads.count());
        Files.createDirectories(out);
        String version = new Main.Version().getVersion()[0];
        DoseResponseOutput.Written written = DoseResponseOutput.write(out, result, version, true);
        List<DoseResponseFiles.Ec50> fits = written.fits();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d cells x %d ligands x %d doses x %d times in %.1f s%n", cellIds.size(),
                ligandList.size(), doseList.length, valency != null ? 1 : timeList.length,
                (System.nanoTime() - started) / 1e9);
        if (!densities.isEmpty()) {
            o.printf(Locale.ROOT, coCulture ? "finite medium shared by all cell types at %s; doses are starting "
                    + "concentrations%n" : "finite medium: each cell type alone at %s; doses are starting "
                    + "concentrations%n", panel.densityText());
        }
        String shown = DoseResponseOutput.signalling(result) ? "pstat5" : "active_complexes";
        o.printf(Locale.ROOT, "%-14s %-12s %8s %14s%n", "cell", "ligand", "time", "EC50 (nM, " + shown + ")");
        for (DoseResponseFiles.Ec50 e : fits) {
            if (e.readout().equals(shown)) {
                o.printf(Locale.ROOT, "%-14s %-12s %6.0f m %14.4g%n", e.cell(), e.ligand(), e.time(), e.fit().ec50());
            }
        }
        o.println("wrote " + written.files().size() + " files to " + out + " (run.json lists them; scenario.yaml "
                + "repeats the run with il2sim run)");
        o.flush();
        return ExitCode.OK;
    }

    /** The command as typed (arguments with blanks or quotes in single quotes), for the report and run.json. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("il2sim");
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            b.append(' ').append(a.matches("[A-Za-z0-9_.,:=+/@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    private interface Lookup<T> {
        T get();
    }

    private static <T> T canonical(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** "N" (every cell type at N cells/mL) or "CELL=N,CELL=N" naming every cell type of the panel. */
    private Map<String, Double> densities(String text, List<String> cellIds) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!text.contains("=")) {
            double d = density(text, "--cell-density");
            cellIds.forEach(c -> out.put(c, d));
            return out;
        }
        Map<String, Double> named = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new UserInputException("--cell-density '" + text + "': expected CELL=N for every cell type, "
                        + "e.g. Treg=1e5,NK=1e6 (or one N for all)");
            }
            String id = canonical(() -> CellTypes.canonical(part.substring(0, eq).trim()));
            if (!cellIds.contains(id)) {
                throw new UserInputException("--cell-density names " + id + ", which --cells does not list (cells: "
                        + String.join(", ", cellIds) + ")");
            }
            if (named.put(id, density(part.substring(eq + 1).trim(), "--cell-density " + id)) != null) {
                throw new UserInputException("--cell-density names " + id + " twice");
            }
        }
        List<String> missing = cellIds.stream().filter(c -> !named.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UserInputException("--cell-density needs a density for every cell type; missing: "
                    + String.join(", ", missing));
        }
        cellIds.forEach(c -> out.put(c, named.get(c)));
        return out;
    }

    private static double density(String text, String what) {
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0 && d <= DoseResponse.maxCellsPerMillilitre())) {
            throw new UserInputException(String.format(Locale.ROOT, "%s must be a positive number of cells per mL "
                    + "up to %.2g (each cell needs at least its own volume), got %s", what,
                    DoseResponse.maxCellsPerMillilitreShown(), text));
        }
        return d;
    }

    static LigandDefinition parseDefinition(String def) {
        String usage = " (expected NAME:kdAlpha=K,kdBetaGamma=K with K_D in nM, e.g. myIL2:kdAlpha=0.19,kdBetaGamma=5.3)";
        int colon = def.indexOf(':');
        if (colon <= 0) {
            throw new UserInputException("cannot read --ligand-def '" + def + "'" + usage);
        }
        String name = def.substring(0, colon).trim();
        double alpha = Double.NaN;
        double betaGamma = Double.NaN;
        for (String part : def.substring(colon + 1).split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new UserInputException("cannot read '" + part + "' in --ligand-def '" + def + "'" + usage);
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("'" + kv[1] + "' is not a number in --ligand-def '" + def + "'" + usage);
            }
            switch (kv[0].trim()) {
                case "kdAlpha" -> alpha = v;
                case "kdBetaGamma" -> betaGamma = v;
                default -> throw new UserInputException("unknown key '" + kv[0] + "' in --ligand-def '" + def + "'"
                        + usage);
            }
        }
        if (Double.isNaN(alpha) || Double.isNaN(betaGamma)) {
            throw new UserInputException("--ligand-def '" + def + "' needs both kdAlpha and kdBetaGamma" + usage);
        }
        try {
            return LigandDefinition.custom(name, alpha, betaGamma);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Most doses in one panel, as a scenario's doses: {count: N} allows. */
    static final int MAX_DOSES = 10_000;

    static double[] parseDoses(String spec) {
        try {
            if (spec.contains(":")) {
                String[] p = spec.split(":");
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double a = Double.parseDouble(p[0]);
                double b = Double.parseDouble(p[1]);
                int n = Integer.parseInt(p[2]);
                if (!(a > 0) || !(b > a) || !Double.isFinite(b) || n < 2 || n > MAX_DOSES) {
                    throw new UserInputException("--doses A:B:N needs 0 < A < B (finite) and 2 <= N <= " + MAX_DOSES
                            + ", got '" + spec + "'");
                }
                return OutputGrid.logspace(a, b, n);
            }
            String[] parts = spec.split(",");
            double[] d = new double[parts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Double.parseDouble(parts[i].trim());
                if (!(d[i] > 0) || !Double.isFinite(d[i])) {
                    throw new UserInputException("doses must be positive finite numbers (nM), got " + parts[i].trim());
                }
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UserInputException("cannot read --doses '" + spec + "' (expected A:B:N, e.g. 4.7e-4:84:12, or a "
                    + "comma list of doses in nM)");
        }
    }
}
