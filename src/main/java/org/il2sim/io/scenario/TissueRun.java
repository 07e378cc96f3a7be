package org.il2sim.io.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.models.immune.ParameterTable;
import org.il2sim.tissue.TregMicroDomains;

/**
 * Runs a scenario on the agent-based tissue model ({@link TregMicroDomains}): the scenario's parameters (already
 * checked against the model's parameter network), its output grid and its replicates, each replicate from the
 * generator of (seed, replicate), in parallel. The model runs by its own schedule (cells by chance, the IL-2 field
 * by backward Euler), so the solver settings do not apply.
 */
final class TissueRun {

    /** What run.json and the report name as the method. */
    static final String METHOD = "agents";
    /** The model value that sets how exactly the IL-2 field is solved (reported instead of rtol and atol). */
    static final String FIELD_TOLERANCE = "field_tolerance";

    private TissueRun() {
    }

    /**
     * Checks outputs, start and values before anything runs (the values as the model will check them), so that
     * every condition's problem is reported with its location; condition null for a plain run.
     */
    static ParameterTable check(Scenario s, ReactionNetwork edited, String condition) {
        List<String> problems = new ArrayList<>();
        List<String> ids = s.outputs().isEmpty() ? TregMicroDomains.OUTPUTS : s.outputs();
        for (String id : ids) {
            if (!TregMicroDomains.OUTPUTS.contains(id)) {
                problems.add(s.where("outputs", id) + ": unknown output '" + id + "'"
                        + Suggestions.didYouMean(id, TregMicroDomains.OUTPUTS) + "; the tissue model writes: "
                        + TregMicroDomains.describeOutputs());
            }
        }
        if (s.start() != 0) {
            problems.add(s.where("start", "") + ": the tissue model starts at t = 0; leave 'start' out");
        }
        ParameterTable p = TregMicroDomains.fromNetwork(edited);
        try {
            TregMicroDomains.check(p);
        } catch (IllegalArgumentException e) {
            problems.add((condition == null ? s.file().toString() : s.where("conditions", condition)
                    + ": condition '" + condition + "'") + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return p;
    }

    static RunResult run(Scenario s, ReactionNetwork edited, DoubleConsumer progress) {
        long started = System.nanoTime();
        List<String> ids = s.outputs().isEmpty() ? TregMicroDomains.OUTPUTS : s.outputs();
        int[] columns = new int[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            columns[k] = TregMicroDomains.OUTPUTS.indexOf(ids.get(k));
        }
        List<String> warnings = new ArrayList<>();
        if (!Scenario.SolverSettings.DEFAULT.method().equals(s.solver().method())) {
            warnings.add("solver method '" + s.solver().method() + "' ignored: the tissue model runs its agents by "
                    + "chance and its IL-2 field by backward Euler (time_step, field_tolerance)");
        }
        ParameterTable p = check(s, edited, null);
        double[] times = OutputGrid.uniform(0, s.duration(), s.steps());
        double[][][] values = new double[s.replicates()][][];
        AtomicInteger done = new AtomicInteger();
        int total = s.replicates();
        ParameterTable table = p;
        Parallel.forEach(total, Parallel.cores(), r -> {
            double[][] all = TregMicroDomains.run(table, times, Ensemble.replicateGenerator(s.seed(), r),
                    total == 1 ? progress : null).samples();
            double[][] chosen = new double[times.length][ids.size()];
            for (int t = 0; t < times.length; t++) {
                for (int k = 0; k < columns.length; k++) {
                    chosen[t][k] = all[t][columns[k]];
                }
            }
            values[r] = chosen;
            if (progress != null && total > 1) {
                progress.accept((double) done.incrementAndGet() / total);
            }
        });
        List<String> units = new ArrayList<>();
        ids.forEach(id -> units.add(TregMicroDomains.unitOf(id)));
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        edited.parameters().forEach(q -> used.put(q.id(), q.value()));
        // the solver tolerances do not apply (NaN); the field's solve tolerance is a value of the model, in used
        return new RunResult(s, edited, used, METHOD, Double.NaN, Double.NaN, times, ids, units, values,
                (System.nanoTime() - started) / 1_000_000, warnings);
    }
}
