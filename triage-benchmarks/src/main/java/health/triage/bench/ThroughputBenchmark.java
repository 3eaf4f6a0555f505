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

import java.util.concurrent.TimeUnit;

/** Assessments per second with 1 and 2 threads sharing one engine, on the mix; the baseline alongside. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ThroughputBenchmark {

    private TriageEngine engine;
    private TriageCase[] cases;

    @Setup
    public void setUp() {
        engine = TriageEngine.builder().build();
        cases = Mix.cases();
        AssessBenchmark.checkBaselineAgrees(engine, cases);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @Threads(1)
    public Assessment engine1Thread(AssessBenchmark.Cursor cursor) {
        return engine.assess(cursor.next(cases));
    }

    @Benchmark
    @Threads(2)
    public Assessment engine2Threads(AssessBenchmark.Cursor cursor) {
        return engine.assess(cursor.next(cases));
    }

    @Benchmark
    @Threads(1)
    public HandCoded.Decision baseline1Thread(AssessBenchmark.Cursor cursor) {
        return HandCoded.decide(cursor.next(cases));
    }

    @Benchmark
    @Threads(2)
    public HandCoded.Decision baseline2Threads(AssessBenchmark.Cursor cursor) {
        return HandCoded.decide(cursor.next(cases));
    }
}
