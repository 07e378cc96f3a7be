package org.il2sim.io.testsuite;

import java.util.List;

/** The outcome of one test case. */
public record CaseResult(String id, Status status, String reason, List<String> tags) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public CaseResult {
        tags = List.copyOf(tags);
    }
}
