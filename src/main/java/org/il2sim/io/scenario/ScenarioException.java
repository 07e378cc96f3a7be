package org.il2sim.io.scenario;

import java.util.List;

/** A scenario file with problems: every one, each as "file:line:column: message". */
public class ScenarioException extends RuntimeException {

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
