package health.triage.service;

import org.eclipse.jetty.io.Content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads request bodies without holding a thread, and bounds the memory they take together: each byte is counted
 * against one budget as it arrives and given back when its request is answered. A client that sends slowly holds only
 * what it has sent; when the budget is spent, a body is refused (503) instead of the heap running out. (The size of
 * one body is bounded by Jetty's size limit before it reaches this class.)
 */
final class BodyBudget {

    /** The budget is spent: too many bodies are being read or worked out at once. */
    static final class Spent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Spent() {
            super("the service is receiving too many request bodies at once", null, false, false);
        }
    }

    private final AtomicLong left;

    BodyBudget(long bytes) {
        this.left = new AtomicLong(bytes);
    }

    /** Starts reading a body; {@link Reading#bytes} completes with it, or fails. */
    Reading read(Content.Source source) {
        Reading reading = new Reading(source);
        reading.run();
        return reading;
    }

    /** Bytes still free. */
    long left() {
        return left.get();
    }

    /** One body being read: call {@link #release()} once its request is answered. */
    final class Reading implements Runnable {
        final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        private final Content.Source source;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final AtomicLong reserved = new AtomicLong();
        private final AtomicBoolean released = new AtomicBoolean();

        private Reading(Content.Source source) {
            this.source = source;
        }

        @Override
        public void run() {
            while (!bytes.isDone()) {
                Content.Chunk chunk = source.read();
                if (chunk == null) {
                    source.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    bytes.completeExceptionally(chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if (!take(n)) {
                    chunk.release();
                    bytes.completeExceptionally(new Spent());
                    return;
                }
                byte[] copy = new byte[n];
                buffer.get(copy);
                out.write(copy, 0, n);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    bytes.complete(out.toByteArray());
                }
            }
        }

        private boolean take(int n) {
            if (left.addAndGet(-n) < 0) {
                left.addAndGet(n);
                return false;
            }
            reserved.addAndGet(n);
            if (released.get()) { // answered meanwhile: give it back at once
                left.addAndGet(reserved.getAndSet(0));
            }
            return true;
        }

        /** Gives the body's bytes back to the budget. */
        void release() {
            released.set(true);
            left.addAndGet(reserved.getAndSet(0));
        }
    }
}
