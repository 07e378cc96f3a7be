package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.solver.Tolerances;

/**
 * The γc dose-response experiment: for every cell type, ligand, dose and time, the signalling read-outs of one cell
 * after constant exposure. Each (cell, ligand) network is compiled once; doses are set with
 * {@link CompiledModel#withValues} and run in parallel on all cores. Read-outs the model does not have (pSTAT5, pERK,
 * pAkt until the signalling layer exists) are NaN.
 */
public final class DoseResponse {

    /** One point of the panel. */
    public record Point(String cell, String ligand, double doseNanomolar, double timeMinutes, double activeComplexes,
                        double pstat5, double perk, double pakt) {
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
        int perPanel = doses.length;
        int combos = cells.size() * ligands.size();
        CompiledModel[] models = new CompiledModel[combos];
        double[] grid = new double[times.length + 1];
        System.arraycopy(times, 0, grid, 1, times.length);
        Point[][] results = new Point[combos * perPanel][];
        Parallel.forEach(combos, threads, c -> {
            String cell = cells.get(c / ligands.size());
            LigandDefinition l = ligands.get(c % ligands.size());
            ReactionNetwork n = GammaChainModel.build(ReceptorTables.cell(cell, receptorTable), Map.of(l.base(), 0.0),
                    l.apply(set));
            models[c] = CompiledModel.compile(n);
        });
        Parallel.forEach(combos * perPanel, threads, task -> {
            int c = task / perPanel;
            double dose = doses[task % perPanel];
            String cell = cells.get(c / ligands.size());
            LigandDefinition l = ligands.get(c % ligands.size());
            CompiledModel m = models[c].withValues(Map.of(l.base().mediumParameter(), dose));
            double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tolerances, grid,
                    List.of(m.readout(GammaChainModel.ACTIVE_COMPLEXES, false)), true);
            Point[] pts = new Point[times.length];
            for (int k = 0; k < times.length; k++) {
                pts[k] = new Point(cell, l.id(), dose, times[k], rows[k + 1][0], Double.NaN, Double.NaN, Double.NaN);
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
