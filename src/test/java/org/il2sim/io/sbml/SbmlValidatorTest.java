package org.il2sim.io.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.il2sim.core.network.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbmlValidatorTest {

    @TempDir
    Path dir;

    /**
     * Every socket and URL connection the JDK opens asks the default ProxySelector first; one that records and refuses
     * shows that validation stays offline.
     */
    @Test
    void validationNeverOpensANetworkConnection() throws IOException {
        Path file = dir.resolve("full.xml");
        SbmlExporter.write(SbmlExporterTest.fullModel(), file);
        Path l2 = dir.resolve("l2.xml");
        Files.writeString(l2, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
                  <model id="m"><listOfCompartments><compartment id="c"/></listOfCompartments>
                    <listOfSpecies><species id="A" compartment="c" initialAmount="1"/></listOfSpecies>
                  </model>
                </sbml>
                """);
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                throw new IllegalStateException("validation tried to reach " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        List<Diagnostic> problems;
        try {
            problems = SbmlValidator.validate(file);
            SbmlValidator.validate(l2);
        } finally {
            ProxySelector.setDefault(previous);
        }
        assertThat(asked).isEmpty();
        assertThat(problems).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).isEmpty();
    }

    @Test
    void problemsAreLocatedAtTheElementTheyName() throws IOException {
        Path file = dir.resolve("bad.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="m">
                    <listOfParameters>
                      <parameter id="p" value="1" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <assignmentRule variable="p"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>q</ci></math>
                      </assignmentRule>
                    </listOfRules>
                  </model>
                </sbml>
                """);
        List<Diagnostic> problems = SbmlValidator.validate(file);
        assertThat(problems).anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR
                && d.message().contains("unknown symbol 'q'") && d.line() == 5 && d.column() == 7);
    }

    @Test
    void everyProblemIl2simFindsIsItsOwnDiagnostic() throws IOException {
        Path file = dir.resolve("two.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="m">
                    <listOfParameters>
                      <parameter id="p" value="1" constant="false"/>
                      <parameter id="r" value="1" constant="false"/>
                    </listOfParameters>
                    <listOfRules>
                      <assignmentRule variable="p"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>q</ci></math>
                      </assignmentRule>
                      <assignmentRule variable="r"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>s</ci></math>
                      </assignmentRule>
                    </listOfRules>
                  </model>
                </sbml>
                """);
        List<Diagnostic> own = SbmlValidator.validate(file).stream()
                .filter(d -> !d.message().startsWith("SBML rule")).toList();
        assertThat(own).hasSize(2);
        assertThat(own.get(0).element()).isEqualTo("rule for 'p'");
        assertThat(own.get(0).message()).isEqualTo("unknown symbol 'q'");
        assertThat(own.get(1).element()).isEqualTo("rule for 'r'");
        assertThat(own.get(1).line()).isEqualTo(6);
    }
}
