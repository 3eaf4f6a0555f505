package health.triage.bench;

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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Time to build an engine in a warm JVM (the first build of a process is the cold start, measured whole by
 * {@code coldstart.sh}): the built-in rule base from the classpath, and rule bases of 1 and 10 times the real
 * size compiled from a folder ({@code --rules DIR}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class BuildBenchmark {

    @Param({"classpath", "folder-x1", "folder-x10"})
    public String rules;

    private Path folder;

    @Setup
    public void setUp() throws IOException {
        if (rules.startsWith("folder-x")) {
            int factor = Integer.parseInt(rules.substring("folder-x".length()));
            folder = ScaledRules.write(factor, Files.createTempDirectory("triage-rules-" + rules));
        }
    }

    @Benchmark
    public TriageEngine build() {
        TriageEngine.Builder builder = TriageEngine.builder();
        if (folder != null) {
            builder.rulesFrom(folder);
        }
        return builder.build();
    }
}
