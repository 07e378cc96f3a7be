package org.il2sim.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.il2sim.core.expr.Evaluator;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Exprs;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.solver.StochasticSystem;

/**
 * A compiled model read as a jump process: the state is the species amounts (molecule counts), each reaction's rate
 * law is its propensity (the SBML convention for stochastic simulation), and each firing changes the counts by the
 * stoichiometry. A reversible reaction whose law is "forward - reverse" becomes two channels. Assignment rules are evaluated as in deterministic runs; events are handled by the driver
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
    /** Per channel: the reaction's rate slot (irreversible reactions) or the law of one direction. */
    private final int[] channelRateSlot;
    private final Evaluator[] channelLaw;
    /**
     * Mass-action fast path: for channel c with massActionSpecies[c] != null the propensity is massActionConstant[c]
     * times the product of the counts x[massActionSpecies[c][m]], read straight from the state without refreshing
     * the model (models without rules and events, where everything else is constant).
     */
    private final int[][] massActionSpecies;
    private final double[] massActionConstant;

    public StochasticModel(CompiledModel model) {
        this.model = model;
        refuseUnsupported(model, false, "stochastic simulation");
        this.evaluations = ThreadLocal.withInitial(() -> new Evaluation(model));
        boolean rules = !model.network().rules().isEmpty();
        List<int[]> changedList = new ArrayList<>();
        List<double[]> changesList = new ArrayList<>();
        List<int[]> readsList = new ArrayList<>();
        List<Boolean> timeList = new ArrayList<>();
        List<Integer> reactionList = new ArrayList<>();
        List<Evaluator> evalList = new ArrayList<>();
        List<Expr> lawList = new ArrayList<>();
        for (Channel c : channels(model)) {
            changedList.add(c.changed());
            changesList.add(c.changes());
            timeList.add(rules || Exprs.readsTime(c.law()));
            readsList.add(rules ? allSpecies() : speciesRead(c.law()));
            reactionList.add(c.reaction());
            evalList.add(c.evaluator());
            lawList.add(c.law());
        }
        changed = changedList.toArray(int[][]::new);
        changes = changesList.toArray(double[][]::new);
        reads = readsList.toArray(int[][]::new);
        timeDependent = new boolean[timeList.size()];
        for (int c = 0; c < timeDependent.length; c++) {
            timeDependent[c] = timeList.get(c);
        }
        channelRateSlot = new int[reactionList.size()];
        for (int c = 0; c < channelRateSlot.length; c++) {
            channelRateSlot[c] = model.reactionSlot[reactionList.get(c)];
        }
        channelLaw = evalList.toArray(Evaluator[]::new);
        massActionSpecies = new int[channelRateSlot.length][];
        massActionConstant = new double[channelRateSlot.length];
        if (model.network().rules().isEmpty() && model.network().events().isEmpty()) {
            for (int ch = 0; ch < channelRateSlot.length; ch++) {
                recogniseMassAction(ch, lawList.get(ch));
            }
        }
    }

    /**
     * One jump channel: a reaction, or one direction of a reversible one.
     *
     * @param reaction index of the reaction in the network
     * @param law the propensity's expression (functions expanded)
     * @param evaluator the compiled law of one direction of a reversible reaction, or null when the propensity is
     *     the reaction's own rate slot
     * @param changed state indices the channel changes, with {@code changes} the amounts
     */
    record Channel(int reaction, Expr law, Evaluator evaluator, int[] changed, double[] changes) {
    }

    /**
     * The jump channels of a model: each irreversible reaction, and each reversible one as two channels when its
     * law is "forward - reverse" (refused otherwise). Shared by the stochastic and hybrid methods.
     */
    static List<Channel> channels(CompiledModel model) {
        List<Channel> out = new ArrayList<>();
        var functions = model.network().functionsById();
        for (int j = 0; j < model.reactionSlot.length; j++) {
            Reaction r = model.network().reactions().get(j);
            Expr law = r.rate() == null ? new Expr.Num(0) : Exprs.expandCalls(r.rate(), functions::get);
            List<Expr> directions = List.of(law);
            if (r.reversible()) {
                // A reversible reaction's law is a net rate; as a jump process it is two channels, forward and back.
                if (!(law instanceof Expr.Apply a && a.op() == Op.MINUS && a.args().size() == 2)) {
                    throw ModelException.unsupported("reversible reaction '" + r.id() + "' needs a rate law of the "
                            + "form forward - reverse for stochastic simulation (or mark it irreversible)");
                }
                directions = a.args();
            }
            for (int d = 0; d < directions.size(); d++) {
                Expr e = directions.get(d);
                double sign = d == 0 ? 1 : -1;
                double[] delta = model.effectCoefficient[j].clone();
                for (int k = 0; k < delta.length; k++) {
                    delta[k] *= sign;
                }
                out.add(new Channel(j, e, r.reversible() ? model.compileExpression(e, "reaction '" + r.id() + "'")
                        : null, model.effectState[j].clone(), delta));
            }
        }
        return out;
    }

    /**
     * Recognises a law that is a product of numbers, parameters, compartment sizes and species amounts (species with
     * only substance units). Constants are multiplied in the order they appear, before the counts, so the common form
     * k * A * B gives bit for bit the value the compiled rate law gives.
     */
    private void recogniseMassAction(int ch, Expr law) {
        if (timeDependent[ch]) {
            return;
        }
        List<Expr> factors = law instanceof Expr.Apply a && a.op() == Op.TIMES ? a.args() : List.of(law);
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
        massActionConstant[ch] = k;
        massActionSpecies[ch] = counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Refuses what jump processes cannot run yet: algebraic rules, fast reactions, delays, variable stoichiometry
     * and conversion factors, and rate rules unless {@code rateRulesAllowed} (the hybrid method integrates them).
     */
    static void refuseUnsupported(CompiledModel model, boolean rateRulesAllowed, String what) {
        List<String> problems = new ArrayList<>();
        if (model.rateRules.length > 0 && !rateRulesAllowed) {
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
            throw ModelException.unsupported(what + " of models with " + String.join(", ",
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

    private int[] speciesRead(Expr law) {
        Set<Integer> out = new TreeSet<>();
        {
            for (String s : Exprs.symbols(law)) {
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
        return channelRateSlot.length;
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
        return evaluate(evaluations.get(), reaction, x, t);
    }

    private double evaluate(Evaluation e, int reaction, double[] x, double t) {
        if (t != e.time || !java.util.Arrays.equals(x, e.counts)) {
            // one refresh evaluates every rate law; methods ask for several propensities of the same state in a row
            e.state.refresh(t, x);
            e.time = t;
            System.arraycopy(x, 0, e.counts, 0, x.length);
        }
        Evaluator law = channelLaw[reaction];
        double a = law == null ? e.state.values()[channelRateSlot[reaction]] : law.eval(e.state.values());
        return a > 0 ? a : 0;
    }

    /** This system evaluated in one run's own state, so that parameters its events change reach the propensities. */
    public Bound boundTo(ModelState state) {
        return new Bound(new Evaluation(state));
    }

    /** A view of the system that evaluates propensities in one run's state (single-threaded, like the run). */
    public final class Bound implements StochasticSystem {
        private final Evaluation evaluation;

        private Bound(Evaluation evaluation) {
            this.evaluation = evaluation;
        }

        /** Forget the cached evaluation: call after the run's state changed outside the counts (an event). */
        public void invalidate() {
            evaluation.time = Double.NaN;
        }

        @Override
        public int speciesCount() {
            return StochasticModel.this.speciesCount();
        }

        @Override
        public int reactionCount() {
            return StochasticModel.this.reactionCount();
        }

        @Override
        public double propensity(int reaction, double[] x, double t) {
            return massActionSpecies[reaction] != null ? StochasticModel.this.propensity(reaction, x, t)
                    : evaluate(evaluation, reaction, x, t);
        }

        @Override
        public int[] changedSpecies(int reaction) {
            return StochasticModel.this.changedSpecies(reaction);
        }

        @Override
        public double[] changes(int reaction) {
            return StochasticModel.this.changes(reaction);
        }

        @Override
        public int[] readSpecies(int reaction) {
            return StochasticModel.this.readSpecies(reaction);
        }

        @Override
        public boolean timeDependent(int reaction) {
            return StochasticModel.this.timeDependent(reaction);
        }

        @Override
        public String speciesName(int i) {
            return StochasticModel.this.speciesName(i);
        }
    }

    /** Per-thread evaluation state with the last (t, x) it was refreshed at. */
    private static final class Evaluation {
        final ModelState state;
        final double[] counts;
        double time = Double.NaN;

        Evaluation(CompiledModel model) {
            this(model.newState(0));
        }

        Evaluation(ModelState state) {
            this.state = state;
            counts = new double[state.dimension()];
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
