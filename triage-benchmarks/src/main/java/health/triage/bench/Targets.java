package health.triage.bench;

import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The figures of issue 14's targets in CPU time, one line each, so two versions can be run side by side:
 * <ul>
 *   <li>{@code assess}: CPU time of one {@link TriageEngine#assess} on the mix (mean, p50, p99, of the measuring
 *   thread), each thread's CPU per assessment with two threads sharing one engine, and what that allows on two
 *   cores;</li>
 *   <li>{@code next}: CPU time of the whole process per {@link TriageEngine#nextQuestions} (the planner runs its
 *   probes on the common fork-join pool, so the calling thread's own CPU time would miss most of it), for the
 *   stages of one interview (nothing answered; midway: the screening questions answered no and buttock pain yes; one
 *   question before complete), the mix, and generated partial cases;</li>
 *   <li>{@code startup}: in a fresh JVM, the time and process CPU from JVM start to the engine built and to the
 *   first assessment, as a consumer app meets it.</li>
 * </ul>
 *
 * <p>{@code Targets assess|next|startup [SECONDS] [ROUNDS]}
 */
public final class Targets {

    private Targets() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "assess";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (what.equals("startup")) {
            startup();
            return;
        }
        try (TriageEngine engine = TriageEngine.builder().build()) {
            System.out.printf(Locale.ROOT, "%d rules; load average at start %s%n", engine.rules().size(), load());
            if (what.equals("assess")) {
                assess(engine, seconds, rounds);
            } else {
                next(engine, seconds, rounds);
            }
        }
    }

    private static void assess(TriageEngine engine, int seconds, int rounds) throws Exception {
        TriageCase[] cases = Mix.cases();
        CpuTime.timeEngine(engine, cases, seconds * 2L); // warm-up
        for (int round = 1; round <= rounds; round++) {
            long[] one = CpuTime.timeEngine(engine, cases, seconds);
            double[] two = CpuTime.twoThreads(engine, cases, seconds);
            double perThread = (two[0] + two[1]) / 2;
            System.out.printf(Locale.ROOT, "assess round %d: CPU per assessment mean %.1f us, p50 %.1f us, p99 %.1f "
                            + "us (n=%d); 2 threads: %.1f and %.1f us each, so %,.0f assessments/s on 2 free cores; "
                            + "load %s%n", round, mean(one), CpuTime.percentile(one, 50), CpuTime.percentile(one, 99),
                    one.length, two[0], two[1], 2 * 1e6 / perThread, load());
        }
    }

    private static void next(TriageEngine engine, int seconds, int rounds) {
        List<String> names = new ArrayList<>(List.of("empty", "midway", "last-question", "mix", "generated"));
        CaseGenerator generator = new CaseGenerator(11);
        TriageCase[] generated = new TriageCase[200];
        Arrays.setAll(generated, i -> generator.next());
        TriageCase[][] inputs = {{stage("empty")}, {stage("midway")}, {stage("last-question")}, Mix.cases(), generated};
        for (TriageCase[] input : inputs) {
            processCpu(seconds, input, engine::nextQuestions); // warm-up
        }
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("next questions round " + round + ", process CPU per call:");
            for (int i = 0; i < inputs.length; i++) {
                line.append(String.format(Locale.ROOT, " %s %.3f ms;", names.get(i),
                        processCpu(seconds, inputs[i], engine::nextQuestions) / 1e6));
            }
            System.out.println(line + " load " + load());
        }
    }

    /** Mean process CPU time in nanoseconds per call, cycling through the cases for about {@code seconds} of CPU. */
    private static double processCpu(int seconds, TriageCase[] cases, Consumer<TriageCase> call) {
        long budget = seconds * 1_000_000_000L;
        long start = processCpuNanos();
        long n = 0;
        while (processCpuNanos() - start < budget || n < cases.length) {
            call.accept(cases[(int) (n % cases.length)]);
            n++;
        }
        return (processCpuNanos() - start) / (double) n;
    }

    private static void startup() {
        long main = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpuAtMain = processCpuNanos();
        try (TriageEngine engine = TriageEngine.builder().build()) {
            long built = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpuBuilt = processCpuNanos();
            engine.assess(Mix.cases()[0]);
            long first = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpuFirst = processCpuNanos();
            System.out.printf(Locale.ROOT, "startup: main() at %d ms after JVM start (process CPU %d ms); engine built "
                            + "at %d ms (+%d ms, CPU +%d ms); first assessment at %d ms (build + first assessment: "
                            + "%d ms, CPU %d ms)%n", main, cpuAtMain / 1_000_000, built, built - main,
                    (cpuBuilt - cpuAtMain) / 1_000_000, first, first - main, (cpuFirst - cpuAtMain) / 1_000_000);
        }
    }

    /** The interview stages of the typical piriformis presentation, as triage-examples' NextQuestionsBenchmark. */
    static TriageCase stage(String stage) {
        TriageCase.Builder person = TriageCase.builder(38).sex(Sex.MALE).durationDays(28);
        if (stage.equals("empty")) {
            return person.build();
        }
        person.absent(Finding.SADDLE_NUMBNESS, Finding.BLADDER_DYSFUNCTION, Finding.BOWEL_DYSFUNCTION,
                Finding.BILATERAL_LEG_SYMPTOMS, Finding.PROGRESSIVE_WEAKNESS, Finding.FEVER,
                Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS, Finding.CANCER_HISTORY,
                Finding.PAIN_NOT_EASED_BY_REST, Finding.RECENT_FALL, Finding.MAJOR_TRAUMA,
                Finding.SEVERE_UNCONTROLLED_PAIN).present(Finding.BUTTOCK_PAIN);
        if (stage.equals("midway")) {
            return person.build();
        }
        return person.present(Finding.WORSE_SITTING, Finding.WORSE_HARD_SEAT)
                .absent(Finding.SEXUAL_DYSFUNCTION, Finding.LEG_WEAKNESS, Finding.WORSENING_NUMBNESS,
                        Finding.NEURO_DEFICIT, Finding.IV_DRUG_USE, Finding.IMMUNOSUPPRESSION,
                        Finding.LONG_TERM_STEROIDS, Finding.SUDDEN_ONSET_WITH_POP, Finding.THIGH_BRUISING,
                        Finding.SELF_CARE_NOT_HELPING, Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK,
                        Finding.LATERAL_HIP_PAIN, Finding.WORSE_COUGH_SNEEZE, Finding.WORSE_SPINE_BENDING)
                .build();
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e3;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
