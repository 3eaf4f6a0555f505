package health.triage.bench;

import health.triage.Assessment;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one assessment on the fixed mix (the example cases, in turn), by the engine and by the hand-coded
 * baseline, side by side: average time and the sample-time distribution (p50, p99, ...). One engine is shared by
 * every thread, as the README tells apps to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class AssessBenchmark {

    private TriageEngine engine;
    private TriageCase[] cases;

    /** Each thread walks the mix on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        TriageCase next(TriageCase[] cases) {
            TriageCase c = cases[next];
            next = next + 1 == cases.length ? 0 : next + 1;
            return c;
        }
    }

    @Setup
    public void setUp() {
        engine = TriageEngine.builder().build();
        cases = Mix.cases();
        checkBaselineAgrees(engine, cases);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Assessment engine(Cursor cursor) {
        return engine.assess(cursor.next(cases));
    }

    @Benchmark
    public HandCoded.Decision baseline(Cursor cursor) {
        return HandCoded.decide(cursor.next(cases));
    }

    /**
     * Says on how many cases of the mix the hand-coded baseline disagrees with the engine. The baseline follows
     * docs/POLICY.md as it was before the 2026-11 clinical review and is not kept up to date with the rules: its
     * figures are a reference for the cost of a plain-Java decision, not a second implementation.
     */
    static void checkBaselineAgrees(TriageEngine engine, TriageCase[] cases) {
        List<String> wrong = new ArrayList<>();
        for (TriageCase c : cases) {
            Assessment a = engine.assess(c);
            HandCoded.Decision d = HandCoded.decide(c);
            if (a.disposition() != d.disposition() || a.likelySource() != d.likelySource()) {
                wrong.add(c.id());
            }
        }
        if (!wrong.isEmpty()) {
            System.out.printf("note: the hand-coded baseline (reference only) decides %d of the %d cases of the mix "
                    + "differently from the engine%n", wrong.size(), cases.length);
        }
    }
}
