package health.triage.rules;

import health.triage.Assessment;
import health.triage.NextQuestions;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import net.jqwik.api.sessions.JqwikSession;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One engine shared by many threads gives exactly the results of a sequential run, and closes cleanly while in use.
 */
class EngineConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CASES = 1_000;

    private static List<TriageCase> cases;
    private static List<Assessment> sequential;
    private static TriageEngine engine;

    @BeforeAll
    static void assessSequentially() {
        JqwikSession.start();
        try {
            cases = GeneratedCases.cases().sampleStream().limit(CASES).toList();
        } finally {
            JqwikSession.finish();
        }
        engine = TriageEngine.builder().build();
        sequential = cases.stream().map(engine::assess).toList();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void manyThreadsSharingOneEngine_giveTheResultsOfASequentialRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> differences = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            differences.add(pool.submit(() -> {
                List<Integer> order = IntStream.range(0, CASES).boxed().collect(ArrayList::new, List::add, List::addAll);
                Collections.shuffle(order, new Random(seed)); // each thread in its own order
                start.await();
                List<String> wrong = new ArrayList<>();
                for (int i : order) {
                    if (!engine.assess(cases.get(i)).equals(sequential.get(i))) {
                        wrong.add("case " + i + " in thread " + seed);
                    }
                }
                return wrong;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "threads did not finish");
        List<String> wrong = new ArrayList<>();
        for (Future<List<String>> f : differences) {
            wrong.addAll(f.get());
        }
        assertEquals(List.of(), wrong, "results that differ from the sequential run");
    }

    @Test
    void manyThreadsAskingForNextQuestions_getTheQuestionsOfASequentialRun() throws Exception {
        // the planner works out its single answers on the common fork-join pool; callers in many threads share it
        List<TriageCase> some = cases.subList(0, 24);
        List<NextQuestions> expected = some.stream().map(engine::nextQuestions).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> differences = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            differences.add(pool.submit(() -> {
                List<Integer> order = IntStream.range(0, some.size()).boxed()
                        .collect(ArrayList::new, List::add, List::addAll);
                Collections.shuffle(order, new Random(seed));
                List<String> wrong = new ArrayList<>();
                for (int i : order) {
                    if (!engine.nextQuestions(some.get(i)).equals(expected.get(i))) {
                        wrong.add("case " + i + " in thread " + seed);
                    }
                }
                return wrong;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "threads did not finish");
        List<String> wrong = new ArrayList<>();
        for (Future<List<String>> f : differences) {
            wrong.addAll(f.get());
        }
        assertEquals(List.of(), wrong, "next questions that differ from the sequential run");
    }

    @Test
    void closingWhileThreadsAssess_letsEveryCallEitherFinishCorrectlyOrFailAsClosed() {
        TriageEngine shared = TriageEngine.builder().build();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> workers = new ArrayList<>();
        CountDownLatch running = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            workers.add(() -> {
                running.countDown();
                for (int i = 0; ; i = (i + 1) % CASES) {
                    Assessment result;
                    try {
                        result = shared.assess(cases.get(i));
                    } catch (IllegalStateException e) {
                        assertEquals("the engine is closed", e.getMessage());
                        refused.incrementAndGet();
                        return null;
                    }
                    assertEquals(sequential.get(i), result, "a result while closing");
                    finished.incrementAndGet();
                }
            });
        }

        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            List<Future<Void>> futures = workers.stream().map(pool::submit).toList();
            running.await();
            while (finished.get() < 200) {
                Thread.sleep(10);
            }
            shared.close();
            for (Future<Void> f : futures) {
                f.get(); // rethrows a wrong result or an unexpected exception
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        });

        assertEquals(8, refused.get(), "every thread is refused once the engine is closed");
        assertThrows(IllegalStateException.class, () -> shared.assess(cases.get(0)));
        shared.close(); // closing twice is harmless
    }
}
