package org.il2sim.io.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.il2sim.core.expr.CompileContext;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.expr.Op;
import org.il2sim.core.network.Compartment;
import org.il2sim.core.network.Diagnostic;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.InitialAssignment;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.Parameter;
import org.il2sim.core.network.Reaction;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.Species;
import org.il2sim.core.network.SpeciesReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter writes every part of a network so that importing the file gives back an equal network. */
class SbmlExporterTest {

    @TempDir
    Path dir;

    ReactionNetwork roundTrip(ReactionNetwork network) throws IOException {
        Path file = dir.resolve(network.id() + ".xml");
        SbmlExporter.write(network, file);
        return SbmlImporter.read(file);
    }

    static Expr sym(String id) {
        return new Expr.Sym(id);
    }

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    /** A small model that uses every element kind and attribute the exporter writes. */
    static ReactionNetwork fullModel() {
        return new NetworkBuilder("full").name("Every element")
                .conversionFactor("cf")
                .add(new Compartment("cell", "Cell", 3, 2.5, false))
                .add(new Compartment("membrane", "", 2, Double.NaN, false))
                .add(new Compartment("point", "", 0, Double.NaN, true))
                .add(new Compartment("free", "", Double.NaN, 1, true))
                .add(new Species("A", "IL-2", "cell", 10, Double.NaN, false, false, false, null))
                .add(new Species("B", "", "cell", Double.NaN, 0.5, true, false, false, "cfB"))
                .add(new Species("C", "", "membrane", Double.NaN, Double.NaN, false, true, false, null))
                .add(new Species("D", "", "point", 1, Double.NaN, true, false, true, null))
                .add(new Parameter("k", "on rate", 1e-3, true, "1/(nM*min)", "Doe et al. 2020 <Table 1> & \"notes\""))
                .add(new Parameter("cf", 1, true))
                .add(new Parameter("cfB", 2, true))
                .add(new Parameter("x", Double.NaN, false))
                .add(new Parameter("y", "", 0, false, "", "BioModels 'X'"))
                .add(new CompileContext.FunctionDefinition("hill", List.of("s", "n"),
                        new Expr.Apply(Op.DIVIDE, new Expr.Apply(Op.POWER, sym("s"), sym("n")),
                                new Expr.Apply(Op.PLUS, num(1), new Expr.Apply(Op.POWER, sym("s"), sym("n"))))))
                .add(new Reaction("bind", "binding", List.of(SpeciesReference.of("A", 2),
                        new SpeciesReference("B", Double.NaN, "sB", false)),
                        List.of(new SpeciesReference("C", 1.5, "sC", true)), List.of("D"),
                        new Expr.Apply(Op.TIMES, sym("k"), sym("A"), new Expr.Call("hill", List.of(sym("B"), num(2)))),
                        true, false))
                .add(new Reaction("leak", "", List.of(), List.of(SpeciesReference.of("A", 1)), List.of(), null,
                        false, false))
                .add(new Rule.Assignment("x", new Expr.Apply(Op.TIMES, num(2), new Expr.Time())))
                .add(new Rule.Rate("membrane", num(0.01)))
                .add(new Rule.Assignment("sB", num(1)))
                .add(new Rule.Algebraic(new Expr.Apply(Op.MINUS, sym("y"), sym("x"))))
                .add(new InitialAssignment("k", new Expr.Apply(Op.TIMES, num(1e-3), new Expr.Avogadro(),
                        num(1e-23))))
                .add(new Event("e1", new Expr.Apply(Op.GT, new Expr.Time(), num(5)), false, false,
                        new Expr.Apply(Op.PLUS, num(1), sym("k")), num(3), false,
                        List.of(new Event.Assignment("A", num(0)), new Event.Assignment("cell", num(3)))))
                .add(new Event(null, new Expr.Apply(Op.AND, num(1), new Expr.Apply(Op.LT, sym("A"), num(1))),
                        true, true, null, null, true, List.of(new Event.Assignment("y", sym("x")))))
                .build();
    }

    @Test
    void everyElementAndAttributeSurvivesTheRoundTrip() throws IOException {
        ReactionNetwork network = fullModel();
        assertThat(roundTrip(network)).isEqualTo(network);
    }

    @Test
    void theWrittenFileIsLevel3Version2AndJsbmlFindsNoErrorsInIt() throws IOException {
        Path file = dir.resolve("full.xml");
        SbmlExporter.write(fullModel(), file);
        String xml = Files.readString(file);
        assertThat(xml).contains("http://www.sbml.org/sbml/level3/version2/core").contains("level=\"3\"")
                .contains("version=\"2\"").doesNotContain("fast=");
        List<Diagnostic> problems = SbmlValidator.validate(file);
        assertThat(problems).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).isEmpty();
    }

    @Test
    void parameterUnitAndSourceAreKeptInAnIl2simAnnotation() throws IOException {
        String xml = SbmlExporter.toXml(fullModel());
        assertThat(xml).contains("xmlns:il2sim=\"" + SbmlExporter.NAMESPACE + "\"")
                .contains("unit=\"1/(nM*min)\"")
                .contains("source=\"Doe et al. 2020 &lt;Table 1").contains("&amp; &quot;notes&quot;\"");
        Parameter k = roundTrip(fullModel()).parametersById().get("k");
        assertThat(k.unit()).isEqualTo("1/(nM*min)");
        assertThat(k.source()).isEqualTo("Doe et al. 2020 <Table 1> & \"notes\"");
    }

    @Test
    void everyOperatorAndSymbolKindIsWrittenAndReadBack() throws IOException {
        NetworkBuilder b = new NetworkBuilder("ops").add(new Compartment("c", "", 3, 1, true))
                .add(new Parameter("p", 0.5, true)).add(new Parameter("q", 2, true))
                .add(new CompileContext.FunctionDefinition("f", List.of("u"), new Expr.Apply(Op.TIMES, sym("u"),
                        num(2))));
        int i = 0;
        for (Op op : Op.values()) {
            List<Expr> args = switch (op) {
                case NOT, ABS, EXP, LN, FLOOR, CEILING, FACTORIAL, SIN, COS, TAN, SEC, CSC, COT, SINH, COSH, TANH,
                        SECH, CSCH, COTH, ARCSIN, ARCCOS, ARCTAN, ARCSEC, ARCCSC, ARCCOT, ARCSINH, ARCCOSH, ARCTANH,
                        ARCSECH, ARCCSCH, ARCCOTH, RATE_OF -> List.of(sym("p"));
                case PLUS, TIMES, MIN, MAX, AND, OR, XOR, EQ -> List.of(sym("p"), sym("q"), num(3));
                default -> List.of(sym("p"), sym("q"));
            };
            String id = "v" + i++;
            b.add(new Parameter(id, Double.NaN, false)).add(new Rule.Assignment(id, new Expr.Apply(op, args)));
        }
        List<Expr> extra = List.of(
                new Expr.Apply(Op.MINUS, sym("p")),
                new Expr.Apply(Op.PLUS),
                new Expr.Apply(Op.ROOT, num(3), sym("p")),
                new Expr.Apply(Op.LOG, num(2), sym("p")),
                new Expr.Apply(Op.DELAY, sym("p"), num(0.5)),
                new Expr.Time(), new Expr.Avogadro(),
                new Expr.Call("f", List.of(sym("q"))),
                new Expr.Piecewise(List.of(num(1), sym("q")), List.of(new Expr.Apply(Op.GT, sym("p"), num(1)),
                        num(1)), null),
                new Expr.Piecewise(List.of(num(1)), List.of(new Expr.Apply(Op.LT, new Expr.Time(), num(1))),
                        num(0)));
        for (Expr e : extra) {
            String id = "v" + i++;
            b.add(new Parameter(id, Double.NaN, false)).add(new Rule.Assignment(id, e));
        }
        ReactionNetwork network = b.build();
        assertThat(roundTrip(network)).isEqualTo(network);
    }

    @Test
    void numbersReadBackToTheSameDouble() throws IOException {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -7.0, 2147483647.0, 2147483648.0, 1e300,
                Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, -2.04e-80, 9.999999999999999e22,
                0.1 + 0.2, 1.0 / 3, 6.02214179e23, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double v = (1 + 9 * rnd.nextDouble()) * Math.pow(10, rnd.nextInt(620) - 320);
            values.add(rnd.nextBoolean() ? v : -v);
            values.add(Double.longBitsToDouble(rnd.nextLong()));
        }
        NetworkBuilder b = new NetworkBuilder("numbers");
        for (int i = 0; i < values.size(); i++) {
            b.add(new Parameter("p" + i, Double.NaN, false))
                    .add(new InitialAssignment("p" + i, num(values.get(i))));
        }
        ReactionNetwork back = roundTrip(b.build());
        for (int i = 0; i < values.size(); i++) {
            Expr math = back.initialAssignments().get(i).math();
            assertThat(math).as("value %s", values.get(i)).isEqualTo(num(values.get(i)));
        }
    }

    @Test
    void attributeValuesKeepFullPrecision() throws IOException {
        double tiny = 4.9e-324;
        double odd = 9.999999999999999e22;
        ReactionNetwork network = new NetworkBuilder("precise")
                .add(new Compartment("c", "", 3, odd, true))
                .add(new Species("s", "", "c", tiny, Double.NaN, false, false, false, null))
                .add(new Parameter("p", 1e-300, true)).build();
        assertThat(roundTrip(network)).isEqualTo(network);
    }

    @Test
    void fastReactionsAreRefusedWithTheReactionNamed() {
        ReactionNetwork network = new NetworkBuilder("fast").add(new Compartment("c", "", 3, 1, true))
                .add(new Species("A", "", "c", 1, Double.NaN, false, false, false, null))
                .add(new Reaction("quick", "", List.of(SpeciesReference.of("A", 1)), List.of(), List.of(), num(1),
                        false, true))
                .build();
        Path file = dir.resolve("fast.xml");
        assertThatThrownBy(() -> SbmlExporter.write(network, file)).isInstanceOf(SbmlException.class)
                .hasMessageContaining("reaction 'quick'").hasMessageContaining("fast")
                .matches(e -> ((SbmlException) e).unsupported());
        assertThat(file).doesNotExist();
    }

    @Test
    void writingIntoAMissingFolderFailsAndLeavesNothing() {
        Path file = dir.resolve("missing").resolve("m.xml");
        assertThatThrownBy(() -> SbmlExporter.write(fullModel(), file)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void anExistingFileIsReplaced() throws IOException {
        Path file = dir.resolve("m.xml");
        Files.writeString(file, "old");
        SbmlExporter.write(fullModel(), file);
        assertThat(Files.readString(file)).startsWith("<?xml");
        try (var s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
