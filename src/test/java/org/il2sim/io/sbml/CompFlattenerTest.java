package org.il2sim.io.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comp flattener on small hand-written hierarchical models. */
class CompFlattenerTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\""
            + " xmlns:comp=\"http://www.sbml.org/sbml/level3/version1/comp/version1\" level=\"3\" version=\"2\""
            + " comp:required=\"true\">\n";

    private static String math(String content) {
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">" + content + "</math>";
    }

    private static ReactionNetwork read(Path dir, String xml) throws IOException {
        Path file = dir.resolve("model.xml");
        Files.writeString(file, HEAD + xml + "</sbml>\n");
        return SbmlImporter.read(file);
    }

    /** A model definition with a compartment, a species, a parameter, a reaction, a rule and a function. */
    private static final String INNER = """
            <comp:modelDefinition id="inner">
              <listOfFunctionDefinitions>
                <functionDefinition id="twice">%s</functionDefinition>
              </listOfFunctionDefinitions>
              <listOfCompartments><compartment id="C" size="2" constant="true"/></listOfCompartments>
              <listOfSpecies><species id="s" compartment="C" initialAmount="5" hasOnlySubstanceUnits="true"
                boundaryCondition="false" constant="false"/></listOfSpecies>
              <listOfParameters>
                <parameter id="k" value="0.5" constant="true"/>
                <parameter id="x" value="1" constant="false"/>
                <parameter id="y" value="3" constant="false"/>
              </listOfParameters>
              <listOfRules>
                <rateRule metaid="x_rule" variable="x">%s</rateRule>
                <assignmentRule variable="y">%s</assignmentRule>
              </listOfRules>
              <listOfReactions>
                <reaction id="J" reversible="false">
                  <listOfReactants><speciesReference id="sr" species="s" stoichiometry="1" constant="true"/></listOfReactants>
                  <kineticLaw>%s
                    <listOfLocalParameters><localParameter id="y" value="10"/></listOfLocalParameters>
                  </kineticLaw>
                </reaction>
              </listOfReactions>
              <comp:listOfPorts>
                <comp:port comp:id="x_port" comp:idRef="x"/>
                <comp:port comp:id="rule_port" comp:metaIdRef="x_rule"/>
              </comp:listOfPorts>
            </comp:modelDefinition>
            """.formatted(
            math("<lambda><bvar><ci>a</ci></bvar><apply><times/><cn>2</cn><ci>a</ci></apply></lambda>"),
            math("<apply><times/><ci>k</ci><csymbol encoding=\"text\""
                    + " definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol></apply>"),
            math("<apply><ci>twice</ci><ci>x</ci></apply>"),
            math("<apply><times/><ci>k</ci><ci>y</ci><ci>s</ci></apply>"));

    private static String defs(String... more) {
        return "<comp:listOfModelDefinitions>" + INNER + String.join("", more) + "</comp:listOfModelDefinitions>";
    }

    @Test
    void prefixesEveryIdOfASubmodelAndRewritesAllReferences(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="inner"/></comp:listOfSubmodels>
                </model>
                """ + defs());
        assertThat(n.compartmentsById()).containsOnlyKeys("A__C");
        assertThat(n.speciesById()).containsOnlyKeys("A__s");
        assertThat(n.speciesById().get("A__s").compartment()).isEqualTo("A__C");
        assertThat(n.parametersById()).containsOnlyKeys("A__k", "A__x", "A__y");
        assertThat(n.functionsById()).containsOnlyKeys("A__twice");
        assertThat(rules(n)).containsEntry("A__x", "rate: A__k*time").containsEntry("A__y", "A__twice(A__x)");
        var j = n.reactions().get(0);
        assertThat(j.id()).isEqualTo("A__J");
        assertThat(j.reactants().get(0).species()).isEqualTo("A__s");
        assertThat(j.reactants().get(0).id()).isEqualTo("A__sr");
        // the local parameter y shadows the global one and is not renamed (its value is substituted)
        assertThat(show(j.rate())).isEqualTo("A__k*10*A__s");
    }

    @Test
    void nestedSubmodelsGetChainedPrefixesAndTwoInstancesStayApart(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <comp:listOfSubmodels>
                    <comp:submodel comp:id="A" comp:modelRef="middle"/>
                    <comp:submodel comp:id="B" comp:modelRef="middle"/>
                  </comp:listOfSubmodels>
                </model>
                """ + defs("""
                <comp:modelDefinition id="middle">
                  <comp:listOfSubmodels><comp:submodel comp:id="I" comp:modelRef="inner"/></comp:listOfSubmodels>
                </comp:modelDefinition>
                """));
        assertThat(n.parametersById()).containsOnlyKeys("A__I__k", "A__I__x", "A__I__y", "B__I__k", "B__I__x",
                "B__I__y");
        assertThat(rules(n)).containsEntry("B__I__x", "rate: B__I__k*time");
    }

    @Test
    void deletionsRemoveElementsByIdMetaidPortAndWholeSubmodels(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <comp:listOfSubmodels>
                    <comp:submodel comp:id="A" comp:modelRef="inner">
                      <comp:listOfDeletions>
                        <comp:deletion comp:portRef="rule_port"/>
                        <comp:deletion comp:idRef="J"/>
                      </comp:listOfDeletions>
                    </comp:submodel>
                    <comp:submodel comp:id="B" comp:modelRef="middle">
                      <comp:listOfDeletions><comp:deletion comp:idRef="I"/></comp:listOfDeletions>
                    </comp:submodel>
                  </comp:listOfSubmodels>
                </model>
                """ + defs("""
                <comp:modelDefinition id="middle">
                  <listOfParameters><parameter id="m" value="4" constant="true"/></listOfParameters>
                  <comp:listOfSubmodels><comp:submodel comp:id="I" comp:modelRef="inner"/></comp:listOfSubmodels>
                </comp:modelDefinition>
                """));
        assertThat(rules(n)).containsOnlyKeys("A__y");
        assertThat(n.reactions()).isEmpty();
        assertThat(n.parametersById()).containsOnlyKeys("A__k", "A__x", "A__y", "B__m");
    }

    @Test
    void replacedElementWithConversionFactorScalesReferencesAndAssignments(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <listOfParameters>
                    <parameter id="cf" value="10" constant="true"/>
                    <parameter id="X" value="7" constant="false">
                      <comp:listOfReplacedElements>
                        <comp:replacedElement comp:submodelRef="A" comp:portRef="x_port" comp:conversionFactor="cf"/>
                      </comp:listOfReplacedElements>
                    </parameter>
                    <parameter id="K" value="2" constant="true">
                      <comp:listOfReplacedElements>
                        <comp:replacedElement comp:submodelRef="A" comp:idRef="k"/>
                      </comp:listOfReplacedElements>
                    </parameter>
                  </listOfParameters>
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="inner"/></comp:listOfSubmodels>
                </model>
                """ + defs());
        assertThat(n.parametersById()).containsOnlyKeys("cf", "X", "K", "A__y");
        assertThat(n.parametersById().get("X").value()).isEqualTo(7);
        assertThat(rules(n)).containsEntry("X", "rate: K*time*cf").containsEntry("A__y", "A__twice(X/cf)");
        assertThat(show(n.reactions().get(0).rate())).isEqualTo("K*10*A__s");
    }

    @Test
    void replacedByGivesTheParentIdToTheSubmodelElement(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <listOfParameters>
                    <parameter id="p" value="99" constant="true">
                      <comp:replacedBy comp:submodelRef="A" comp:idRef="k"/>
                    </parameter>
                    <parameter id="q" constant="false"/>
                  </listOfParameters>
                  <listOfRules><assignmentRule variable="q">%s</assignmentRule></listOfRules>
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="inner"/></comp:listOfSubmodels>
                </model>
                """.formatted(math("<apply><plus/><ci>p</ci><cn>1</cn></apply>")) + defs());
        assertThat(n.parametersById()).containsKey("p").doesNotContainKey("A__k");
        assertThat(n.parametersById().get("p").value()).isEqualTo(0.5);
        assertThat(rules(n)).containsEntry("q", "p+1").containsEntry("A__x", "rate: p*time");
    }

    @Test
    void sBaseRefChainsReachIntoNestedSubmodels(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <listOfParameters>
                    <parameter id="X" value="2" constant="false">
                      <comp:listOfReplacedElements>
                        <comp:replacedElement comp:submodelRef="M" comp:idRef="I">
                          <comp:sBaseRef comp:portRef="x_port"/>
                        </comp:replacedElement>
                      </comp:listOfReplacedElements>
                    </parameter>
                  </listOfParameters>
                  <comp:listOfSubmodels><comp:submodel comp:id="M" comp:modelRef="middle"/></comp:listOfSubmodels>
                </model>
                """ + defs("""
                <comp:modelDefinition id="middle">
                  <comp:listOfSubmodels><comp:submodel comp:id="I" comp:modelRef="inner"/></comp:listOfSubmodels>
                </comp:modelDefinition>
                """));
        assertThat(n.parametersById()).containsOnlyKeys("X", "M__I__k", "M__I__y");
        assertThat(rules(n)).containsEntry("X", "rate: M__I__k*time").containsEntry("M__I__y", "M__I__twice(X)");
    }

    @Test
    void timeAndExtentConversionFactorsConvertTheSubmodelsMath(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <listOfParameters>
                    <parameter id="tc" value="60" constant="true"/>
                    <parameter id="xc" value="1000" constant="true"/>
                  </listOfParameters>
                  <comp:listOfSubmodels>
                    <comp:submodel comp:id="A" comp:modelRef="timed" comp:timeConversionFactor="tc"
                      comp:extentConversionFactor="xc"/>
                  </comp:listOfSubmodels>
                </model>
                <comp:listOfModelDefinitions>
                  <comp:modelDefinition id="timed">
                    <listOfCompartments><compartment id="C" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="s" compartment="C" initialAmount="1" hasOnlySubstanceUnits="true"
                      boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfParameters>
                      <parameter id="u" value="0" constant="false"/>
                      <parameter id="v" value="0" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <rateRule variable="u">%s</rateRule>
                      <assignmentRule variable="v">%s</assignmentRule>
                    </listOfRules>
                    <listOfReactions>
                      <reaction id="J" reversible="false">
                        <listOfProducts><speciesReference species="s" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw>%s</kineticLaw>
                      </reaction>
                    </listOfReactions>
                    <listOfEvents>
                      <event id="E" useValuesFromTriggerTime="true">
                        <trigger initialValue="true" persistent="true">%s</trigger>
                        <delay>%s</delay>
                        <listOfEventAssignments><eventAssignment variable="u">%s</eventAssignment></listOfEventAssignments>
                      </event>
                    </listOfEvents>
                  </comp:modelDefinition>
                </comp:listOfModelDefinitions>
                """.formatted(
                math("<cn>2</cn>"),
                math("<apply><plus/><ci>J</ci><apply><csymbol encoding=\"text\""
                        + " definitionURL=\"http://www.sbml.org/sbml/symbols/delay\">delay</csymbol>"
                        + "<ci>u</ci><cn>1</cn></apply></apply>"),
                math("<cn>3</cn>"),
                math("<apply><gt/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">"
                        + "t</csymbol><cn>5</cn></apply>"),
                math("<cn>4</cn>"),
                math("<cn>0</cn>")));
        assertThat(rules(n)).containsEntry("A__u", "rate: 2/tc").containsEntry("A__v", "A__J*tc/xc+delay(A__u,1*tc)");
        assertThat(show(n.reactions().get(0).rate())).isEqualTo("3*xc/tc");
        Event e = n.events().get(0);
        assertThat(show(e.trigger())).isEqualTo("time/tc>5");
        assertThat(show(e.delay())).isEqualTo("4*tc");
    }

    @Test
    void aModelsConversionFactorAppliesToItsOwnSpeciesOnly(@TempDir Path dir) throws IOException {
        ReactionNetwork n = read(dir, """
                <model id="top" conversionFactor="f">
                  <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                  <listOfSpecies><species id="a" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"
                    boundaryCondition="false" constant="false"/></listOfSpecies>
                  <listOfParameters><parameter id="f" value="3" constant="true"/></listOfParameters>
                  <comp:listOfSubmodels>
                    <comp:submodel comp:id="A" comp:modelRef="inner"/>
                    <comp:submodel comp:id="B" comp:modelRef="scaled"/>
                  </comp:listOfSubmodels>
                </model>
                """ + defs("""
                <comp:modelDefinition id="scaled" conversionFactor="g">
                  <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                  <listOfSpecies><species id="b" compartment="c" initialAmount="1" hasOnlySubstanceUnits="true"
                    boundaryCondition="false" constant="false"/></listOfSpecies>
                  <listOfParameters><parameter id="g" value="5" constant="true"/></listOfParameters>
                </comp:modelDefinition>
                """));
        assertThat(n.conversionFactor()).isNull();
        assertThat(n.speciesById().get("a").conversionFactor()).isEqualTo("f");
        assertThat(n.speciesById().get("A__s").conversionFactor()).isNull();
        assertThat(n.speciesById().get("B__b").conversionFactor()).isEqualTo("B__g");
    }

    @Test
    void readsExternalModelDefinitionsBesideTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lib.xml"), HEAD + "<model id=\"libmain\"/>"
                + defs() + "</sbml>\n");
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="ext"/></comp:listOfSubmodels>
                </model>
                <comp:listOfExternalModelDefinitions>
                  <comp:externalModelDefinition comp:id="ext" comp:source="lib.xml" comp:modelRef="inner"/>
                </comp:listOfExternalModelDefinitions>
                """);
        assertThat(n.parametersById()).containsOnlyKeys("A__k", "A__x", "A__y");
    }

    @Test
    void convertsAnExternalLevel3Version1ModelToTheIncludingVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("v1.xml"), HEAD.replace("level3/version2/core", "level3/version1/core")
                .replace("version=\"2\"", "version=\"1\"") + """
                <model id="v1">
                  <listOfCompartments><compartment id="C" size="1" constant="true"/></listOfCompartments>
                  <listOfSpecies><species id="s" compartment="C" initialAmount="1" hasOnlySubstanceUnits="true"
                    boundaryCondition="false" constant="false"/></listOfSpecies>
                  <listOfReactions><reaction id="J" reversible="false" fast="false">
                    <listOfProducts><speciesReference species="s" stoichiometry="1" constant="true"/></listOfProducts>
                    <kineticLaw>%s</kineticLaw>
                  </reaction></listOfReactions>
                </model></sbml>
                """.formatted(math("<cn>2</cn>")));
        ReactionNetwork n = read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="ext"/></comp:listOfSubmodels>
                </model>
                <comp:listOfExternalModelDefinitions>
                  <comp:externalModelDefinition comp:id="ext" comp:source="v1.xml"/>
                </comp:listOfExternalModelDefinitions>
                """);
        assertThat(n.reactions()).hasSize(1);
        assertThat(n.reactions().get(0).id()).isEqualTo("A__J");
        assertThat(n.reactions().get(0).fast()).isFalse();
    }

    @Test
    void refusesUrlsCyclesAndUnknownReferencesWithClearMessages(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="ext"/></comp:listOfSubmodels>
                </model>
                <comp:listOfExternalModelDefinitions>
                  <comp:externalModelDefinition comp:id="ext" comp:source="https://example.org/m.xml"/>
                </comp:listOfExternalModelDefinitions>
                """)).isInstanceOfSatisfying(SbmlException.class, e -> {
                    assertThat(e.unsupported()).isTrue();
                    assertThat(e.getMessage()).contains("external model definition 'ext'")
                            .contains("https://example.org/m.xml").contains("not a local file");
                });
        assertThatThrownBy(() -> read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="d1"/></comp:listOfSubmodels>
                </model>
                <comp:listOfModelDefinitions>
                  <comp:modelDefinition id="d1">
                    <comp:listOfSubmodels><comp:submodel comp:id="B" comp:modelRef="d2"/></comp:listOfSubmodels>
                  </comp:modelDefinition>
                  <comp:modelDefinition id="d2">
                    <comp:listOfSubmodels><comp:submodel comp:id="C" comp:modelRef="d1"/></comp:listOfSubmodels>
                  </comp:modelDefinition>
                </comp:listOfModelDefinitions>
                """)).isInstanceOf(SbmlException.class).hasMessageContaining("cycle (top → d1 → d2 → d1)");
        assertThatThrownBy(() -> read(dir, """
                <model id="top">
                  <comp:listOfSubmodels>
                    <comp:submodel comp:id="A" comp:modelRef="inner">
                      <comp:listOfDeletions><comp:deletion comp:portRef="nope"/></comp:listOfDeletions>
                    </comp:submodel>
                  </comp:listOfSubmodels>
                </model>
                """ + defs())).isInstanceOf(SbmlException.class)
                .hasMessageContaining("port 'nope', which submodel 'A' does not have");
        assertThatThrownBy(() -> read(dir, """
                <model id="top">
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="missing"/></comp:listOfSubmodels>
                </model>
                """)).isInstanceOf(SbmlException.class).hasMessageContaining("model 'missing', which is not defined");
        assertThatThrownBy(() -> read(dir, """
                <model id="top">
                  <listOfParameters><parameter id="A__k" value="1" constant="true"/></listOfParameters>
                  <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="inner"/></comp:listOfSubmodels>
                </model>
                """ + defs())).isInstanceOf(SbmlException.class)
                .hasMessageContaining("two elements the id 'A__k' (parameter and parameter)");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Map<String, String> rules(ReactionNetwork n) {
        return n.rules().stream().filter(r -> !(r instanceof Rule.Algebraic)).collect(Collectors.toMap(
                r -> r instanceof Rule.Assignment a ? a.variable() : ((Rule.Rate) r).variable(),
                r -> r instanceof Rule.Assignment a ? show(a.math()) : "rate: " + show(((Rule.Rate) r).math())));
    }

    /** Infix text of an expression, parenthesised only where needed for these tests. */
    static String show(Expr e) {
        if (e instanceof Expr.Num num) {
            double v = num.value();
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
        if (e instanceof Expr.Sym s) {
            return s.id();
        }
        if (e instanceof Expr.Time) {
            return "time";
        }
        if (e instanceof Expr.Call c) {
            return c.function() + "(" + c.args().stream().map(CompFlattenerTest::show).collect(Collectors.joining(","))
                    + ")";
        }
        if (e instanceof Expr.Apply a) {
            List<String> args = a.args().stream().map(CompFlattenerTest::show).toList();
            switch (a.op()) {
                case PLUS: return String.join("+", args);
                case TIMES: return String.join("*", args);
                case DIVIDE: return args.get(0) + "/" + args.get(1);
                case GT: return args.get(0) + ">" + args.get(1);
                default: return a.op().name().toLowerCase() + "(" + String.join(",", args) + ")";
            }
        }
        return e.toString();
    }
}
