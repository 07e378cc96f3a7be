package org.il2sim.io.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario: one experiment on one model, with every value already in il2sim's canonical units
 * (docs/units.md). Locations of user-written ids are kept so that later checks against the model can still say
 * file:line:column.
 *
 * @param parameters overrides by id, canonical values
 * @param initial initial values by species id; {@code initialAreAmounts} says per id whether the value is an amount
 * @param locations "section.id" → {line, column} of where the id was written
 */
public record Scenario(Path file, String name, String description, String experiment, ModelSource model,
                       double start, double duration, int steps, Map<String, Double> parameters,
                       Map<String, Double> initial, Map<String, Boolean> initialAreAmounts,
                       List<Intervention> interventions, SolverSettings solver, long seed, int replicates,
                       List<String> outputs, DosePanel panel, List<Condition> conditions,
                       Map<String, int[]> locations, String text) {

    /**
     * One arm of a sweep or knockout comparison: changes applied on top of the scenario's own parameters and
     * initial values.
     */
    public record Condition(String name, Map<String, Double> parameters, Map<String, Double> initial,
                            Map<String, Boolean> initialAreAmounts) {
    }

    /** The same scenario with a condition's changes applied (and no conditions of its own). */
    public Scenario under(Condition c) {
        Map<String, Double> p = new java.util.LinkedHashMap<>(parameters);
        p.putAll(c.parameters());
        Map<String, Double> i = new java.util.LinkedHashMap<>(initial);
        i.putAll(c.initial());
        Map<String, Boolean> a = new java.util.LinkedHashMap<>(initialAreAmounts);
        a.putAll(c.initialAreAmounts());
        return new Scenario(file, name + " [" + c.name() + "]", description, "time-course", model, start, duration,
                steps, p, i, a, interventions, solver, seed, replicates, outputs, panel, List.of(), locations, text);
    }

    /**
     * A dose-response panel (experiment: dose-response): canonical cell-type ids, ligand names, doses (nM), times
     * (min), the parameter set, the receptor table (a or b), user-defined ligands as name → {kdAlpha,
     * kdBetaGamma} (nM), the cell density of a finite medium per cell type (cells/mL; none: constant medium, no
     * depletion), the valency of the multivalent equilibrium model ({@link #ODE_MODEL}: the 62-state ODE model
     * instead), and whether the cell types share one finite medium (a co-culture, each type at its density) or each
     * has its own.
     */
    public record DosePanel(List<String> cells, List<String> ligands, double[] doses, double[] times,
                            String parameterSet, String receptorTable, Map<String, double[]> ligandDefinitions,
                            Map<String, Double> cellDensities, int valency, boolean coCulture) {
        /** Valency that means "no multivalent model": the panel runs the 62-state ODE model. */
        public static final int ODE_MODEL = 0;

        public DosePanel {
            // in the order of the cells, so that texts and files written from the panel do not depend on map order
            java.util.Map<String, Double> ordered = new java.util.LinkedHashMap<>();
            if (!cellDensities.isEmpty()) {
                for (String c : cells) {
                    Double d = cellDensities.get(c);
                    if (d == null) {
                        throw new IllegalArgumentException("no cell density for " + c + " in " + cellDensities);
                    }
                    ordered.put(c, d);
                }
                if (!cells.containsAll(cellDensities.keySet())) {
                    throw new IllegalArgumentException("cell densities " + cellDensities.keySet() + " name cell types "
                            + "that the panel does not list: " + cells);
                }
            }
            cellDensities = java.util.Collections.unmodifiableMap(ordered);
        }

        /** A panel whose cell types all have one density (or {@code DoseResponse.CONSTANT_MEDIUM}). */
        public DosePanel(List<String> cells, List<String> ligands, double[] doses, double[] times, String parameterSet,
                         String receptorTable, Map<String, double[]> ligandDefinitions, double cellDensity,
                         int valency, boolean coCulture) {
            this(cells, ligands, doses, times, parameterSet, receptorTable, ligandDefinitions,
                    uniform(cells, cellDensity), valency, coCulture);
        }

        /** A panel whose cell types each have their own medium. */
        public DosePanel(List<String> cells, List<String> ligands, double[] doses, double[] times, String parameterSet,
                         String receptorTable, Map<String, double[]> ligandDefinitions, double cellDensity,
                         int valency) {
            this(cells, ligands, doses, times, parameterSet, receptorTable, ligandDefinitions, cellDensity, valency,
                    false);
        }

        /** Every cell type at one density; none for {@code DoseResponse.CONSTANT_MEDIUM}. */
        static Map<String, Double> uniform(List<String> cells, double cellDensity) {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            if (cellDensity != org.il2sim.models.gammachain.DoseResponse.CONSTANT_MEDIUM) {
                cells.forEach(c -> out.put(c, cellDensity));
            }
            return out;
        }

        /** The density all cell types share (cells/mL), or NaN when they differ or the medium is constant. */
        public double uniformDensity() {
            java.util.Set<Double> values = new java.util.HashSet<>(cellDensities.values());
            return values.size() == 1 ? values.iterator().next() : Double.NaN;
        }

        /** Whether the panel runs the multivalent equilibrium model instead of the 62-state ODE model. */
        public boolean multivalent() {
            return valency != ODE_MODEL;
        }

        /** Whether the cells deplete a finite medium (a cell density was given). */
        public boolean finiteMedium() {
            return !cellDensities.isEmpty();
        }

        /** The densities as text, e.g. "1e6 cells/mL" or "Treg 1e5, NK 1e6 cells/mL". */
        public String densityText() {
            if (!Double.isNaN(uniformDensity())) {
                return String.format(java.util.Locale.ROOT, "%.3g cells/mL", uniformDensity());
            }
            List<String> parts = new java.util.ArrayList<>();
            cellDensities.forEach((c, d) -> parts.add(String.format(java.util.Locale.ROOT, "%s %.3g", c, d)));
            return String.join(", ", parts) + " cells/mL";
        }

        /** A ligand of the panel: its user definition if it has one, otherwise a named ligand or preset. */
        public org.il2sim.models.gammachain.LigandDefinition ligand(String name) {
            return ligand(name, ligandDefinitions);
        }

        /** The same, before the panel exists (while the scenario is read): definitions as name → {kdAlpha, kdBetaGamma}. */
        static org.il2sim.models.gammachain.LigandDefinition ligand(String name, Map<String, double[]> definitions) {
            double[] def = definitions.get(name);
            return def != null ? org.il2sim.models.gammachain.LigandDefinition.custom(name, def[0], def[1])
                    : org.il2sim.models.gammachain.LigandDefinition.named(name);
        }
    }

    /** Where the model comes from. */
    public sealed interface ModelSource permits Sbml, Builtin {
    }

    /** An SBML file (path resolved against the scenario's folder). */
    public record Sbml(Path path) implements ModelSource {
    }

    /** A model shipped with il2sim, by name. */
    public record Builtin(String name, Map<String, Double> options) implements ModelSource {
        public Builtin(String name) {
            this(name, Map.of());
        }

    }

    /** At a time, set quantities to values (a dose, a blockade, a knockout from then on). */
    public record Intervention(double time, Map<String, Double> set) {
    }

    /**
     * @param continuous species the hybrid method always integrates as an ODE
     * @param threshold amount at or above which the hybrid method treats a species as continuous (infinity: none)
     */
    public record SolverSettings(String method, double rtol, double atol, long maxSteps, List<String> continuous,
                                 double threshold) {
        /** The ODE method with il2sim's default tolerances. */
        public static final SolverSettings DEFAULT = new SolverSettings("ode", 1e-6, 1e-12, 1_000_000, List.of(),
                Double.POSITIVE_INFINITY);

        public SolverSettings {
            continuous = List.copyOf(continuous);
        }
    }

    /** "file:line:column" of an id written in a section, or the file alone. */
    public String where(String section, String id) {
        int[] loc = locations.get(section + "." + id);
        return file + (loc == null ? "" : ":" + loc[0] + ":" + loc[1]);
    }
}
