package health.triage.bench;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Screen;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether {@link TriageEngine#nextScreen(TriageCase, Set)} costs no more than {@link TriageEngine#nextQuestions(TriageCase,
 * Set)}, in CPU time of the measuring thread (so that other work on a busy machine does not count). The cases are
 * every partial case of the interviews by screens of the example cases (each answered from its own file), so the
 * figures are those of real interviews; each round times all of them with one call and then with the other, in
 * turns, and reports the mean CPU time per call and the ratio. The next questions run their probes on the common
 * fork-join pool; the pool's threads are counted too (their CPU time is read before and after).
 *
 * <p>{@code NextScreenCpuTime [ROUNDS]}
 */
public final class NextScreenCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private NextScreenCpuTime() {
    }

    /** A partial case of an interview and the findings answered "not sure" so far. */
    private record Stage(TriageCase triageCase, Set<Finding> dontKnow) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (TriageEngine engine = TriageEngine.builder().build()) {
            List<Stage> stages = new ArrayList<>();
            for (Mix.Example example : Mix.examples()) {
                stages.addAll(interview(engine, example.triageCase()));
            }
            System.out.printf(Locale.ROOT, "%d partial cases from the interviews of %d example cases%n",
                    stages.size(), Mix.examples().size());
            time(engine, stages, false); // warm-up
            time(engine, stages, true);
            for (int round = 1; round <= rounds; round++) {
                double questions = time(engine, stages, false);
                double screen = time(engine, stages, true);
                System.out.printf(Locale.ROOT, "round %d: nextQuestions %.2f ms CPU per call, nextScreen %.2f ms "
                        + "(ratio %.3f); load %.2f%n", round, questions, screen, screen / questions,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** Every partial case of an interview by screens with answers from the case. */
    private static List<Stage> interview(TriageEngine engine, TriageCase person) {
        List<Stage> stages = new ArrayList<>();
        TriageCase c = TriageCase.builder(person.age()).sex(person.sex()).pregnant(person.pregnant())
                .durationDays(person.durationDays()).painScore(person.painScore()).build();
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        while (true) {
            stages.add(new Stage(c, Set.copyOf(dontKnow)));
            NextQuestions next = engine.nextQuestions(c, dontKnow);
            Optional<Screen> screen = next.nextScreen();
            if (next.assessment().disposition() == Disposition.EMERGENCY || screen.isEmpty()) {
                return stages;
            }
            TriageCase.Builder answers = c.toBuilder();
            for (Finding finding : screen.get().findings()) {
                Boolean answer = person.findings().get(finding);
                if (answer == null) {
                    dontKnow.add(finding);
                } else {
                    answers.answer(finding, answer);
                }
            }
            c = answers.build();
        }
    }

    /** Mean CPU time per call in milliseconds, of every thread of this JVM, over every stage. */
    private static double time(TriageEngine engine, List<Stage> stages, boolean screen) {
        long start = allThreadsCpu();
        int sink = 0;
        for (Stage stage : stages) {
            sink += screen ? engine.nextScreen(stage.triageCase(), stage.dontKnow()).map(s -> 1).orElse(0)
                    : engine.nextQuestions(stage.triageCase(), stage.dontKnow()).questions().size();
        }
        long spent = allThreadsCpu() - start;
        if (sink == -1) {
            System.out.println(); // keeps the calls from being optimised away
        }
        return spent / 1e6 / stages.size();
    }

    private static long allThreadsCpu() {
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                total += t;
            }
        }
        return total;
    }
}
