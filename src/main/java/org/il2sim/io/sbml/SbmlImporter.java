package org.il2sim.io.sbml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.il2sim.core.expr.CompileContext;
import org.il2sim.core.expr.Expr;
import org.il2sim.core.network.Event;
import org.il2sim.core.network.InvalidNetworkException;
import org.il2sim.core.network.NetworkBuilder;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.network.Rule;
import org.il2sim.core.network.SpeciesReference;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.xml.XMLNode;

/**
 * Reads SBML Level 2 and 3 through JSBML and converts it at once to an il2sim {@link ReactionNetwork}. JSBML objects
 * never leave this class. Documents with a DOCTYPE are refused before parsing: SBML never needs one, and refusing it
 * rules out external entities and entity-expansion attacks.
 */
public final class SbmlImporter {

    /** Packages whose content il2sim can simulate (comp after flattening). */
    private static final List<String> SUPPORTED_PACKAGES = List.of("comp");

    /** JSBML reports through java.util.logging as well as log4j; il2sim reports problems itself. */
    private static final java.util.logging.Logger JSBML_LOG = java.util.logging.Logger.getLogger("org.sbml");

    static {
        JSBML_LOG.setLevel(java.util.logging.Level.OFF);
        // JSBML also logs through log4j, which log4j2.xml switches off entirely. Sending log4j to its API's simple
        // logger, switched off as well, says the same without starting log4j-core (some 650 classes with its JMX
        // support): about a third of a cold 'il2sim sbml simulate'. Set before JSBML first asks for a logger; a
        // factory chosen on the command line (-Dlog4j2.loggerContextFactory=...) is left alone.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
                System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
            }
        }
    }

    private SbmlImporter() {
    }

    public static ReactionNetwork read(Path file) {
        SBMLDocument doc = parse(file);
        return convert(doc, file, file.toString());
    }

    /**
     * Reads SBML held in memory (e.g. a model shipped inside the jar); {@code name} stands for the file in messages.
     * External model references (comp) resolve against the current folder.
     */
    public static ReactionNetwork read(byte[] bytes, String name) {
        return convert(parse(bytes, name), Path.of(name), name);
    }

    /** Parses a file into a JSBML document, with clear errors for missing files, DOCTYPEs and malformed XML. */
    static SBMLDocument parse(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SbmlException(name + ": file not found", false);
        } catch (IOException e) {
            throw new SbmlException(name + ": cannot read file (" + e.getMessage() + ")", false);
        }
        return parse(bytes, name);
    }

    /** Parses the bytes once read (a DOCTYPE is refused before JSBML sees them). */
    private static SBMLDocument parse(byte[] bytes, String name) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        int doctype = head.indexOf("<!DOCTYPE");
        if (doctype >= 0) {
            throw new SbmlException(name + ":" + lineOf(head, doctype) + ": a DOCTYPE declaration is not allowed in SBML"
                    + " (il2sim refuses DTDs and entities in untrusted input)", false);
        }
        if (head.isBlank()) {
            throw new SbmlException(name + ": empty file, expected an SBML document", false);
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            SBMLDocument doc;
            synchronized (JsbmlLock.LOCK) {
                doc = new SBMLReader().readSBMLFromStream(in);
            }
            if (doc == null || doc.getModel() == null) {
                throw new SbmlException(name + ": no <model> element found, expected an SBML document", false);
            }
            return doc;
        } catch (XMLStreamException e) {
            throw new SbmlException(name + location(e.getLocation()) + ": malformed XML: " + firstLine(e.getMessage()), false);
        } catch (IOException e) {
            throw new SbmlException(name + ": cannot read file (" + e.getMessage() + ")", false);
        } catch (SbmlException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof XMLStreamException x ? x : e;
            Location loc = cause instanceof XMLStreamException x ? x.getLocation() : null;
            throw new SbmlException(name + location(loc) + ": invalid SBML: " + firstLine(String.valueOf(cause.getMessage())),
                    false, e);
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String location(Location loc) {
        return loc == null || loc.getLineNumber() < 0 ? "" : ":" + loc.getLineNumber() + ":" + loc.getColumnNumber();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).trim();
    }

    static ReactionNetwork convert(SBMLDocument doc, String name) {
        return convert(doc, null, name);
    }

    /** Converts a document read from {@code file} (null if none; comp external model files are found beside it). */
    static ReactionNetwork convert(SBMLDocument doc, Path file, String name) {
        for (String ns : doc.getSBMLDocumentNamespaces().keySet()) {
            String prefix = ns.startsWith("xmlns:") ? ns.substring(6) : ns;
            if (!prefix.equals("xmlns") && doc.isPackageEnabled(prefix) && !SUPPORTED_PACKAGES.contains(prefix)) {
                throw new SbmlException(name + ": the SBML package '" + prefix + "' is not supported", true);
            }
        }
        if (doc.isPackageEnabled("comp")) {
            doc = CompFlattener.flatten(doc, file, name);
        }
        Model m = doc.getModel();
        int level = doc.getLevel();
        NetworkBuilder b = new NetworkBuilder(m.isSetId() ? m.getId() : "model").name(m.isSetName() ? m.getName() : m.getId());
        if (m.isSetConversionFactor()) {
            b.conversionFactor(m.getConversionFactor());
        }
        Map<String, Double> dims = new HashMap<>();
        for (Compartment c : m.getListOfCompartments()) {
            double d = c.isSetSpatialDimensions() ? c.getSpatialDimensions() : (level < 3 ? 3 : Double.NaN);
            dims.put(c.getId(), d);
            double size = c.isSetSize() ? c.getSize() : (level < 3 && d != 0 ? 1.0 : Double.NaN);
            b.add(new org.il2sim.core.network.Compartment(c.getId(), c.getName(), d, size, c.getConstant()));
        }
        for (Species s : m.getListOfSpecies()) {
            boolean zeroDim = dims.getOrDefault(s.getCompartment(), 3.0) == 0;
            b.add(new org.il2sim.core.network.Species(s.getId(), s.getName(), s.getCompartment(),
                    s.isSetInitialAmount() ? s.getInitialAmount() : Double.NaN,
                    s.isSetInitialConcentration() ? s.getInitialConcentration() : Double.NaN,
                    s.getHasOnlySubstanceUnits() || zeroDim, s.getBoundaryCondition(), s.getConstant(),
                    s.isSetConversionFactor() ? s.getConversionFactor() : null));
        }
        for (Parameter p : m.getListOfParameters()) {
            String[] unitAndSource = il2simAnnotation(p);
            String notes = notesText(p);
            String unit = p.isSetUnits() ? p.getUnits()
                    : !unitAndSource[0].isEmpty() ? unitAndSource[0] : field(notes, "Unit");
            String source = !unitAndSource[1].isEmpty() ? unitAndSource[1]
                    : !field(notes, "Source").isEmpty() ? field(notes, "Source") : notes;
            b.add(new org.il2sim.core.network.Parameter(p.getId(), p.getName(), p.isSetValue() ? p.getValue() : Double.NaN,
                    p.getConstant(), unit, source));
        }
        List<Rule> extraRules = new ArrayList<>();
        for (Reaction r : m.getListOfReactions()) {
            b.add(reaction(r, level, extraRules, name));
        }
        for (FunctionDefinition f : m.getListOfFunctionDefinitions()) {
            List<String> args = new ArrayList<>();
            for (int i = 0; i < f.getArgumentCount(); i++) {
                args.add(f.getArgument(i).getName());
            }
            ASTNode body = f.isSetMath() ? f.getBody() : null;
            if (body == null) {
                continue; // L3V2 allows a definition without math; it has no effect (calls of it fail as unknown)
            }
            b.add(new CompileContext.FunctionDefinition(f.getId(), args,
                    new MathConverter(Map.of(), "function definition '" + f.getId() + "'").convert(body)));
        }
        for (org.sbml.jsbml.Rule r : m.getListOfRules()) {
            if (!r.isSetMath()) {
                continue; // L3V2: a rule without math has no effect
            }
            if (r instanceof AssignmentRule a) {
                b.add(new Rule.Assignment(a.getVariable(), math(a.getMath(), "assignment rule for '" + a.getVariable() + "'")));
            } else if (r instanceof RateRule rr) {
                b.add(new Rule.Rate(rr.getVariable(), math(rr.getMath(), "rate rule for '" + rr.getVariable() + "'")));
            } else if (r instanceof AlgebraicRule ar) {
                b.add(new Rule.Algebraic(math(ar.getMath(), "algebraic rule")));
            }
        }
        extraRules.forEach(b::add);
        for (InitialAssignment a : m.getListOfInitialAssignments()) {
            if (!a.isSetMath()) {
                continue; // L3V2: an initial assignment without math has no effect
            }
            b.add(new org.il2sim.core.network.InitialAssignment(a.getVariable(),
                    math(a.getMath(), "initial assignment to '" + a.getVariable() + "'")));
        }
        for (org.sbml.jsbml.Event e : m.getListOfEvents()) {
            if (e.isSetTrigger() && e.getTrigger().isSetMath()) {
                b.add(event(e, level, name)); // L3V2: an event without trigger math never fires
            }
        }
        try {
            return b.build();
        } catch (InvalidNetworkException e) {
            throw new SbmlException(name + ": " + e.getMessage(), false, e.diagnostics());
        }
    }

    /** The plain text of an element's notes (tags stripped), or "". */
    private static String notesText(org.sbml.jsbml.SBase s) {
        if (!s.isSetNotes()) {
            return "";
        }
        try {
            return s.getNotesString().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        } catch (XMLStreamException | RuntimeException e) {
            return "";
        }
    }

    /** "Unit: X." / "Source: Y." fields as il2sim writes them in parameter notes; "" when absent. */
    static String field(String notes, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + ":\\s*(.*?)(?:\\.\\s+[A-Z][a-z]+:|\\.?$)")
                .matcher(notes);
        return m.find() ? m.group(1).trim() : "";
    }

    /**
     * The unit and source text that {@link SbmlExporter} writes into a parameter's annotation
     * ({@code <il2sim:parameter unit="..." source="..."/>}); empty strings when absent.
     */
    private static String[] il2simAnnotation(Parameter p) {
        String[] out = {"", ""};
        if (!p.isSetAnnotation() || !p.getAnnotation().isSetNonRDFannotation()) {
            return out;
        }
        XMLNode root = p.getAnnotation().getNonRDFannotation();
        for (int i = 0; i < root.getChildCount(); i++) {
            XMLNode child = root.getChildAt(i);
            if (child.isElement() && "parameter".equals(child.getName())
                    && SbmlExporter.NAMESPACE.equals(child.getURI())) {
                String unit = child.getAttrValue("unit");
                String source = child.getAttrValue("source");
                out[0] = unit == null ? "" : unit;
                out[1] = source == null ? "" : source;
            }
        }
        return out;
    }

    private static Expr math(ASTNode n, String where) {
        return new MathConverter(Map.of(), where).convert(n);
    }

    private static org.il2sim.core.network.Reaction reaction(Reaction r, int level, List<Rule> extraRules, String file) {
        String where = "reaction '" + r.getId() + "'";
        Map<String, Double> locals = new HashMap<>();
        Expr rate = null;
        if (r.isSetKineticLaw()) {
            KineticLaw law = r.getKineticLaw();
            for (LocalParameter p : law.getListOfLocalParameters()) {
                locals.put(p.getId(), p.isSetValue() ? p.getValue() : Double.NaN);
            }
            if (law.isSetMath()) {
                rate = new MathConverter(locals, where).convert(law.getMath());
            }
        }
        List<SpeciesReference> reactants = new ArrayList<>();
        List<SpeciesReference> products = new ArrayList<>();
        int k = 0;
        for (org.sbml.jsbml.SpeciesReference s : r.getListOfReactants()) {
            reactants.add(reference(s, r, level, k++, extraRules));
        }
        for (org.sbml.jsbml.SpeciesReference s : r.getListOfProducts()) {
            products.add(reference(s, r, level, k++, extraRules));
        }
        List<String> modifiers = new ArrayList<>();
        for (ModifierSpeciesReference s : r.getListOfModifiers()) {
            modifiers.add(s.getSpecies());
        }
        boolean fast = r.isSetFast() && r.getFast();
        return new org.il2sim.core.network.Reaction(r.getId(), r.getName(), reactants, products, modifiers,
                rate, r.getReversible(), fast);
    }

    private static SpeciesReference reference(org.sbml.jsbml.SpeciesReference s, Reaction r, int level, int index,
                                              List<Rule> extraRules) {
        String id = s.isSetId() ? s.getId() : null;
        if (s.isSetStoichiometryMath()) {
            // Level 2 stoichiometryMath becomes an assignment rule on a generated species-reference id.
            if (id == null) {
                id = "_stoich_" + r.getId() + "_" + index;
            }
            extraRules.add(new Rule.Assignment(id, math(s.getStoichiometryMath().getMath(),
                    "stoichiometryMath in reaction '" + r.getId() + "'")));
            return new SpeciesReference(s.getSpecies(), Double.NaN, id, false);
        }
        double stoich = level < 3 || s.isSetStoichiometry() ? s.getStoichiometry() : Double.NaN;
        boolean constant = level < 3 || s.getConstant();
        return new SpeciesReference(s.getSpecies(), stoich, id, constant);
    }

    private static Event event(org.sbml.jsbml.Event e, int level, String file) {
        String where = "event '" + (e.isSetId() ? e.getId() : "") + "'";
        if (!e.isSetTrigger() || !e.getTrigger().isSetMath()) {
            throw new SbmlException(file + ": " + where + " has no trigger", false);
        }
        org.sbml.jsbml.Trigger t = e.getTrigger();
        boolean initialValue = level < 3 || t.getInitialValue();
        boolean persistent = level < 3 || t.getPersistent();
        Expr delay = e.isSetDelay() && e.getDelay().isSetMath() ? math(e.getDelay().getMath(), where + " delay") : null;
        Expr priority = e.isSetPriority() && e.getPriority().isSetMath()
                ? math(e.getPriority().getMath(), where + " priority") : null;
        boolean fromTrigger = !e.isSetUseValuesFromTriggerTime() || e.getUseValuesFromTriggerTime();
        List<Event.Assignment> assignments = new ArrayList<>();
        for (org.sbml.jsbml.EventAssignment a : e.getListOfEventAssignments()) {
            if (a.isSetMath()) {
                assignments.add(new Event.Assignment(a.getVariable(), math(a.getMath(), where + " assignment to '"
                        + a.getVariable() + "'")));
            }
        }
        return new Event(e.isSetId() ? e.getId() : null, math(t.getMath(), where + " trigger"), initialValue, persistent,
                delay, priority, fromTrigger, assignments);
    }
}
