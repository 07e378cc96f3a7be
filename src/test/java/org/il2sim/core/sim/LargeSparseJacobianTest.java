package org.il2sim.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.il2sim.core.solver.OdeStepper;
import org.il2sim.core.solver.Tolerances;
import org.il2sim.core.solver.ode.BdfMethod;
import org.junit.jupiter.api.Test;

/**
 * Above 1,000 states the sparse solver still uses the symbolic Jacobian (entry by entry), not finite differences. The
 * network has a shared pool L binding 600 receptors (L + R_i <-> C_i): L's row is dense, so grouped finite
 * differences would need about one right-hand side per column, some 1,200 per Jacobian.
 */
class LargeSparseJacobianTest {

    @Test
    void sharedPoolOfThousandsOfStatesUsesTheAnalyticJacobian() {
        int receptors = 600;
        NetworkBuilder b = new NetworkBuilder("pool")
                .add(new Compartment("c", "c", 3, 1, true))
                .add(new Species("L", "L", "c", 1000, Double.NaN, true, false, false, null))
                .add(new Parameter("kon", 1e-4, true))
                .add(new Parameter("koff", 0.1, true));
        for (int i = 0; i < receptors; i++) {
            b.add(new Species("R" + i, "R" + i, "c", 10 + i % 7, Double.NaN, true, false, false, null));
            b.add(new Species("C" + i, "C" + i, "c", 0, Double.NaN, true, false, false, null));
            b.add(new Reaction("on" + i, null, List.of(SpeciesReference.of("L", 1), SpeciesReference.of("R" + i, 1)),
                    List.of(SpeciesReference.of("C" + i, 1)), List.of(),
                    new Expr.Apply(Op.TIMES, new Expr.Sym("kon"), new Expr.Sym("L"), new Expr.Sym("R" + i)), false,
                    false));
            b.add(new Reaction("off" + i, null, List.of(SpeciesReference.of("C" + i, 1)),
                    List.of(SpeciesReference.of("L", 1), SpeciesReference.of("R" + i, 1)), List.of(),
                    new Expr.Apply(Op.TIMES, new Expr.Sym("koff"), new Expr.Sym("C" + i)), false, false));
        }
        CompiledModel model = CompiledModel.compile(b.build());
        assertThat(model.stateSize()).isEqualTo(1 + 2 * receptors);
        assertThat(model.hasAnalyticJacobian()).isTrue();
        double[] y0 = model.initialState();
        OdeStepper stepper = new BdfMethod().start(model.newState(0), 0, y0,
                new Tolerances(1e-6, 1e-6, 100_000, Double.POSITIVE_INFINITY));
        while (stepper.time() < 100) {
            stepper.step(100);
        }
        // a handful of evaluations per step, nowhere near the ~1,200 of one finite-difference Jacobian
        assertThat(stepper.evaluations()).isLessThan(3 * stepper.steps() + 50);
        // ligand is conserved: free plus bound
        double[] y = stepper.state();
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            String name = model.stateName(i);
            total += name.equals("L") || name.startsWith("C") ? y[i] : 0;
        }
        assertThat(total).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-3));
    }
}
