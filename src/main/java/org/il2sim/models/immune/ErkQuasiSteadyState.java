package org.il2sim.models.immune;

import static org.il2sim.models.immune.Ex.div;
import static org.il2sim.models.immune.Ex.plus;
import static org.il2sim.models.immune.Ex.times;
import static org.il2sim.models.immune.PopulationNet.s;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.NetworkBuilder;

/**
 * pERK from the γc signalling layer's Ras/MAPK module ({@code parameters-signalling.tsv}) at its steady state for a
 * constant drive R: the plateau after the negative-feedback transient. With q = k_ras_on·R/K_ERK, a =
 * k_fb_on/k_fb_off (F = a·pERK), Ras-GTP = q/(q + k_ras_off·(1 + a·e)) and e = k_erk_on·Ras/(k_erk_on·Ras +
 * k_erk_off), e = pERK solves A·e² + B·e − C = 0 with A = k_erk_off·k_ras_off·a, B = k_erk_off·(q + k_ras_off) +
 * q·k_erk_on, C = q·k_erk_on; its root in [0, 1) is e = 2C/(B + √(B² + 4AC)) (the form without cancellation). The
 * module settles within an hour, so population models read this quasi-steady state; {@code Il2ComplexModelTest}
 * checks it, through the γc reduction, against the full model.
 */
final class ErkQuasiSteadyState {

    /** The module's rates that the steady state reads, added to a network under these ids. */
    static final List<String> RATES = List.of("K_ERK", "k_ras_on", "k_ras_off", "k_erk_on", "k_erk_off", "k_fb_on",
            "k_fb_off");

    private ErkQuasiSteadyState() {
    }

    /** Adds the module's rates, with value, unit and source from the il2sim parameter set. */
    static void addRates(NetworkBuilder b) {
        PopulationNet.signallingRates(b, RATES);
    }

    /** pERK (fraction of the ERK pool) at the module's steady state for drive r. */
    static Expr pErk(Expr r) {
        Expr q = div(times(s("k_ras_on"), r), s("K_ERK"));
        Expr a = div(s("k_fb_on"), s("k_fb_off"));
        Expr quadratic = times(s("k_erk_off"), s("k_ras_off"), a);
        Expr linear = plus(times(s("k_erk_off"), plus(q, s("k_ras_off"))), times(q, s("k_erk_on")));
        Expr constant = times(q, s("k_erk_on"));
        Expr root = new Expr.Apply(Op.ROOT, List.of(Expr.num(2),
                plus(times(linear, linear), times(Expr.num(4), quadratic, constant))));
        return div(times(Expr.num(2), constant), plus(linear, root));
    }
}
