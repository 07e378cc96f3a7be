package org.il2sim.io.sbml;

/**
 * One lock for JSBML's readers and writers. JSBML finds its XML parsers through a lazily initialised singleton
 * ({@code ParserManager}) that iterates a {@link java.util.ServiceLoader}; two threads reading SBML for the first time
 * at once (knockout conditions and sweep points load their models in parallel) can break that iteration
 * ({@code NoSuchElementException} inside {@code ParserManager.init}), which surfaced as "invalid SBML: null" about one
 * run in ten. Reading and writing a document takes milliseconds, so serialising them costs nothing measurable.
 */
final class JsbmlLock {

    static final Object LOCK = new Object();

    private JsbmlLock() {
    }
}
