package org.il2sim.core.network;

import org.il2sim.core.expr.Expr;

/** Sets a symbol's value at the start of a run. */
public record InitialAssignment(String symbol, Expr math) {
}
