package health.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent probes of the question planner on an executor, the calling thread taking its share.
 *
 * <p>The calling thread claims probes too, and waits only for probes another thread has started, never for a task
 * still queued: so an executor that is busy, single-threaded, the caller's own pool or {@code Runnable::run} can
 * never deadlock it; at worst the caller runs every probe itself. An executor that rejects a task is used no further.
 */
final class Probes {

    private Probes() {
    }

    /**
     * {@code evaluate} applied to every input, the results in the order of the inputs. When some fail, the failure of
     * the first of them in that order is thrown, so a failing rule base is reported the same way every time.
     */
    static <T, R> List<R> inParallel(Executor executor, List<T> inputs, Function<T, R> evaluate) {
        int n = inputs.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = evaluate.apply(inputs.get(i));
                } catch (Throwable t) {
                    failures[i] = t;
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(n - 1, parallelism(executor));
        try {
            for (int h = 0; h < helpers && next.get() < n; h++) {
                executor.execute(work);
            }
        } catch (RejectedExecutionException e) {
            // the caller does the rest
        }
        work.run();
        awaitUninterruptibly(done);
        List<R> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (failures[i] instanceof RuntimeException e) {
                throw e;
            }
            if (failures[i] instanceof Error e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            R result = (R) results[i];
            list.add(result);
        }
        return list;
    }

    private static int parallelism(Executor executor) {
        return executor instanceof ForkJoinPool pool ? pool.getParallelism()
                : Runtime.getRuntime().availableProcessors();
    }

    /** Waits for the probes other threads started; an interrupt is kept for the caller, not lost. */
    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
