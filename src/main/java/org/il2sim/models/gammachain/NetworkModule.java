package org.il2sim.models.gammachain;

import org.il2sim.core.network.NetworkBuilder;

/**
 * A part of the γc model that contributes compartments, species, parameters, rules and reactions to a network. The
 * builder validates the composition as a whole, so modules may refer to symbols that other modules declare.
 */
@FunctionalInterface
public interface NetworkModule {

    void contributeTo(NetworkBuilder builder);
}
