package health.triage.bench;

import health.triage.Finding;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.facts.Answer;
import health.triage.facts.Patient;
import health.triage.facts.Stage;
import health.triage.internal.CompiledRuleBase;
import health.triage.internal.RuleFiles;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where the time of one assessment goes: CPU time per case on the mix of each step of an assessment, cumulatively,
 * on the built-in rule base (the pre-built executable model), then the whole {@code engine.assess}. The difference
 * between the last two steps is the engine's own work: recording which rule fired on which facts (the reasons), the
 * advice stage, and building the result.
 *
 * <p>{@code Breakdown [CASES_PER_ROUND] [ROUNDS]}
 */
public final class Breakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Breakdown() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        KieBase kieBase = CompiledRuleBase.load(RuleFiles.fromClasspath()).kieBase();
        TriageCase[] cases = Mix.cases();
        String[] steps = {"new session + dispose", "+ insert the 50 facts (Patient, 49 Answers)",
            "+ fire the findings stage", "+ fire the source stage", "engine.assess (all of it)"};
        double[][] micros = new double[steps.length][rounds + 1];
        try (TriageEngine engine = TriageEngine.builder().build()) {
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                for (int step = 0; step < steps.length - 1; step++) {
                    int upTo = step;
                    micros[step][round] = time(n, cases, c -> session(kieBase, c, upTo));
                }
                micros[steps.length - 1][round] = time(n, cases, engine::assess);
            }
        }
        System.out.printf(Locale.ROOT, "CPU time per case, median of %d rounds of %,d cases (load average %.1f):%n",
                rounds, n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int step = 0; step < steps.length; step++) {
            double[] measured = Arrays.copyOfRange(micros[step], 1, rounds + 1);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "  %-46s %7.1f us  (%.1f..%.1f)%n", steps[step],
                    measured[measured.length / 2], measured[0], measured[measured.length - 1]);
        }
    }

    private static void session(KieBase kieBase, TriageCase c, int upTo) {
        KieSession session = kieBase.newKieSession();
        try {
            if (upTo >= 1) {
                session.insert(new Patient(c.age(), c.sex(), c.pregnant(), c.durationDays(), c.painScore()));
                for (Finding finding : Finding.values()) {
                    session.insert(Answer.of(finding, c.findings().get(finding)));
                }
            }
            if (upTo >= 2) {
                session.fireAllRules();
            }
            if (upTo >= 3) {
                session.getAgenda().getAgendaGroup(Stage.SOURCE.group()).setFocus();
                session.fireAllRules();
            }
        } finally {
            session.dispose();
        }
    }

    private static double time(int n, TriageCase[] cases, Consumer<TriageCase> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            work.accept(cases[i % cases.length]);
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n;
    }
}
