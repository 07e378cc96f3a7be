package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;

/**
 * The γc dose-response experiment: for every cell type, ligand, dose and time, the signalling read-outs of one cell
 * after exposure to a constant medium concentration or, with a cell density, to a finite medium that the cells deplete
 * (Fallon &amp; Lauffenburger 2000). Each (cell, ligand) network is compiled once; doses are set with
 * {@link CompiledModel#withValues} and run in parallel on all cores. pSTAT5, pERK and pAkt (fractions of each pool that
 * are phosphorylated) come from the signalling layer; with a set that has none (farhat2021) they are NaN.
 */
public final class DoseResponse {

    /**
     * One point of the panel.
     *
     * @param activeComplexes active receptor complexes per cell
     * @param pstat5 phosphorylated fraction of STAT5 (0–1), NaN without the signalling layer
     * @param perk phosphorylated fraction of ERK (0–1), NaN without the signalling layer
     * @param pakt phosphorylated fraction of Akt (0–1), NaN without the signalling layer
     * @param mediumNanomolar the ligand left in the medium at that time (nM): the dose for a constant medium
     */
    public record Point(String cell, String ligand, double doseNanomolar, double timeMinutes, double activeComplexes,
                        double pstat5, double perk, double pakt, double mediumNanomolar) {
    }

    private static final List<String> SIGNALLING = List.of(GammaChainModel.PSTAT5, GammaChainModel.PERK,
            GammaChainModel.PAKT);

    /** Densities are given per mL, as cultures are described; the depletion model takes cells per litre. */
    private static final double MILLILITRES_PER_LITRE = 1e3;

    /**
     * Every cell type in one medium, each at its density: for each ligand one co-culture network
     * ({@link SharedMedium}), run at each dose; points ordered by cell, ligand, dose, time as for separate cultures.
     */
    private static List<Point> runCoCulture(List<String> cells, String receptorTable, List<LigandDefinition> ligands,
                                            double[] doses, double[] times, ParameterSet set,
                                            Map<String, Double> cellsPerMillilitre, Tolerances tolerances,
                                            int threads) {
        if (new java.util.HashSet<>(cells).size() != cells.size()) {
            throw new IllegalArgumentException("a co-culture lists each cell type once: " + cells);
        }
        double[] grid = new double[times.length + 1];
        System.arraycopy(times, 0, grid, 1, times.length);
        OutputGrid.checkIncreasing(grid);
        CompiledModel[] models = new CompiledModel[ligands.size()];
        Parallel.forEach(ligands.size(), threads, li -> {
            LigandDefinition l = ligands.get(li);
            List<SharedMedium.Member> members = new ArrayList<>();
            for (String cell : cells) {
                members.add(new SharedMedium.Member(cell, GammaChainModel.build(ReceptorTables.cell(cell,
                        receptorTable), Map.of(l.base(), 0.0), l.apply(set)),
                        cellsPerMillilitre.get(cell) * MILLILITRES_PER_LITRE));
            }
            models[li] = CompiledModel.compile(SharedMedium.of(members));
        });
        int perLigand = doses.length;
        // [ligand × dose][cell][time]
        Point[][][] results = new Point[ligands.size() * perLigand][][];
        Parallel.forEach(ligands.size() * perLigand, threads, task -> {
            LigandDefinition l = ligands.get(task / perLigand);
            double dose = doses[task % perLigand];
            CompiledModel m = models[task / perLigand].withValues(Map.of(l.base().mediumParameter(), dose));
            List<CompiledModel.Readout> readouts = new ArrayList<>();
            for (String cell : cells) {
                readouts.addAll(cellReadouts(m, SharedMedium.memberId(cell, ""), set.hasSignalling()));
            }
            readouts.add(m.readout(l.base().mediumParameter(), false));
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tolerances, grid, readouts, true);
            int width = set.hasSignalling() ? 1 + SIGNALLING.size() : 1;
            Point[][] byCell = new Point[cells.size()][times.length];
            for (int c = 0; c < cells.size(); c++) {
                for (int k = 0; k < times.length; k++) {
                    double[] r = rows[k + 1];
                    byCell[c][k] = point(cells.get(c), l.id(), dose, times[k], r, c * width, set.hasSignalling(),
                            r[r.length - 1]);
                }
            }
            results[task] = byCell;
        });
        List<Point> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            for (int task = 0; task < results.length; task++) {
                out.addAll(List.of(results[task][c]));
            }
        }
        return out;
    }

    /** A cell's read-outs, its ids prefixed: active complexes, then (with the signalling layer) pSTAT5, pERK, pAkt. */
    private static List<CompiledModel.Readout> cellReadouts(CompiledModel m, String prefix, boolean signalling) {
        List<CompiledModel.Readout> out = new ArrayList<>();
        out.add(m.readout(prefix + GammaChainModel.ACTIVE_COMPLEXES, false));
        if (signalling) {
            for (String id : SIGNALLING) {
                out.add(m.readout(prefix + id, false));
            }
        }
        return out;
    }

    /** The point whose {@link #cellReadouts} start at {@code offset} of a row. */
    private static Point point(String cell, String ligand, double dose, double time, double[] row, int offset,
                               boolean signalling, double medium) {
        return signalling
                ? new Point(cell, ligand, dose, time, row[offset], row[offset + 1], row[offset + 2], row[offset + 3],
                        medium)
                : new Point(cell, ligand, dose, time, row[offset], Double.NaN, Double.NaN, Double.NaN, medium);
    }

    /** The densest culture accepted, in cells/mL (each cell needs at least its own volume; {@link LigandDepletion}). */
    public static double maxCellsPerMillilitre() {
        return LigandDepletion.maxCellsPerLitre() / MILLILITRES_PER_LITRE;
    }

    /** {@link #maxCellsPerMillilitre()} rounded down to two significant digits, as messages show it (and accept it). */
    public static double maxCellsPerMillilitreShown() {
        double max = maxCellsPerMillilitre();
        double unit = Math.pow(10, Math.floor(Math.log10(max)) - 1);
        return Math.floor(max / unit) * unit;
    }

    private DoseResponse() {
    }

    /**
     * @param times output times in minutes (> 0), increasing
     * @return points ordered by cell, ligand, dose, time
     */
    public static List<Point> run(List<String> cells, List<LigandDefinition> ligands, double[] doses, double[] times,
                                  ParameterSet set, Tolerances tolerances, int threads) {
        return run(cells, ReceptorTables.TABLE_A, ligands, doses, times, set, tolerances, threads);
    }

    /**
     * @param receptorTable where the cells' receptor counts come from ({@link ReceptorTables#TABLES})
     * @param times output times in minutes (> 0), increasing
     * @return points ordered by cell, ligand, dose, time
     */
    public static List<Point> run(List<String> cells, String receptorTable, List<LigandDefinition> ligands,
                                  double[] doses, double[] times, ParameterSet set, Tolerances tolerances,
                                  int threads) {
        return run(cells, receptorTable, ligands, doses, times, set, CONSTANT_MEDIUM, tolerances, threads);
    }

    /** Cell density that means "constant medium ligand" (the reference's assumption: no depletion). */
    public static final double CONSTANT_MEDIUM = 0;

    /**
     * @param receptorTable where the cells' receptor counts come from ({@link ReceptorTables#TABLES})
     * @param cellsPerMillilitre culture density for a finite medium ({@link LigandDepletion}): each cell type is
     *        run as a culture of that cell alone at this density, and the dose is the starting concentration;
     *        {@link #CONSTANT_MEDIUM} for a medium that binding does not deplete
     * @param times output times in minutes (> 0), increasing
     * @return points ordered by cell, ligand, dose, time
     */
    public static List<Point> run(List<String> cells, String receptorTable, List<LigandDefinition> ligands,
                                  double[] doses, double[] times, ParameterSet set, double cellsPerMillilitre,
                                  Tolerances tolerances, int threads) {
        return run(cells, receptorTable, ligands, doses, times, set, cellsPerMillilitre, false, tolerances, threads);
    }

    /**
     * @param coCulture all cell types share one finite medium, each at {@code cellsPerMillilitre} ({@link SharedMedium}):
     *        one run per ligand and dose gives every cell type's points; false: each cell type alone
     */
    public static List<Point> run(List<String> cells, String receptorTable, List<LigandDefinition> ligands,
                                  double[] doses, double[] times, ParameterSet set, double cellsPerMillilitre,
                                  boolean coCulture, Tolerances tolerances, int threads) {
        Map<String, Double> densities = new java.util.LinkedHashMap<>();
        if (cellsPerMillilitre != CONSTANT_MEDIUM) {
            cells.forEach(c -> densities.put(c, cellsPerMillilitre));
        }
        return run(cells, receptorTable, ligands, doses, times, set, densities, coCulture, tolerances, threads);
    }

    /**
     * @param cellsPerMillilitre culture density of each cell type (cells/mL) for a finite medium; empty for a medium
     *        that binding does not deplete
     * @param coCulture all cell types share one finite medium, each at its density ({@link SharedMedium}): one run
     *        per ligand and dose gives every cell type's points; false: each cell type alone at its density
     */
    public static List<Point> run(List<String> cells, String receptorTable, List<LigandDefinition> ligands,
                                  double[] doses, double[] times, ParameterSet set,
                                  Map<String, Double> cellsPerMillilitre, boolean coCulture, Tolerances tolerances,
                                  int threads) {
        if (!cellsPerMillilitre.isEmpty()) {
            for (String c : cells) {
                Double d = cellsPerMillilitre.get(c);
                if (d == null || !(d > 0 && d <= maxCellsPerMillilitre())) {
                    throw new IllegalArgumentException("cell density of " + c + " must be a positive number of cells "
                            + "per mL up to " + maxCellsPerMillilitre() + "; was " + d);
                }
            }
        }
        if (coCulture) {
            if (cellsPerMillilitre.isEmpty()) {
                throw new IllegalArgumentException("a co-culture shares a finite medium: give a cell density");
            }
            return runCoCulture(cells, receptorTable, ligands, doses, times, set, cellsPerMillilitre, tolerances,
                    threads);
        }
        int perPanel = doses.length;
        int combos = cells.size() * ligands.size();
        CompiledModel[] models = new CompiledModel[combos];
        double[] grid = new double[times.length + 1];
        System.arraycopy(times, 0, grid, 1, times.length);
        OutputGrid.checkIncreasing(grid); // times > 0, finite, increasing: refused before any model is built
        Point[][] results = new Point[combos * perPanel][];
        Parallel.forEach(combos, threads, c -> {
            String cell = cells.get(c / ligands.size());
            LigandDefinition l = ligands.get(c % ligands.size());
            ReactionNetwork n = GammaChainModel.build(ReceptorTables.cell(cell, receptorTable), Map.of(l.base(), 0.0),
                    l.apply(set));
            if (!cellsPerMillilitre.isEmpty()) {
                n = LigandDepletion.apply(n, cellsPerMillilitre.get(cell) * MILLILITRES_PER_LITRE);
            }
            models[c] = CompiledModel.compile(n);
        });
        Parallel.forEach(combos * perPanel, threads, task -> {
            int c = task / perPanel;
            double dose = doses[task % perPanel];
            String cell = cells.get(c / ligands.size());
            LigandDefinition l = ligands.get(c % ligands.size());
            CompiledModel m = models[c].withValues(Map.of(l.base().mediumParameter(), dose));
            List<CompiledModel.Readout> readouts = new ArrayList<>(cellReadouts(m, "", set.hasSignalling()));
            boolean finite = !cellsPerMillilitre.isEmpty();
            if (finite) {
                readouts.add(m.readout(l.base().mediumParameter(), false));
            }
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tolerances, grid, readouts, true);
            Point[] pts = new Point[times.length];
            for (int k = 0; k < times.length; k++) {
                double[] r = rows[k + 1];
                pts[k] = point(cell, l.id(), dose, times[k], r, 0, set.hasSignalling(), finite ? r[r.length - 1] : dose);
            }
            results[task] = pts;
        });
        List<Point> out = new ArrayList<>();
        for (Point[] pts : results) {
            out.addAll(List.of(pts));
        }
        return out;
    }
}
