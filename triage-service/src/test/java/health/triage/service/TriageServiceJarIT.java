package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar started with the README's command: it answers, and SIGTERM stops it after finishing its work, with
 * exit code 0 and a log that holds no case content.
 */
class TriageServiceJarIT {

    @Test
    void jar_startsWithTheReadmeCommand_answers_andStopsOnSigterm() throws Exception {
        Path jar = Path.of("target", "triage-service.jar");
        assertTrue(Files.isRegularFile(jar), "build the jar first: mvn -B -DskipTests package");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("triage-service", ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> health = null;
            for (int i = 0; i < 240 && health == null; i++) {
                try {
                    health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertTrue(health != null && health.statusCode() == 200, "no answer from the jar: "
                    + Files.readString(log));
            HttpResponse<String> assessed = client.send(HttpRequest.newBuilder(base.resolve("/assess"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"secret-7\", \"age\": 40, \"findings\": "
                            + "{\"bladder_dysfunction\": true}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, assessed.statusCode());
            assertTrue(assessed.body().contains("\"disposition\":\"EMERGENCY\""), assessed.body());
        } finally {
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not stop on SIGTERM");
        }
        assertEquals(0, process.exitValue(), "a stop on request is no failure: " + Files.readString(log));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("triage-service listening on http://127.0.0.1:" + port), output);
        assertTrue(output.contains("POST /assess 200"), output);
        assertTrue(output.contains("stopped"), output);
        assertFalse(output.contains("secret") || output.contains("bladder"), output);
        Files.deleteIfExists(log);
    }
}
