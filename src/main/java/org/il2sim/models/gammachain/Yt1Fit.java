package org.il2sim.models.gammachain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.analysis.LogLeastSquares;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;

/**
 * The γc model fitted to the YT-1 data the anchor was fitted to (reference §2.6): Ring et al. 2012 pSTAT5 after
 * 500 min of IL-2 or IL-15 on IL-2Rα⁺ and IL-2Rα⁻ YT-1 cells (8 doses each; residual data/100 − activity/max activity,
 * as the anchor's {@code fit.py}), Ring's surface IL-2Rβ over 90 min at 1 and 500 nM (relative to t = 0), and Mitra
 * et al. 2015 surface γc over 240 min at 1 µM IL-2 on IL-2Rα⁻ cells (relative to t = 0). Only YT-1 data: the
 * project keeps blood-cell responses for validation.
 *
 * <p>The fit is penalised least squares in ln p, centred on the reference vector with a log-normal width per
 * parameter ({@link LogLeastSquares}); any base parameter of the set and the YT-1 synthesis rates
 * ({@code Rexpr_<receptor>}) can be fitted. The YT-1 γc count can be the anchor's fitted synthesis rate or the
 * measured count of {@code YT_1_receptor_levels.csv} (10,909 #/cell).
 */
public final class Yt1Fit {

    /** Where the bundled copies of the data live (MIT licence, Meyer lab; see the folder's README). */
    private static final String DATA = "yt1/";
    private static final double[] GRID = {0, 2, 5, 10, 15, 30, 45, 60, 90, 120, 180, 240, 500};
    private static final int T500 = GRID.length - 1;
    /** Mitra 2015: IL-2 dose (nM) on IL-2Rα⁻ YT-1 cells. */
    private static final double MITRA_DOSE = 1000;

    /** The read-out compared with Ring's pSTAT5: active complexes (as the reference) or the signalling layer's pSTAT5. */
    public enum Readout {
        ACTIVE_COMPLEXES(GammaChainModel.ACTIVE_COMPLEXES), PSTAT5(GammaChainModel.PSTAT5);

        private final String id;

        Readout(String id) {
            this.id = id;
        }

        /** The model quantity. */
        public String id() {
            return id;
        }
    }

    /**
     * What to fit and how.
     *
     * @param readout what the model's pSTAT5 curves are: {@link Readout#PSTAT5} needs a set with the signalling layer
     */
    public record Setup(List<String> parameters, boolean measuredGammaChain, boolean transPresented,
                        double priorSigma, int maxIterations, int threads, Readout readout) {

        /** The reference's read-out: active complexes. */
        public Setup(List<String> parameters, boolean measuredGammaChain, boolean transPresented, double priorSigma,
                     int maxIterations, int threads) {
            this(parameters, measuredGammaChain, transPresented, priorSigma, maxIterations, threads,
                    Readout.ACTIVE_COMPLEXES);
        }

        /** The ligands whose data enter the fit: IL-2 and IL-15, and IL-15·IL-15Rα when asked for. */
        List<Ligand> ligands() {
            return transPresented ? List.of(Ligand.IL2, Ligand.IL15, Ligand.IL15_15Ra)
                    : List.of(Ligand.IL2, Ligand.IL15);
        }
    }

    /** One fitted parameter. */
    public record Estimate(String id, double start, double value, double lower95, double upper95) {
    }

    /** One data point and the model's value for it. */
    public record Residual(String experiment, String condition, double x, double data, double model) {
    }

    /** The outcome: estimates, the data and model values at the start and at the estimate, and the fit's costs. */
    public record Outcome(List<Estimate> estimates, List<Residual> atStart, List<Residual> atEstimate,
                          double startCost, double cost, int evaluations, int iterations, boolean converged,
                          ParameterSet fitted) {
    }

    /** Parameters fitted by default: the anchor's fitted binding and trafficking rates (reference §2.6). */
    public static final List<String> DEFAULT_PARAMETERS = List.of("k_fwd", "k4", "k5", "k16", "k17", "k22", "k23",
            "k_endo", "k_endo_a", "k_rec", "k_deg");

    private record Run(String cell, Ligand ligand, double dose) {
    }

    private final Setup setup;
    private final ParameterSet reference;
    private final Map<String, CompiledModel> models = new HashMap<>();
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, List<double[]>> data;

    public Yt1Fit(Setup setup, ParameterSet reference) {
        this.setup = setup;
        this.reference = reference;
        this.data = readData();
        for (String q : setup.parameters()) {
            if (setup.readout() == Readout.ACTIVE_COMPLEXES && ParameterTables.REQUIRED_SIGNALLING.contains(bare(q))) {
                throw new IllegalArgumentException("cannot fit '" + q + "' with the active-complex read-out: no data"
                        + " point depends on it (use the pSTAT5 read-out, --readout pstat5)");
            }
        }
        if (setup.readout() == Readout.PSTAT5 && !reference.hasSignalling()) {
            throw new IllegalArgumentException("the pSTAT5 read-out needs a parameter set with the signalling layer"
                    + " (il2sim)");
        }
        if (!setup.transPresented() && setup.parameters().stream().anyMatch(
                q -> bare(q).equals(GammaChainModel.TRANS_PRESENTATION_RATE))) {
            throw new IllegalArgumentException("cannot fit '" + GammaChainModel.TRANS_PRESENTATION_RATE + "' without "
                    + "the IL-15·IL-15Rα data (--trans-presented): no other data point depends on it");
        }
        for (String cell : List.of("YT1CD25neg", "YT1")) {
            for (Ligand l : setup.ligands()) {
                ReceptorAbundances a = ReceptorTables.cell(cell);
                if (setup.measuredGammaChain()) {
                    a = a.with(Receptor.gc, measuredGammaChain());
                }
                CompiledModel m = CompiledModel.compile(GammaChainModel.build(a, Map.of(l, 0.0), reference));
                for (String qualified : setup.parameters()) {
                    String id = bare(qualified);
                    String only = cellOf(qualified);
                    boolean rate = id.startsWith("Rexpr_");
                    if ((!reference.contains(id) && !rate) || (only != null && !rate)
                            || (only != null && !List.of("YT1", "YT1CD25neg").contains(only))) {
                        throw new IllegalArgumentException("cannot fit '" + qualified + "': not a base parameter of "
                                + "the set, a YT-1 synthesis rate Rexpr_<receptor>, or one line's rate "
                                + "YT1:Rexpr_<receptor> / YT1CD25neg:Rexpr_<receptor>");
                    }
                    double start = m.initialValue(id);
                    if (!(start > 0)) {
                        throw new IllegalArgumentException("cannot fit '" + qualified + "': its value on " + cell
                                + " is " + start + "; a fit in log space needs a positive start");
                    }
                    try {
                        m.withValues(Map.of(id, start));
                    } catch (RuntimeException computed) {
                        throw new IllegalArgumentException("cannot fit '" + qualified + "': " + computed.getMessage());
                    }
                }
                models.put(cell + "/" + l.name(), m);
            }
        }
        for (double[] row : data.get("pstat5")) {
            for (String cell : List.of("YT1CD25neg", "YT1")) {
                for (Ligand l : setup.ligands()) {
                    runs.add(new Run(cell, l, Math.pow(10, row[0])));
                }
            }
        }
        for (String cell : List.of("YT1CD25neg", "YT1")) {
            for (Ligand l : setup.ligands()) {
                runs.add(new Run(cell, l, 1));
                runs.add(new Run(cell, l, 500));
            }
        }
        runs.add(new Run("YT1CD25neg", Ligand.IL2, MITRA_DOSE));
    }

    /** The measured YT-1 γc count (#/cell), from the bundled YT_1_receptor_levels.csv. */
    public static double measuredGammaChain() {
        List<String> lines = lines("YT_1_receptor_levels.csv");
        String[] header = lines.get(0).split(",");
        String[] row = lines.get(1).split(",");
        for (int k = 0; k < header.length; k++) {
            if (header[k].contains("gamma")) {
                return Double.parseDouble(row[k]);
            }
        }
        throw new IllegalStateException("YT_1_receptor_levels.csv has no γc column");
    }

    /** Runs the fit. */
    public Outcome run() {
        List<String> ids = setup.parameters();
        double[] start = new double[ids.size()];
        double[] sigma = new double[ids.size()];
        for (int k = 0; k < start.length; k++) {
            start[k] = startValue(ids.get(k));
            sigma[k] = setup.priorSigma();
        }
        LogLeastSquares.Result r = LogLeastSquares.fit(p -> residualValues(evaluate(p)), start, start, sigma,
                setup.maxIterations(), setup.threads());
        List<Estimate> estimates = new ArrayList<>();
        ParameterSet fitted = reference;
        for (int k = 0; k < start.length; k++) {
            estimates.add(new Estimate(ids.get(k), start[k], r.estimate()[k], r.lower95()[k], r.upper95()[k]));
            if (reference.contains(ids.get(k)) && cellOf(ids.get(k)) == null) {
                fitted = fitted.with(ids.get(k), r.estimate()[k]);
            }
        }
        return new Outcome(estimates, evaluate(start), evaluate(r.estimate()), r.startCost(), r.cost(),
                r.evaluations(), r.iterations(), r.converged(), fitted);
    }

    /** The data and the model's values for them with the given values of the fitted parameters. */
    public List<Residual> evaluate(double[] values) {
        Map<String, Map<String, Double>> setByCell = new HashMap<>();
        for (String cell : List.of("YT1CD25neg", "YT1")) {
            Map<String, Double> set = new LinkedHashMap<>();
            for (int k = 0; k < values.length; k++) {
                String q = setup.parameters().get(k);
                if (cellOf(q) == null || cellOf(q).equals(cell)) {
                    set.put(bare(q), values[k]);
                }
            }
            setByCell.put(cell, set);
        }
        Tolerances tol = new Tolerances(1e-7, 1e-8, 1_000_000, Double.POSITIVE_INFINITY);
        Map<Run, double[][]> out = new HashMap<>();
        double[][][] solved = new double[runs.size()][][];
        // the runs are independent solves: on all the fit's threads (the Jacobian's columns call this in parallel
        // too; each call has its own small pool)
        org.il2sim.core.parallel.Parallel.forEach(runs.size(), setup.threads(), index -> {
            Run run = runs.get(index);
            CompiledModel base = models.get(run.cell() + "/" + run.ligand().name());
            Map<String, Double> v = new HashMap<>(setByCell.get(run.cell()));
            v.put(run.ligand().mediumParameter(), run.dose());
            CompiledModel m = base.withValues(v);
            java.util.Set<Ligand> present = Ligand.present(Map.of(run.ligand(), 0.0));
            List<ReceptorSpecies> withBeta = holding(Receptor.IL2Rb, present);
            List<ReceptorSpecies> withGamma = holding(Receptor.gc, present);
            List<CompiledModel.Readout> readouts = new ArrayList<>();
            readouts.add(m.readout(setup.readout().id(), false));
            for (ReceptorSpecies sp : withBeta) {
                readouts.add(m.readout(sp.id(Location.SURFACE), true));
            }
            for (ReceptorSpecies sp : withGamma) {
                readouts.add(m.readout(sp.id(Location.SURFACE), true));
            }
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tol, GRID, readouts, true);
            double[][] sums = new double[rows.length][3];
            for (int i = 0; i < rows.length; i++) {
                sums[i][0] = rows[i][0];
                for (int k = 0; k < withBeta.size(); k++) {
                    sums[i][1] += rows[i][1 + k];
                }
                for (int k = 0; k < withGamma.size(); k++) {
                    sums[i][2] += rows[i][1 + withBeta.size() + k];
                }
            }
            solved[index] = sums;
        });
        for (int index = 0; index < runs.size(); index++) {
            out.put(runs.get(index), solved[index]);
        }
        List<Residual> res = new ArrayList<>();
        // pSTAT5: columns 1-4 IL2Ra- (H9, IL2, IL15, IL15_IL15Ra), 5-8 IL2Ra+; activity / max over the doses
        int[][] columns = {{2, 3, 4}, {6, 7, 8}};
        String[] cells = {"YT1CD25neg", "YT1"};
        Ligand[] ligands = setup.ligands().toArray(Ligand[]::new);
        List<double[]> pstat = data.get("pstat5");
        for (int c = 0; c < 2; c++) {
            for (int l = 0; l < ligands.length; l++) {
                double max = 0;
                double[] act = new double[pstat.size()];
                for (int i = 0; i < act.length; i++) {
                    act[i] = out.get(new Run(cells[c], ligands[l], Math.pow(10, pstat.get(i)[0])))[T500][0];
                    max = Math.max(max, act[i]);
                }
                for (int i = 0; i < act.length; i++) {
                    res.add(new Residual("pSTAT5 500 min", cells[c] + " " + ligands[l].name(), pstat.get(i)[0],
                            pstat.get(i)[columns[c][l]] / 100, act[i] / max));
                }
            }
        }
        // surface IL-2Rβ (Ring 2012): columns 1 IL2, 2 IL15, 4 IL15_IL15Ra at 1 nM; 5, 6, 8 the same at 500 nM
        int[] allColumns = {1, 2, 4, 5, 6, 8};
        int perDose = ligands.length;
        int[] surfaceColumns = new int[2 * perDose];
        double[] surfaceDoses = new double[2 * perDose];
        for (int k = 0; k < perDose; k++) {
            surfaceColumns[k] = allColumns[k];
            surfaceColumns[perDose + k] = allColumns[3 + k];
            surfaceDoses[k] = 1;
            surfaceDoses[perDose + k] = 500;
        }
        for (int c = 0; c < 2; c++) {
            List<double[]> rows = data.get(c == 0 ? "surface-" : "surface+");
            for (int s = 0; s < surfaceColumns.length; s++) {
                Ligand l = ligands[s % perDose];
                double[][] y = out.get(new Run(cells[c], l, surfaceDoses[s]));
                double data0 = rows.get(0)[surfaceColumns[s]];
                for (int i = 1; i < rows.size(); i++) {
                    double t = rows.get(i)[0];
                    res.add(new Residual("surface IL-2Rb", cells[c] + " " + l.name() + " " + fmt(surfaceDoses[s])
                            + " nM", t, rows.get(i)[surfaceColumns[s]] / data0, y[gridIndex(t)][1] / y[0][1]));
                }
            }
        }
        double[][] mitra = out.get(new Run("YT1CD25neg", Ligand.IL2, MITRA_DOSE));
        for (double[] row : data.get("mitra")) {
            if (row[0] > 0) {
                res.add(new Residual("surface gc", "YT1CD25neg IL2 1000 nM", row[0], row[1] / 100,
                        mitra[gridIndex(row[0])][2] / mitra[0][2]));
            }
        }
        return res;
    }

    /** The model's value of one of the fitted parameters before fitting. */
    private double startValue(String qualified) {
        String id = bare(qualified);
        if (reference.contains(id)) {
            return reference.value(id);
        }
        return models.get((cellOf(qualified) == null ? "YT1" : cellOf(qualified)) + "/IL2").initialValue(id);
    }

    /** "YT1CD25neg:Rexpr_IL2Rb" → "Rexpr_IL2Rb"; an unqualified id as it is. */
    private static String bare(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    /** "YT1CD25neg:Rexpr_IL2Rb" → "YT1CD25neg"; null for an id that applies to both lines. */
    private static String cellOf(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? null : qualified.substring(0, colon);
    }

    private static double[] residualValues(List<Residual> rs) {
        double[] out = new double[rs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rs.get(i).model() - rs.get(i).data();
        }
        return out;
    }

    private static int gridIndex(double t) {
        for (int i = 0; i < GRID.length; i++) {
            if (GRID[i] == t) {
                return i;
            }
        }
        throw new IllegalStateException("no output at t = " + t);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The species of a model holding a chain, free and in complexes: their surface total is what the Ring (IL-2Rβ)
     * and Mitra (γc) data measure.
     */
    private static List<ReceptorSpecies> holding(Receptor r, java.util.Set<Ligand> ligands) {
        List<ReceptorSpecies> out = new ArrayList<>();
        for (ReceptorSpecies s : ReceptorSpecies.in(ligands)) {
            if (s.receptors().contains(r)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, List<double[]>> readData() {
        Map<String, List<double[]>> out = new HashMap<>();
        out.put("pstat5", numbers("IL2_IL15_extracted_data.csv"));
        out.put("surface+", numbers("IL2Ra+_surface_IL2RB_datasets.csv"));
        out.put("surface-", numbers("IL2Ra-_surface_IL2RB_datasets.csv"));
        out.put("mitra", numbers("mitra_surface_gc_depletion.csv"));
        return out;
    }

    private static List<double[]> numbers(String file) {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = lines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double[] v = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                v[k] = Double.parseDouble(f[k]);
            }
            rows.add(v);
        }
        return rows;
    }

    private static List<String> lines(String file) {
        try (InputStream in = Yt1Fit.class.getResourceAsStream(DATA + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled data missing: " + DATA + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
