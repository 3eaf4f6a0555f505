package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hostile-input probe of 2026-12 (scripts/probe.py) against the packaged jar under {@code -Xmx256m}: every
 * expected outcome holds (S1-S12), and {@code /health} answers within 1 s while one client holds 200 slow
 * connections. Needs Python 3; skipped, saying so, without it.
 */
class ServiceProbeIT {

    @Test
    void probe_everyExpectedOutcomeHolds() throws IOException, InterruptedException {
        Path jar = Path.of("target", "triage-service.jar");
        assertTrue(Files.isRegularFile(jar), "build the jar first: mvn -B -DskipTests package");
        assumeTrue(python(), "python3 is not installed: scripts/probe.py not run");
        Path output = Files.createTempFile("triage-service-probe", ".txt");
        Process probe = new ProcessBuilder(List.of("python3", Path.of("scripts", "probe.py").toString(),
                jar.toString())).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = probe.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            probe.destroy();
            probe.waitFor(70, TimeUnit.SECONDS);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertTrue(ended, "the probe did not end within 6 minutes: " + text);
        assertEquals(0, probe.exitValue(), text);
        assertTrue(text.contains("checks pass"), text);
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
