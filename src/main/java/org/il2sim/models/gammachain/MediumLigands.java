package org.il2sim.models.gammachain;

import java.util.EnumMap;
import java.util.Map;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;

/**
 * The cytokine concentrations in the medium (nM), constant parameters as in the anchor (no depletion): one per
 * ligand, 0 unless given.
 */
public final class MediumLigands implements NetworkModule {

    private final Map<Ligand, Double> nanomolar;

    public MediumLigands(Map<Ligand, Double> nanomolar) {
        EnumMap<Ligand, Double> m = new EnumMap<>(Ligand.class);
        for (Ligand l : Ligand.present(nanomolar)) {
            double c = nanomolar.getOrDefault(l, 0.0);
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException(l.label() + " dose must be a finite concentration >= 0 nM, was "
                        + c);
            }
            m.put(l, c);
        }
        this.nanomolar = m;
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        for (Ligand l : nanomolar.keySet()) {
            b.add(new Parameter(l.mediumParameter(), l.label() + " in the medium", nanomolar.get(l), true, "nM",
                    "model input (constant medium concentration, no depletion)"));
        }
    }
}
