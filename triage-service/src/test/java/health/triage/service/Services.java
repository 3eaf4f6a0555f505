package health.triage.service;

import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.examples.CaseJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the service tests share: one engine per test JVM (built once, as the service builds it), a server with the
 * default settings on a free loopback port, a real HTTP client, and the example cases.
 */
final class Services {

    static final Path CASES = Path.of("..", "triage-examples", "cases");

    private static TriageEngine engine;
    private static TriageServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Services() {
    }

    static synchronized TriageEngine engine() {
        if (engine == null) {
            engine = TriageEngine.builder().build();
        }
        return engine;
    }

    /** The shared server with the default settings, started on first use and stopped when the JVM ends. */
    static synchronized TriageServer server() {
        if (server == null) {
            server = start(Settings.defaults(0));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    static TriageServer start(Settings settings) {
        try {
            return TriageServer.start(engine(), settings);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the service", e);
        }
    }

    static URI uri(String path) {
        return server().localUri().resolve(path);
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    static HttpResponse<String> post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The example case files' bytes, by file name, in name order. */
    static Map<String, byte[]> exampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(CASES)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.size() < 20) {
            throw new IllegalStateException("expected the example cases in " + CASES.toAbsolutePath());
        }
        return files;
    }

    /**
     * Example cases whose interviews {@code mvn verify} replays over HTTP: three of each disposition, among them
     * unanswered screening questions (answered "don't know"), a child and both self-care plans. Each interview is
     * dozens of next-question plans, slow on a shared 2-core machine; {@code -Dtriage.service.allExamples=true}
     * (triage-benchmarks/scripts/service.sh) replays every example case.
     */
    static final List<String> REPLAYED = List.of("saddle-numbness.json", "new-bilateral-sciatica.json",
            "progressive-foot-drop.json", "incomplete-emergency-screen.json", "cancer-history-new-pain.json",
            "minor-fall-osteoporosis.json", "classic-disc-sciatica.json", "incomplete-serious-screen.json",
            "under-16-dancer.json", "office-wallet.json", "cyclist-hard-saddle.json");

    /** The example cases replayed over HTTP: {@link #REPLAYED}, or all of them with the property. */
    static Map<String, TriageCase> roundTripCases() {
        boolean all = Boolean.getBoolean("triage.service.allExamples");
        Map<String, TriageCase> cases = new LinkedHashMap<>();
        exampleCases().forEach((name, triageCase) -> {
            if (all || REPLAYED.contains(name)) {
                cases.put(name, triageCase);
            }
        });
        if (cases.size() < (all ? 20 : REPLAYED.size())) {
            throw new IllegalStateException("missing example cases: " + REPLAYED + " in " + CASES.toAbsolutePath());
        }
        return cases;
    }

    /** The example cases, read as the command line reads them. */
    static Map<String, TriageCase> exampleCases() {
        Map<String, TriageCase> cases = new LinkedHashMap<>();
        exampleFiles().forEach((name, bytes) -> cases.put(name, CaseJson.readOne(name, bytes)));
        return cases;
    }
}
