package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.solver.StochasticSystem;

/**
 * A compiled model read as a jump process: the state is the species amounts (molecule counts), each reaction's rate
 * law is its propensity (the SBML convention for stochastic simulation), and each firing changes the counts by the
 * stoichiometry. Assignment rules are evaluated as in deterministic runs; events are handled by the driver
 * ({@link StochasticTimeCourse}). Rate rules, algebraic rules, fast reactions, delays and variable stoichiometry
 * have no meaning here yet and are refused.
 *
 * <p>Thread-safe: each thread evaluates propensities in its own {@link ModelState}.
 */
public final class StochasticModel implements StochasticSystem {

    private final CompiledModel model;
    private final ThreadLocal<Evaluation> evaluations;
    private final int[][] changed;
    private final double[][] changes;
    private final int[][] reads;
    private final boolean[] timeDependent;

    public StochasticModel(CompiledModel model) {
        this.model = model;
        refuseUnsupported(model);
        this.evaluations = ThreadLocal.withInitial(() -> new Evaluation(model));
        int n = model.reactionSlot.length;
        changed = new int[n][];
        changes = new double[n][];
        reads = new int[n][];
        timeDependent = new boolean[n];
        boolean rules = !model.network().rules().isEmpty();
        for (int j = 0; j < n; j++) {
            changed[j] = model.effectState[j].clone();
            changes[j] = model.effectCoefficient[j].clone();
            Reaction r = model.network().reactions().get(j);
            timeDependent[j] = rules || (r.rate() != null && Exprs.readsTime(
                    Exprs.expandCalls(r.rate(), model.network().functionsById()::get)));
            reads[j] = rules ? allSpecies() : speciesRead(r);
        }
    }

    private static void refuseUnsupported(CompiledModel model) {
        List<String> problems = new ArrayList<>();
        if (model.rateRules.length > 0) {
            problems.add("rate rules");
        }
        if (model.algebraicSlot.length > 0) {
            problems.add("algebraic rules");
        }
        if (model.fastRateSlot.length > 0) {
            problems.add("fast reactions");
        }
        if (!model.delays().isEmpty()) {
            problems.add("delay()");
        }
        for (int[] slots : model.effectStoichSlot) {
            for (int s : slots) {
                if (s >= 0) {
                    problems.add("variable stoichiometry");
                    break;
                }
            }
        }
        for (int[] slots : model.effectFactorSlot) {
            for (int s : slots) {
                if (s >= 0) {
                    problems.add("conversion factors");
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ModelException.unsupported("stochastic simulation of models with " + String.join(", ",
                    new TreeSet<>(problems)) + " is not supported yet; use the ODE method");
        }
    }

    private int[] allSpecies() {
        int[] all = new int[model.stateSize()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private int[] speciesRead(Reaction r) {
        Set<Integer> out = new TreeSet<>();
        if (r.rate() != null) {
            for (String s : Exprs.symbols(Exprs.expandCalls(r.rate(), model.network().functionsById()::get))) {
                int slot = model.slot(s);
                int state = slot >= 0 ? model.stateIndexOfSymbol(slot) : -1;
                if (state >= 0) {
                    out.add(state);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public CompiledModel model() {
        return model;
    }

    @Override
    public int speciesCount() {
        return model.stateSize();
    }

    @Override
    public int reactionCount() {
        return model.reactionSlot.length;
    }

    @Override
    public double propensity(int reaction, double[] x, double t) {
        Evaluation e = evaluations.get();
        if (t != e.time || !java.util.Arrays.equals(x, e.counts)) {
            // one refresh evaluates every rate law; methods ask for several propensities of the same state in a row
            e.state.refresh(t, x);
            e.time = t;
            System.arraycopy(x, 0, e.counts, 0, x.length);
        }
        double a = e.state.values()[model.reactionSlot[reaction]];
        return a > 0 ? a : 0;
    }

    /** Per-thread evaluation state with the last (t, x) it was refreshed at. */
    private static final class Evaluation {
        final ModelState state;
        final double[] counts;
        double time = Double.NaN;

        Evaluation(CompiledModel model) {
            state = model.newState(0);
            counts = new double[model.stateSize()];
        }
    }

    @Override
    public int[] changedSpecies(int reaction) {
        return changed[reaction];
    }

    @Override
    public double[] changes(int reaction) {
        return changes[reaction];
    }

    @Override
    public int[] readSpecies(int reaction) {
        return reads[reaction];
    }

    @Override
    public boolean timeDependent(int reaction) {
        return timeDependent[reaction];
    }

    @Override
    public String speciesName(int i) {
        return model.stateName(i);
    }
}
