package health.triage.service;

import health.triage.TriageEngine;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server: Jetty 12 with a body size limit (413), an idle timeout per connection, a bound on the
 * connections one client address holds and on all connections, JSON error pages without stack traces, and a graceful
 * stop that finishes the requests in flight. Request bodies are read asynchronously ({@link Routes}), so a slow
 * client holds a connection but no thread. The engine is built by the caller, once, and shared by every request.
 */
final class TriageServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TriageServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService work;
    private final GracefulHandler graceful;
    private final FhirFetch fetcher;

    private TriageServer(Server server, ServerConnector connector, ExecutorService work, GracefulHandler graceful,
                         FhirFetch fetcher) {
        this.server = server;
        this.connector = connector;
        this.work = work;
        this.graceful = graceful;
        this.fetcher = fetcher;
    }

    /** Connections open at once, from every client together; beyond it the server stops accepting for a while. */
    static final int MAX_CONNECTIONS = 4_096;

    /**
     * Starts a server for an engine.
     *
     * @throws Exception when the port cannot be bound
     */
    static TriageServer start(TriageEngine engine, Settings settings) throws Exception {
        Objects.requireNonNull(engine, "engine must not be null");
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // no ForwardedRequestCustomizer: nothing depends on the client's Host or X-Forwarded-* headers (links in
        // cards come from --public-url), so a client cannot choose them
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.addBean(new ConnectionsPerClient(settings.maxConnectionsPerClient()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));

        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService work = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(256), daemonThreads("work"), new ThreadPoolExecutor.AbortPolicy());
        SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        FhirFetch fetcher = new FhirFetch(settings.maxRequestBytes(), settings.fhirTimeout());
        limit.setHandler(new Routes(engine, settings, work, fetcher));
        GracefulHandler graceful = new GracefulHandler(limit);
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(settings.drainTimeout().toMillis());
        server.setStopAtShutdown(false); // close() is called from the command's own shutdown hook
        server.start();
        return new TriageServer(server, connector, work, graceful, fetcher);
    }

    /** The port the server listens on (the one picked when 0 was asked). */
    int port() {
        return connector.getLocalPort();
    }

    /** The base URL on the loopback interface, such as {@code http://127.0.0.1:8080}. */
    URI localUri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** Requests being answered now. */
    long requestsInFlight() {
        return graceful.getCurrentRequestCount();
    }

    /** Stops taking connections, finishes the requests in flight (up to the drain timeout), then stops. */
    @Override
    public void close() {
        LOG.info("stopping: finishing {} requests in flight", graceful.getCurrentRequestCount());
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed: {}", e.toString());
        }
        work.shutdown();
        fetcher.close();
        try {
            work.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped");
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Bounds the connections one client address holds: one more is closed as soon as it opens, so one client
     * cannot take every connection. Behind a proxy every request comes from the proxy's address: raise the bound to
     * what the proxy opens, and let the proxy bound its clients.
     */
    static final class ConnectionsPerClient implements Connection.Listener {
        private final int max;
        private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Connection, InetAddress> clients = new ConcurrentHashMap<>();
        private final AtomicLong refused = new AtomicLong();

        ConnectionsPerClient(int max) {
            this.max = max;
        }

        @Override
        public void onOpened(Connection connection) {
            InetAddress client = connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress address
                    ? address.getAddress() : null;
            if (client == null) {
                return;
            }
            clients.put(connection, client); // a closed endpoint no longer knows its address: keep it
            if (open.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() > max) {
                if (refused.getAndIncrement() % 1_000 == 0) { // a flood gets a line now and then, not one each
                    LOG.warn("closed a connection: a client holds more than {} (refused so far: {})", max,
                            refused.get());
                }
                connection.getEndPoint().close();
            }
        }

        @Override
        public void onClosed(Connection connection) {
            InetAddress client = clients.remove(connection);
            if (client != null) {
                open.computeIfPresent(client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
        }
    }

    /**
     * Jetty's own error answers (413, a malformed request, 503 while stopping) as {@code {"error": ...}}, never an
     * HTML page or stack; each gets one log line with its status and nothing the client sent.
     */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            LOG.info("refused before routing: {}", status);
            String message = switch (status) {
                case 413 -> "the request body is larger than the limit";
                case 400 -> "the request is not valid HTTP";
                case 408 -> "the request did not arrive in time";
                default -> "HTTP " + status;
            };
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON + "; charset=utf-8");
            Content.Sink.write(response, true, JsonBodies.error(message), callback);
            return true;
        }
    }
}
