package org.il2sim.io.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.il2sim.core.network.ReactionNetwork;
import org.junit.jupiter.api.Test;

/**
 * Reading SBML on several threads at once, as knockout conditions and sweep points do. JSBML initialises its parser
 * registry lazily on the first read and that initialisation is not thread-safe, so the check that matters runs in
 * fresh JVMs where eight threads make their first read at the same instant (before {@link JsbmlLock} about one run
 * in ten of the knockout example failed with "invalid SBML: null").
 */
class SbmlConcurrentReadTest {

    static final String MODEL = "/org/il2sim/models/il2-receptor-binding.xml";
    static final int THREADS = 8;

    /** Eight threads released together make their first SBML read; exit code 0 if all succeed. */
    public static void main(String[] args) throws Exception {
        System.exit(readTogether() == THREADS ? 0 : 1);
    }

    static int readTogether() throws Exception {
        byte[] bytes;
        try (InputStream in = SbmlConcurrentReadTest.class.getResourceAsStream(MODEL)) {
            bytes = in.readAllBytes();
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReactionNetwork>> reads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            reads.add(pool.submit(() -> {
                start.await();
                return SbmlImporter.read(bytes, "il2-receptor-binding.xml");
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<ReactionNetwork> f : reads) {
            try {
                if (!f.get(60, TimeUnit.SECONDS).species().isEmpty()) {
                    ok++;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                e.getCause().printStackTrace();
            }
        }
        pool.shutdownNow();
        return ok;
    }

    @Test
    void firstReadsOnManyThreadsAtOnceAllSucceedInFreshJvms() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < 6; run++) {
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    SbmlConcurrentReadTest.class.getName()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("run %s: %s", run, out).isZero();
        }
    }

    @Test
    void repeatedParallelReadsInThisJvmAllSucceed() throws Exception {
        for (int run = 0; run < 5; run++) {
            assertThat(readTogether()).isEqualTo(THREADS);
        }
    }
}
