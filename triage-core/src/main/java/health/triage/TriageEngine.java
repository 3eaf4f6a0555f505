package health.triage;

import health.triage.internal.CompiledRuleBase;
import health.triage.internal.Evaluation;
import health.triage.internal.QuestionPlanner;
import health.triage.internal.RuleFiles;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * Assesses cases against a rule base. Build one engine and share it: {@link #assess(TriageCase)} is safe to call
 * from many threads at once.
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.builder().build();   // the rule base of triage-rules on the classpath
 * Assessment result = engine.assess(TriageCase.builder(34).present(Finding.BUTTOCK_PAIN).build());
 * }</pre>
 *
 * <p>The engine is {@link AutoCloseable} so that an app can say it is done with it: after {@link #close()}, every
 * call fails with "the engine is closed" instead of answering from an engine the app meant to retire (a service
 * closes it on shutdown). It holds no thread, file or connection, and it never shuts down the executor it was given,
 * so an engine shared for the life of an app needs no closing; a short program can use try-with-resources.
 */
public final class TriageEngine implements AutoCloseable {

    private final CompiledRuleBase ruleBase;
    private final BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy;
    private final Executor executor;
    private volatile boolean closed;

    private TriageEngine(CompiledRuleBase ruleBase, BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy,
                         Executor executor) {
        this.ruleBase = ruleBase;
        this.bilateralLegSymptomsPolicy = bilateralLegSymptomsPolicy;
        this.executor = executor;
    }

    /** A builder; without options it loads the rule base shipped in {@code triage-rules}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assesses one case.
     *
     * <p>What it costs depends on the outcome. Most cases take one run of the rules: about 0.2-0.5 ms and 0.4 MB
     * allocated, on the calling thread. A case the rules send to {@link Disposition#SELF_CARE} while some findings are
     * unanswered also runs the question planner, because self-care is advised only when no unanswered question could
     * change it: about two more runs per unanswered finding, 4-8 ms of CPU and about 4 MB allocated, spread over the
     * engine's executor ({@link Builder#executor(Executor)}; by default the common fork-join pool) with the calling
     * thread taking its share. (Measured 2026-12-07, warm, OpenJDK 17 on 2 shared cores, nothing else running; the
     * README's case is of the costly kind.) A case with every finding answered never runs the planner.
     *
     * @throws NullPointerException  when the case is null
     * @throws IllegalStateException when the engine is closed, or the rule base reaches no decision for the case
     */
    public Assessment assess(TriageCase triageCase) {
        Objects.requireNonNull(triageCase, "case must not be null");
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        Assessment assessment = Evaluation.run(ruleBase, triageCase, bilateralLegSymptomsPolicy);
        if (assessment.disposition() != Disposition.SELF_CARE
                || triageCase.findings().size() == Finding.values().length) {
            return assessment;
        }
        return selfCareOnlyWhenComplete(triageCase, assessment,
                QuestionPlanner.plan(ruleBase, executor, bilateralLegSymptomsPolicy, triageCase, Set.of()));
    }

    /**
     * Self-care is advised only when the assessment is complete. When the rules reached self-care while unanswered
     * questions could still change it, the case is assessed again with those questions as {@link
     * health.triage.facts.OpenQuestion} facts, which the rule base's screening rules hold above self-care (the rule
     * base of triage-rules does, in SCR-10; its tests check that self-care always comes with a complete assessment).
     */
    private Assessment selfCareOnlyWhenComplete(TriageCase triageCase, Assessment assessment,
                                                QuestionPlanner.Plan plan) {
        if (assessment.disposition() != Disposition.SELF_CARE || plan.complete()) {
            return assessment;
        }
        return Evaluation.runWithOpenQuestions(ruleBase, triageCase, bilateralLegSymptomsPolicy,
                plan.dispositionQuestions());
    }

    /** How this engine sends on new symptoms in both legs when they are the only cauda equina sign. */
    public BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy() {
        return bilateralLegSymptomsPolicy;
    }

    /**
     * What to ask next for a partial case, ranked, and whether the assessment is already complete.
     *
     * <p>Unanswered emergency-screen questions come first (saddle numbness, bladder trouble, bowel trouble, symptoms
     * in both legs, worsening weakness, in that order); then the questions whose answer could change the
     * disposition, on its own or together with other answers, those that could make it most urgent first; then the
     * screening questions the assessment lists as unanswered; then the questions that could change only the likely
     * source. What "could change" means is worked out from the rule base
     * by assessing the case again with hypothetical answers, so a rule added to the rule base changes the questions
     * by itself. Ties keep the order of {@link Finding}. The assessment is complete when no unanswered question could
     * change the disposition and no screening question is unanswered; an emergency is always complete and has no
     * questions: the interview stops there.
     *
     * <p>This runs one assessment of the case, two per unanswered finding and a few of whole completions of it, on
     * the engine's executor with the calling thread taking its share: 4.5 ms for a complete case, 31 ms for an empty
     * one (measured as for {@link #assess(TriageCase)}).
     *
     * @throws NullPointerException  when the case is null
     * @throws IllegalStateException when the engine is closed, or the rule base reaches no decision for the case or
     *                               for one of the hypothetical answers
     */
    public NextQuestions nextQuestions(TriageCase triageCase) {
        return nextQuestions(triageCase, Set.of());
    }

    /**
     * What to ask next, as {@link #nextQuestions(TriageCase)}, when the person answered some questions "don't know".
     * Those findings stay unknown (never taken as no) and are not asked again; the other questions are ranked as if
     * they will stay unknown, so a question that could only matter once they are answered is not asked. They still
     * count for {@link NextQuestions#complete()}: while one of them could change the disposition, the assessment is
     * not complete.
     *
     * @param dontKnow findings the person could not answer; those the case answers are ignored
     * @throws NullPointerException  when the case or the set is null
     * @throws IllegalStateException when the engine is closed, or the rule base reaches no decision for the case or
     *                               for one of the hypothetical answers
     */
    public NextQuestions nextQuestions(TriageCase triageCase, Set<Finding> dontKnow) {
        Objects.requireNonNull(triageCase, "case must not be null");
        Objects.requireNonNull(dontKnow, "dontKnow must not be null (use an empty set)");
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
        QuestionPlanner.Plan plan = QuestionPlanner.plan(ruleBase, executor, bilateralLegSymptomsPolicy, triageCase,
                dontKnow);
        Assessment assessment = plan.complete() ? plan.assessment()
                : selfCareOnlyWhenComplete(triageCase, plan.assessment(), dontKnow.isEmpty() ? plan
                        : QuestionPlanner.plan(ruleBase, executor, bilateralLegSymptomsPolicy, triageCase, Set.of()));
        List<Question> questions = plan.questions().stream()
                .map(p -> question(p.finding(), p.priority(), p.rankReason()))
                .toList();
        Predicate<Finding> shown = f -> !f.examinationOnly() || Boolean.TRUE.equals(triageCase.examined());
        Optional<Screen> screen = plan.complete() ? Optional.empty() : ScreenGroups.shipped().next(
                questions.stream().filter(q -> shown.test(q.finding())).toList(),
                f -> !triageCase.findings().containsKey(f) && !dontKnow.contains(f) && shown.test(f),
                f -> question(f, Question.Priority.SAME_SCREEN, SAME_SCREEN_REASON), assessment.likelySource());
        return new NextQuestions(assessment, questions, plan.complete(), screen);
    }

    private static final String SAME_SCREEN_REASON = "Shown with the other findings of this screen: its answer would "
            + "not change the disposition or the likely source now, but can shape the advice.";

    private static Question question(Finding finding, Question.Priority priority, String rankReason) {
        QuestionWording.Wording wording = QuestionWording.of(finding);
        return new Question(finding, wording.patient(), wording.clinician(), wording.why(), priority, rankReason);
    }

    /**
     * What to show next in an interview that groups questions into screens: {@code nextQuestions(triageCase,
     * dontKnow).nextScreen()} (see {@link NextQuestions}); empty when the assessment is complete. An app
     * that also needs the assessment or {@code complete} calls {@link #nextQuestions(TriageCase, Set)} once and asks
     * it for the screen.
     *
     * @param dontKnow findings the person could not answer ("not sure"); they are never shown again
     * @throws NullPointerException  when the case or the set is null
     * @throws IllegalStateException as {@link #nextQuestions(TriageCase, Set)}
     */
    public Optional<Screen> nextScreen(TriageCase triageCase, Set<Finding> dontKnow) {
        return nextQuestions(triageCase, dontKnow).nextScreen();
    }

    /** Identifies the exact rule text in use: the release version and a short hash of the DRL files. */
    public String ruleBaseVersion() {
        return ruleBase.version();
    }

    /** The files of the rule base, one per clinical concern, in name order, with the comment each opens with. */
    public List<RuleFile> ruleFiles() {
        return ruleBase.files();
    }

    /** Every rule of the rule base, in id order. */
    public List<RuleInfo> rules() {
        return ruleBase.rules().values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /**
     * Retires the engine: later calls to {@link #assess(TriageCase)} and {@link #nextQuestions(TriageCase)} fail with
     * an {@link IllegalStateException}. It releases nothing, since the engine holds nothing to release, and leaves the
     * executor running. Calling it twice is harmless.
     */
    @Override
    public void close() {
        closed = true;
    }

    /** Configures and builds a {@link TriageEngine}. */
    public static final class Builder {
        private Path rulesDirectory;
        private BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy = BilateralLegSymptomsPolicy.DEFAULT;
        private Executor executor = ForkJoinPool.commonPool();

        private Builder() {
        }

        /**
         * Where the question planner runs its independent probes: for {@link #nextQuestions(TriageCase)}, and for
         * {@link #assess(TriageCase)} when the rules reach self-care on a case with unanswered findings. By default
         * the JVM's common fork-join pool. The calling thread always takes its share and never waits for a task the
         * executor has not started, so any executor is safe, even a busy or single-threaded one, or the pool whose
         * threads call the engine; {@code Runnable::run} runs every probe on the calling thread. The engine never
         * shuts the executor down.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /**
         * Loads the rules from every {@code *.drl} file of a folder (for example a clinician's edited copy) instead
         * of the rule base on the classpath.
         */
        public Builder rulesFrom(Path directory) {
            this.rulesDirectory = Objects.requireNonNull(directory, "directory must not be null");
            return this;
        }

        /**
         * Chooses how new symptoms in both legs are sent on when they are the only cauda equina sign:
         * {@link BilateralLegSymptomsPolicy#EMERGENCY} (the default) or {@link BilateralLegSymptomsPolicy#URGENT}
         * with cauda equina safety-netting. Every assessment records the choice.
         */
        public Builder bilateralLegSymptomsPolicy(BilateralLegSymptomsPolicy policy) {
            this.bilateralLegSymptomsPolicy = Objects.requireNonNull(policy,
                    "bilateralLegSymptomsPolicy must not be null");
            return this;
        }

        /**
         * Compiles the rule base.
         *
         * @throws RuleBaseException        when a rule does not compile or lacks its id or source
         * @throws IllegalArgumentException when the rules folder cannot be read or holds no DRL file
         * @throws IllegalStateException    when no folder is given and no rule base is on the classpath
         */
        public TriageEngine build() {
            if (rulesDirectory == null) {
                // the executable model pre-built from the same DRL when triage-rules was built, else the DRL
                return new TriageEngine(CompiledRuleBase.load(RuleFiles.fromClasspath()), bilateralLegSymptomsPolicy,
                        executor);
            }
            return new TriageEngine(CompiledRuleBase.compile(RuleFiles.fromDirectory(rulesDirectory)),
                    bilateralLegSymptomsPolicy, executor);
        }
    }
}
