package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
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
    /**
     * Mass-action fast path: for reaction j with massActionSpecies[j] != null the propensity is
     * massActionConstant[j] times the product of the counts x[massActionSpecies[j][m]], read straight from the state
     * without refreshing the model.
     */
    private final int[][] massActionSpecies;
    private final double[] massActionConstant;

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
        massActionSpecies = new int[n][];
        massActionConstant = new double[n];
        if (model.network().rules().isEmpty() && model.network().events().isEmpty()) {
            for (int j = 0; j < n; j++) {
                recogniseMassAction(j);
            }
        }
    }

    /**
     * Recognises a rate law that is a product of numbers, parameters, compartment sizes and species amounts (species
     * with only substance units), for a model without rules and events, where all but the amounts are constant.
     * Constants are multiplied in the order they appear, before the counts, so the common form k * A * B gives
     * bit for bit the value the compiled rate law gives.
     */
    private void recogniseMassAction(int j) {
        Reaction r = model.network().reactions().get(j);
        if (r.rate() == null || timeDependent[j]) {
            return;
        }
        Expr rate = Exprs.expandCalls(r.rate(), model.network().functionsById()::get);
        List<Expr> factors = rate instanceof Expr.Apply a && a.op() == Op.TIMES ? a.args() : List.of(rate);
        double k = 1;
        List<Integer> counts = new ArrayList<>();
        double[] initial = model.initialValues;
        for (Expr f : factors) {
            if (f instanceof Expr.Num num) {
                if (!counts.isEmpty()) {
                    return; // a constant after a count: keep the compiled evaluation order
                }
                k *= num.value();
            } else if (f instanceof Expr.Sym sym) {
                int slot = model.slot(sym.id());
                if (slot < 0) {
                    return;
                }
                var sp = model.species(sym.id());
                int state = model.stateIndexOfSymbol(slot);
                if (sp != null && state >= 0 && sp.hasOnlySubstanceUnits()) {
                    counts.add(state);
                } else if (sp == null && state < 0 && model.isParameterOrCompartment(sym.id()) && counts.isEmpty()) {
                    k *= initial[slot];
                } else {
                    return;
                }
            } else {
                return;
            }
        }
        if (!Double.isFinite(k)) {
            return;
        }
        massActionConstant[j] = k;
        massActionSpecies[j] = counts.stream().mapToInt(Integer::intValue).toArray();
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
        int[] counts = massActionSpecies[reaction];
        if (counts != null) {
            double a = massActionConstant[reaction];
            for (int m = 0; m < counts.length; m++) {
                a *= x[counts[m]];
            }
            return a > 0 ? a : 0;
        }
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
