package org.il2sim.core.network;

import java.util.List;
import org.il2sim.core.expr.Expr;

/**
 * A reaction with its rate law in substance per time (local parameters already substituted).
 *
 * @param fast true for SBML fast reactions (equilibrated instantaneously)
 */
public record Reaction(String id, String name, List<SpeciesReference> reactants, List<SpeciesReference> products,
                       List<String> modifiers, Expr rate, boolean reversible, boolean fast) {

    public Reaction {
        reactants = List.copyOf(reactants);
        products = List.copyOf(products);
        modifiers = List.copyOf(modifiers);
    }
}
