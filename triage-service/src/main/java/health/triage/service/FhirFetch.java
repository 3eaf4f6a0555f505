package health.triage.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads from a trusted FHIR server without holding a request or worker thread while the answer arrives: the exchange
 * runs on the HTTP client's own small pool, at most {@value #MAX_FETCHES} at a time, with three deadlines (connecting,
 * the first answer, the whole answer with its body) and a bounded answer size. When a deadline passes, or the caller
 * cancels the returned future, the exchange is aborted and its connection closed, so a server that trickles its
 * answer holds nothing.
 */
final class FhirFetch implements AutoCloseable {

    /** Fetches in progress at once; more are refused at once with 503. */
    static final int MAX_FETCHES = 16;

    private final HttpClient http;
    private final ExecutorService pool;
    private final Semaphore slots = new Semaphore(MAX_FETCHES);
    private final int maxBytes;
    private final Duration timeout;

    FhirFetch(int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "fhir-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(3)) < 0 ? timeout : Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A failed fetch: what went wrong, in words that name no header, token or answer content. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean busy;

        Failed(String message, boolean busy) {
            super(message, null, false, false);
            this.busy = busy;
        }
    }

    /**
     * {@code GET uri} with a bearer token. The future completes with the body of a 200 answer, or fails with
     * {@link Failed}; cancelling it aborts the exchange.
     *
     * @param deadlineNanos the request's own deadline ({@link System#nanoTime()}); the fetch ends by then too
     */
    CompletableFuture<byte[]> get(URI uri, String token, long deadlineNanos) {
        if (!slots.tryAcquire()) {
            return CompletableFuture.failedFuture(new Failed("too many fetches from FHIR servers are in progress",
                    true));
        }
        long millis = Math.max(1, Math.min(timeout.toMillis(), (deadlineNanos - System.nanoTime()) / 1_000_000));
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        LimitedBody body = new LimitedBody(maxBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMillis(millis))
                    .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token).build();
            exchange = http.sendAsync(request, info -> info.statusCode() == 200 ? body : LimitedBody.skipped());
        } catch (RuntimeException e) {
            slots.release();
            return CompletableFuture.failedFuture(new Failed("the request to fhirServer could not be made", false));
        }
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                result.completeExceptionally(cause instanceof Failed ? cause : new Failed("fhirServer could not be "
                        + "reached or its answer could not be read (" + cause.getClass().getSimpleName() + ")",
                        false));
            } else if (response.statusCode() != 200) {
                result.completeExceptionally(new Failed("fhirServer answered HTTP " + response.statusCode(), false));
            } else {
                result.complete(response.body());
            }
        });
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> result.completeExceptionally(
                new Failed("fhirServer did not answer in full within " + millis + " ms", false)));
        result.whenComplete((bytes, failure) -> {
            slots.release();
            if (failure != null) { // a deadline, a refusal or the caller's cancel: abort the exchange for real
                body.abort();
                exchange.cancel(true);
            }
        });
        return result;
    }

    /** Fetches in progress now. */
    int inProgress() {
        return MAX_FETCHES - slots.availablePermits();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A response body read up to a size limit; abort() cancels the subscription, which closes the connection. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private volatile boolean aborted;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        /** A body nobody reads: its subscription is cancelled at once. */
        static HttpResponse.BodySubscriber<byte[]> skipped() {
            LimitedBody none = new LimitedBody(0);
            none.aborted = true;
            return none;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            if (aborted) {
                s.cancel();
                bytes.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (buffer.size() + item.remaining() > limit) {
                    bytes.completeExceptionally(new Failed("fhirServer's answer is larger than " + limit + " bytes",
                            false));
                    abort();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            bytes.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            bytes.complete(buffer.toByteArray());
        }

        void abort() {
            aborted = true;
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }
}
