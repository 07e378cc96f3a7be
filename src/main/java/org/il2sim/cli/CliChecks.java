package org.il2sim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.il2sim.models.gammachain.ParameterSet;

/** Checks of option values that several commands share, with the same message everywhere. */
final class CliChecks {

    private CliChecks() {
    }

    /** The folder of an output file must exist (files are written atomically beside their target). */
    static void outputFolderExists(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserInputException("output folder does not exist: " + folder);
        }
    }

    /** The γc parameter set named by --parameter-set. */
    static ParameterSet parameterSet(String name) {
        if (!ParameterSet.USER_NAMES.contains(name)) {
            throw new UserInputException("unknown --parameter-set '" + name + "'; known: "
                    + String.join(", ", ParameterSet.USER_NAMES));
        }
        return ParameterSet.named(name);
    }
}
