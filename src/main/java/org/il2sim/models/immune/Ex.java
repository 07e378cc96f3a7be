package org.il2sim.models.immune;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.SpeciesReference;

/** Small builders for the rate laws and rules of this package's networks. */
final class Ex {

    private Ex() {
    }

    static Expr sym(String id) {
        return Expr.sym(id);
    }

    static Expr num(double v) {
        return Expr.num(v);
    }

    static Expr times(Expr... xs) {
        return new Expr.Apply(Op.TIMES, xs);
    }

    /** The product of symbols. */
    static Expr product(String... ids) {
        Expr[] xs = new Expr[ids.length];
        for (int i = 0; i < ids.length; i++) {
            xs[i] = sym(ids[i]);
        }
        return ids.length == 1 ? xs[0] : times(xs);
    }

    static Expr plus(Expr... xs) {
        return new Expr.Apply(Op.PLUS, xs);
    }

    static Expr plus(List<Expr> xs) {
        if (xs.isEmpty()) {
            return num(0);
        }
        return xs.size() == 1 ? xs.get(0) : new Expr.Apply(Op.PLUS, xs);
    }

    static Expr minus(Expr a, Expr b) {
        return new Expr.Apply(Op.MINUS, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Expr.Apply(Op.DIVIDE, a, b);
    }

    static Expr max(Expr a, Expr b) {
        return new Expr.Apply(Op.MAX, a, b);
    }

    static Expr min(Expr a, Expr b) {
        return new Expr.Apply(Op.MIN, a, b);
    }

    static Expr ln(Expr a) {
        return new Expr.Apply(Op.LN, a);
    }

    static Expr sqrt(Expr a) {
        return new Expr.Apply(Op.POWER, a, num(0.5));
    }

    static Expr geq(Expr a, Expr b) {
        return new Expr.Apply(Op.GEQ, a, b);
    }

    /** H(x, y) of Tkach et al. 2014: 1 when x >= y, else 0. */
    static Expr step(Expr x, Expr threshold) {
        return new Expr.Piecewise(List.of(num(1)), List.of(geq(x, threshold)), num(0));
    }

    /** ln 2 / t: a first-order rate from a half-life. */
    static Expr rateFromHalfLife(String halfLife) {
        return div(ln(num(2)), sym(halfLife));
    }

    /**
     * C(x, y, K) of Tkach et al. 2014: the equilibrium complex count of X + Y ⇌ XY with totals x, y and dissociation
     * constant K, ½[(x + y + K) − √((x + y + K)² − 4xy)], written as 2xy / [(x + y + K) + √((x − y)² + K(2x + 2y + K))]
     * (the same value; no cancellation when xy is small).
     */
    static Expr complex(Expr x, Expr y, Expr k) {
        Expr s = plus(x, y, k);
        Expr d = minus(x, y);
        Expr disc = plus(times(d, d), times(k, plus(times(num(2), x), times(num(2), y), k)));
        return div(times(num(2), x, y), plus(s, sqrt(disc)));
    }

    /** An irreversible reaction with the given reactant and product stoichiometries (species, count, ...). */
    static Reaction reaction(String id, String name, List<SpeciesReference> reactants,
                             List<SpeciesReference> products, Expr rate) {
        return new Reaction(id, name, reactants, products, List.of(), rate, false, false);
    }

    static List<SpeciesReference> one(String species) {
        return List.of(SpeciesReference.of(species, 1));
    }

    static List<SpeciesReference> none() {
        return List.of();
    }
}
