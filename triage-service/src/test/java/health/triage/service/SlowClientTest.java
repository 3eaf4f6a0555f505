package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that sends slowly or opens many connections holds no request thread and cannot crowd out other clients:
 * its connections beyond a bound are closed, and a body still arriving at the deadline is cut off with 408. (How fast
 * {@code /health} answers under such a client is measured by triage-service/scripts/probe.sh, not asserted here.)
 */
class SlowClientTest {

    private static final String POST_HEAD = "POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{";

    private static Settings settings(int perClient) {
        return new Settings("127.0.0.1", 0, 1024 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(5), List.of(), Settings.FHIR_TIMEOUT, perClient, Settings.Interop.DEFAULTS);
    }

    @Test
    void connectionsBeyondTheBoundForOneClient_areClosed_othersAreServed_andTheCountRecovers() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        try (TriageServer server = Services.start(settings(5))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port(), attacker, 0);
                    socket.setSoTimeout(1_500);
                    socket.getOutputStream().write(POST_HEAD.getBytes(StandardCharsets.US_ASCII));
                    held.add(socket);
                }
                int closed = 0;
                for (Socket socket : held) {
                    try {
                        if (socket.getInputStream().read() < 0) {
                            closed++;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // held open, as a slow client's connection is until the deadline
                    } catch (IOException reset) {
                        closed++;
                    }
                }
                assertEquals(3, closed, "the connections beyond 5 from one address are closed");
                HttpResponse<String> health = Services.send(HttpRequest.newBuilder(server.localUri()
                        .resolve("/health")).build());
                assertEquals(200, health.statusCode(), "another client is served meanwhile");
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
            Thread.sleep(500);
            try (Socket again = new Socket(InetAddress.getByName("127.0.0.1"), server.port(), attacker, 0)) {
                again.setSoTimeout(5_000);
                again.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = HostileRequestTest.readAnswer(again.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 200"), "the client may connect again: " + answer);
            }
        }
    }

    @Test
    void aBodyThatTricklesPastTheDeadline_isCutOffWith408_andTheConnectionClosed() throws Exception {
        try (TriageServer server = Services.start(settings(Settings.MAX_CONNECTIONS_PER_CLIENT));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(POST_HEAD.getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            long stop = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            boolean ended = false;
            while (!ended && System.nanoTime() < stop) {
                try {
                    out.write(' '); // a byte every half second, never the whole body
                } catch (IOException closedByTheService) {
                    ended = true;
                }
                try {
                    int b = in.read();
                    while (b >= 0) {
                        answer.append((char) b);
                        b = in.available() > 0 ? in.read() : -2;
                    }
                    ended |= b == -1;
                } catch (SocketTimeoutException nothingYet) {
                    // keep trickling
                } catch (IOException reset) {
                    ended = true;
                }
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 408"), answer.toString());
            assertTrue(answer.toString().contains("Connection: close"), answer.toString());
            assertTrue(ended, "the service closes the connection");
        }
    }
}
