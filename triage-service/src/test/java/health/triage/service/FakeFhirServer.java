package health.triage.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback FHIR server for fetch tests, on raw sockets so that it can misbehave: it records every request (its
 * request line and Authorization header) and answers at once, or sends its headers and then one body byte a second
 * until the service hangs up.
 */
final class FakeFhirServer implements AutoCloseable {

    enum Mode { ANSWER, TRICKLE }

    private final ServerSocket socket;
    private final Mode mode;
    private final byte[] body;
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Trickled answers the service hung up on. */
    final AtomicInteger hungUp = new AtomicInteger();

    FakeFhirServer(Mode mode, byte[] body) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        this.body = body;
        Thread acceptor = new Thread(this::accept, "fake-fhir");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread serve = new Thread(() -> serve(client), "fake-fhir-client");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            String head = readHead(in);
            String authorization = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("authorization:"))
                    .findFirst().orElse("");
            requests.add(head.lines().findFirst().orElse("") + " | " + authorization);
            if (mode == Mode.ANSWER) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 120; i++) { // at most two minutes
                out.write(' ');
                out.flush();
                Thread.sleep(1_000);
            }
        } catch (IOException hungUpOn) {
            if (mode == Mode.TRICKLE) {
                hungUp.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && head.size() < 65_536) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
