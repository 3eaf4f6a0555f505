package health.triage.service;

import health.triage.examples.CaseJson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bounded load: many POST /assess requests (the example cases in turn, assessment only) over 16 connections at
 * once; every answer must be 200 and identical to the library's line for the same case. Latency is measured, never
 * asserted; it is written to target/service-load.txt. {@code mvn verify} sends 2,000 requests;
 * triage-benchmarks/scripts/service.sh sends 20,000 ({@code -Dtriage.service.loadRequests=20000}).
 */
class LoadTest {

    private static final int CONNECTIONS = 16;

    @Test
    void manyRequestsOver16Connections_allAnsweredAsTheLibraryAnswers() throws Exception {
        int requests = Integer.getInteger("triage.service.loadRequests", 2_000);
        List<byte[]> bodies = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : Services.exampleFiles().entrySet()) {
            bodies.add(file.getValue());
            expected.add(CaseJson.line(Routes.ASSESS_INPUT, Services.engine().assess(CaseJson.readOne(file.getKey(),
                    file.getValue()))));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest.Builder base = HttpRequest.newBuilder(Services.uri("/assess?nextQuestions=false"))
                .header("Content-Type", "application/json");
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        long[] micros = new long[requests];
        for (int warm = 0; warm < 50; warm++) {
            Services.post("/assess?nextQuestions=false", bodies.get(warm % bodies.size()));
        }
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            running.add(connections.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    int example = i % bodies.size();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(base.copy()
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(example))).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    micros[i] = (System.nanoTime() - sent) / 1_000;
                    if (response.statusCode() != 200 || !response.body().equals(expected.get(example))) {
                        problems.add(i + ": " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> connection : running) {
            connection.get();
        }
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        connections.shutdown();
        assertEquals(List.of(), List.copyOf(problems));
        report(requests, wallMillis, micros);
    }

    private static void report(int requests, long wallMillis, long[] micros) throws IOException {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        String line = String.format("%,d requests over %d connections in %,d ms (%,.0f/s): p50 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; load average at the end %.1f%n", requests, CONNECTIONS, wallMillis,
                requests * 1000.0 / Math.max(1, wallMillis), sorted[requests / 2] / 1000.0,
                sorted[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)] / 1000.0,
                sorted[requests - 1] / 1000.0, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.print("service load: " + line);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("service-load.txt"), line, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
