package org.il2sim.models.gammachain;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;

/**
 * A cell type's receptors (reference §2.3): the measured surface abundance N of each chain, the constant synthesis
 * rate that keeps it at N without ligand, and the no-ligand steady state as the initial state.
 *
 * <p>Rexpr = N·k_endo/(1 + k_rec(1 − f_sort)/(k_deg·f_sort)) ({@code model.py} l.161–164), written as
 * N·k_endo·k_deg·f_sort/(k_deg·f_sort + k_rec(1 − f_sort)) so that k_deg = 0 gives no synthesis rather than 0/0.
 * Initial state ({@code solveAutocrine}): free surface receptor N; free endosomal receptor density
 * Rexpr/(k_deg·f_sort·f_int) = N·k_endo/(f_int·(k_deg·f_sort + k_rec(1 − f_sort))); everything else 0.
 * For a cell line fitted by its synthesis rates (YT-1, §4.2) the relation runs the other way: Rexpr is the fitted
 * constant and N the steady-state abundance it implies, Rexpr·(k_deg·f_sort + k_rec(1 − f_sort))/(k_endo·k_deg·f_sort).
 */
public final class ReceptorExpression implements NetworkModule {

    private final ReceptorAbundances cell;

    public ReceptorExpression(ReceptorAbundances cell) {
        this.cell = cell;
    }

    @Override
    public void contributeTo(NetworkBuilder b) {
        Expr fSort = Expr.sym("f_sort");
        Expr exitRate = new Expr.Apply(Op.PLUS, RateLaws.product("k_deg", "f_sort"),
                RateLaws.times(Expr.sym("k_rec"), new Expr.Apply(Op.MINUS, Expr.num(1), fSort)));
        for (Receptor r : Receptor.values()) {
            String n = r.abundanceParameter();
            String rexpr = r.synthesisParameter();
            if (cell.hasFixedSynthesis(r)) {
                b.add(new Parameter(rexpr, r.label() + " synthesis", cell.synthesisRates().get(r), true,
                        "#/cell/min", cell.cellType() + ": " + cell.source()));
                b.add(new Parameter(n, r.label() + " surface abundance", Double.NaN, true, "#/cell",
                        "derived: no-ligand steady state Rexpr·(k_deg·f_sort + k_rec·(1 - f_sort))/(k_endo·k_deg·f_sort)"));
                b.add(new InitialAssignment(n, new Expr.Apply(Op.DIVIDE, RateLaws.times(Expr.sym(rexpr), exitRate),
                        RateLaws.product("k_endo", "k_deg", "f_sort"))));
            } else {
                b.add(new Parameter(n, r.label() + " surface abundance", cell.count(r), true, "#/cell",
                        cell.cellType() + ": " + cell.source()));
                b.add(new Parameter(rexpr, r.label() + " synthesis", Double.NaN, true, "#/cell/min",
                        "derived: N·k_endo·k_deg·f_sort/(k_deg·f_sort + k_rec·(1 - f_sort)) (model.py l.161-164)"));
                b.add(new InitialAssignment(rexpr, new Expr.Apply(Op.DIVIDE,
                        RateLaws.product(n, "k_endo", "k_deg", "f_sort"), exitRate)));
            }
            String surf = ReceptorSpecies.free(r).id(Location.SURFACE);
            String endo = ReceptorSpecies.free(r).id(Location.ENDOSOME);
            b.add(RateLaws.reaction("synthesis_" + r.name(), "synthesis of " + r.label(), List.of(), List.of(surf),
                    Expr.sym(rexpr), false));
            b.add(new InitialAssignment(surf, Expr.sym(n)));
            b.add(new InitialAssignment(endo, new Expr.Apply(Op.DIVIDE, RateLaws.product(n, "k_endo"),
                    RateLaws.times(Expr.sym("f_int"), exitRate))));
        }
    }
}
