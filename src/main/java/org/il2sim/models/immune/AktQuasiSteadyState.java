package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.times;
import static org.il2sim.models.immune.PopulationNet.s;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.NetworkBuilder;

/**
 * pAkt from the γc signalling layer's Akt module (PI3K → PIP3 → pAkt, {@code parameters-signalling.tsv}) at its steady
 * state for a constant drive R (IL-2 signalling complexes per cell): u = k_pi3k_on·R/K_AKT, PIP3 = u/(u + k_pip3_off),
 * pAkt = k_akt_on·PIP3/(k_akt_on·PIP3 + k_akt_off). The module relaxes within minutes (pAkt t½ 14 min), far faster
 * than division or fate decisions, so population models read this quasi-steady state; the closed form is checked
 * against the module in {@code SignallingTest} and, through the γc reduction, against the full model in
 * {@code Il2ComplexModelTest}.
 */
final class AktQuasiSteadyState {

    /** The module's rates that the steady state reads, added to a network under these ids. */
    static final List<String> RATES = List.of("K_AKT", "k_pi3k_on", "k_pip3_off", "k_akt_on", "k_akt_off");

    private AktQuasiSteadyState() {
    }

    /** Adds the module's rates, with value, unit and source from the il2sim parameter set. */
    static void addRates(NetworkBuilder b) {
        PopulationNet.signallingRates(b, RATES);
    }

    /** pAkt (fraction of the Akt pool) at the module's steady state for drive r. */
    static Expr pAkt(Expr r) {
        Expr u = div(times(s("k_pi3k_on"), r), s("K_AKT"));
        Expr pip3 = div(u, plus(u, s("k_pip3_off")));
        Expr on = times(s("k_akt_on"), pip3);
        return div(on, plus(on, s("k_akt_off")));
    }
}
