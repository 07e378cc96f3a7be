package org.il2sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.NetworkEdits;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.io.scenario.Scenario;
import org.il2sim.io.scenario.ScenarioReader;
import org.il2sim.io.scenario.ScenarioRunner;
import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.Ligand;
import org.il2sim.models.gammachain.NetworkModule;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.ParameterValue;
import org.il2sim.models.gammachain.ReceptorTables;
import org.il2sim.models.gammachain.Stat5Signalling;
import org.il2sim.models.molecules.Molecule;
import org.il2sim.models.molecules.MoleculeRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "What is built in: models with their modules, species, reactions and every parameter with unit "
                + "and source; molecules by any of their names.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsExportCommand.class},
        footer = {"", "Examples:", "  il2sim models list", "  il2sim models show gamma-chain", "  il2sim models show IL-2",
                "  il2sim models show CD25", "  il2sim models export treg-homeostasis --out treg-homeostasis.xml"})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (list, show, export)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built-in models and molecules.")
    static final class ListModels implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            ReactionNetwork binding = ScenarioRunner.load(new Scenario.Builtin("il2-receptor-binding"));
            ReactionNetwork gc = GammaChainModel.build("Treg", Ligand.IL2, 1.0, ParameterSet.reference());
            o.println("models:");
            o.printf(Locale.ROOT, "  %-22s %3d species, %3d reactions  %s%n", "il2-receptor-binding",
                    binding.species().size(), binding.reactions().size(), binding.name());
            o.printf(Locale.ROOT, "  %-22s %3d species, %3d reactions  %s%n", "gamma-chain", gc.species().size(),
                    gc.reactions().size(), "the 62-state γc receptor model (Farhat et al. 2021), per cell type "
                            + "(" + String.join(", ", ReceptorTables.cellTypes()) + ") and ligand");
            for (Map.Entry<String, String> e : ScenarioReader.POPULATION_MODELS.entrySet()) {
                o.printf(Locale.ROOT, "  %-22s %s (il2sim models show %s)%n", e.getKey(), e.getValue(), e.getKey());
            }
            o.println("molecules:");
            for (Molecule m : MoleculeRegistry.all()) {
                o.printf(Locale.ROOT, "  %-12s %-9s %s (%s)%n", m.id(), m.kind(), m.name(), String.join(", ", m.synonyms()));
            }
            o.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a model (modules, species, reactions, parameters with unit and source) or a molecule "
                    + "(names, the complexes it forms, the parameters of its reactions).")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL|MOLECULE",
                description = "il2-receptor-binding, gamma-chain, a population model (acute-infection, closed-culture, ...; "
                        + "see models list), or a molecule name (IL-2, CD25, aldesleukin, ...).")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            switch (name) {
                case "gamma-chain" -> showGammaChain(o);
                case "il2-receptor-binding" -> showNetwork(o, ScenarioRunner.load(new Scenario.Builtin(name)),
                        java.util.Set.of());
                case org.il2sim.tissue.TregMicroDomains.MODEL_NAME -> {
                    ReactionNetwork n = ScenarioRunner.load(new Scenario.Builtin(name));
                    o.println(name + " — " + ScenarioReader.POPULATION_MODELS.get(name));
                    o.println("an agent model on an IL-2 diffusion grid (docs/tissue.md): no species or reactions; "
                            + "cells and IL-2 are advanced by its own schedule; time in min");
                    o.println("outputs: " + org.il2sim.tissue.TregMicroDomains.describeOutputs());
                    printParameters(o, n, n.parameters(), java.util.Set.of());
                }
                default -> {
                    if (ScenarioReader.POPULATION_MODELS.containsKey(name)) {
                        o.println(name + " — " + ScenarioReader.POPULATION_MODELS.get(name)
                                + " (built with its default options; time in min, rates per min)");
                        ReactionNetwork n = ScenarioRunner.load(new Scenario.Builtin(name));
                        showNetwork(o, n, org.il2sim.models.immune.PopulationModels.buildTimeParameters(name));
                        List<Parameter> structural = org.il2sim.models.immune.PopulationModels.structuralValues(name,
                                n);
                        if (!structural.isEmpty()) {
                            o.println("values that shape the network when it is built (not network parameters; a "
                                    + "scenario cannot change them):");
                            structural.forEach(p -> o.printf(Locale.ROOT, "  %-18s %8s  %-20s %s%n", p.id(),
                                    String.format(Locale.ROOT, "%.6g", p.value()), p.unit(), p.source()));
                        }
                        break;
                    }
                    if (!MoleculeRegistry.knows(name)) {
                        throw new UserInputException("unknown model or molecule '" + name + "'; models: "
                                + "il2-receptor-binding, gamma-chain, "
                                + String.join(", ", ScenarioReader.POPULATION_MODELS.keySet()) + "; molecules: "
                                + String.join(", ", MoleculeRegistry.all().stream().map(Molecule::id).toList()));
                    }
                    showMolecule(o, MoleculeRegistry.find(name));
                }
            }
            o.flush();
            return ExitCode.OK;
        }

        private static void showGammaChain(PrintWriter o) {
            ParameterSet set = ParameterSet.named(ParameterSet.DEFAULT);
            ReactionNetwork n = GammaChainModel.build("Treg", Ligand.IL2, 1.0, set);
            o.println("gamma-chain: " + n.species().size() + " species, " + n.reactions().size() + " reactions "
                    + "(shown for Treg at 1 nM IL-2, parameter set " + set.name() + "; the set "
                    + ParameterSet.FARHAT_2021 + " has no signalling modules)");
            o.println("modules:");
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (NetworkModule m : GammaChainModel.modules(ReceptorTables.cell("Treg"), Map.of(Ligand.IL2, 1.0),
                    set)) {
                counts.merge(m.getClass().getSimpleName(), 1, Integer::sum);
            }
            counts.forEach((module, k) -> o.println("  " + module + (k > 1 ? " x" + k + " (one per ligand and "
                    + "compartment)" : "")));
            o.println("species: " + String.join(", ", n.species().stream().map(Species::id).toList()));
            o.println("read-outs: " + GammaChainModel.ACTIVE_COMPLEXES + " (#/cell), " + GammaChainModel.PSTAT5 + ", "
                    + GammaChainModel.PERK + ", " + GammaChainModel.PAKT + " (phosphorylated fraction, 0-1)");
            o.println("parameters (set " + set.name() + "):");
            o.printf(Locale.ROOT, "  %-16s %12s  %-20s %-12s %s%n", "id", "value", "unit", "status", "source");
            for (ParameterValue p : set.values()) {
                o.printf(Locale.ROOT, "  %-16s %12.6g  %-20s %-12s %s%n", p.id(), p.value(), p.unit(),
                        String.valueOf(p.status()).toLowerCase(Locale.ROOT), p.source());
            }
            o.println("per cell type and derived (Treg):");
            org.il2sim.core.sim.CompiledModel compiled = org.il2sim.core.sim.CompiledModel.compile(n);
            for (String id : java.util.List.of(Stat5Signalling.TOTAL, "k_stat5_phos")) {
                Parameter p = n.parametersById().get(id);
                o.printf(Locale.ROOT, "  %-16s %12.6g  %-20s %-12s %s%n", p.id(), compiled.initialValue(id), p.unit(),
                        Double.isNaN(p.value()) ? "derived" : "", p.source());
            }
        }

        private static void showNetwork(PrintWriter o, ReactionNetwork n, java.util.Set<String> buildTime) {
            o.println(n.id() + ": " + n.name());
            o.println("species: " + String.join(", ", n.species().stream().map(Species::id).toList()));
            o.println("reactions:");
            for (Reaction r : n.reactions()) {
                o.println("  " + r.id() + ": " + side(r.reactants()) + (r.reversible() ? " <=> " : " -> ")
                        + side(r.products()));
            }
            printParameters(o, n, n.parameters(), buildTime);
        }

        /**
         * Every parameter with value, unit and source; "(rule)" marks a value an assignment rule recomputes at every
         * time (a scenario cannot set it), "(computed)" one derived from others at the start (it can be set), and
         * "(built)" after the value one read when the model is built (a scenario cannot change it).
         */
        private static void printParameters(PrintWriter o, ReactionNetwork n, List<Parameter> ps,
                                            java.util.Set<String> buildTime) {
            o.println("parameters:");
            o.printf(Locale.ROOT, "  %-14s %12s  %-20s %s%n", "id", "value", "unit", "source");
            for (Parameter p : ps) {
                String value = NetworkEdits.isAssigned(n, p.id()) ? "(rule)" : Double.isNaN(p.value()) ? "(computed)"
                        : String.format(Locale.ROOT, "%.6g", p.value()) + (buildTime.contains(p.id()) ? " (built)" : "");
                o.printf(Locale.ROOT, "  %-14s %12s  %-20s %s%n", p.id(), value, p.unit(), p.source());
            }
        }

        private static String side(List<SpeciesReference> refs) {
            List<String> out = new ArrayList<>();
            for (SpeciesReference r : refs) {
                out.add((r.stoichiometry() == 1 ? "" : r.stoichiometry() + " ") + r.species());
            }
            return out.isEmpty() ? "(none)" : String.join(" + ", out);
        }

        /** Names, then the γc-model complexes that contain the molecule and the parameters of their reactions. */
        private static void showMolecule(PrintWriter o, Molecule m) {
            o.println(m.id() + " (" + m.kind() + "): " + m.name());
            o.println("gene: " + m.gene());
            o.println("also called: " + String.join(", ", m.synonyms()));
            o.println("source: " + m.source());
            Ligand ligand = null;
            for (Ligand l : Ligand.values()) {
                if (m.modelIds().contains(l.name())) {
                    ligand = l;
                }
            }
            ReactionNetwork n = GammaChainModel.build("Treg", ligand != null ? ligand : Ligand.IL2, 1.0,
                    ParameterSet.reference());
            Set<String> complexes = new TreeSet<>();
            for (Species s : n.species()) {
                for (String token : s.id().split("_")) {
                    if (m.modelIds().contains(token)) {
                        complexes.add(s.id());
                    }
                }
            }
            o.println("in the gamma-chain model: " + (complexes.isEmpty() ? "(not a species)"
                    : String.join(", ", complexes)));
            Set<String> params = new LinkedHashSet<>();
            var parameters = n.parametersById();
            for (Reaction r : n.reactions()) {
                boolean touches = false;
                for (SpeciesReference ref : r.reactants()) {
                    touches |= complexes.contains(ref.species());
                }
                for (SpeciesReference ref : r.products()) {
                    touches |= complexes.contains(ref.species());
                }
                if (touches && r.rate() != null) {
                    for (String s : Exprs.symbols(r.rate())) {
                        if (parameters.containsKey(s)) {
                            params.add(s);
                        }
                    }
                }
            }
            List<Parameter> ps = new ArrayList<>();
            params.forEach(id -> ps.add(parameters.get(id)));
            printParameters(o, n, ps, java.util.Set.of());
        }
    }
}
