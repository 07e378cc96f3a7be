package org.il2sim.models.gammachain;

import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;

/**
 * The compartments of the signalling layer: {@code cytosol} and {@code nucleus}, each of size 1 (one cell), so that
 * a species' concentration is its amount per cell: molecules per cell for STAT5, a fraction of the cell's pool for
 * the Ras/ERK and PI3K/Akt species. Volumes do not enter: the layer's second-order rate (pSTAT5 dimerisation) is
 * given per molecule per cell.
 */
public final class SignallingCompartments implements NetworkModule {

    public static final String CYTOSOL = "cytosol";
    public static final String NUCLEUS = "nucleus";

    @Override
    public void contributeTo(NetworkBuilder b) {
        b.add(new Compartment(CYTOSOL, "cytosol (one cell; amounts per cell)", 3, 1.0, true));
        b.add(new Compartment(NUCLEUS, "nucleus (one cell; amounts per cell)", 3, 1.0, true));
    }
}
