package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;

/**
 * The γc receptor model of Farhat et al. 2021 for one cell type in a medium of constant cytokine concentrations: the
 * 62-state mass-action network (28 surface species, the same 28 in the endosome, 6 endosomal free ligands), time in
 * minutes. Its output is the assignment-rule parameter {@value ActiveComplexReadout#ID} (#/cell); with a parameter set
 * that has the signalling layer ({@link ParameterSet#hasSignalling()}, e.g. "il2sim") also {@value #PSTAT5},
 * {@value #PERK} and {@value #PAKT}, fractions of each cell's STAT5, ERK and Akt that are phosphorylated.
 *
 * <pre>{@code
 * ReactionNetwork n = GammaChainModel.build("Treg", Ligand.IL2, 1.0, ParameterSet.reference());
 * CompiledModel m = CompiledModel.compile(n);
 * double[][] rows = TimeCourse.run(m, Methods.defaultOde(), tolerances, new double[] {0, 60},
 *         List.of(m.readout(GammaChainModel.ACTIVE_COMPLEXES, false)));
 * }</pre>
 */
public final class GammaChainModel {

    /** Id of the read-out: total active complexes per cell. */
    public static final String ACTIVE_COMPLEXES = ActiveComplexReadout.ID;
    /** Off-rate of trans-presented IL-15·IL-15Rα from IL-2Rβ: only in sets with il2sim's extensions. */
    public static final String TRANS_PRESENTATION_RATE = "k_tp";
    /** Signalling read-outs (fractions 0–1), present when the parameter set has the signalling layer. */
    public static final String PSTAT5 = Stat5Signalling.READOUT;
    public static final String PERK = ErkSignalling.READOUT;
    public static final String PAKT = AktSignalling.READOUT;

    private GammaChainModel() {
    }

    /** One cytokine at one dose (nM) on a cell type of the Farhat 2021 receptor table (e.g. "Treg", "NK"). */
    public static ReactionNetwork build(String cellType, Ligand ligand, double doseNanomolar, ParameterSet parameters) {
        return build(ReceptorTables.cell(cellType), Map.of(ligand, doseNanomolar), parameters);
    }

    /** One cytokine at one dose (nM) on a cell with the given receptor abundances. */
    public static ReactionNetwork build(ReceptorAbundances cell, Ligand ligand, double doseNanomolar,
                                        ParameterSet parameters) {
        return build(cell, Map.of(ligand, doseNanomolar), parameters);
    }

    /** Any mixture of cytokines (nM; those not given are 0). */
    public static ReactionNetwork build(ReceptorAbundances cell, Map<Ligand, Double> dosesNanomolar,
                                        ParameterSet parameters) {
        StringBuilder id = new StringBuilder("gammachain_" + cell.cellType());
        for (Ligand l : Ligand.values()) {
            if (dosesNanomolar.getOrDefault(l, 0.0) > 0) {
                id.append('_').append(l.name());
            }
        }
        NetworkBuilder b = new NetworkBuilder(id.toString()).name("γc receptor model (Farhat et al. 2021), "
                + cell.cellType() + ", parameter set " + parameters.name());
        modules(cell, dosesNanomolar, parameters).forEach(m -> m.contributeTo(b));
        return b.build();
    }

    /** The modules that make up the model, for callers that compose them with more (signalling, depletion). */
    public static List<NetworkModule> modules(ReceptorAbundances cell, Map<Ligand, Double> dosesNanomolar,
                                              ParameterSet parameters) {
        java.util.Set<Ligand> ligands = Ligand.present(dosesNanomolar);
        if (ligands.contains(Ligand.IL15_15Ra) && !parameters.contains(TRANS_PRESENTATION_RATE)) {
            throw new IllegalArgumentException("trans-presented IL-15 (IL15_IL15Ra) needs the rate "
                    + TRANS_PRESENTATION_RATE + ", which parameter set " + parameters.name() + " lacks (it is an il2sim "
                    + "extension: use the parameter set il2sim)");
        }
        List<NetworkModule> out = new ArrayList<>();
        out.add(new ModelParameters(parameters));
        out.add(new Compartments(ligands));
        out.add(new MediumLigands(dosesNanomolar));
        out.add(new ReceptorExpression(cell));
        out.addAll(ReceptorAssembly.all(ligands));
        out.add(new Trafficking(ligands));
        out.add(new ActiveComplexReadout(ligands));
        if (parameters.hasSignalling()) {
            out.add(new SignallingCompartments());
            out.add(new Stat5Signalling(cell.cellType()));
            out.add(new ErkSignalling());
            out.add(new AktSignalling());
        }
        return out;
    }

    /** Species id of a receptor species in a compartment, e.g. {@code IL2_IL2Ra_IL2Rb_gc_surf}. */
    public static String speciesId(ReceptorSpecies species, Location where) {
        return species.id(where);
    }
}
