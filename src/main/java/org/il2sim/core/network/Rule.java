package org.il2sim.core.network;

import org.il2sim.core.expr.Expr;

/** A rule: an assignment (x = f), a rate (dx/dt = f) or an algebraic constraint (0 = f). */
public sealed interface Rule permits Rule.Assignment, Rule.Rate, Rule.Algebraic {

    Expr math();

    record Assignment(String variable, Expr math) implements Rule {
    }

    record Rate(String variable, Expr math) implements Rule {
    }

    record Algebraic(Expr math) implements Rule {
    }
}
