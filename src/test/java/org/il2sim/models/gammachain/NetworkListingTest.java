package org.il2sim.models.gammachain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.junit.jupiter.api.Test;

/**
 * Golden file of the generated network (Treg, 1 nM IL-2, reference set), so that a change in the biology shows as a
 * readable diff. To accept a deliberate change: {@code mvn test -Dtest=NetworkListingTest -Dil2sim.updateGolden=true}.
 */
class NetworkListingTest {

    private static final Path GOLDEN = Path.of("src/test/resources/org/il2sim/models/gammachain/Treg-IL2-1nM.network.txt");

    @Test
    void networkMatchesTheGoldenListing() throws IOException {
        String actual = listing(GammaChainModel.build("Treg", Ligand.IL2, 1.0, ParameterSet.reference()));
        if (Boolean.getBoolean("il2sim.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        Path out = Path.of("target/Treg-IL2-1nM.network.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        assertThat(actual).as("network listing differs from %s (actual written to %s)", GOLDEN, out)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    static String listing(ReactionNetwork n) {
        StringBuilder sb = new StringBuilder("# network " + n.id() + ": " + n.name() + "\n\n## compartments\n");
        for (Compartment c : n.compartments()) {
            sb.append(c.id()).append("  size ").append(c.size()).append("  (").append(c.name()).append(")\n");
        }
        sb.append("\n## species (initial concentration)\n");
        for (Species s : n.species()) {
            sb.append(s.id()).append("  in ").append(s.compartment()).append("  ").append(s.initialConcentration())
                    .append("  (").append(s.name()).append(")\n");
        }
        sb.append("\n## parameters\n");
        for (Parameter p : n.parameters()) {
            sb.append(p.id()).append(" = ").append(p.value()).append(" [").append(p.unit()).append("]  ")
                    .append(p.source()).append('\n');
        }
        sb.append("\n## initial assignments\n");
        for (InitialAssignment a : n.initialAssignments()) {
            sb.append(a.symbol()).append(" := ").append(infix(a.math())).append('\n');
        }
        sb.append("\n## rules\n");
        for (Rule r : n.rules()) {
            sb.append(((Rule.Assignment) r).variable()).append(" = ").append(infix(r.math())).append('\n');
        }
        sb.append("\n## reactions\n");
        for (Reaction r : n.reactions()) {
            sb.append(r.id()).append(": ").append(side(r.reactants())).append(r.reversible() ? " <-> " : " -> ")
                    .append(side(r.products())).append(";  ").append(infix(r.rate())).append('\n');
        }
        return sb.toString();
    }

    private static String side(List<SpeciesReference> refs) {
        if (refs.isEmpty()) {
            return "0";
        }
        return refs.stream().map(r -> (r.stoichiometry() == 1 ? "" : r.stoichiometry() + " ") + r.species())
                .collect(Collectors.joining(" + "));
    }

    /** Infix text of the operators the γc modules use. */
    static String infix(Expr e) {
        if (e instanceof Expr.Sym s) {
            return s.id();
        }
        if (e instanceof Expr.Num num) {
            return Double.toString(num.value());
        }
        Expr.Apply a = (Expr.Apply) e;
        String sep;
        switch (a.op()) {
            case TIMES:
                sep = "*";
                break;
            case PLUS:
                sep = " + ";
                break;
            case MINUS:
                sep = " - ";
                break;
            case DIVIDE:
                sep = "/";
                break;
            default:
                throw new IllegalArgumentException("no infix form for " + a.op());
        }
        return "(" + a.args().stream().map(NetworkListingTest::infix).collect(Collectors.joining(sep)) + ")";
    }
}
