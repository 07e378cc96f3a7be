package org.il2sim.core.network;

import java.util.List;
import org.il2sim.core.expr.Expr;

/**
 * A discontinuous change: when {@code trigger} turns from false to true, after {@code delay}, the assignments are
 * carried out (SBML Level 3 event semantics).
 *
 * @param delay delay expression, or null for none
 * @param priority priority expression, or null
 */
public record Event(String id, Expr trigger, boolean initialValue, boolean persistent, Expr delay, Expr priority,
                    boolean useValuesFromTriggerTime, List<Assignment> assignments) {

    public Event {
        assignments = List.copyOf(assignments);
    }

    public record Assignment(String variable, Expr math) {
    }
}
