package org.il2sim.io.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.NetworkEdits;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.parallel.Parallel;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.GridRecorder;
import org.il2sim.core.sim.HybridModel;
import org.il2sim.core.sim.HybridTimeCourse;
import org.il2sim.core.sim.Methods;
import org.il2sim.core.sim.ModelException;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.core.sim.StochasticModel;
import org.il2sim.core.sim.StochasticTimeCourse;
import org.il2sim.core.sim.TimeCourse;
import org.il2sim.core.sim.TrajectoryObserver;
import org.il2sim.core.solver.OdeMethod;
import org.il2sim.core.solver.StochasticMethod;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ssa.Ensemble;
import org.il2sim.io.sbml.SbmlImporter;
import org.il2sim.models.gammachain.DoseResponse;
import org.il2sim.models.gammachain.LigandDefinition;
import org.il2sim.models.gammachain.ParameterSet;

/**
 * Runs a validated scenario: loads its model, applies overrides and interventions (each id checked against the
 * model, with the scenario's file:line:column on error), simulates, and returns the values. Stochastic replicates
 * run in parallel, each from a generator derived from (seed, replicate) alone, so results do not depend on threads.
 */
public final class ScenarioRunner {

    /** Resource folder of the models shipped with il2sim. */
    public static final String BUILTIN_FOLDER = "/org/il2sim/models/";

    private ScenarioRunner() {
    }

    /**
     * @param progress receives the fraction done (0..1) as the run advances; may be null
     */
    public static RunResult run(Scenario s, DoubleConsumer progress) throws IOException {
        if (!"time-course".equals(s.experiment())) {
            throw new ModelException(s.file() + ": experiment '" + s.experiment() + "' is not supported yet; "
                    + "time-course, dose-response, sweep and knockout are", true);
        }
        return run(s, load(s.model()), progress);
    }

    /** The same on a model already loaded (networks are immutable: conditions share one). */
    private static RunResult run(Scenario s, ReactionNetwork loaded, DoubleConsumer progress) {
        if (isTissue(s.model())) {
            List<String> problems = new ArrayList<>();
            for (Scenario.Intervention iv : s.interventions()) {
                for (String id : iv.set().keySet()) {
                    problems.add(s.where("interventions", id) + ": the tissue model '"
                            + org.il2sim.tissue.TregMicroDomains.MODEL_NAME + "' takes no timed interventions; "
                            + "compare settings with 'conditions:' instead");
                }
            }
            for (String id : s.initial().keySet()) {
                problems.add(s.where("initial", id) + ": the tissue model '"
                        + org.il2sim.tissue.TregMicroDomains.MODEL_NAME + "' has no species; its starting cells are "
                        + "parameters (Treg_0, self_naive_0 per V_patch, Treg_density)");
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            return TissueRun.run(s, applyEdits(s, loaded), progress);
        }
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        ReactionNetwork network = applyEdits(s, loaded);
        CompiledModel model = CompiledModel.compile(network);
        List<String> ids = s.outputs().isEmpty() ? defaultOutputs(network) : s.outputs();
        List<String> problems = new ArrayList<>();
        List<CompiledModel.Readout> readouts = new ArrayList<>();
        boolean stochastic = Methods.isRandom(s.solver().method());
        for (String id : ids) {
            if (model.slot(id) < 0 || id.startsWith("amount(") || network.reactions().stream().anyMatch(r -> r.id().equals(id))) {
                problems.add(s.where("outputs", id) + ": unknown output '" + id + "'"
                        + Suggestions.didYouMean(id, knownIds(network)) + "; known: " + known(network));
            } else {
                Species sp = network.speciesById().get(id);
                readouts.add(model.readout(id, sp != null && (sp.hasOnlySubstanceUnits() || stochastic)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        double[] times = OutputGrid.uniform(s.start(), s.duration(), s.steps());
        int replicates = s.replicates();
        if (!stochastic && replicates > 1) {
            warnings.add("replicates: " + replicates + " ignored for the deterministic method '"
                    + s.solver().method() + "' (one run)");
            replicates = 1;
        }
        double[][][] values = new double[replicates][][];
        if (stochastic) {
            boolean hybrid = Methods.HYBRID.equals(s.solver().method());
            StochasticMethod method = hybrid ? null : Methods.stochastic(s.solver().method());
            StochasticModel system = hybrid ? null : new StochasticModel(model);
            HybridModel partitioned = hybrid ? hybridModel(s, model) : null;
            Tolerances tol = tolerances(s);
            AtomicInteger done = new AtomicInteger();
            int total = replicates;
            Parallel.forEach(total, Parallel.cores(), r -> {
                GridRecorder rec = new GridRecorder(times.length, readouts);
                if (hybrid) {
                    HybridTimeCourse.run(partitioned, tol, times, Ensemble.replicateGenerator(s.seed(), r), rec);
                } else {
                    StochasticTimeCourse.run(system, method, times, Ensemble.replicateGenerator(s.seed(), r), rec);
                }
                values[r] = rec.rows();
                if (progress != null) {
                    progress.accept((double) done.incrementAndGet() / total);
                }
            });
        } else {
            OdeMethod method = s.solver().method().equals("ode") ? Methods.defaultOde() : Methods.ode(s.solver().method());
            Tolerances tol = tolerances(s);
            GridRecorder rec = new GridRecorder(times.length, readouts);
            double tEnd = times[times.length - 1];
            TrajectoryObserver observer = new TrajectoryObserver() {
                @Override
                public void onSample(int index, double t, double[] v) {
                    rec.onSample(index, t, v);
                    if (progress != null && tEnd > 0) {
                        progress.accept(t / tEnd);
                    }
                }
            };
            TimeCourse.run(model, method, tol, times, observer, true);
            values[0] = rec.rows();
        }
        List<String> units = new ArrayList<>();
        for (String id : ids) {
            units.add(unitOf(network, s.model(), id));
        }
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        network.parameters().forEach(p -> used.put(p.id(), model.initialValue(p.id())));
        return new RunResult(s, network, used, s.solver().method(), s.solver().rtol(), s.solver().atol(), times, ids, units,
                values, (System.nanoTime() - started) / 1_000_000, warnings);
    }

    private static Tolerances tolerances(Scenario s) {
        return new Tolerances(s.solver().rtol(), s.solver().atol(), s.solver().maxSteps(), Double.POSITIVE_INFINITY);
    }

    /** The hybrid partition of the scenario, its continuous species checked against the model (file:line:column). */
    private static HybridModel hybridModel(Scenario s, CompiledModel model) {
        List<String> problems = new ArrayList<>();
        var species = model.network().speciesById();
        for (String id : s.solver().continuous()) {
            if (!species.containsKey(id)) {
                problems.add(s.where("continuous", id) + ": unknown species '" + id + "' in solver: continuous"
                        + Suggestions.didYouMean(id, species.keySet()) + "; known: "
                        + String.join(", ", species.keySet()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new HybridModel(model, s.solver().continuous(), s.solver().threshold());
    }

    /** Runs every condition of a sweep or knockout comparison (in parallel), each as a time course. */
    public static List<RunResult> runConditions(Scenario s) throws IOException {
        List<Scenario.Condition> conditions = s.conditions();
        // every condition's edits are checked before any runs, so that all their problems are reported at once
        // (in parallel, the first failing condition would hide the others)
        ReactionNetwork network = load(s.model());
        java.util.LinkedHashSet<String> problems = new java.util.LinkedHashSet<>();
        for (Scenario.Condition c : conditions) {
            try {
                ReactionNetwork edited = applyEdits(s.under(c), network);
                if (isTissue(s.model())) {
                    TissueRun.check(s.under(c), edited, c.name());
                }
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(List.copyOf(problems));
        }
        RunResult[] out = new RunResult[conditions.size()];
        Parallel.forEach(out.length, Parallel.cores(), k -> out[k] = run(s.under(conditions.get(k)), network, null));
        return List.of(out);
    }

    /** Runs a dose-response scenario on the γc receptor model, on all cores. */
    public static DoseResponseResult runDoseResponse(Scenario s) {
        return runDoseResponse(s, Parallel.cores());
    }

    /** The same on {@code threads} worker threads (the ODE model's cell × ligand × dose runs). */
    public static DoseResponseResult runDoseResponse(Scenario s, int threads) {
        long started = System.nanoTime();
        Scenario.DosePanel panel = s.panel();
        ParameterSet set = ParameterSet.named(panel.parameterSet());
        List<LigandDefinition> ligands = new ArrayList<>();
        for (String l : panel.ligands()) {
            ligands.add(panel.ligand(l));
        }
        Tolerances tol = new Tolerances(s.solver().rtol(), s.solver().atol(), s.solver().maxSteps(),
                Double.POSITIVE_INFINITY);
        List<DoseResponse.Point> points = panel.multivalent()
                ? org.il2sim.models.gammachain.MultivalentBinding.doseResponse(panel.cells(), panel.receptorTable(),
                        ligands, panel.doses(), panel.valency())
                : DoseResponse.run(panel.cells(), panel.receptorTable(), ligands, panel.doses(), panel.times(), set,
                        panel.cellDensities(), panel.coCulture(), tol, threads);
        return new DoseResponseResult(s, points, set, (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads a model: an SBML file, or one shipped with il2sim. */
    public static ReactionNetwork load(Scenario.ModelSource source) throws IOException {
        if (source instanceof Scenario.Sbml sbml) {
            return SbmlImporter.read(sbml.path());
        }
        Scenario.Builtin builtin = (Scenario.Builtin) source;
        String name = builtin.name();
        if (name.equals("acute-infection")) {
            return org.il2sim.models.immune.AcuteInfectionModel.build();
        }
        if (isTissue(source)) {
            return org.il2sim.tissue.TregMicroDomains.parameterNetwork(org.il2sim.tissue.TregMicroDomains.defaults());
        }
        ReactionNetwork population = org.il2sim.models.immune.PopulationModels.build(name);
        if (population != null) {
            return population;
        }
        if (name.equals("closed-culture")) {
            Map<String, Double> o = builtin.options();
            org.il2sim.models.immune.ClosedCultureSetup setup = org.il2sim.models.immune.ClosedCultureSetup
                    .of(o.getOrDefault("antigen", 1e8), o.getOrDefault("cells", 1e4))
                    .withCrosstalk(o.getOrDefault("crosstalk", 1.0) != 0)
                    .withBoost(o.getOrDefault("boost", 1.0) != 0)
                    .withClasses((int) Math.round(o.getOrDefault("classes", 20.0)));
            return org.il2sim.models.immune.ClosedCultureModel.build(setup);
        }
        if (name.equals("treg-tug-of-war")) {
            return org.il2sim.models.immune.LymphNodeModel.build(org.il2sim.models.immune.LymphNodeSetup.tugOfWar());
        }
        if (name.equals("treg-tug-of-war-destiny")) {
            return org.il2sim.models.immune.LymphNodeModel.build(
                    org.il2sim.models.immune.LymphNodeSetup.tugOfWarCountedDestiny());
        }
        if (name.equals("treg-homeostasis")) {
            return org.il2sim.models.immune.LymphNodeModel.build(
                    org.il2sim.models.immune.LymphNodeSetup.homeostasis());
        }
        try (InputStream in = ScenarioRunner.class.getResourceAsStream(BUILTIN_FOLDER + name + ".xml")) {
            if (in == null) {
                throw new IllegalStateException("built-in model missing from the jar: " + name);
            }
            return SbmlImporter.read(in.readAllBytes(), name + ".xml");
        }
    }

    /** Whether the model is the agent-based tissue model (run by its own schedule, not by the network solvers). */
    static boolean isTissue(Scenario.ModelSource source) {
        return source instanceof Scenario.Builtin b && b.name().equals(org.il2sim.tissue.TregMicroDomains.MODEL_NAME);
    }

    private static ReactionNetwork applyEdits(Scenario s, ReactionNetwork n) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> buildTime = s.model() instanceof Scenario.Builtin b
                ? org.il2sim.models.immune.PopulationModels.buildTimeParameters(b.name()) : java.util.Set.of();
        for (Map.Entry<String, Double> e : s.parameters().entrySet()) {
            if (buildTime.contains(e.getKey())) {
                problems.add(s.where("parameters", e.getKey()) + ": '" + e.getKey() + "' is read when the built-in "
                        + "model is built (it sets the gamma-chain fits or the generation chains), so a scenario cannot "
                        + "change it");
            } else if (NetworkEdits.isAssigned(n, e.getKey())) {
                problems.add(s.where("parameters", e.getKey()) + ": '" + e.getKey() + "' is computed by an assignment "
                        + "rule of the model, so a value set here would be overwritten; set the values it is computed "
                        + "from ('il2sim models show' marks such values '(rule)')");
            } else if (!NetworkEdits.isSettable(n, e.getKey())) {
                problems.add(s.where("parameters", e.getKey()) + ": unknown parameter '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), settable(n)) + "; known: "
                        + String.join(", ", settable(n)));
            } else {
                n = NetworkEdits.withValue(n, e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Double> e : s.initial().entrySet()) {
            if (NetworkEdits.isAssigned(n, e.getKey())) {
                problems.add(s.where("initial", e.getKey()) + ": '" + e.getKey() + "' is computed by an assignment "
                        + "rule of the model (e.g. a sum of other species), so it has no initial value of its own; set "
                        + "the species it is computed from");
            } else if (!n.speciesById().containsKey(e.getKey())) {
                List<String> species = settableSpecies(n);
                problems.add(s.where("initial", e.getKey()) + ": unknown species '" + e.getKey() + "'"
                        + Suggestions.didYouMean(e.getKey(), species) + "; known: " + String.join(", ", species));
            } else {
                n = NetworkEdits.withInitial(n, e.getKey(), e.getValue(), s.initialAreAmounts().get(e.getKey()));
            }
        }
        int k = 0;
        for (Scenario.Intervention iv : s.interventions()) {
            List<Event.Assignment> assignments = new ArrayList<>();
            for (Map.Entry<String, Double> e : iv.set().entrySet()) {
                String id = e.getKey();
                if (buildTime.contains(id)) {
                    problems.add(s.where("interventions", id) + ": '" + id + "' is read when the built-in model is "
                            + "built, so an intervention cannot change it");
                    continue;
                }
                if (NetworkEdits.isAssigned(n, id)) {
                    problems.add(s.where("interventions", id) + ": '" + id + "' is computed by an assignment rule of "
                            + "the model, so a value set here would be overwritten; set the values it is computed from");
                    continue;
                }
                if (!NetworkEdits.isSettable(n, id) && !n.speciesById().containsKey(id)) {
                    List<String> known = new ArrayList<>(settable(n));
                    known.addAll(n.speciesById().keySet());
                    problems.add(s.where("interventions", id) + ": unknown quantity '" + id + "' to set"
                            + Suggestions.didYouMean(id, known) + "; known: " + String.join(", ", known));
                    continue;
                }
                n = NetworkEdits.withVariable(n, id);
                assignments.add(new Event.Assignment(id, new Expr.Num(e.getValue())));
            }
            Expr trigger = new Expr.Apply(Op.GEQ, new Expr.Time(), new Expr.Num(iv.time()));
            n = NetworkEdits.withEvent(n, new Event("intervention_" + (++k), trigger, false, true, null, null, true,
                    assignments));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return n;
    }

    /** Parameters and compartments that a scenario can give a value (not computed by an assignment rule). */
    private static List<String> settable(ReactionNetwork n) {
        List<String> out = new ArrayList<>();
        n.parametersById().keySet().stream().filter(id -> NetworkEdits.isSettable(n, id)).forEach(out::add);
        n.compartmentsById().keySet().stream().filter(id -> NetworkEdits.isSettable(n, id)).forEach(out::add);
        return out;
    }

    /** Species that a scenario can give an initial value (not computed by an assignment rule). */
    private static List<String> settableSpecies(ReactionNetwork n) {
        return n.speciesById().keySet().stream().filter(id -> !NetworkEdits.isAssigned(n, id)).toList();
    }

    /** Every id an output can name: species, parameters and compartments (computed ones included). */
    private static List<String> knownIds(ReactionNetwork n) {
        List<String> out = new ArrayList<>(n.speciesById().keySet());
        out.addAll(n.parametersById().keySet());
        out.addAll(n.compartmentsById().keySet());
        return out;
    }

    private static String known(ReactionNetwork n) {
        return String.join(", ", knownIds(n));
    }

    private static List<String> defaultOutputs(ReactionNetwork n) {
        List<String> out = new ArrayList<>();
        n.species().forEach(sp -> out.add(sp.id()));
        return out;
    }

    /** The unit of an output: il2sim's built-in models count molecules per cell; parameters carry their own. */
    private static String unitOf(ReactionNetwork n, Scenario.ModelSource source, String id) {
        if (n.speciesById().containsKey(id)) {
            if (source instanceof Scenario.Builtin b) {
                return switch (b.name()) {
                    case "il2-receptor-binding" -> "molecules/cell";
                    case "acute-infection" -> "cells";
                    case "effector-memory-fate", "il2-complexes", "il15-nk-memory", "b-cell-help",
                            "acute-infection-il2" ->
                            org.il2sim.models.immune.PopulationModels.unitOf(b.name(), n, id);
                    case "treg-tug-of-war", "treg-tug-of-war-destiny", "treg-homeostasis" -> org.il2sim.models.immune.LymphNodeModel.unitOf(id);
                    default -> "";
                };
            }
            return "";
        }
        var p = n.parametersById().get(id);
        return p == null ? "" : p.unit();
    }
}
