package org.il2sim.io.scenario;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.sim.OutputGrid;
import org.il2sim.core.units.Dimension;
import org.il2sim.core.units.Quantity;
import org.il2sim.core.units.Units;

/**
 * Reads and validates a scenario file (docs/scenarios.md) before anything runs. Every problem is collected, each with
 * file, line and column and, where it helps, the accepted values; the first is never reported alone.
 */
public final class ScenarioReader {

    /** Experiment types of the format; those not yet runnable are refused when run, not when read. */
    public static final List<String> EXPERIMENTS = List.of("time-course", "dose-response", "sweep", "knockout");
    /** Models shipped with il2sim. */
    public static final List<String> BUILTIN_MODELS = List.of("il2-receptor-binding", "gamma-chain",
            "acute-infection", "acute-infection-il2", "closed-culture", "effector-memory-fate", "il2-complexes",
            "il15-nk-memory",
            "b-cell-help", "treg-tug-of-war", "treg-tug-of-war-destiny", "treg-homeostasis", "treg-micro-domains");
    /** What each population-scale built-in model is, for `il2sim models list` (the γc and binding models list themselves). */
    public static final Map<String, String> POPULATION_MODELS = orderedMap(
            "acute-infection", "B5: CD8 and CD4 expansion, contraction and memory after an acute infection (De Boer 2001)",
            "acute-infection-il2", "B5: a pathogen-driven acute infection with CD8 killing, IL-2 help and recall",
            "closed-culture", "B2: IL-2 secretion and consumption in a closed CD4 culture (Tkach 2014)",
            "effector-memory-fate", "B6: IL-2 signal duration and effector vs memory fate of CD8 T cells (Kalia 2010)",
            "il2-complexes", "B6: IL-2/anti-IL-2 complexes on Treg, NK and memory CD8 (Boyman 2006)",
            "il15-nk-memory", "B11: IL-15 and IL-2 on NK cells and memory CD8 homeostasis (Kennedy 2000, Ku 2000)",
            "b-cell-help", "B11: IL-2 and IL-21 help for plasmablasts and immunoglobulin output",
            "treg-tug-of-war", "B4: Tregs and weak (self) and strong (foreign) CD4 clones sharing IL-2 in a lymph-node patch",
            "treg-tug-of-war-destiny", "B4 with activated cells counted by generation: a counted division destiny "
                    + "(Marchingo 2014)",
            "treg-homeostasis", "B7: Treg homeostasis (thymic output, IL-2-dependent survival) and knockouts",
            "treg-micro-domains", "B4 in space: Tregs and self-reactive CD4 T cells as agents around antigen-presenting "
                    + "cells, IL-2 diffusing between them (Treg micro-domains, Liu 2015, Wong 2021)");

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Build options of the closed-culture model (Tkach 2014), with their dimensions. */
    static final Map<String, Dimension> CULTURE_OPTIONS = Map.of("antigen", Dimension.DIMENSIONLESS,
            "cells", Dimension.CELLS, "crosstalk", Dimension.DIMENSIONLESS, "boost", Dimension.DIMENSIONLESS,
            "classes", Dimension.DIMENSIONLESS);
    static final Set<String> TOP_KEYS = Set.of("name", "description", "experiment", "model", "start", "duration",
            "steps", "parameters", "initial", "interventions", "solver", "seed", "replicates", "outputs", "cells",
            "ligands", "doses", "times", "parameter-set", "receptor-table", "ligand-definitions", "cell-density", "valency",
            "co-culture", "sweep", "conditions");
    /** Keys that only a dose-response experiment reads. */
    static final Set<String> PANEL_KEYS = Set.of("cells", "ligands", "doses", "times", "parameter-set",
            "receptor-table", "ligand-definitions", "cell-density", "valency", "co-culture");
    static final List<String> PARAMETER_SETS = org.il2sim.models.gammachain.ParameterSet.USER_NAMES;
    static final Set<String> SOLVER_KEYS = Set.of("method", "rtol", "atol", "max-steps", "continuous", "threshold");
    static final List<String> METHODS = List.of("ode", "bdf", "dp853", "ssa", "nrm", "tau", "hybrid");
    /** Keys that only the hybrid method reads. */
    static final Set<String> HYBRID_KEYS = Set.of("continuous", "threshold");

    private final String file;
    private final Path path;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, int[]> locations = new LinkedHashMap<>();

    private ScenarioReader(Path path) {
        this.path = path;
        this.file = path.toString();
    }

    public static Scenario read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(List.of(path + ": scenario file not found"));
        }
        return new ScenarioReader(path).parse(text);
    }

    /** Reads a scenario from text (the built-in default), as if it were the given file. */
    public static Scenario read(String text, Path pretendPath) throws IOException {
        return new ScenarioReader(pretendPath).parse(text);
    }

    private Scenario parse(String text) throws IOException {
        YamlNode root;
        try (Reader in = new StringReader(text)) {
            root = YamlReader.read(in, file);
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw new ScenarioException(List.of(at(root) + ": expected key: value lines at the top of a scenario, got "
                    + YamlNode.kind(root)));
        }
        unknownKeys(top, TOP_KEYS, "scenario");
        String name = string(top, "name", defaultName());
        String description = string(top, "description", "");
        String experiment = choice(top, "experiment", EXPERIMENTS, "time-course");
        Scenario.ModelSource model = model(top);
        if ("dose-response".equals(experiment) && !top.entries().containsKey("model")) {
            model = new Scenario.Builtin("gamma-chain");
        }
        if (model instanceof Scenario.Builtin b && "gamma-chain".equals(b.name()) != "dose-response".equals(experiment)) {
            problems.add(atKey(top, top.entries().containsKey("model") ? "model" : "experiment")
                    + ": the gamma-chain model runs as a dose-response experiment (cells, ligands, doses, times); "
                    + "other experiments use il2-receptor-binding or an SBML model for now");
        }
        double start = quantity(top, "start", Dimension.TIME, 0);
        double duration = quantity(top, "duration", Dimension.TIME, Double.NaN);
        if (Double.isNaN(duration) && "time-course".equals(experiment) && !top.entries().containsKey("duration")) {
            problems.add(at(top) + ": a time-course needs 'duration' (e.g. 'duration: 240 min')");
        } else if (duration <= 0 || Double.isInfinite(duration)) {
            problems.add(at(top.entries().get("duration")) + ": 'duration' must be positive and finite (the outputs "
                    + "are steps + 1 times from start to start + duration)");
        }
        int steps = (int) integer(top, "steps", 100, 1, 10_000_000);
        Map<String, Double> parameters = new LinkedHashMap<>();
        Map<String, Double> initial = new LinkedHashMap<>();
        Map<String, Boolean> initialAmounts = new LinkedHashMap<>();
        quantities(top, "parameters", parameters, null);
        quantities(top, "initial", initial, initialAmounts);
        List<Scenario.Intervention> interventions = interventions(top);
        Scenario.SolverSettings solver = solver(top);
        long seed = integer(top, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int replicates = (int) integer(top, "replicates", 1, 1, 1_000_000);
        List<String> outputs = outputs(top);
        Scenario.DosePanel panel = "dose-response".equals(experiment) ? panel(top) : null;
        if (panel == null) {
            for (String key : PANEL_KEYS) {
                if (top.entries().containsKey(key)) {
                    problems.add(atKey(top, key) + ": '" + key + "' belongs to a dose-response experiment, not to a "
                            + experiment);
                }
            }
        }
        List<Scenario.Condition> conditions = conditions(top, experiment);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(path, name, description, experiment, model, start, duration, steps, parameters, initial,
                initialAmounts, interventions, solver, seed, replicates, outputs, panel, conditions, locations, text);
    }

    private String defaultName() {
        String n = path.getFileName().toString();
        return n.replaceFirst("\\.ya?ml$", "");
    }

    private String at(YamlNode n) {
        return file + ":" + n.line() + ":" + n.column();
    }

    private String atKey(YamlNode.Mapping m, String key) {
        int[] loc = m.keyLocations().get(key);
        return loc == null ? at(m) : file + ":" + loc[0] + ":" + loc[1];
    }

    private void unknownKeys(YamlNode.Mapping m, Set<String> known, String where) {
        for (String key : m.entries().keySet()) {
            if (!known.contains(key)) {
                problems.add(atKey(m, key) + ": unknown key '" + key + "' in " + where
                        + Suggestions.didYouMean(key, known) + "; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private String scalar(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s) {
            return s.text();
        }
        problems.add(at(n) + ": '" + key + "' must be a single value, got " + YamlNode.kind(n));
        return null;
    }

    private String string(YamlNode.Mapping m, String key, String fallback) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(n, key);
        return s == null ? fallback : s;
    }

    private String choice(YamlNode.Mapping m, String key, List<String> accepted, String fallback) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(n, key);
        if (s != null && !accepted.contains(s)) {
            problems.add(at(n) + ": unknown " + key + " '" + s + "'" + Suggestions.didYouMean(s, accepted) + "; known: "
                    + String.join(", ", accepted));
            return fallback;
        }
        return s == null ? fallback : s;
    }

    private double quantity(YamlNode.Mapping m, String key, Dimension d, double fallback) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(n, key);
        if (s == null) {
            return fallback;
        }
        try {
            return Units.parseAs(s, d);
        } catch (IllegalArgumentException e) {
            problems.add(at(n) + ": '" + key + "': " + e.getMessage());
            return fallback;
        }
    }

    private long integer(YamlNode.Mapping m, String key, long fallback, long min, long max) {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return fallback;
        }
        String s = scalar(n, key);
        try {
            long v = Long.parseLong(s == null ? "" : s.trim());
            if (v < min || v > max) {
                problems.add(at(n) + ": '" + key + "' must be between " + min + " and " + max + ", got " + v);
                return fallback;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(at(n) + ": '" + key + "' must be a whole number, got '" + s + "'");
            return fallback;
        }
    }

    private Scenario.ModelSource model(YamlNode.Mapping top) {
        YamlNode n = top.entries().get("model");
        if (n == null) {
            return new Scenario.Builtin(BUILTIN_MODELS.get(0));
        }
        if (n instanceof YamlNode.Scalar s) {
            if (!BUILTIN_MODELS.contains(s.text())) {
                problems.add(at(n) + ": unknown built-in model '" + s.text() + "'"
                        + Suggestions.didYouMean(s.text(), BUILTIN_MODELS) + "; known: "
                        + String.join(", ", BUILTIN_MODELS) + " (or 'model: {sbml: FILE.xml}')");
                return null;
            }
            return new Scenario.Builtin(s.text());
        }
        if (n instanceof YamlNode.Mapping m) {
            Set<String> keys = new java.util.HashSet<>(Set.of("sbml", "builtin"));
            keys.addAll(CULTURE_OPTIONS.keySet());
            unknownKeys(m, keys, "model");
            if (m.entries().containsKey("sbml")) {
                String f = scalar(m.entries().get("sbml"), "sbml");
                if (f == null) {
                    return null;
                }
                Path dir = path.toAbsolutePath().getParent();
                Path p = dir.resolve(f).normalize();
                if (!Files.isRegularFile(p)) {
                    problems.add(at(m.entries().get("sbml")) + ": SBML file not found: " + p
                            + " (paths are relative to the scenario file)");
                }
                return new Scenario.Sbml(p);
            }
            if (m.entries().containsKey("builtin")) {
                String b = scalar(m.entries().get("builtin"), "builtin");
                if (b != null && !BUILTIN_MODELS.contains(b)) {
                    problems.add(at(m.entries().get("builtin")) + ": unknown built-in model '" + b + "'"
                            + Suggestions.didYouMean(b, BUILTIN_MODELS) + "; known: "
                            + String.join(", ", BUILTIN_MODELS));
                }
                Map<String, Double> options = new LinkedHashMap<>();
                for (Map.Entry<String, Dimension> o : CULTURE_OPTIONS.entrySet()) {
                    if (!m.entries().containsKey(o.getKey())) {
                        continue;
                    }
                    if (!"closed-culture".equals(b)) {
                        problems.add(atKey(m, o.getKey()) + ": '" + o.getKey() + "' is an option of the closed-culture "
                                + "model only");
                        continue;
                    }
                    String text = scalar(m.entries().get(o.getKey()), o.getKey());
                    if ("true".equals(text) || "false".equals(text)) {
                        options.put(o.getKey(), "true".equals(text) ? 1.0 : 0.0);
                    } else if (text != null) {
                        options.put(o.getKey(), quantity(m, o.getKey(), o.getValue(), Double.NaN));
                    }
                }
                return new Scenario.Builtin(b, options);
            }
        }
        problems.add(at(n) + ": 'model' must be a built-in model name or {sbml: FILE.xml}");
        return null;
    }

    private void quantities(YamlNode.Mapping top, String key, Map<String, Double> out, Map<String, Boolean> amounts) {
        YamlNode n = top.entries().get(key);
        if (n == null) {
            return;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(at(n) + ": '" + key + "' must be id: value lines (e.g. 'IL2: 10 pM')");
            return;
        }
        m.entries().forEach((id, v) -> {
            locations.put(key + "." + id, m.keyLocations().get(id));
            String s = scalar(v, id);
            if (s == null) {
                return;
            }
            try {
                Quantity q = Units.parse(s);
                out.put(id, q.canonical());
                if (amounts != null) {
                    if (q.dimension() != Dimension.AMOUNT_PER_CELL && q.dimension() != Dimension.CONCENTRATION
                            && q.dimension() != Dimension.CELLS && q.dimension() != Dimension.DIMENSIONLESS) {
                        problems.add(at(v) + ": initial value of '" + id + "' must be an amount (molecules/cell, or "
                                + "cells for a cell population) or a concentration (nM, pM, ...), got '" + s + "'");
                    }
                    boolean amount = q.dimension() == Dimension.AMOUNT_PER_CELL || q.dimension() == Dimension.CELLS;
                    amounts.put(id, amount ? Boolean.TRUE : q.dimension() == Dimension.CONCENTRATION ? Boolean.FALSE
                            : null);
                }
            } catch (IllegalArgumentException e) {
                problems.add(at(v) + ": '" + id + "': " + e.getMessage());
            }
        });
    }

    private List<Scenario.Intervention> interventions(YamlNode.Mapping top) {
        List<Scenario.Intervention> out = new ArrayList<>();
        YamlNode n = top.entries().get("interventions");
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problems.add(at(n) + ": 'interventions' must be a list of '- at: TIME' entries with 'set:'");
            return out;
        }
        int k = 0;
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                problems.add(at(item) + ": an intervention must have 'at:' and 'set:'");
                continue;
            }
            unknownKeys(m, Set.of("at", "set"), "intervention");
            double time = quantity(m, "at", Dimension.TIME, Double.NaN);
            if (!m.entries().containsKey("at")) {
                problems.add(at(m) + ": an intervention needs 'at:' (e.g. 'at: 2 h')");
            } else if (time < 0) {
                problems.add(at(m.entries().get("at")) + ": an intervention's 'at' must not be negative (time 0 is the "
                        + "start of the model; 'at: 0 h' changes the starting state)");
            }
            Map<String, Double> set = new LinkedHashMap<>();
            YamlNode s = m.entries().get("set");
            if (!(s instanceof YamlNode.Mapping sm)) {
                problems.add(at(s == null ? m : s) + ": an intervention needs 'set:' with id: value lines");
            } else {
                int kk = k;
                sm.entries().forEach((id, v) -> {
                    locations.put("interventions" + kk + "." + id, sm.keyLocations().get(id));
                    locations.put("interventions." + id, sm.keyLocations().get(id));
                    String text = scalar(v, id);
                    if (text != null) {
                        try {
                            set.put(id, Units.parse(text).canonical());
                        } catch (IllegalArgumentException e) {
                            problems.add(at(v) + ": '" + id + "': " + e.getMessage());
                        }
                    }
                });
            }
            out.add(new Scenario.Intervention(time, set));
            k++;
        }
        return out;
    }

    private Scenario.SolverSettings solver(YamlNode.Mapping top) {
        YamlNode n = top.entries().get("solver");
        if (n == null) {
            return Scenario.SolverSettings.DEFAULT;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(at(n) + ": 'solver' must be key: value lines (method, rtol, atol, max-steps; for the hybrid "
                    + "method also continuous, threshold)");
            return Scenario.SolverSettings.DEFAULT;
        }
        unknownKeys(m, SOLVER_KEYS, "solver");
        String method = choice(m, "method", METHODS, "ode");
        double rtol = quantity(m, "rtol", Dimension.DIMENSIONLESS, 1e-6);
        double atol = quantity(m, "atol", Dimension.DIMENSIONLESS, 1e-12);
        if (!(rtol > 0) || !(atol > 0)) {
            problems.add(at(m) + ": solver rtol and atol must be positive");
        }
        long maxSteps = integer(m, "max-steps", 1_000_000, 1, Long.MAX_VALUE);
        if (!"hybrid".equals(method)) {
            for (String key : HYBRID_KEYS) {
                if (m.entries().containsKey(key)) {
                    problems.add(atKey(m, key) + ": '" + key + "' belongs to 'method: hybrid', not to '" + method
                            + "'");
                }
            }
        }
        List<String> continuous = new ArrayList<>();
        YamlNode c = m.entries().get("continuous");
        if (c instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                String id = scalar(item, "continuous");
                if (id != null) {
                    continuous.add(id);
                    locations.put("continuous." + id, new int[] {item.line(), item.column()});
                }
            }
        } else if (c != null) {
            problems.add(at(c) + ": 'continuous' must be a list of species ids (e.g. [IL2, CD25])");
        }
        double threshold = threshold(m);
        return new Scenario.SolverSettings(method, rtol, atol, maxSteps, continuous, threshold);
    }

    /** The hybrid threshold: a positive count (bare, in cells, or in molecules/cell); infinity when absent. */
    private double threshold(YamlNode.Mapping m) {
        YamlNode n = m.entries().get("threshold");
        if (n == null) {
            return Double.POSITIVE_INFINITY;
        }
        String text = scalar(n, "threshold");
        if (text == null) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            Quantity q = Units.parse(text);
            if (q.dimension() != Dimension.DIMENSIONLESS && q.dimension() != Dimension.CELLS
                    && q.dimension() != Dimension.AMOUNT_PER_CELL) {
                problems.add(at(n) + ": 'threshold' must be a count (e.g. 1000, 1000 cells or 1000 molecules/cell), "
                        + "got '" + text + "'");
            } else if (!(q.canonical() > 0) || Double.isInfinite(q.canonical())) {
                problems.add(at(n) + ": 'threshold' must be a positive number, got '" + text + "'");
            } else {
                return q.canonical();
            }
        } catch (IllegalArgumentException e) {
            problems.add(at(n) + ": 'threshold': " + e.getMessage());
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * sweep: {parameter: ID, values: [...]} gives one condition per value; conditions: {NAME: {parameters: ...,
     * initial: ...}} gives a baseline plus one condition per name (a knockout comparison).
     */
    private List<Scenario.Condition> conditions(YamlNode.Mapping top, String experiment) {
        List<Scenario.Condition> out = new ArrayList<>();
        YamlNode sweep = top.entries().get("sweep");
        YamlNode conds = top.entries().get("conditions");
        if (!"sweep".equals(experiment) && sweep != null) {
            problems.add(atKey(top, "sweep") + ": 'sweep' belongs to experiment: sweep");
        }
        if (!"knockout".equals(experiment) && conds != null) {
            problems.add(atKey(top, "conditions") + ": 'conditions' belongs to experiment: knockout");
        }
        if ("sweep".equals(experiment)) {
            if (!(sweep instanceof YamlNode.Mapping m)) {
                problems.add((sweep == null ? at(top) : at(sweep)) + ": a sweep needs 'sweep: {parameter: ID, values: "
                        + "[v1, v2, ...]}'");
                return out;
            }
            unknownKeys(m, Set.of("parameter", "values"), "sweep");
            String id = string(m, "parameter", null);
            YamlNode values = m.entries().get("values");
            if (id == null) {
                problems.add(at(m) + ": a sweep needs 'parameter:'");
            }
            if (!(values instanceof YamlNode.Sequence vs) || vs.items().isEmpty()) {
                problems.add(at(values == null ? m : values) + ": a sweep needs 'values:' as a list");
                return out;
            }
            if (id != null) {
                locations.put("parameters." + id, m.keyLocations().get("parameter"));
            }
            for (YamlNode v : vs.items()) {
                String text = scalar(v, "values");
                if (text == null || id == null) {
                    continue;
                }
                try {
                    double value = Units.parse(text).canonical();
                    out.add(new Scenario.Condition(id + "=" + text.trim(), Map.of(id, value), Map.of(), Map.of()));
                } catch (IllegalArgumentException e) {
                    problems.add(at(v) + ": " + e.getMessage());
                }
            }
        }
        if ("knockout".equals(experiment)) {
            if (!(conds instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
                problems.add((conds == null ? at(top) : at(conds)) + ": a knockout comparison needs 'conditions: "
                        + "{NAME: {parameters: {...}, initial: {...}}}'");
                return out;
            }
            out.add(new Scenario.Condition("baseline", Map.of(), Map.of(), Map.of()));
            m.entries().forEach((name, body) -> {
                locations.put("conditions." + name, m.keyLocations().get(name));
                if (!(body instanceof YamlNode.Mapping bm)) {
                    problems.add(at(body) + ": condition '" + name + "' needs 'parameters:' and/or 'initial:'");
                    return;
                }
                unknownKeys(bm, Set.of("parameters", "initial"), "condition '" + name + "'");
                Map<String, Double> p = new LinkedHashMap<>();
                Map<String, Double> i = new LinkedHashMap<>();
                Map<String, Boolean> a = new LinkedHashMap<>();
                quantities(bm, "parameters", p, null);
                quantities(bm, "initial", i, a);
                out.add(new Scenario.Condition(name, p, i, a));
            });
        }
        return out;
    }

    private Scenario.DosePanel panel(YamlNode.Mapping top) {
        Map<String, double[]> defs = new LinkedHashMap<>();
        Set<String> refused = new java.util.HashSet<>(); // definitions already reported: their uses are not "unknown"
        YamlNode d = top.entries().get("ligand-definitions");
        if (d instanceof YamlNode.Mapping dm) {
            dm.entries().forEach((name, v) -> {
                if (!(v instanceof YamlNode.Mapping vm)) {
                    problems.add(at(v) + ": ligand definition '" + name + "' needs kdAlpha and kdBetaGamma (nM)");
                    return;
                }
                unknownKeys(vm, Set.of("kdAlpha", "kdBetaGamma"), "ligand definition '" + name + "'");
                double a = quantity(vm, "kdAlpha", Dimension.CONCENTRATION, Double.NaN);
                double b = quantity(vm, "kdBetaGamma", Dimension.CONCENTRATION, Double.NaN);
                if (!(a > 0) || !(b > 0)) {
                    problems.add(at(vm) + ": ligand definition '" + name + "' needs positive kdAlpha and kdBetaGamma");
                    refused.add(name);
                    return;
                }
                if (defs.keySet().stream().anyMatch(other -> other.equalsIgnoreCase(name))) {
                    problems.add(atKey(dm, name) + ": ligand definition '" + name + "' differs from another only in "
                            + "case (their files would collide)");
                    refused.add(name);
                    return;
                }
                try {
                    org.il2sim.models.gammachain.LigandDefinition.custom(name, a, b);
                    defs.put(name, new double[] {a, b});
                } catch (IllegalArgumentException e) {
                    problems.add(atKey(dm, name) + ": " + e.getMessage());
                    refused.add(name);
                }
            });
        } else if (d != null) {
            problems.add(at(d) + ": 'ligand-definitions' must be NAME: {kdAlpha: K, kdBetaGamma: K} lines");
        }
        String table = choice(top, "receptor-table", org.il2sim.models.gammachain.ReceptorTables.TABLES,
                org.il2sim.models.gammachain.ReceptorTables.TABLE_A);
        List<String> cells = new ArrayList<>();
        for (YamlNode item : items(top, "cells", List.of("Treg", "Thelper", "NK", "CD8"))) {
            String s = scalar(item, "cells");
            if (s != null) {
                try {
                    String id = org.il2sim.models.gammachain.CellTypes.canonical(s);
                    org.il2sim.models.gammachain.ReceptorTables.cell(id, table);
                    if (cells.contains(id)) {
                        problems.add(at(item) + ": cell type " + id + " is listed twice ('" + s + "')");
                    } else {
                        cells.add(id);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at(item) + ": " + e.getMessage());
                }
            }
        }
        List<String> ligands = new ArrayList<>();
        for (YamlNode item : items(top, "ligands", List.of("IL2", "IL15"))) {
            String s = scalar(item, "ligands");
            if (s == null) {
                continue;
            }
            if (refused.contains(s)) {
                continue;
            }
            String id;
            try {
                id = defs.containsKey(s) ? s : org.il2sim.models.gammachain.LigandDefinition.named(s).id();
            } catch (IllegalArgumentException e) {
                problems.add(at(item) + ": " + e.getMessage());
                continue;
            }
            if (ligands.contains(id)) {
                problems.add(at(item) + ": ligand " + id + " is listed twice ('" + s + "')");
            } else {
                ligands.add(id);
            }
        }
        double[] doses = logRangeOrList(top, "doses", Dimension.CONCENTRATION, new double[] {4.7e-4, 84, 12});
        double[] times = logRangeOrList(top, "times", Dimension.TIME, null);
        if (times == null) {
            times = new double[] {30, 60, 120, 240};
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                problems.add(at(top.entries().get("times")) + ": 'times' must increase; " + times[k] + " min comes "
                        + "after " + times[k - 1] + " min");
                break;
            }
        }
        String set = choice(top, "parameter-set", PARAMETER_SETS, org.il2sim.models.gammachain.ParameterSet.DEFAULT);
        for (String l : ligands) {
            if (!defs.containsKey(l) && org.il2sim.models.gammachain.LigandDefinition.named(l).base()
                    == org.il2sim.models.gammachain.Ligand.IL15_15Ra && !org.il2sim.models.gammachain.ParameterSet
                    .named(set).contains(org.il2sim.models.gammachain.GammaChainModel.TRANS_PRESENTATION_RATE)) {
                problems.add(at(top.entries().getOrDefault("parameter-set", top)) + ": ligand " + l + " (trans-presented "
                        + "IL-15) is an il2sim extension that parameter set " + set + " does not have; use il2sim");
            }
        }
        for (String key : List.of("cells", "ligands")) {
            YamlNode listed = top.entries().get(key);
            if (listed instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
                problems.add(at(listed) + ": '" + key + "' needs at least one name");
            }
        }
        Map<String, Double> densities = cellDensities(top, cells, table);
        int valency = valency(top, ligands, defs, densities);
        boolean coCulture = "true".equals(choice(top, "co-culture", List.of("true", "false"), "false"));
        double total = densities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (coCulture && densities.isEmpty() && !top.entries().containsKey("cell-density")) {
            problems.add(at(top.entries().get("co-culture")) + ": 'co-culture: true' shares one finite medium among "
                    + "the cell types; give 'cell-density' (each cell type's density, e.g. 1e6 cells/mL)");
        } else if (coCulture && Double.isFinite(total)
                && !(total <= org.il2sim.models.gammachain.DoseResponse.maxCellsPerMillilitre())) {
            problems.add(at(top.entries().get("co-culture")) + String.format(java.util.Locale.ROOT, ": 'co-culture: "
                    + "true' with %d cell types adds up to %.3g cells/mL, more than %.2g (each cell needs at least its "
                    + "own volume)", cells.size(), total,
                    org.il2sim.models.gammachain.DoseResponse.maxCellsPerMillilitreShown()));
        }
        return new Scenario.DosePanel(cells, ligands, doses, times, set, table, defs, densities, valency, coCulture);
    }

    /**
     * The panel's culture densities (cells/mL) per cell type: none when the key is absent (constant medium); one
     * density for every cell type ({@code cell-density: 1e6}); or one per cell type ({@code cell-density: {Treg: 1e5,
     * NK: 1e6}}), which must name exactly the panel's cell types.
     */
    private Map<String, Double> cellDensities(YamlNode.Mapping top, List<String> cells, String table) {
        Map<String, Double> out = new LinkedHashMap<>();
        YamlNode node = top.entries().get("cell-density");
        if (node == null) {
            return out;
        }
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Double> named = new LinkedHashMap<>();
            m.entries().forEach((name, v) -> {
                String id;
                try {
                    id = org.il2sim.models.gammachain.CellTypes.canonical(name);
                } catch (IllegalArgumentException e) {
                    problems.add(atKey(m, name) + ": " + e.getMessage());
                    return;
                }
                if (!cells.contains(id)) {
                    problems.add(atKey(m, name) + ": 'cell-density' names " + id + ", which 'cells' does not list"
                            + " (cells: " + String.join(", ", cells) + ")");
                    return;
                }
                if (named.containsKey(id)) {
                    problems.add(atKey(m, name) + ": 'cell-density' names " + id + " twice");
                    return;
                }
                named.put(id, density(m, name, v));
            });
            List<String> missing = cells.stream().filter(c -> !named.containsKey(c)).toList();
            if (m.entries().isEmpty()) {
                problems.add(at(node) + ": 'cell-density' needs a density for every cell type (e.g. {"
                        + String.join(": 1e6, ", cells) + ": 1e6}) or one density for all");
            } else if (!missing.isEmpty() && !named.isEmpty()) {
                problems.add(at(node) + ": 'cell-density' needs a density for every cell type; missing: "
                        + String.join(", ", missing));
            }
            if (!missing.isEmpty()) {
                return out; // reported above; the panel is not run
            }
            for (String c : cells) {
                out.put(c, named.get(c));
            }
            return out;
        }
        double density = density(top, "cell-density", node);
        for (String c : cells) {
            out.put(c, density);
        }
        return out;
    }

    /** One culture density (cells/mL) at key of m, checked against the densest culture accepted. */
    private double density(YamlNode.Mapping m, String key, YamlNode node) {
        int reported = problems.size();
        double density = quantity(m, key, Dimension.CELL_DENSITY, Double.NaN);
        double max = org.il2sim.models.gammachain.DoseResponse.maxCellsPerMillilitre();
        if (problems.size() == reported && !(density > 0 && density <= max)) {
            problems.add(at(node) + String.format(java.util.Locale.ROOT,
                    ": 'cell-density' must be a positive number of cells per mL up to %.2g (e.g. 1e6 or"
                            + " '1e6 cells/mL')", org.il2sim.models.gammachain.DoseResponse.maxCellsPerMillilitreShown()));
        }
        return density;
    }

    /**
     * The multivalent model's valency, or {@link Scenario.DosePanel#ODE_MODEL}; with a valency, the keys that belong
     * to the ODE model and ligands without IL-2 affinities are problems.
     */
    private int valency(YamlNode.Mapping top, List<String> ligands, Map<String, double[]> defs,
                        Map<String, Double> densities) {
        int valency = (int) integer(top, "valency", Scenario.DosePanel.ODE_MODEL, 1,
                org.il2sim.models.gammachain.MultivalentBinding.maxValency());
        if (valency == Scenario.DosePanel.ODE_MODEL) {
            return valency;
        }
        YamlNode where = top.entries().get("valency");
        if (top.entries().containsKey("cell-density")) {
            problems.add(at(where) + ": 'cell-density' applies to the ODE model; the multivalent model ('valency') is"
                    + " an equilibrium at constant ligand");
        }
        for (String odeOnly : List.of("times", "parameter-set", "solver")) {
            if (top.entries().containsKey(odeOnly)) {
                problems.add(at(top.entries().get(odeOnly)) + ": '" + odeOnly + "' belongs to the ODE model; the"
                        + " multivalent model ('valency') is an equilibrium with its own parameters");
            }
        }
        for (String l : ligands) {
            try {
                org.il2sim.models.gammachain.MultivalentBinding.il2Affinities(Scenario.DosePanel.ligand(l, defs));
            } catch (IllegalArgumentException e) {
                problems.add(at(where) + ": " + e.getMessage());
            }
        }
        return valency;
    }

    /** The items of a list-valued key, or default scalars (without location) when absent. */
    private List<YamlNode> items(YamlNode.Mapping top, String key, List<String> fallback) {
        YamlNode n = top.entries().get(key);
        if (n == null) {
            List<YamlNode> out = new ArrayList<>();
            fallback.forEach(f -> out.add(new YamlNode.Scalar(f, top.line(), top.column())));
            return out;
        }
        if (n instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problems.add(at(n) + ": '" + key + "' must be a list, e.g. [" + String.join(", ", fallback) + "]");
        return List.of();
    }

    /**
     * Doses or times: a list of quantities, or {from: A, to: B, count: N} for N log-spaced values; {@code range}
     * gives the default log range {A, B, N} (in canonical units), or null for no default.
     */
    private double[] logRangeOrList(YamlNode.Mapping top, String key, Dimension d, double[] range) {
        YamlNode n = top.entries().get(key);
        if (n == null) {
            return range == null ? null : OutputGrid.logspace(range[0], range[1], (int) range[2]);
        }
        if (n instanceof YamlNode.Sequence s) {
            double[] out = new double[s.items().size()];
            for (int i = 0; i < out.length; i++) {
                YamlNode item = s.items().get(i);
                String text = scalar(item, key);
                try {
                    out[i] = text == null ? Double.NaN : Units.parseAs(text, d);
                    if (!(out[i] > 0)) {
                        problems.add(at(item) + ": " + key + " must be positive, got '" + text + "'");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at(item) + ": " + e.getMessage());
                }
            }
            return out;
        }
        if (n instanceof YamlNode.Mapping m) {
            unknownKeys(m, Set.of("from", "to", "count"), key);
            double a = quantity(m, "from", d, Double.NaN);
            double b = quantity(m, "to", d, Double.NaN);
            long count = integer(m, "count", 12, 2, 10_000);
            if (!(a > 0) || !(b > a)) {
                problems.add(at(m) + ": " + key + " needs 0 < from < to");
                return new double[0];
            }
            return OutputGrid.logspace(a, b, (int) count);
        }
        problems.add(at(n) + ": '" + key + "' must be a list of values or {from: A, to: B, count: N}");
        return new double[0];
    }

    private List<String> outputs(YamlNode.Mapping top) {
        List<String> out = new ArrayList<>();
        YamlNode n = top.entries().get("outputs");
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problems.add(at(n) + ": 'outputs' must be a list of quantity ids (e.g. [IL2_Ra_Rb_gc, Ra])");
            return out;
        }
        for (YamlNode item : seq.items()) {
            String s = scalar(item, "outputs");
            if (s != null) {
                out.add(s);
                locations.put("outputs." + s, new int[] {item.line(), item.column()});
            }
        }
        return out;
    }
}
