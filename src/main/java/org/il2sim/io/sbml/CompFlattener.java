package org.il2sim.io.sbml;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Assignment;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Delay;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;
import org.sbml.jsbml.ext.comp.CompModelPlugin;
import org.sbml.jsbml.ext.comp.CompSBMLDocumentPlugin;
import org.sbml.jsbml.ext.comp.CompSBasePlugin;
import org.sbml.jsbml.ext.comp.Deletion;
import org.sbml.jsbml.ext.comp.ExternalModelDefinition;
import org.sbml.jsbml.ext.comp.ModelDefinition;
import org.sbml.jsbml.ext.comp.Port;
import org.sbml.jsbml.ext.comp.ReplacedBy;
import org.sbml.jsbml.ext.comp.ReplacedElement;
import org.sbml.jsbml.ext.comp.SBaseRef;
import org.sbml.jsbml.ext.comp.Submodel;

/**
 * Flattens a hierarchical model (SBML Level 3 Hierarchical Model Composition, "comp", Version 1 Release 3) into a
 * plain core model, following the specification's flattening semantics:
 * <ul>
 * <li>every submodel is instantiated recursively from its ModelDefinition or ExternalModelDefinition (external
 * files are read relative to the including file; only local files, never URLs; cycles are refused);</li>
 * <li>the ids of an instantiated submodel get the prefix {@code submodelId__} (as libSBML does, so ids such as
 * {@code A__B__x} name the same quantity in both tools) and every reference in attributes and math is rewritten;</li>
 * <li>Deletions remove the element (a deleted submodel removes all of its content); ReplacedElement removes the
 * submodel element and points its references at the replacement; ReplacedBy removes the parent element and gives its
 * id to the submodel element; Ports and SBaseRef chains into nested submodels are followed;</li>
 * <li>a ReplacedElement's conversionFactor turns references to the replaced element into
 * {@code replacement / factor} and multiplies assignments to it (rules, initial and event assignments) by the
 * factor (reactions are not rescaled: they change extent, which only the extentConversionFactor converts, as the
 * SBML Test Suite expects in case 01778); a submodel's timeConversionFactor divides time, rate rules and kinetic
 * laws and multiplies delays and delay() arguments, and its extentConversionFactor multiplies kinetic laws
 * (references to a converted reaction in the submodel's math are converted back).</li>
 * </ul>
 * Design: the result is a new JSBML document without comp content, which {@link SbmlImporter} then converts like any
 * other model. Producing JSBML rather than il2sim network parts keeps a single conversion path (level defaults,
 * local parameters, the many checks of SbmlImporter and NetworkBuilder) and lets the flattener do only what
 * flattening is: copying elements, rewriting ids and math, and removing what is deleted or replaced. Elements are
 * copied one by one as detached clones, renamed before they are added to the output model, so JSBML's id registry
 * only ever sees final ids. Unit definitions of submodels are not copied (il2sim does not simulate units).
 * Anything the flattener cannot express exactly is refused with {@code SbmlException(unsupported=true)}.
 */
final class CompFlattener {

    /** The comp package's short label, under which JSBML registers its plugins. */
    private static final String COMP = "comp";

    /** Guard against exponential instantiation (a model that instantiates the previous one twice, many times). */
    private static final int MAX_ELEMENTS = 200_000;
    private static final int MAX_DEPTH = 64;

    private final String name;
    /** The Level 3 version of the including document; external documents of another version are converted to it. */
    private final int version;
    private final Map<Path, SBMLDocument> externals = new HashMap<>();
    /** Replaced or deleted objects → what now stands for them (ReplacedBy/ReplacedElement); deleted → DELETED. */
    private final Map<Object, Object> redirect = new IdentityHashMap<>();
    private final Set<Object> removed = Collections.newSetFromMap(new IdentityHashMap<>());
    private static final Object DELETED = new Object();
    private int elements;

    private CompFlattener(String name, int version) {
        this.name = name;
        this.version = version;
    }

    /**
     * Flattens {@code doc}; {@code file} is where it came from (external model definitions are resolved against it;
     * may be null, in which case only relative references are refused).
     */
    static SBMLDocument flatten(SBMLDocument doc, Path file, String name) {
        CompFlattener f = new CompFlattener(name, doc.getVersion());
        try {
            Instance top = f.instantiate(doc.getModel(), new Source(doc, file), null, new ArrayDeque<>());
            return f.assemble(doc, top);
        } catch (SbmlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SbmlException(name + ": the comp model could not be flattened (" + e + ")", true);
        }
    }

    /** A document and the file it was read from (null for documents not read from a file). */
    private record Source(SBMLDocument doc, Path file) {
        String key() {
            return file == null ? "<document@" + System.identityHashCode(doc) + ">"
                    : file.toAbsolutePath().normalize().toString();
        }
    }

    /** A substitution for an id: the new id and, for conversion factors, the factor's id (else null). */
    private record Sub(String id, String factor) {
    }

    /** An element of a model definition that carries replacements (read from the original, applied to the clone). */
    private record Replacing(CompSBasePlugin plugin, SBase copy) {
    }

    /** One instantiated model: its flattened content and how its own ids, metaids, ports and submodels resolve. */
    private static final class Instance {
        final String label;
        final Model def;
        final List<SBase> content = new ArrayList<>();
        final Map<String, Object> ids = new HashMap<>();
        final Map<String, Object> metaIds = new HashMap<>();
        final Map<String, Object> units = new HashMap<>();
        final Map<String, Instance> submodels = new LinkedHashMap<>();
        final Map<String, Port> ports = new HashMap<>();

        Instance(String label, Model def) {
            this.label = label;
            this.def = def;
        }
    }

    // ---------------------------------------------------------------------------------------------- instantiation

    /** Instantiates {@code def}; {@code label} is the submodel path ("A/B"), null for the top model. */
    private Instance instantiate(Model def, Source src, String label, Deque<String> stack) {
        String key = src.key() + "#" + def.getId();
        if (stack.contains(key)) {
            List<String> cycle = new ArrayList<>();
            for (var it = stack.descendingIterator(); it.hasNext(); ) {
                cycle.add(it.next().replaceFirst(".*#", ""));
            }
            cycle.add(def.getId());
            throw new SbmlException(name + ": submodels form a cycle (" + String.join(" → ", cycle) + ")", false);
        }
        if (stack.size() > MAX_DEPTH) {
            throw new SbmlException(name + ": submodels nested deeper than " + MAX_DEPTH + " levels", true);
        }
        stack.push(key);
        Instance inst = new Instance(label, def);
        List<Replacing> replacing = new ArrayList<>();
        copyOwn(def, inst, replacing, label == null);
        CompModelPlugin mp = (CompModelPlugin) def.getExtension(COMP);
        if (mp != null) {
            for (Port p : mp.getListOfPorts()) {
                inst.ports.put(p.getId(), p);
            }
            for (Submodel sm : mp.getListOfSubmodels()) {
                CompSBasePlugin sp = (CompSBasePlugin) sm.getExtension(COMP);
                if (sp != null && (sp.getReplacedElementCount() > 0 || sp.isSetReplacedBy())) {
                    throw new SbmlException(name + ": submodel '" + sm.getId() + "'" + in(inst)
                            + " replaces or is replaced by another element, which is not supported", true);
                }
                instantiateSubmodel(inst, sm, src, replacing, stack);
            }
        }
        // ReplacedElement/ReplacedBy naming a submodel that does not exist
        for (Replacing r : replacing) {
            for (ReplacedElement re : r.plugin.getListOfReplacedElements()) {
                requireSubmodel(inst, re.getSubmodelRef(), r.copy);
            }
            if (r.plugin.isSetReplacedBy()) {
                requireSubmodel(inst, r.plugin.getReplacedBy().getSubmodelRef(), r.copy);
            }
        }
        inst.content.removeIf(removed::contains);
        stack.pop();
        return inst;
    }

    private void requireSubmodel(Instance inst, String ref, SBase owner) {
        if (ref == null || !inst.submodels.containsKey(ref)) {
            throw new SbmlException(name + ": " + describe(owner) + in(inst) + " refers to submodel '" + ref
                    + "', which does not exist", false);
        }
    }

    /** Clones the model's own elements into the instance and records ids, metaids and replacements. */
    private void copyOwn(Model def, Instance inst, List<Replacing> replacing, boolean top) {
        List<SBase> originals = new ArrayList<>();
        originals.addAll(def.getListOfFunctionDefinitions());
        originals.addAll(def.getListOfUnitDefinitions());
        originals.addAll(def.getListOfCompartments());
        originals.addAll(def.getListOfSpecies());
        originals.addAll(def.getListOfParameters());
        originals.addAll(def.getListOfInitialAssignments());
        originals.addAll(def.getListOfRules());
        originals.addAll(def.getListOfConstraints());
        originals.addAll(def.getListOfReactions());
        originals.addAll(def.getListOfEvents());
        for (SBase orig : originals) {
            SBase clone = orig.clone();
            pair(orig, clone, inst, replacing);
            if (clone instanceof UnitDefinition) {
                if (!top) {
                    continue; // units are not simulated; submodel unit definitions are only reference targets
                }
            }
            if (clone instanceof Species s && !s.isSetConversionFactor() && def.isSetConversionFactor()) {
                // A model's conversionFactor applies to its own species only, not to those of its submodels: it is
                // pushed down to each species (at every level, the top included) and not set on the flat model.
                s.setConversionFactor(def.getConversionFactor());
            }
            inst.content.add(clone);
            count(1);
        }
    }

    private void count(int n) {
        elements += n;
        if (elements > MAX_ELEMENTS) {
            throw new SbmlException(name + ": flattening the submodels would create more than " + MAX_ELEMENTS
                    + " elements", true);
        }
    }

    /** Walks an original element and its clone in parallel, registering the clone's ids and metaids. */
    private void pair(SBase orig, SBase clone, Instance inst, List<Replacing> replacing) {
        CompSBasePlugin plugin = (CompSBasePlugin) orig.getExtension(COMP);
        if (plugin != null && (plugin.isSetListOfReplacedElements() && plugin.getReplacedElementCount() > 0
                || plugin.isSetReplacedBy())) {
            replacing.add(new Replacing(plugin, clone));
        }
        if (orig.isSetMetaId()) {
            inst.metaIds.put(orig.getMetaId(), clone);
        }
        if (orig.isSetId()) {
            if (orig instanceof UnitDefinition) {
                inst.units.put(orig.getId(), clone);
            } else if (!(orig instanceof LocalParameter) && !(orig instanceof Unit)) {
                inst.ids.put(orig.getId(), clone);
            }
        }
        List<SBase> a = children(orig);
        List<SBase> b = children(clone);
        if (a.size() != b.size()) {
            throw new SbmlException(name + ": internal error copying " + describe(orig), false);
        }
        for (int i = 0; i < a.size(); i++) {
            pair(a.get(i), b.get(i), inst, replacing);
        }
        if (clone.getExtension(COMP) != null) {
            clone.unsetExtension(COMP);
        }
    }

    /** The core SBase children of a node (comp package children such as replacement lists are left out). */
    private static List<SBase> children(SBase node) {
        List<SBase> out = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            Object c = node.getChildAt(i);
            if (c instanceof SBase s && !COMP.equals(s.getPackageName())) {
                out.add(s);
            }
        }
        return out;
    }

    private void instantiateSubmodel(Instance inst, Submodel sm, Source src, List<Replacing> replacing,
                                     Deque<String> stack) {
        String smId = sm.getId();
        String label = inst.label == null ? smId : inst.label + "/" + smId;
        if (!sm.isSetModelRef()) {
            throw new SbmlException(name + ": submodel '" + label + "' has no modelRef", false);
        }
        Resolved target = resolveModel(src, sm.getModelRef(), "submodel '" + label + "'", 0);
        Instance child = instantiate(target.model, target.source, label, stack);
        inst.submodels.put(smId, child);

        // 1. deletions (first: a deleted local parameter no longer shadows a global one when ids are prefixed)
        for (Deletion d : sm.getListOfDeletions()) {
            Object t = resolve(child, d, "deletion" + (d.isSetId() ? " '" + d.getId() + "'" : "") + " in submodel '"
                    + label + "'");
            delete(t);
        }

        // 2. prefix every id of the child
        Map<String, Sub> prefix = new HashMap<>();
        for (SBase e : child.content) {
            if (!removed.contains(e)) {
                collectIds(e, prefix, smId + "__");
            }
        }
        rename(child.content, prefix);

        // 3. replacements of child elements (ReplacedElement) and of own elements by child elements (ReplacedBy)
        Map<String, Sub> subs = new HashMap<>();
        for (Replacing r : replacing) {
            SBase e = r.copy;
            for (ReplacedElement re : r.plugin.getListOfReplacedElements()) {
                if (!smId.equals(re.getSubmodelRef())) {
                    continue;
                }
                if (re.isSetDeletion()) {
                    continue; // replaces a Deletion: the deleted element is gone already, nothing to do
                }
                String what = "replacedElement of " + describe(e) + in(inst);
                Object t = resolve(child, re, what);
                if (t == DELETED || t instanceof UnitDefinition) {
                    continue; // already deleted, or units (not simulated)
                }
                if (t instanceof Instance) {
                    throw new SbmlException(name + ": " + what + " replaces a whole submodel, which is not supported",
                            true);
                }
                SBase replaced = (SBase) t;
                if (replaced == e) {
                    continue;
                }
                String factor = re.isSetConversionFactor() ? re.getConversionFactor() : null;
                if (replaced.isSetId()) {
                    if (!e.isSetId()) {
                        throw new SbmlException(name + ": " + what + " replaces " + describe(replaced)
                                + " but has no id of its own", false);
                    }
                    Sub old = subs.put(replaced.getId(), new Sub(e.getId(), factor));
                    if (old != null && !old.equals(subs.get(replaced.getId()))) {
                        throw new SbmlException(name + ": " + describe(replaced) + " in submodel '" + label
                                + "' is replaced twice", false);
                    }
                } else if (factor != null) {
                    throw new SbmlException(name + ": " + what + ": a conversion factor on " + describe(replaced)
                            + " (which has no id) is not supported", true);
                }
                remove(replaced);
                redirect.put(replaced, e);
            }
            if (r.plugin.isSetReplacedBy() && smId.equals(r.plugin.getReplacedBy().getSubmodelRef())) {
                ReplacedBy rb = r.plugin.getReplacedBy();
                String what = "replacedBy of " + describe(e) + in(inst);
                Object t = resolve(child, rb, what);
                if (t == DELETED) {
                    throw new SbmlException(name + ": " + what + " names a deleted element", false);
                }
                if (t instanceof Instance) {
                    throw new SbmlException(name + ": " + what + " names a whole submodel, which is not supported",
                            true);
                }
                if (t instanceof UnitDefinition || e instanceof UnitDefinition) {
                    continue; // units are not simulated: the own unit definition stays
                }
                SBase replacement = (SBase) t;
                if (e.isSetId()) {
                    if (!replacement.isSetId()) {
                        throw new SbmlException(name + ": " + what + " names " + describe(replacement)
                                + ", which has no id to take over '" + e.getId() + "'", false);
                    }
                    subs.put(replacement.getId(), new Sub(e.getId(), null));
                    inst.ids.replaceAll((k, v) -> v == e ? replacement : v);
                }
                inst.metaIds.replaceAll((k, v) -> v == e ? replacement : v);
                remove(e);
                redirect.put(e, replacement);
            }
        }
        rename(child.content, subs);

        // 4. time and extent conversion of the child's math
        String tcf = sm.isSetTimeConversionFactor() ? sm.getTimeConversionFactor() : null;
        String xcf = sm.isSetExtentConversionFactor() ? sm.getExtentConversionFactor() : null;
        if (tcf != null || xcf != null) {
            convert(child, tcf, xcf, label);
        }
        for (SBase e : child.content) {
            if (!removed.contains(e)) {
                inst.content.add(e);
            }
        }
    }

    private static String in(Instance inst) {
        return inst.label == null ? "" : " in submodel '" + inst.label + "'";
    }

    private static String describe(SBase e) {
        String kind = e.getElementName();
        if (e.isSetId()) {
            return kind + " '" + e.getId() + "'";
        }
        if (e instanceof Assignment a && a.isSetVariable()) {
            return kind + " for '" + a.getVariable() + "'";
        }
        if (e.isSetMetaId()) {
            return kind + " (metaid '" + e.getMetaId() + "')";
        }
        return kind;
    }

    // ------------------------------------------------------------------------------------------- model references

    private record Resolved(Model model, Source source) {
    }

    private Resolved resolveModel(Source src, String ref, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw new SbmlException(name + ": " + what + ": external model definitions refer to each other in a cycle",
                    false);
        }
        CompSBMLDocumentPlugin dp = (CompSBMLDocumentPlugin) src.doc().getExtension(COMP);
        if (dp != null) {
            for (ModelDefinition md : dp.getListOfModelDefinitions()) {
                if (ref.equals(md.getId())) {
                    return new Resolved(md, src);
                }
            }
            for (ExternalModelDefinition emd : dp.getListOfExternalModelDefinitions()) {
                if (ref.equals(emd.getId())) {
                    Source ext = external(src, emd, what);
                    if (emd.isSetModelRef()) {
                        return resolveModel(ext, emd.getModelRef(), what, depth + 1);
                    }
                    return new Resolved(ext.doc().getModel(), ext);
                }
            }
        }
        Model main = src.doc().getModel();
        if (main != null && ref.equals(main.getId())) {
            return new Resolved(main, src);
        }
        throw new SbmlException(name + ": " + what + " refers to model '" + ref + "', which is not defined"
                + (src.file() != null ? " in " + src.file() : ""), false);
    }

    private Source external(Source src, ExternalModelDefinition emd, String what) {
        String source = emd.getSource();
        String ctx = what + ": external model definition '" + emd.getId() + "'";
        if (source == null || source.isBlank()) {
            throw new SbmlException(name + ": " + ctx + " has no source", false);
        }
        Path path;
        URI uri = null;
        try {
            uri = new URI(source);
        } catch (URISyntaxException e) {
            // not a URI: a plain relative or absolute file name
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme != null && scheme.length() > 1) {
            if (!scheme.equalsIgnoreCase("file")) {
                throw new SbmlException(name + ": " + ctx + " has source '" + source + "', which is not a local file"
                        + " (il2sim never downloads models; save it next to the model and refer to it by file name)",
                        true);
            }
            try {
                path = uri.isOpaque() ? relative(src, uri.getSchemeSpecificPart(), ctx, source) : Path.of(uri);
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new SbmlException(name + ": " + ctx + " has source '" + source + "', which is not a usable file"
                        + " URI (" + e.getMessage() + ")", false);
            }
        } else {
            path = relative(src, uri != null && uri.getPath() != null && scheme == null ? uri.getPath() : source, ctx,
                    source);
        }
        Path norm = path.toAbsolutePath().normalize();
        SBMLDocument doc = externals.get(norm);
        if (doc == null) {
            try {
                doc = SbmlImporter.parse(norm);
            } catch (SbmlException e) {
                throw new SbmlException(name + ": " + ctx + ": " + e.getMessage(), e.unsupported());
            }
            checkPackages(doc, norm.toString());
            if (doc.getLevel() != 3) {
                throw new SbmlException(name + ": " + ctx + ": " + norm + " is SBML Level " + doc.getLevel()
                        + "; only Level 3 models can be used as external model definitions", true);
            }
            if (doc.getVersion() != version) {
                convertVersion(doc, norm, ctx);
            }
            externals.put(norm, doc);
        }
        return new Source(doc, norm);
    }

    /**
     * Converts an external Level 3 document to the including document's version (JSBML cannot mix versions in one
     * model). Version 2 has no fast attribute: a Version 1 reaction with fast="false" loses it, fast="true" is refused.
     */
    private void convertVersion(SBMLDocument doc, Path file, String ctx) {
        String why = null;
        List<Model> models = new ArrayList<>();
        models.add(doc.getModel());
        CompSBMLDocumentPlugin dp = (CompSBMLDocumentPlugin) doc.getExtension(COMP);
        if (dp != null) {
            models.addAll(dp.getListOfModelDefinitions());
        }
        for (Model m : models) {
            for (Reaction r : m == null ? List.<Reaction>of() : m.getListOfReactions()) {
                if (r.isSetFast() && r.getFast() && version >= 2) {
                    why = "reaction '" + r.getId() + "' is fast, which Version " + version + " cannot express";
                } else if (r.isSetFast() && version >= 2) {
                    r.unsetFast();
                }
            }
        }
        boolean ok = false;
        if (why == null) {
            try {
                ok = doc.setLevelAndVersion(3, version, false);
            } catch (RuntimeException e) {
                why = e.getMessage();
            }
        }
        if (!ok) {
            throw new SbmlException(name + ": " + ctx + ": " + file + " is SBML Level 3 Version " + doc.getVersion()
                    + " and cannot be converted to Version " + version + " of the including document"
                    + (why != null ? " (" + why + ")" : ""), true);
        }
    }

    /** A file name, relative to the directory of the including document unless absolute. */
    private Path relative(Source src, String file, String ctx, String source) {
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new SbmlException(name + ": " + ctx + " has source '" + source + "', which is not a file name",
                    false);
        }
        if (p.isAbsolute()) {
            return p;
        }
        if (src.file() == null) {
            throw new SbmlException(name + ": " + ctx + " has the relative source '" + source
                    + "', but the including document was not read from a file", false);
        }
        Path dir = src.file().toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p);
    }

    private static void checkPackages(SBMLDocument doc, String file) {
        for (String ns : doc.getSBMLDocumentNamespaces().keySet()) {
            String prefix = ns.startsWith("xmlns:") ? ns.substring(6) : ns;
            if (!prefix.equals("xmlns") && doc.isPackageEnabled(prefix) && !prefix.equals(COMP)) {
                throw new SbmlException(file + ": the SBML package '" + prefix + "' is not supported", true);
            }
        }
    }

    // ----------------------------------------------------------------------------------------- element references

    /** Resolves an SBaseRef (port, id, metaid or unit reference, possibly chained) within an instance. */
    private Object resolve(Instance c, SBaseRef ref, String what) {
        Object t;
        if (ref.isSetPortRef()) {
            Port p = c.ports.get(ref.getPortRef());
            if (p == null) {
                throw new SbmlException(name + ": " + what + " refers to port '" + ref.getPortRef()
                        + "', which submodel '" + c.label + "' does not have", false);
            }
            t = resolve(c, p, what + " (port '" + p.getId() + "')");
        } else if (ref.isSetIdRef()) {
            t = c.ids.get(ref.getIdRef());
            if (t == null) {
                t = c.submodels.get(ref.getIdRef());
            }
            if (t == null) {
                throw new SbmlException(name + ": " + what + " refers to '" + ref.getIdRef()
                        + "', which submodel '" + c.label + "' does not have", false);
            }
        } else if (ref.isSetMetaIdRef()) {
            t = c.metaIds.get(ref.getMetaIdRef());
            if (t == null) {
                throw new SbmlException(name + ": " + what + " refers to metaid '" + ref.getMetaIdRef()
                        + "', which submodel '" + c.label + "' does not have", false);
            }
        } else if (ref.isSetUnitRef()) {
            t = c.units.get(ref.getUnitRef());
            if (t == null) {
                throw new SbmlException(name + ": " + what + " refers to unit '" + ref.getUnitRef()
                        + "', which submodel '" + c.label + "' does not define", false);
            }
        } else {
            throw new SbmlException(name + ": " + what + " names no element (no portRef, idRef, metaIdRef or unitRef)",
                    false);
        }
        if (ref.isSetSBaseRef()) {
            if (!(t instanceof Instance)) {
                throw new SbmlException(name + ": " + what + " continues with an sBaseRef, but does not name a"
                        + " submodel", false);
            }
            t = resolve((Instance) t, ref.getSBaseRef(), what);
        }
        return follow(t);
    }

    private Object follow(Object t) {
        int guard = 0;
        while (redirect.containsKey(t) && guard++ < 10_000) {
            t = redirect.get(t);
        }
        if (t != DELETED && removed.contains(t)) {
            return DELETED;
        }
        return t;
    }

    private void delete(Object t) {
        if (t == DELETED) {
            return;
        }
        if (t instanceof Instance sub) {
            for (SBase e : sub.content) {
                remove(e);
                redirect.put(e, DELETED);
            }
            removed.add(sub);
            return;
        }
        if (t instanceof UnitDefinition) {
            return; // units are not simulated
        }
        remove((SBase) t);
        redirect.put(t, DELETED);
    }

    /** Removes an element: top-level elements are dropped when content is merged, nested ones leave their parent. */
    private void remove(SBase e) {
        removed.add(e);
        if (e.getParent() != null) {
            e.removeFromParent(); // species references, local parameters, event assignments, delays, ...
        }
    }

    // ------------------------------------------------------------------------------------------------- renaming

    private static void collectIds(SBase node, Map<String, Sub> out, String prefix) {
        if (node.isSetId() && !(node instanceof LocalParameter) && !(node instanceof UnitDefinition)
                && !(node instanceof Unit)) {
            out.put(node.getId(), new Sub(prefix + node.getId(), null));
        }
        for (SBase c : children(node)) {
            collectIds(c, out, prefix);
        }
    }

    private void rename(List<SBase> content, Map<String, Sub> subs) {
        if (subs.isEmpty()) {
            return;
        }
        for (SBase e : content) {
            if (!removed.contains(e)) {
                renameTree(e, subs, Set.of());
            }
        }
    }

    private void renameTree(SBase node, Map<String, Sub> subs, Set<String> locals) {
        if (node.isSetId() && !(node instanceof LocalParameter) && !(node instanceof UnitDefinition)
                && !(node instanceof Unit)) {
            Sub s = subs.get(node.getId());
            if (s != null) {
                node.setId(s.id);
            }
        }
        if (node instanceof Species sp) {
            if (sp.isSetCompartment() && subs.containsKey(sp.getCompartment())) {
                sp.setCompartment(subs.get(sp.getCompartment()).id);
            }
            if (sp.isSetConversionFactor() && subs.containsKey(sp.getConversionFactor())) {
                Sub s = subs.get(sp.getConversionFactor());
                if (s.factor != null) {
                    throw new SbmlException(name + ": the conversion factor '" + sp.getConversionFactor()
                            + "' of species '" + sp.getId() + "' is replaced with a conversion factor itself;"
                            + " that is not supported", true);
                }
                sp.setConversionFactor(s.id);
            }
        } else if (node instanceof Reaction r) {
            if (r.isSetCompartment() && subs.containsKey(r.getCompartment())) {
                r.setCompartment(subs.get(r.getCompartment()).id);
            }
        } else if (node instanceof SimpleSpeciesReference ref) {
            if (ref.isSetSpecies() && subs.containsKey(ref.getSpecies())) {
                ref.setSpecies(subs.get(ref.getSpecies()).id);
            }
        }
        Set<String> inner = locals;
        if (node instanceof KineticLaw law && law.getLocalParameterCount() > 0) {
            inner = new HashSet<>(locals);
            for (LocalParameter p : law.getListOfLocalParameters()) {
                inner.add(p.getId());
            }
        }
        if (node instanceof MathContainer mc && mc.isSetMath()) {
            boolean functionBody = node instanceof FunctionDefinition;
            Set<String> shadow = inner;
            ASTNode math = rewrite(mc.getMath(), n -> renameNode(n, subs, shadow, functionBody));
            if (node instanceof Assignment a && a.isSetVariable() && subs.containsKey(a.getVariable())) {
                Sub s = subs.get(a.getVariable());
                if (s.factor != null) {
                    math = binary(ASTNode.Type.TIMES, math, name(s.factor));
                }
            }
            mc.setMath(math);
        }
        if (node instanceof Assignment a && a.isSetVariable() && subs.containsKey(a.getVariable())) {
            a.setVariable(subs.get(a.getVariable()).id);
        }
        for (SBase c : children(node)) {
            renameTree(c, subs, inner);
        }
    }

    /** Rewrites one math node for renaming; returns the replacement or null to keep it. */
    private static ASTNode renameNode(ASTNode n, Map<String, Sub> subs, Set<String> locals, boolean functionBody) {
        ASTNode.Type t = n.getType();
        if (t == ASTNode.Type.FUNCTION) {
            Sub s = subs.get(n.getName());
            if (s != null) {
                n.setName(s.id);
            }
            return null;
        }
        if (t == ASTNode.Type.NAME && !functionBody) {
            String id = n.getName();
            if (locals.contains(id)) {
                return null;
            }
            Sub s = subs.get(id);
            if (s == null) {
                return null;
            }
            if (s.factor == null) {
                return name(s.id);
            }
            return binary(ASTNode.Type.DIVIDE, name(s.id), name(s.factor));
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ time and extent factors

    private void convert(Instance child, String tcf, String xcf, String label) {
        Set<String> reactions = new HashSet<>();
        for (SBase e : child.content) {
            if (e instanceof Reaction r && !removed.contains(r) && r.isSetId()) {
                reactions.add(r.getId());
            }
        }
        for (SBase e : child.content) {
            if (!removed.contains(e)) {
                convertTree(e, tcf, xcf, reactions, Set.of(), label);
            }
        }
    }

    private void convertTree(SBase node, String tcf, String xcf, Set<String> reactions, Set<String> locals,
                             String label) {
        Set<String> inner = locals;
        if (node instanceof KineticLaw law && law.getLocalParameterCount() > 0) {
            inner = new HashSet<>(locals);
            for (LocalParameter p : law.getListOfLocalParameters()) {
                inner.add(p.getId());
            }
        }
        if (node instanceof MathContainer mc && mc.isSetMath() && !(node instanceof FunctionDefinition)) {
            Set<String> shadow = inner;
            ASTNode math = rewrite(mc.getMath(), n -> convertNode(n, tcf, xcf, reactions, shadow));
            if (node instanceof KineticLaw) {
                if (xcf != null) {
                    math = binary(ASTNode.Type.TIMES, math, name(xcf));
                }
                if (tcf != null) {
                    math = binary(ASTNode.Type.DIVIDE, math, name(tcf));
                }
            } else if (node instanceof RateRule && tcf != null) {
                math = binary(ASTNode.Type.DIVIDE, math, name(tcf));
            } else if (node instanceof Delay && tcf != null) {
                math = binary(ASTNode.Type.TIMES, math, name(tcf));
            }
            mc.setMath(math);
        } else if (node instanceof FunctionDefinition fd && fd.isSetMath() && tcf != null && usesTime(fd.getMath())) {
            throw new SbmlException(name + ": function definition '" + fd.getId() + "' of submodel '" + label
                    + "' uses time, and the submodel has a time conversion factor; that is not supported", true);
        }
        for (SBase c : children(node)) {
            convertTree(c, tcf, xcf, reactions, inner, label);
        }
    }

    private static boolean usesTime(ASTNode n) {
        ASTNode.Type t = n.getType();
        if (t == ASTNode.Type.NAME_TIME || t == ASTNode.Type.FUNCTION_DELAY || t == ASTNode.Type.FUNCTION_RATE_OF) {
            return true;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            if (usesTime(n.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** time → time/tcf; delay(x, d) → delay(x, d·tcf); rateOf(x) → rateOf(x)·tcf; reaction r → r·tcf/xcf. */
    private static ASTNode convertNode(ASTNode n, String tcf, String xcf, Set<String> reactions, Set<String> locals) {
        ASTNode.Type t = n.getType();
        if (tcf != null && t == ASTNode.Type.NAME_TIME) {
            return binary(ASTNode.Type.DIVIDE, n, name(tcf));
        }
        if (tcf != null && t == ASTNode.Type.FUNCTION_DELAY && n.getChildCount() == 2) {
            n.replaceChild(1, binary(ASTNode.Type.TIMES, n.getChild(1), name(tcf)));
            return null;
        }
        if (tcf != null && t == ASTNode.Type.FUNCTION_RATE_OF) {
            return binary(ASTNode.Type.TIMES, n, name(tcf));
        }
        if (t == ASTNode.Type.NAME && reactions.contains(n.getName()) && !locals.contains(n.getName())) {
            ASTNode out = n;
            if (tcf != null) {
                out = binary(ASTNode.Type.TIMES, out, name(tcf));
            }
            if (xcf != null) {
                out = binary(ASTNode.Type.DIVIDE, out, name(xcf));
            }
            return out;
        }
        return null;
    }

    // --------------------------------------------------------------------------------------------- math helpers

    private interface NodeRewrite {
        /** Returns a replacement for the node (its children already rewritten), or null to keep the node. */
        ASTNode apply(ASTNode n);
    }

    /** Rewrites a math tree bottom-up and returns its (possibly new) root; the input tree is modified in place. */
    private static ASTNode rewrite(ASTNode n, NodeRewrite f) {
        for (int i = 0; i < n.getChildCount(); i++) {
            ASTNode c = n.getChild(i);
            ASTNode r = rewrite(c, f);
            if (r != c) {
                n.replaceChild(i, r);
            }
        }
        ASTNode r = f.apply(n);
        return r == null ? n : r;
    }

    private static ASTNode name(String id) {
        ASTNode n = new ASTNode(ASTNode.Type.NAME);
        n.setName(id);
        return n;
    }

    private static ASTNode binary(ASTNode.Type type, ASTNode a, ASTNode b) {
        ASTNode n = new ASTNode(type);
        n.addChild(a.getParent() == null ? a : a.clone());
        n.addChild(b);
        return n;
    }

    // ------------------------------------------------------------------------------------------------- assembly

    private SBMLDocument assemble(SBMLDocument doc, Instance top) {
        SBMLDocument out = new SBMLDocument(doc.getLevel(), doc.getVersion());
        Model src = doc.getModel();
        Model m = out.createModel(src.isSetId() ? src.getId() : "model");
        if (src.isSetName()) {
            m.setName(src.getName());
        }
        Map<String, String> seen = new HashMap<>();
        for (SBase e : top.content) {
            if (!removed.contains(e)) {
                checkUnique(e, seen);
            }
        }
        for (SBase e : top.content) {
            if (removed.contains(e)) {
                continue;
            }
            strip(e);
            boolean ok;
            if (e instanceof FunctionDefinition f) {
                ok = m.addFunctionDefinition(f);
            } else if (e instanceof UnitDefinition u) {
                ok = m.addUnitDefinition(u);
            } else if (e instanceof Compartment c) {
                ok = m.addCompartment(c);
            } else if (e instanceof Species s) {
                ok = m.addSpecies(s);
            } else if (e instanceof Parameter p) {
                ok = m.addParameter(p);
            } else if (e instanceof InitialAssignment a) {
                ok = m.addInitialAssignment(a);
            } else if (e instanceof Rule r) {
                ok = m.addRule(r);
            } else if (e instanceof Constraint c) {
                ok = m.addConstraint(c);
            } else if (e instanceof Reaction r) {
                ok = m.addReaction(r);
            } else if (e instanceof Event ev) {
                ok = m.addEvent(ev);
            } else {
                throw new SbmlException(name + ": cannot flatten " + describe(e), true);
            }
            if (!ok) {
                throw new SbmlException(name + ": flattening gives two elements the id '" + e.getId() + "'", false);
            }
        }
        return out;
    }

    /** Two elements with one id after prefixing (say a parent's own 'A__x' and submodel A's 'x') are refused. */
    private void checkUnique(SBase node, Map<String, String> seen) {
        if (node.isSetId() && !(node instanceof LocalParameter) && !(node instanceof UnitDefinition)
                && !(node instanceof Unit)) {
            String before = seen.putIfAbsent(node.getId(), node.getElementName());
            if (before != null) {
                throw new SbmlException(name + ": flattening gives two elements the id '" + node.getId() + "' ("
                        + before + " and " + node.getElementName() + "); rename one of them", false);
            }
        }
        for (SBase c : children(node)) {
            checkUnique(c, seen);
        }
    }

    /** Metaids and annotations of copies are dropped: they would clash between instances and are not simulated. */
    private static void strip(SBase e) {
        if (e.isSetAnnotation()) {
            e.unsetAnnotation();
        }
        if (e.isSetMetaId()) {
            e.unsetMetaId();
        }
        for (SBase c : children(e)) {
            strip(c);
        }
    }
}
