package org.il2sim.io.sbml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.il2sim.core.expr.CompileContext;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.io.AtomicFiles;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.Trigger;

/**
 * Writes any {@link ReactionNetwork} as an SBML Level 3 Version 2 core document through JSBML, the inverse of
 * {@link SbmlImporter}: importing the written file gives back an equal network.
 *
 * <p>What is written: compartments (spatial dimensions, size, constant), species (initial amount or concentration,
 * hasOnlySubstanceUnits, boundaryCondition, constant, conversionFactor), parameters, the model's conversion factor,
 * function definitions as lambdas, reactions (reactants and products with stoichiometry, id and constant; modifiers,
 * including every species the kinetic law reads that the network does not list, as SBML requires; kinetic law;
 * reversible), rules, initial assignments and events (trigger with initialValue and persistent, delay,
 * priority, useValuesFromTriggerTime, assignments).
 *
 * <p>What is not: a network carries no unit definitions, so no element gets a {@code units} attribute. A
 * parameter's unit and source text (free text in il2sim) go into an annotation
 * {@code <il2sim:parameter xmlns:il2sim="https://il2sim.org/sbml/1" unit="..." source="..."/>}, which
 * {@link SbmlImporter} reads back. Fast reactions are refused: SBML Level 3 Version 2 removed the {@code fast}
 * attribute, so writing one would silently change the model.
 */
public final class SbmlExporter {

    /** Namespace of il2sim's own annotations. */
    public static final String NAMESPACE = "https://il2sim.org/sbml/1";

    private SbmlExporter() {
    }

    /** Writes the network to a file atomically (a failed export leaves no file behind). */
    public static void write(ReactionNetwork network, Path file) throws IOException {
        String xml = toXml(network);
        AtomicFiles.write(file, w -> w.write(xml));
    }

    /** The network as SBML Level 3 Version 2 text. */
    public static String toXml(ReactionNetwork network) {
        MathWriter math = new MathWriter(ids(network));
        SBMLDocument doc = toDocument(network, math);
        try {
            String xml;
            synchronized (JsbmlLock.LOCK) {
                xml = new SBMLWriter().writeSBMLToString(doc);
            }
            return math.fill(xml);
        } catch (XMLStreamException | org.sbml.jsbml.SBMLException e) {
            throw new SbmlException("model '" + network.id() + "': JSBML could not write the document ("
                    + e.getMessage() + ")", false);
        }
    }

    private static Set<String> ids(ReactionNetwork net) {
        Set<String> ids = new HashSet<>();
        net.compartments().forEach(c -> ids.add(c.id()));
        net.species().forEach(s -> ids.add(s.id()));
        net.parameters().forEach(p -> ids.add(p.id()));
        net.functions().forEach(f -> {
            ids.add(f.id());
            ids.addAll(f.arguments());
        });
        for (org.il2sim.core.network.Reaction r : net.reactions()) {
            ids.add(r.id());
            r.reactants().forEach(x -> ids.add(String.valueOf(x.id())));
            r.products().forEach(x -> ids.add(String.valueOf(x.id())));
        }
        net.events().forEach(e -> ids.add(String.valueOf(e.id())));
        return ids;
    }

    private static SBMLDocument toDocument(ReactionNetwork net, MathWriter math) {
        for (org.il2sim.core.network.Reaction r : net.reactions()) {
            if (r.fast()) {
                throw new SbmlException("reaction '" + r.id() + "' is fast: SBML Level 3 Version 2 has no fast "
                        + "reactions (the attribute was removed), so il2sim does not export models that use them",
                        true);
            }
        }
        SBMLDocument doc = new SBMLDocument(3, 2);
        Model m = doc.createModel(net.id());
        if (present(net.name()) && !net.name().equals(net.id())) {
            m.setName(net.name());
        }
        if (net.conversionFactor() != null) {
            m.setConversionFactor(net.conversionFactor());
        }
        for (CompileContext.FunctionDefinition f : net.functions()) {
            FunctionDefinition fd = m.createFunctionDefinition(f.id());
            fd.setMath(math.lambda(f.arguments(), f.body()));
        }
        for (org.il2sim.core.network.Compartment c : net.compartments()) {
            Compartment sc = m.createCompartment(c.id());
            name(c.name(), sc);
            // size first: JSBML refuses a size once the dimensions are 0, although SBML Level 3 allows one
            if (!Double.isNaN(c.size())) {
                sc.setSize(c.size());
            }
            if (!Double.isNaN(c.spatialDimensions())) {
                sc.setSpatialDimensions(c.spatialDimensions());
            }
            sc.setConstant(c.constant());
        }
        for (org.il2sim.core.network.Species s : net.species()) {
            Species ss = m.createSpecies(s.id());
            name(s.name(), ss);
            ss.setCompartment(s.compartment());
            if (!Double.isNaN(s.initialAmount())) {
                ss.setInitialAmount(s.initialAmount());
            } else if (!Double.isNaN(s.initialConcentration())) {
                ss.setInitialConcentration(s.initialConcentration());
            }
            ss.setHasOnlySubstanceUnits(s.hasOnlySubstanceUnits());
            ss.setBoundaryCondition(s.boundaryCondition());
            ss.setConstant(s.constant());
            if (s.conversionFactor() != null) {
                ss.setConversionFactor(s.conversionFactor());
            }
        }
        for (org.il2sim.core.network.Parameter p : net.parameters()) {
            Parameter sp = m.createParameter(p.id());
            name(p.name(), sp);
            if (!Double.isNaN(p.value())) {
                sp.setValue(p.value());
            }
            sp.setConstant(p.constant());
            annotate(p, sp);
        }
        for (org.il2sim.core.network.InitialAssignment a : net.initialAssignments()) {
            InitialAssignment ia = m.createInitialAssignment();
            ia.setVariable(a.symbol());
            ia.setMath(math.convert(a.math()));
        }
        for (Rule r : net.rules()) {
            rule(m, r, math);
        }
        for (org.il2sim.core.network.Reaction r : net.reactions()) {
            reaction(m, r, math, net.speciesById().keySet());
        }
        for (Event e : net.events()) {
            event(m, e, math);
        }
        return doc;
    }

    private static void rule(Model m, Rule r, MathWriter math) {
        if (r instanceof Rule.Assignment a) {
            AssignmentRule ar = m.createAssignmentRule();
            ar.setVariable(a.variable());
            ar.setMath(math.convert(a.math()));
        } else if (r instanceof Rule.Rate rr) {
            RateRule rate = m.createRateRule();
            rate.setVariable(rr.variable());
            rate.setMath(math.convert(rr.math()));
        } else if (r instanceof Rule.Algebraic al) {
            AlgebraicRule ar = m.createAlgebraicRule();
            ar.setMath(math.convert(al.math()));
        }
    }

    private static void reaction(Model m, org.il2sim.core.network.Reaction r, MathWriter math,
                                 Set<String> speciesIds) {
        Reaction sr = m.createReaction(r.id());
        name(r.name(), sr);
        sr.setReversible(r.reversible());
        for (org.il2sim.core.network.SpeciesReference ref : r.reactants()) {
            reference(sr.createReactant(), ref);
        }
        for (org.il2sim.core.network.SpeciesReference ref : r.products()) {
            reference(sr.createProduct(), ref);
        }
        Set<String> listed = new HashSet<>(r.modifiers());
        r.reactants().forEach(ref -> listed.add(ref.species()));
        r.products().forEach(ref -> listed.add(ref.species()));
        for (String mod : r.modifiers()) {
            sr.createModifier().setSpecies(mod);
        }
        // SBML rule 21121: every species the kinetic law reads must be a reactant, product or modifier; il2sim's
        // own builders do not list modifiers, so the ones the rate reads are declared here
        if (r.rate() != null) {
            for (String id : new java.util.TreeSet<>(org.il2sim.core.expr.Exprs.symbols(r.rate()))) {
                if (speciesIds.contains(id) && listed.add(id)) {
                    sr.createModifier().setSpecies(id);
                }
            }
        }
        if (r.rate() != null) {
            KineticLaw law = sr.createKineticLaw();
            law.setMath(math.convert(r.rate()));
        }
    }

    private static void reference(SpeciesReference sr, org.il2sim.core.network.SpeciesReference ref) {
        sr.setSpecies(ref.species());
        if (ref.id() != null) {
            sr.setId(ref.id());
        }
        if (!Double.isNaN(ref.stoichiometry())) {
            sr.setStoichiometry(ref.stoichiometry());
        }
        sr.setConstant(ref.constant());
    }

    private static void event(Model m, Event e, MathWriter math) {
        org.sbml.jsbml.Event se = e.id() == null ? m.createEvent() : m.createEvent(e.id());
        Trigger t = se.createTrigger(e.initialValue(), e.persistent());
        t.setMath(math.convertBoolean(e.trigger()));
        if (e.delay() != null) {
            se.createDelay(math.convert(e.delay()));
        }
        if (e.priority() != null) {
            se.createPriority(math.convert(e.priority()));
        }
        se.setUseValuesFromTriggerTime(e.useValuesFromTriggerTime());
        for (Event.Assignment a : e.assignments()) {
            EventAssignment ea = se.createEventAssignment();
            ea.setVariable(a.variable());
            ea.setMath(math.convert(a.math()));
        }
    }

    private static void annotate(org.il2sim.core.network.Parameter p, Parameter sp) {
        boolean unit = present(p.unit());
        boolean source = present(p.source());
        if (!unit && !source) {
            return;
        }
        StringBuilder xml = new StringBuilder("<il2sim:parameter xmlns:il2sim=\"").append(NAMESPACE).append('"');
        if (unit) {
            xml.append(" unit=\"").append(escape(p.unit())).append('"');
        }
        if (source) {
            xml.append(" source=\"").append(escape(p.source())).append('"');
        }
        xml.append("/>");
        try {
            sp.getAnnotation().appendNonRDFAnnotation(xml.toString());
        } catch (XMLStreamException e) {
            throw new SbmlException("parameter '" + p.id() + "': cannot write its unit and source as an annotation ("
                    + e.getMessage() + ")", false);
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void name(String name, org.sbml.jsbml.AbstractNamedSBase element) {
        if (present(name)) {
            element.setName(name);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
