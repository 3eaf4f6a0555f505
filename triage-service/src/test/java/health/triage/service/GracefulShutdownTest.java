package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GracefulShutdownTest {

    @Test
    void close_finishesTheRequestInFlight_andTakesNoNewConnections() throws Exception {
        TriageServer server = Services.start(Settings.defaults(0));
        int port = server.port();
        String body = "{\"age\": 40, \"findings\": {\"saddle_numbness\": true}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /assess?nextQuestions=false HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            waitUntil(() -> server.requestsInFlight() == 1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertFalse(closing.isDone(), "close waits for the request in flight");
            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String answer = read(socket.getInputStream());
            closing.get(20, TimeUnit.SECONDS);

            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"disposition\":\"EMERGENCY\""), answer);
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
            if (bytes.toString(StandardCharsets.UTF_8).contains("\"ruleBaseVersion\"")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertEquals(true, condition.getAsBoolean(), "condition not reached within 10 s");
    }
}
