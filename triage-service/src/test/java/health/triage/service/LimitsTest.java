package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request size, time and shape limits, and unknown endpoints: each a clear JSON answer, never a stack trace. */
class LimitsTest {

    @Test
    void bodyBeyondTheSizeLimit_is413_withContentLengthOrChunked() {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> sized = Services.post("/assess", big);
        assertEquals(413, sized.statusCode());
        assertTrue(sized.body().contains("larger than the limit"), sized.body());

        HttpRequest chunked = HttpRequest.newBuilder(Services.uri("/cds-services/buttock-leg-pain-triage"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(big)))
                .build(); // no Content-Length: sent chunked
        HttpResponse<String> response = Services.send(chunked);
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("larger than the limit"), response.body());
    }

    @Test
    void bodyThatDoesNotArriveInTime_is408() throws IOException {
        Settings quick = new Settings("127.0.0.1", 0, 1024 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5), List.of());
        try (TriageServer server = Services.start(quick); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"age\": ").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and the rest never comes
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("did not arrive within 1 s"), answer);
        }
    }

    @Test
    void unknownEndpoint_is404_andWrongMethod_is405WithAllow() {
        HttpResponse<String> unknown = Services.get("/no/such/endpoint");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("POST /assess"), unknown.body());
        HttpResponse<String> method = Services.get("/assess");
        assertEquals(405, method.statusCode());
        assertEquals("POST", method.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void health_isUpWithTheRuleBaseVersion() {
        HttpResponse<String> health = Services.get("/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains(Services.engine().ruleBaseVersion()), health.body());
    }

    @Test
    void malformedHttp_isAJsonErrorWithoutAStackTrace() throws IOException {
        URI base = Services.server().localUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /assess HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(!answer.contains("Exception") && !answer.contains("<html"), answer);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd >= 0 && text.contains("}")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
