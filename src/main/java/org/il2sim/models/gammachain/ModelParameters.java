package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;

/**
 * The parameter set's values as network parameters (unit and source kept), plus the rates that follow from them, as
 * initial assignments so that they follow any change of the base values:
 * <ul>
 *   <li>k10 = k10_per_k5·k5 and k11 = k11_per_k5·k5 ({@code model.py} l.185–186);</li>
 *   <li>detailed balance ({@code reaction.hpp}): k12 = k1·k11/k2, k9 = k10·k11/k4, k8 = k10·k12/k5 for IL-2 and
 *       k24 = k13·k23/k14, k21 = k22·k23/k16, k20 = k22·k24/k17 for IL-15;</li>
 *   <li>every endosomal reverse rate {@code kN_endo} = endo_rev_factor·kN ({@code model.py} l.202–203).</li>
 * </ul>
 */
public final class ModelParameters implements NetworkModule {

    /** Every reverse rate of the binding reactions, surface values (the endosomal ones carry the suffix _endo). */
    public static final List<String> REVERSE_RATES = List.of("k1", "k2", "k11", "k12", "k4", "k5", "k10", "k9",
            "k8", "k13", "k14", "k23", "k24", "k16", "k17", "k22", "k21", "k20", "k25", "k27", "k29", "k31", "k32",
            "k33", "k34", "k35", "k_tp");
    /** Reverse rates of il2sim's extensions, present only in sets that have them (k_tp: trans-presented IL-15). */
    static final List<String> OPTIONAL_RATES = List.of("k_tp");

    private final ParameterSet set;

    public ModelParameters(ParameterSet set) {
        this.set = set;
    }

    /** Id of the endosomal version of a surface reverse rate. */
    public static String endosomal(String reverseRate) {
        return reverseRate + "_endo";
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        for (ParameterValue v : set.values()) {
            b.add(new Parameter(v.id(), v.id(), v.value(), true, v.unit(), describe(v)));
        }
        Map<String, Expr> derived = new LinkedHashMap<>();
        derived.put("k10", RateLaws.product("k10_per_k5", "k5"));
        derived.put("k11", RateLaws.product("k11_per_k5", "k5"));
        derived.put("k12", ratio("k1", "k11", "k2"));
        derived.put("k9", ratio("k10", "k11", "k4"));
        derived.put("k8", ratio("k10", "k12", "k5"));
        derived.put("k24", ratio("k13", "k23", "k14"));
        derived.put("k21", ratio("k22", "k23", "k16"));
        derived.put("k20", ratio("k22", "k24", "k17"));
        String db = "detailed balance (reaction.hpp)";
        Map<String, String> why = Map.of("k10", "k10_per_k5·k5 (model.py l.185)", "k11",
                "k11_per_k5·k5 (model.py l.186)", "k12", db + ": k1·k11/k2", "k9", db + ": k10·k11/k4", "k8",
                db + ": k10·k12/k5", "k24", db + ": k13·k23/k14", "k21", db + ": k22·k23/k16", "k20",
                db + ": k22·k24/k17");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Expr> e : derived.entrySet()) {
            b.add(new Parameter(e.getKey(), e.getKey(), Double.NaN, true, "min^-1", "derived: " + why.get(e.getKey())));
            b.add(new InitialAssignment(e.getKey(), e.getValue()));
        }
        for (String k : REVERSE_RATES) {
            if (OPTIONAL_RATES.contains(k) && !set.contains(k)) {
                continue;
            }
            if (!derived.containsKey(k) && !set.contains(k)) {
                missing.add(k);
            }
            b.add(new Parameter(endosomal(k), endosomal(k), Double.NaN, true, "min^-1",
                    "derived: endo_rev_factor·" + k + " (model.py l.202-203)"));
            b.add(new InitialAssignment(endosomal(k), RateLaws.product("endo_rev_factor", k)));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("parameter set " + set.name() + " lacks " + missing);
        }
    }

    private static Expr ratio(String a, String c, String d) {
        return new Expr.Apply(Op.DIVIDE, RateLaws.product(a, c), Expr.sym(d));
    }

    private static String describe(ParameterValue v) {
        String s = v.status().name().toLowerCase(java.util.Locale.ROOT);
        if (v.hasInterval()) {
            s += ", 95% [" + v.lower95() + ", " + v.upper95() + "]";
        }
        return s + "; " + v.source();
    }
}
