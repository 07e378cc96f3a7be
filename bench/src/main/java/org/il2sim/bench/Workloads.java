package org.il2sim.bench;

import org.il2sim.models.gammachain.GammaChainModel;
import org.il2sim.models.gammachain.Ligand;
import org.il2sim.models.gammachain.ParameterSet;
import org.il2sim.models.gammachain.ReceptorTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.io.sbml.SbmlImporter;

/** The benchmark workloads of bench/compare. */
final class Workloads {

    private Workloads() {
    }

    /** One ODE solve: a model, its tolerances and output grid. */
    record Solve(String label, CompiledModel model, Tolerances tolerances, double[] times) {
    }

    static double[] grid(double end, int intervals) {
        double[] t = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            t[i] = end * i / intervals;
        }
        return t;
    }

    /** (b) Fallon &amp; Lauffenburger 2000 from BioModels: 0-6000 min, 601 points, rtol 1e-8, atol 1e-10. */
    static Solve fallon(Path sbml) {
        CompiledModel m = CompiledModel.compile(SbmlImporter.read(sbml));
        return new Solve("fallon", m, new Tolerances(1e-8, 1e-10, 1_000_000, Double.POSITIVE_INFINITY),
                grid(6000, 600));
    }

    /**
     * (a) The gamma-chain 62-state model (farhat2021 set), full panel of 10 cell types x 2 ligands x 12 doses,
     * 0-240 min, rtol 1e-6, atol 1e-6 molecules per cell. This is the one entry point through which the model plugs
     * in: it lives in org.il2sim.models.gammachain (branch gammachain) and is not on this branch yet, so this returns
     * null. When it lands, build the 240 solves here (one {@link Solve} per cell type, ligand and dose).
     */
    static List<Solve> gammaChainPanel() {
        // (a) the gamma-chain model, farhat2021 set: 10 cell types x IL-2, IL-15 x 12 doses (4.7e-4 to 84 nM),
        // 0-240 min with read-outs at 30, 60, 120 and 240 min, rtol 1e-6, atol 1e-6 molecules/cell
        Tolerances tol = new Tolerances(1e-6, 1e-6, 1_000_000, Double.POSITIVE_INFINITY);
        double[] times = {0, 30, 60, 120, 240};
        List<Solve> out = new ArrayList<>();
        for (String cell : ReceptorTables.farhat2021().keySet()) {
            for (Ligand l : List.of(Ligand.IL2, Ligand.IL15)) {
                CompiledModel base = CompiledModel.compile(GammaChainModel.build(cell, l, 0.0, ParameterSet.reference()));
                for (int i = 0; i < 12; i++) {
                    double dose = 4.7e-4 * Math.pow(84 / 4.7e-4, i / 11.0);
                    out.add(new Solve("gammachain_" + cell + "_" + l + "_" + i,
                            base.withValues(java.util.Map.of(l.mediumParameter(), dose)), tol, times));
                }
            }
        }
        // the reference solvers run the first solve; make it a representative one (NK, IL-2, 0.1 nM)
        Solve representative = out.stream().filter(s -> s.label().equals("gammachain_NK_IL2_6")).findFirst()
                .orElse(out.get(0));
        out.remove(representative);
        out.add(0, representative);
        return out;
    }

    /** Why {@link #gammaChainPanel()} is null, for the table. */
    static String gammaChainStatus() {
        boolean present = Workloads.class.getClassLoader().getResource("org/il2sim/models/gammachain") != null;
        return present ? "model present but not wired into bench (Workloads.gammaChainPanel)"
                : "not available yet (the farhat2021 model is on branch gammachain)";
    }

    // ---- (c) and (d): generated receptor networks ----

    static final double AVOGADRO = 6.02214076e23;

    private static Expr sym(String id) {
        return new Expr.Sym(id);
    }

    private static Expr times(Expr... xs) {
        return new Expr.Apply(Op.TIMES, xs);
    }

    private static SpeciesReference ref(String s) {
        return SpeciesReference.of(s, 1);
    }

    private static void reaction(NetworkBuilder b, String id, List<String> reactants, List<String> products,
                                 String k) {
        List<Expr> f = new ArrayList<>();
        f.add(sym(k));
        reactants.forEach(r -> f.add(sym(r)));
        b.add(new Reaction(id, id, reactants.stream().map(Workloads::ref).toList(),
                products.stream().map(Workloads::ref).toList(), List.of(), times(f.toArray(Expr[]::new)), false,
                false));
    }

    private static void species(NetworkBuilder b, String id, double amount) {
        b.add(new Species(id, id, "medium", amount, Double.NaN, true, false, false, null));
    }

    private static void parameter(NetworkBuilder b, String id, double value) {
        b.add(new Parameter(id, value, true));
    }

    /**
     * IL-2 receptor network of {@code cells} cell clones sharing one IL-2 pool (1 nL of medium per cell, 10 pM
     * IL-2), amounts in molecules, time in minutes: IL-2 binding to IL-2Ra and IL-2Rb, assembly of the
     * IL-2:IL-2Ra:IL-2Rb and IL-2:IL-2Rb complexes with the common gamma chain, receptor synthesis and internalisation,
     * internalised IL-2 degraded: 21 reactions and 9 species per clone, one shared IL-2 species. Clones differ in
     * their receptor expression (synthesis rates spread over a factor of 8). Mass action throughout.
     */
    static ReactionNetwork receptorNetwork(int cells) {
        NetworkBuilder b = new NetworkBuilder("receptors_" + cells);
        double volumeL = 1e-9 * cells;
        b.add(new Compartment("medium", "medium", 3, volumeL, true));
        double perPair = 1.0 / (AVOGADRO * volumeL); // M^-1 -> per molecule pair in the medium
        double il2 = 10e-12 * AVOGADRO * volumeL;
        species(b, "IL2", il2);
        parameter(b, "kon_a", 1.4e7 * 60 * perPair); // IL-2 + IL-2Ra, 1.4e7 /M/s
        parameter(b, "koff_a", 0.4 * 60 / 60);        // 0.4 /min (Kd ~ 10 nM)
        parameter(b, "kon_b", 3e6 * 60 * perPair);
        parameter(b, "koff_b", 0.2 * 60 / 60 * 0.5);
        parameter(b, "kassoc", 1e-3);                 // surface assembly, per molecule per min
        parameter(b, "kdiss", 0.1);
        parameter(b, "kassoc_g", 5e-4);
        parameter(b, "kdiss_g", 0.02);
        parameter(b, "kint", 0.007);                  // constitutive internalisation, /min
        parameter(b, "kint_c", 0.04);                 // signalling complexes, /min
        parameter(b, "kdeg", 0.035);                  // internalised IL-2, /min
        for (int c = 0; c < cells; c++) {
            String s = "_" + c;
            double expression = cells == 1 ? 5 : Math.pow(8, (double) c / (cells - 1)); // 1 to 8
            double ra = 1500 * expression;
            double rb = 600;
            double g = 1000;
            species(b, "Ra" + s, ra);
            species(b, "Rb" + s, rb);
            species(b, "g" + s, g);
            for (String x : List.of("IL2Ra", "IL2Rb", "IL2RaRb", "IL2RaRbg", "IL2Rbg", "IL2i")) {
                species(b, x + s, 0);
            }
            parameter(b, "ksyn_a" + s, ra * 0.007);
            parameter(b, "ksyn_b" + s, rb * 0.007);
            parameter(b, "ksyn_g" + s, g * 0.007);
            reaction(b, "bind_a" + s, List.of("IL2", "Ra" + s), List.of("IL2Ra" + s), "kon_a");
            reaction(b, "unbind_a" + s, List.of("IL2Ra" + s), List.of("IL2", "Ra" + s), "koff_a");
            reaction(b, "bind_b" + s, List.of("IL2", "Rb" + s), List.of("IL2Rb" + s), "kon_b");
            reaction(b, "unbind_b" + s, List.of("IL2Rb" + s), List.of("IL2", "Rb" + s), "koff_b");
            reaction(b, "assoc_ab" + s, List.of("IL2Ra" + s, "Rb" + s), List.of("IL2RaRb" + s), "kassoc");
            reaction(b, "dissoc_ab" + s, List.of("IL2RaRb" + s), List.of("IL2Ra" + s, "Rb" + s), "kdiss");
            reaction(b, "assoc_ba" + s, List.of("IL2Rb" + s, "Ra" + s), List.of("IL2RaRb" + s), "kassoc");
            reaction(b, "dissoc_ba" + s, List.of("IL2RaRb" + s), List.of("IL2Rb" + s, "Ra" + s), "kdiss");
            reaction(b, "assoc_abg" + s, List.of("IL2RaRb" + s, "g" + s), List.of("IL2RaRbg" + s), "kassoc_g");
            reaction(b, "dissoc_abg" + s, List.of("IL2RaRbg" + s), List.of("IL2RaRb" + s, "g" + s), "kdiss_g");
            reaction(b, "assoc_bg" + s, List.of("IL2Rb" + s, "g" + s), List.of("IL2Rbg" + s), "kassoc_g");
            reaction(b, "dissoc_bg" + s, List.of("IL2Rbg" + s), List.of("IL2Rb" + s, "g" + s), "kdiss_g");
            reaction(b, "syn_Ra" + s, List.of(), List.of("Ra" + s), "ksyn_a" + s);
            reaction(b, "syn_Rb" + s, List.of(), List.of("Rb" + s), "ksyn_b" + s);
            reaction(b, "syn_g" + s, List.of(), List.of("g" + s), "ksyn_g" + s);
            reaction(b, "int_Ra" + s, List.of("Ra" + s), List.of(), "kint");
            reaction(b, "int_Rb" + s, List.of("Rb" + s), List.of(), "kint");
            reaction(b, "int_g" + s, List.of("g" + s), List.of(), "kint");
            reaction(b, "int_abg" + s, List.of("IL2RaRbg" + s), List.of("IL2i" + s), "kint_c");
            reaction(b, "int_bg" + s, List.of("IL2Rbg" + s), List.of("IL2i" + s), "kint_c");
            reaction(b, "deg" + s, List.of("IL2i" + s), List.of(), "kdeg");
        }
        return b.build();
    }

    /** (c) The many-clone network: 0-240 min, 241 points, rtol 1e-6, atol 1e-6 molecules. */
    static Solve large(int cells) {
        return new Solve("clones_" + cells, CompiledModel.compile(receptorNetwork(cells)),
                new Tolerances(1e-6, 1e-6, 1_000_000, Double.POSITIVE_INFINITY), grid(240, 240));
    }

    /** (d) One cell: about 10^4 receptors (IL-2Ra 7,500 at the middle expression level), 10 pM IL-2 in 1 nL. */
    static CompiledModel oneCell() {
        return CompiledModel.compile(receptorNetwork(1));
    }
}
