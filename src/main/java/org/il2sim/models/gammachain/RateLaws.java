package org.il2sim.models.gammachain;

import java.util.ArrayList;
import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.SpeciesReference;

/** Small builders for plain-product mass-action rate laws and the reactions that carry them. */
final class RateLaws {

    private RateLaws() {
    }

    /** The product of symbols, e.g. product("surface", "k_fwd", "A", "B"). */
    static Expr product(String... ids) {
        List<Expr> xs = new ArrayList<>(ids.length);
        for (String id : ids) {
            xs.add(Expr.sym(id));
        }
        return xs.size() == 1 ? xs.get(0) : new Expr.Apply(Op.TIMES, xs);
    }

    static Expr times(Expr... xs) {
        return new Expr.Apply(Op.TIMES, xs);
    }

    static Expr minus(Expr a, Expr b) {
        return new Expr.Apply(Op.MINUS, a, b);
    }

    static Expr plus(List<Expr> xs) {
        if (xs.isEmpty()) {
            return Expr.num(0);
        }
        return xs.size() == 1 ? xs.get(0) : new Expr.Apply(Op.PLUS, xs);
    }

    /** An irreversible reaction with unit stoichiometries; null or empty species lists are allowed. */
    static Reaction reaction(String id, String name, List<String> reactants, List<String> products, Expr rate,
                             boolean reversible) {
        return new Reaction(id, name, refs(reactants), refs(products), List.of(), rate, reversible, false);
    }

    private static List<SpeciesReference> refs(List<String> ids) {
        List<SpeciesReference> out = new ArrayList<>();
        for (String s : ids) {
            out.add(SpeciesReference.of(s, 1));
        }
        return out;
    }
}
