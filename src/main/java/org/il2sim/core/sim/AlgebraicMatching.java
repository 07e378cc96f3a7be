package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;

/**
 * Decides which variable each algebraic rule determines (SBML L3V2 §4.11.5): a symbol that is not constant and not
 * already fixed by another rule or by reactions. Rules and candidates are paired by maximum bipartite matching
 * (augmenting paths), so a set of rules sharing variables is assigned consistently.
 */
final class AlgebraicMatching {

    private AlgebraicMatching() {
    }

    /** @return for each rule, in order, the id of the variable it determines */
    static List<String> match(ReactionNetwork network, List<Expr> rules, Set<String> assigned, Set<String> rated) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Set<String> free = new HashSet<>();
        Set<String> changedByReactions = new HashSet<>();
        for (Reaction r : network.reactions()) {
            for (SpeciesReference ref : r.reactants()) {
                changedByReactions.add(ref.species());
            }
            for (SpeciesReference ref : r.products()) {
                changedByReactions.add(ref.species());
            }
            for (SpeciesReference ref : concat(r.reactants(), r.products())) {
                if (ref.id() != null && !ref.constant()) {
                    free.add(ref.id());
                }
            }
        }
        for (Compartment c : network.compartments()) {
            if (!c.constant()) {
                free.add(c.id());
            }
        }
        for (Parameter p : network.parameters()) {
            if (!p.constant()) {
                free.add(p.id());
            }
        }
        for (Species s : network.species()) {
            if (!s.constant() && (s.boundaryCondition() || !changedByReactions.contains(s.id()))) {
                free.add(s.id());
            }
        }
        free.removeAll(assigned);
        free.removeAll(rated);
        List<List<String>> candidates = new ArrayList<>();
        for (Expr rule : rules) {
            List<String> c = new ArrayList<>();
            for (String s : Exprs.symbols(rule)) {
                if (free.contains(s)) {
                    c.add(s);
                }
            }
            candidates.add(c);
        }
        Map<String, Integer> owner = new HashMap<>();
        for (int k = 0; k < rules.size(); k++) {
            if (!augment(k, candidates, owner, new HashSet<>())) {
                throw ModelException.invalid("algebraic rule #" + (k + 1) + " determines no variable: every symbol "
                        + "it uses is constant or set by another rule or by reactions (the model is overdetermined)");
            }
        }
        String[] out = new String[rules.size()];
        owner.forEach((var, rule) -> out[rule] = var);
        return List.of(out);
    }

    private static boolean augment(int rule, List<List<String>> candidates, Map<String, Integer> owner, Set<String> seen) {
        for (String var : candidates.get(rule)) {
            if (seen.add(var)) {
                Integer other = owner.get(var);
                if (other == null || augment(other, candidates, owner, seen)) {
                    owner.put(var, rule);
                    return true;
                }
            }
        }
        return false;
    }

    private static List<SpeciesReference> concat(List<SpeciesReference> a, List<SpeciesReference> b) {
        List<SpeciesReference> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
