package org.il2sim.cli;

/** Invalid options or input files detected by a command; reported as one message with exit code 2. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
