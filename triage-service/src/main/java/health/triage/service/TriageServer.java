package health.triage.service;

import health.triage.TriageEngine;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
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

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: Jetty 12 with a body size limit (413), an idle timeout per connection, {@code X-Forwarded-*}
 * headers honoured (behind a load balancer or TLS proxy), JSON error pages without stack traces, and a graceful stop
 * that finishes the requests in flight. The engine is built by the caller, once, and shared by every request.
 */
final class TriageServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TriageServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService work;
    private final GracefulHandler graceful;

    private TriageServer(Server server, ServerConnector connector, ExecutorService work, GracefulHandler graceful) {
        this.server = server;
        this.connector = connector;
        this.work = work;
        this.graceful = graceful;
    }

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
        http.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);

        int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService work = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(256), daemonThreads("work"), new ThreadPoolExecutor.AbortPolicy());
        SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        limit.setHandler(new Routes(engine, settings, work));
        GracefulHandler graceful = new GracefulHandler(limit);
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(settings.drainTimeout().toMillis());
        server.setStopAtShutdown(false); // close() is called from the command's own shutdown hook
        server.start();
        return new TriageServer(server, connector, work, graceful);
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

    /** Jetty's own error answers (413, a malformed request) as {@code {"error": ...}}, never an HTML page or stack. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
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
