package health.triage.bench;

import health.triage.Finding;
import health.triage.TriageCase;
import health.triage.facts.Answer;
import health.triage.facts.Patient;
import health.triage.facts.Stage;
import health.triage.internal.CompiledRuleBase;
import health.triage.internal.RuleFiles;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Why the engine does not use {@code kieBase.newKieSessionsPool(n)}: runs the findings and source stages of each
 * case of the mix on a fresh session and on a pooled (reset) session, and counts the rows of the likely-source table
 * (activation group {@code likely-source}, rules SRC-01..05) that fired. Exactly one must fire. Also times both.
 *
 * <p>{@code java -cp benchmarks.jar health.triage.bench.PooledSessionCheck}
 */
public final class PooledSessionCheck {

    private PooledSessionCheck() {
    }

    public static void main(String[] args) {
        KieBase kieBase = CompiledRuleBase.compile(RuleFiles.fromClasspath()).kieBase();
        KieSessionsPool pool = kieBase.newKieSessionsPool(1);
        TriageCase[] cases = Mix.cases();
        report("new session per case", cases, kieBase::newKieSession);
        report("pooled session (reset on dispose)", cases, pool::newKieSession);
        pool.shutdown();
    }

    private static void report(String what, TriageCase[] cases, Supplier<KieSession> sessions) {
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (TriageCase c : cases) {
                List<String> rows = sourceRows(sessions.get(), c);
                if (rows.size() != 1 && round == 1) {
                    wrong.add(c.id() + ": " + rows);
                }
            }
        }
        int n = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sourceRows(sessions.get(), cases[i % cases.length]);
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("%s: %.1f us per case (findings and source stages only); cases where not exactly one "
                + "likely-source row fired: %d of %d%n", what, micros, wrong.size(), cases.length);
        wrong.stream().limit(5).forEach(w -> System.out.println("  " + w));
    }

    private static List<String> sourceRows(KieSession session, TriageCase c) {
        List<String> rows = new ArrayList<>();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String id = String.valueOf(event.getMatch().getRule().getMetaData().get("id"));
                if (id.startsWith("SRC-")) {
                    rows.add(id);
                }
            }
        };
        try {
            session.addEventListener(listener);
            session.insert(new Patient(c.age(), c.sex(), c.pregnant(), c.durationDays(), c.painScore()));
            for (Finding finding : Finding.values()) {
                session.insert(Answer.of(finding, c.findings().get(finding)));
            }
            session.fireAllRules();
            session.getAgenda().getAgendaGroup(Stage.SOURCE.group()).setFocus();
            session.fireAllRules();
        } finally {
            session.removeEventListener(listener);
            session.dispose();
        }
        return rows;
    }
}
