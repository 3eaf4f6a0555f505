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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Latency on the mix with a rule base of {@code factor} times the real size ({@link ScaledRules}), compiled from a
 * folder as {@code --rules DIR} does; factor 1 is the real rule base from a folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {

    @Param({"1", "10"})
    public int factor;

    private TriageEngine engine;
    private TriageCase[] cases;

    @Setup
    public void setUp() throws IOException {
        Path folder = ScaledRules.write(factor, Files.createTempDirectory("triage-rules-x" + factor));
        engine = TriageEngine.builder().rulesFrom(folder).build();
        cases = Mix.cases();
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Assessment engine(AssessBenchmark.Cursor cursor) {
        return engine.assess(cursor.next(cases));
    }
}
