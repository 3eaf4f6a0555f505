package health.triage.bench;

import health.triage.NextQuestions;
import health.triage.Screen;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Next-question computation ({@link TriageEngine#nextQuestions(TriageCase)}, which {@code assess --json} does for
 * every case) and the next screen ({@link TriageEngine#nextScreen(TriageCase, Set)}) on the same mix, each example
 * case as it is (most answer every screening question, some leave questions out). {@code NextScreenCpuTime} compares
 * the two in CPU time on every stage of the example cases' interviews. The interview stages of one person are benchmarked by triage-examples' own NextQuestionsBenchmark
 * ({@code -Pbench-interview}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NextQuestionsBenchmark {

    private TriageEngine engine;
    private TriageCase[] cases;

    @Setup
    public void setUp() {
        engine = TriageEngine.builder().build();
        cases = Mix.cases();
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public NextQuestions nextQuestions(AssessBenchmark.Cursor cursor) {
        return engine.nextQuestions(cursor.next(cases));
    }

    /** The next screen of an interview for the same cases: the same work plus grouping (target: no more). */
    @Benchmark
    public Optional<Screen> nextScreen(AssessBenchmark.Cursor cursor) {
        return engine.nextScreen(cursor.next(cases), Set.of());
    }
}
