package org.il2sim.io.sbml;

import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.ext.comp.util.CompFlatteningConverter;

/** Flattens hierarchical models (SBML comp package) with JSBML's converter before conversion. */
final class CompFlattener {

    private CompFlattener() {
    }

    static SBMLDocument flatten(SBMLDocument doc, String name) {
        try {
            SBMLDocument flat = new CompFlatteningConverter().flatten(doc);
            if (flat == null || flat.getModel() == null) {
                throw new SbmlException(name + ": the comp model could not be flattened", true);
            }
            return flat;
        } catch (SbmlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SbmlException(name + ": the comp model could not be flattened (" + e.getMessage() + ")", true);
        }
    }
}
