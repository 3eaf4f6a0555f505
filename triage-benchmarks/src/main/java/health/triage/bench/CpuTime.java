package health.triage.bench;

import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * The same latency and throughput as the JMH benchmarks, in CPU time of the measuring thread instead of wall time, so
 * that other processes on a busy machine do not count: a thread that waits for a core gains no CPU time. Reports the
 * mean, p50 and p99 CPU time of one assessment on the mix (each timed alone), the baseline (timed in blocks of 1,000
 * because one decision is shorter than the timer's resolution), and each thread's CPU time per assessment with 1 and 2
 * threads sharing one engine. Pauses of the whole JVM (garbage collection) are not in a thread's CPU time; the JMH
 * figures include them.
 *
 * <p>{@code CpuTime [SECONDS_PER_ROUND] [ROUNDS] [FACTOR]}: with FACTOR, the engine is built from a folder holding a
 * rule base FACTOR times the real size ({@link ScaledRules}; 1 is the real DRL from a folder), as {@code --rules}
 * does, and the baseline check is skipped (a bigger rule base decides differently).
 */
public final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TriageCase[] cases = Mix.cases();
        TriageEngine.Builder builder = TriageEngine.builder();
        if (args.length > 2) {
            int factor = Integer.parseInt(args[2]);
            builder.rulesFrom(ScaledRules.write(factor, java.nio.file.Files.createTempDirectory("triage-rules-x")));
        }
        long buildStarted = System.nanoTime();
        try (TriageEngine engine = builder.build()) {
            System.out.printf(Locale.ROOT, "engine built in %d ms (%d rules)%n",
                    (System.nanoTime() - buildStarted) / 1_000_000, engine.rules().size());
            if (args.length <= 2) {
                AssessBenchmark.checkBaselineAgrees(engine, cases);
            }
            System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
            timeEngine(engine, cases, seconds * 2L); // warm-up
            timeBaseline(cases, seconds);
            for (int round = 1; round <= rounds; round++) {
                long[] engine1 = timeEngine(engine, cases, seconds);
                double baseline = timeBaseline(cases, seconds);
                double[] two = twoThreads(engine, cases, seconds);
                double mean = Arrays.stream(engine1).average().orElse(0) / 1e3;
                System.out.printf(Locale.ROOT, "round %d: engine CPU/assessment mean %.1f us, p50 %.1f us, p99 %.1f us "
                                + "(n=%d); baseline mean %.3f us; ratio %.0fx; 2 threads: %.1f and %.1f us per "
                                + "assessment per thread; load %s%n",
                        round, mean, percentile(engine1, 50), percentile(engine1, 99), engine1.length, baseline,
                        mean / baseline, two[0], two[1], loadAverage());
            }
        }
    }

    /** CPU time of each assessment, in nanoseconds, for about {@code seconds} of CPU time. */
    static long[] timeEngine(TriageEngine engine, TriageCase[] cases, long seconds) {
        List<long[]> blocks = new ArrayList<>();
        long budget = seconds * 1_000_000_000L;
        long spent = 0;
        int next = 0;
        while (spent < budget) {
            long[] block = new long[10_000];
            for (int i = 0; i < block.length; i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                engine.assess(cases[next]);
                block[i] = THREADS.getCurrentThreadCpuTime() - start;
                spent += block[i];
                next = next + 1 == cases.length ? 0 : next + 1;
                if (spent >= budget) {
                    block = Arrays.copyOf(block, i + 1);
                    break;
                }
            }
            blocks.add(block);
        }
        return blocks.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** Mean CPU time of one baseline decision in microseconds. */
    static double timeBaseline(TriageCase[] cases, long seconds) {
        long budget = seconds * 1_000_000_000L;
        long spent = 0;
        long n = 0;
        int next = 0;
        int sink = 0;
        while (spent < budget) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 1_000; i++) {
                sink += HandCoded.decide(cases[next]).disposition().ordinal();
                next = next + 1 == cases.length ? 0 : next + 1;
            }
            spent += THREADS.getCurrentThreadCpuTime() - start;
            n += 1_000;
        }
        if (sink == -1) {
            System.out.println(); // keeps the decisions from being optimised away
        }
        return spent / 1e3 / n;
    }

    /** Each of two threads assessing on one shared engine: its CPU time per assessment in microseconds. */
    static double[] twoThreads(TriageEngine engine, TriageCase[] cases, long seconds) throws Exception {
        double[] result = new double[2];
        CyclicBarrier start = new CyclicBarrier(2);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long[] times = timeEngine(engine, cases, seconds);
                result[index] = Arrays.stream(times).average().orElse(0) / 1e3;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return result;
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e3;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
