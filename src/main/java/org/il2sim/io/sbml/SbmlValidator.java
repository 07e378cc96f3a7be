package org.il2sim.io.sbml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.il2sim.core.network.Diagnostic;
import org.il2sim.core.network.ReactionNetwork;
import org.il2sim.core.sim.CompiledModel;
import org.il2sim.core.sim.ModelException;
import org.sbml.jsbml.NamedSBase;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLError;
import org.sbml.jsbml.SBase;

/**
 * Checks an SBML file two ways and reports every problem found: JSBML's offline consistency check
 * ({@link SBMLDocument#checkConsistencyOffline()}, which runs JSBML's own validator in-process and never contacts the
 * online SBML validator), then il2sim's conversion to a network and its compilation (unknown symbols, duplicate ids,
 * rules that form a cycle, constructs il2sim does not support).
 *
 * <p>Problems carry a line and column where one can be found: JSBML's own when it gives one, otherwise the start of
 * the element whose id the problem names; 0 when unknown.
 */
public final class SbmlValidator {

    /**
     * JSBML's offline validator keeps shared state: two checks at once in one process gave spurious errors (rule 10305
     * on a valid model in a two-thread run over the SBML Test Suite), so checks run one at a time.
     */
    private static final Object JSBML_LOCK = new Object();

    private static final Pattern QUOTED_ID = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)'");

    private SbmlValidator() {
    }

    /**
     * Validates a file.
     *
     * @return every problem, JSBML's first, then il2sim's; empty when the file is clean
     * @throws SbmlException when the file cannot be read or is not well-formed SBML (no model to check)
     */
    public static List<Diagnostic> validate(Path file) {
        String name = file.toString();
        SBMLDocument doc = SbmlImporter.parse(file);
        Map<String, int[]> locations = locations(file);
        List<Diagnostic> out = new ArrayList<>();
        jsbmlCheck(doc, locations, out);
        il2simCheck(doc, name, locations, out);
        return out;
    }

    private static void jsbmlCheck(SBMLDocument doc, Map<String, int[]> locations, List<Diagnostic> out) {
        try {
            synchronized (JSBML_LOCK) {
                doc.checkConsistencyOffline();
            }
        } catch (RuntimeException | StackOverflowError e) {
            out.add(new Diagnostic(Diagnostic.Severity.ERROR, "", "JSBML's consistency check failed: " + e, 0, 0));
            return;
        }
        for (int i = 0; i < doc.getErrorCount(); i++) {
            SBMLError e = doc.getError(i);
            Diagnostic.Severity severity = e.isFatal() || e.isError() ? Diagnostic.Severity.ERROR
                    : Diagnostic.Severity.WARNING;
            String element = element(e.getSource());
            int line = e.getLine();
            int column = e.getColumn();
            if (line <= 0) {
                int[] at = locate(e.getSource(), locations);
                line = at[0];
                column = at[1];
            }
            String message = oneLine(e.getMessage());
            out.add(new Diagnostic(severity, element, "SBML rule " + e.getCode() + ": " + message, Math.max(line, 0),
                    Math.max(column, 0)));
        }
    }

    private static void il2simCheck(SBMLDocument doc, String name, Map<String, int[]> locations,
                                    List<Diagnostic> out) {
        try {
            ReactionNetwork network = SbmlImporter.convert(doc, name);
            CompiledModel.compile(network);
        } catch (SbmlException e) {
            if (e.diagnostics().isEmpty()) {
                out.add(located(Diagnostic.Severity.ERROR, "", strip(e.getMessage(), name), locations));
            } else {
                for (Diagnostic d : e.diagnostics()) {
                    out.add(located(d.severity(), d.element(), d.message(), locations));
                }
            }
        } catch (ModelException e) {
            out.add(located(Diagnostic.Severity.ERROR, "", e.getMessage(), locations));
        } catch (RuntimeException | StackOverflowError e) {
            out.add(located(Diagnostic.Severity.ERROR, "", "cannot convert the model: " + e, locations));
        }
    }

    /** An il2sim diagnostic, placed at the first element whose id it quotes. */
    private static Diagnostic located(Diagnostic.Severity severity, String element, String message,
                                      Map<String, int[]> locations) {
        int[] at = {0, 0};
        Matcher m = QUOTED_ID.matcher((element == null ? "" : element) + " " + message);
        while (m.find()) {
            int[] found = locations.get(m.group(1));
            if (found != null) {
                at = found;
                break;
            }
        }
        return new Diagnostic(severity, element == null ? "" : element, oneLine(message), at[0], at[1]);
    }

    private static String strip(String message, String name) {
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    private static String element(SBase source) {
        if (source == null) {
            return "";
        }
        String kind = source.getElementName();
        if (source instanceof NamedSBase n && n.isSetId()) {
            return kind + " '" + n.getId() + "'";
        }
        return kind == null ? "" : kind;
    }

    /** The location of the element itself or of its nearest ancestor with an id. */
    private static int[] locate(SBase source, Map<String, int[]> locations) {
        javax.swing.tree.TreeNode node = source;
        while (node != null) {
            if (node instanceof NamedSBase n && n.isSetId()) {
                int[] exact = locations.get(n.getElementName() + " " + n.getId());
                if (exact != null) {
                    return exact;
                }
                if (locations.containsKey(n.getId())) {
                    return locations.get(n.getId());
                }
            }
            if (node instanceof SBase s && s.isSetMetaId() && locations.containsKey(s.getMetaId())) {
                return locations.get(s.getMetaId());
            }
            node = node.getParent();
        }
        return new int[] {0, 0};
    }

    /**
     * Where each element with an id (or metaid) starts, keyed by the id (first element with it) and by
     * "elementName id" (local parameters may share a global id), found by scanning the file with StAX. DTDs were
     * refused before parsing; entity support is switched off here as well.
     */
    private static Map<String, int[]> locations(Path file) {
        Map<String, int[]> out = new HashMap<>();
        try {
            byte[] bytes = Files.readAllBytes(file);
            XMLInputFactory f = XMLInputFactory.newInstance();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        int[] at = {r.getLocation().getLineNumber(), r.getLocation().getColumnNumber()};
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String attr = r.getAttributeLocalName(i);
                            if (attr.equals("id") || attr.equals("metaid")) {
                                out.putIfAbsent(r.getAttributeValue(i), at);
                                out.putIfAbsent(r.getLocalName() + " " + r.getAttributeValue(i), at);
                            }
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // locations are a convenience: problems are still reported, at line 0
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
