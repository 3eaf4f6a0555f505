package health.triage.examples.bench;

import health.triage.Assessment;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How long {@link TriageEngine#nextQuestions(TriageCase)} takes on partial cases of an interview, next to one
 * {@link TriageEngine#assess(TriageCase)} of the same case (the next questions cost about 2 assessments per unanswered
 * finding, plus a few). Target: under 5 ms for a partial case. Not part of the test run; run it with
 * {@code mvn -B -Pbench-interview -DskipTests -pl triage-examples -am test} (arguments for JMH: {@code -Djmh.args="..."}).
 *
 * <p>The cases are stages of the interview of the typical piriformis presentation (InterviewTest): nothing answered
 * yet; midway (the thirteen screening questions answered no and buttock pain yes); and one question before complete.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NextQuestionsBenchmark {

    @Param({"empty", "midway", "last-question"})
    public String stage;

    private TriageEngine engine;
    private TriageCase partial;

    @Setup(Level.Trial)
    public void setUp() {
        engine = TriageEngine.builder().build();
        partial = stage(stage);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public NextQuestions nextQuestions() {
        return engine.nextQuestions(partial);
    }

    @Benchmark
    public Assessment assess() {
        return engine.assess(partial);
    }

    static TriageCase stage(String stage) {
        TriageCase.Builder person = TriageCase.builder(38).sex(Sex.MALE).durationDays(28);
        switch (stage) {
            case "empty" -> {
                return person.build();
            }
            case "midway" -> {
                return screened(person).present(Finding.BUTTOCK_PAIN).build();
            }
            case "last-question" -> {
                return screened(person)
                        .present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.WORSE_HARD_SEAT)
                        .absent(Finding.SEXUAL_DYSFUNCTION, Finding.LEG_WEAKNESS, Finding.WORSENING_NUMBNESS,
                                Finding.NEURO_DEFICIT, Finding.IV_DRUG_USE, Finding.IMMUNOSUPPRESSION,
                                Finding.LONG_TERM_STEROIDS, Finding.SUDDEN_ONSET_WITH_POP, Finding.THIGH_BRUISING,
                                Finding.SELF_CARE_NOT_HELPING, Finding.PAIN_BELOW_KNEE,
                                Finding.LEG_PAIN_WORSE_THAN_BACK, Finding.LATERAL_HIP_PAIN,
                                Finding.WORSE_COUGH_SNEEZE, Finding.WORSE_SPINE_BENDING)
                        .build();
            }
            default -> throw new IllegalArgumentException("unknown stage " + stage);
        }
    }

    private static TriageCase.Builder screened(TriageCase.Builder person) {
        return person.absent(Finding.SADDLE_NUMBNESS, Finding.BLADDER_DYSFUNCTION, Finding.BOWEL_DYSFUNCTION,
                Finding.BILATERAL_LEG_SYMPTOMS, Finding.PROGRESSIVE_WEAKNESS, Finding.FEVER,
                Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS, Finding.CANCER_HISTORY,
                Finding.PAIN_NOT_EASED_BY_REST, Finding.RECENT_FALL, Finding.MAJOR_TRAUMA,
                Finding.SEVERE_UNCONTROLLED_PAIN);
    }

    /** Runs this benchmark; arguments are JMH's (such as {@code -f 1 -wi 3}). */
    public static void main(String[] args) throws RunnerException, IOException {
        String[] jmh = new String[args.length + 1];
        jmh[0] = NextQuestionsBenchmark.class.getName();
        System.arraycopy(args, 0, jmh, 1, args.length);
        org.openjdk.jmh.Main.main(jmh);
    }
}
