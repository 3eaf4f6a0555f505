package health.triage.internal;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Reason;
import health.triage.RuleInfo;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.SelfCareStep;
import health.triage.Stratification;
import health.triage.TriageCase;
import health.triage.facts.Answer;
import health.triage.facts.Concept;
import health.triage.facts.Mimic;
import health.triage.facts.OpenQuestion;
import health.triage.facts.Patient;
import health.triage.facts.Policy;
import health.triage.facts.SourceVerdict;
import health.triage.facts.Stage;
import health.triage.facts.Triage;
import health.triage.facts.Unanswered;
import health.triage.facts.Urgency;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One assessment: inserts the case's facts, runs the stages in order and gathers the conclusions into an
 * {@link Assessment}. The result depends only on which rules fired and what they concluded, never on the order in
 * which they fired: every list is de-duplicated and sorted.
 */
public final class Evaluation {

    /**
     * The most rule firings of one stage of one assessment. The rule base of triage-rules fires a few dozen times per
     * case; a rule base that reaches this limit loops (a rule that inserts facts that make it, or another rule, fire
     * again), so the assessment fails naming the rule instead of running forever.
     */
    public static final int FIRING_LIMIT = 10_000;

    private final CompiledRuleBase ruleBase;
    private final BilateralLegSymptomsPolicy policy;
    private final AgendaFilter filter;
    private List<OpenQuestion> openQuestions = List.of();
    private boolean advice = true;
    private boolean explain = true;
    private final List<Fired> fired = new ArrayList<>();
    private Stage stage = Stage.FINDINGS;
    private Fired current;

    /** One rule firing: the facts it used in words, the codes of the findings it matched answered yes, what it inserted. */
    private record Fired(Stage stage, RuleInfo rule, List<String> findings, List<String> presentCodes,
                         List<Object> concluded) {
    }

    private Evaluation(CompiledRuleBase ruleBase, BilateralLegSymptomsPolicy policy, AgendaFilter filter) {
        this.ruleBase = ruleBase;
        this.policy = policy;
        this.filter = filter;
    }

    /** Assesses a case against a rule base under the default policy. */
    public static Assessment run(CompiledRuleBase ruleBase, TriageCase triageCase) {
        return run(ruleBase, triageCase, BilateralLegSymptomsPolicy.DEFAULT);
    }

    /**
     * Assesses a case as if one rule were not in the rule base: it never fires. Because rules only add
     * conclusions, this gives the result of the rule base built without that rule, without compiling it again.
     */
    public static Assessment runWithout(CompiledRuleBase ruleBase, TriageCase triageCase, String ruleName) {
        return runWithout(ruleBase, triageCase, BilateralLegSymptomsPolicy.DEFAULT, ruleName);
    }

    /** {@link #runWithout(CompiledRuleBase, TriageCase, String)} under a policy. */
    public static Assessment runWithout(CompiledRuleBase ruleBase, TriageCase triageCase,
                                        BilateralLegSymptomsPolicy policy, String ruleName) {
        return runWithout(ruleBase, triageCase, policy, ruleName, List.of());
    }

    /**
     * {@link #runWithout(CompiledRuleBase, TriageCase, BilateralLegSymptomsPolicy, String)} with an {@link
     * OpenQuestion} fact for each of some findings, as {@link #runWithOpenQuestions} inserts them.
     */
    public static Assessment runWithout(CompiledRuleBase ruleBase, TriageCase triageCase,
                                        BilateralLegSymptomsPolicy policy, String ruleName, Collection<Finding> open) {
        return withOpenQuestions(new Evaluation(ruleBase, policy,
                match -> !match.getRule().getName().equals(ruleName)), open).assess(triageCase, UnaryOperator.identity());
    }

    /** Assesses a case against a rule base under a policy. */
    public static Assessment run(CompiledRuleBase ruleBase, TriageCase triageCase, BilateralLegSymptomsPolicy policy) {
        return run(ruleBase, triageCase, policy, UnaryOperator.identity());
    }

    /**
     * Assesses a case with an {@link OpenQuestion} fact for each of some unanswered findings: those whose answer could
     * still change a self-care disposition (the engine works them out with the {@link QuestionPlanner}).
     */
    public static Assessment runWithOpenQuestions(CompiledRuleBase ruleBase, TriageCase triageCase,
                                                  BilateralLegSymptomsPolicy policy, Collection<Finding> open) {
        return withOpenQuestions(new Evaluation(ruleBase, policy, match -> true), open)
                .assess(triageCase, UnaryOperator.identity());
    }

    private static Evaluation withOpenQuestions(Evaluation evaluation, Collection<Finding> open) {
        evaluation.openQuestions = open.stream().sorted().distinct().map(OpenQuestion::new).toList();
        return evaluation;
    }

    /**
     * Test seam, not API: assesses with the case's facts inserted in the order {@code insertionOrder} puts them in
     * (it receives them in the engine's order: the patient, the policy, then one answer per finding). Tests use it
     * to show that the order of insertion never changes a result.
     */
    static Assessment run(CompiledRuleBase ruleBase, TriageCase triageCase, BilateralLegSymptomsPolicy policy,
                          UnaryOperator<List<Object>> insertionOrder) {
        return new Evaluation(ruleBase, policy, match -> true).assess(triageCase, insertionOrder);
    }

    /** The facts of a case, in the engine's order: the patient, the policy, then one answer per finding. */
    private List<Object> facts(TriageCase c) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Patient(c.age(), c.sex(), c.pregnant(), c.durationDays(), c.painScore(), c.examined()));
        facts.add(new Policy(policy));
        for (Finding finding : Finding.values()) {
            facts.add(Answer.of(finding, c.findings().get(finding)));
        }
        facts.addAll(openQuestions);
        return facts;
    }

    /**
     * Assesses a case up to its decision: disposition, likely source, cues, red flags and their reasons, without the
     * advice stage (referral, self-care, safety-netting), which cannot change the decision. For the hypothetical
     * answers of the next-question search, where only the decision matters.
     */
    public static Assessment runDecision(CompiledRuleBase ruleBase, TriageCase triageCase) {
        return runDecision(ruleBase, triageCase, BilateralLegSymptomsPolicy.DEFAULT);
    }

    /** {@link #runDecision(CompiledRuleBase, TriageCase)} under a policy. */
    public static Assessment runDecision(CompiledRuleBase ruleBase, TriageCase triageCase,
                                         BilateralLegSymptomsPolicy policy) {
        Evaluation evaluation = new Evaluation(ruleBase, policy, match -> true);
        evaluation.advice = false;
        return evaluation.assess(triageCase, UnaryOperator.identity());
    }

    /** What a hypothetical answer of the next-question search needs: the decision and the cues, nothing explained. */
    public record Decision(Disposition disposition, LikelySource likelySource, List<Cue> cues) {
        public Decision {
            cues = List.copyOf(cues);
        }
    }

    /**
     * The disposition, likely source and cues of a case, as {@link #runDecision} gives them, without recording the
     * facts each rule used (the reasons), which the single-answer probes of the next-question search do not need.
     */
    public static Decision decide(CompiledRuleBase ruleBase, TriageCase triageCase,
                                  BilateralLegSymptomsPolicy policy) {
        Evaluation evaluation = new Evaluation(ruleBase, policy, match -> true);
        evaluation.advice = false;
        evaluation.explain = false;
        KieSession session = evaluation.decideIn(triageCase, UnaryOperator.identity());
        try {
            return new Decision(evaluation.disposition(), evaluation.likelySource(),
                    evaluation.conclusions(Cue.class, CUE_ORDER));
        } finally {
            session.dispose();
        }
    }

    /**
     * A new session with the case's facts, its findings and source stages run. A new session per assessment, on
     * purpose: sessions of kieBase.newKieSessionsPool(n) are reset when given back, and a reset session no longer
     * honours activation groups (the likely-source table then fires two or more rows, such as SRC-03 and SRC-05, so
     * results change). PERFORMANCE.md has the measurement.
     */
    private KieSession decideIn(TriageCase c, UnaryOperator<List<Object>> insertionOrder) {
        KieSession session = ruleBase.kieBase().newKieSession();
        try {
            session.addEventListener(new Listener());
            session.addEventListener(new Inserts());
            for (Object fact : insertionOrder.apply(facts(c))) {
                session.insert(fact);
            }
            fireAll(session);
            fire(session, Stage.SOURCE);
            return session;
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    private Disposition disposition() {
        return mostUrgent().orElseThrow(() -> new IllegalStateException(
                "the rule base reached no disposition for this case: no rule concluded an urgency"));
    }

    private Assessment assess(TriageCase c, UnaryOperator<List<Object>> insertionOrder) {
        KieSession session = decideIn(c, insertionOrder);
        try {
            Disposition disposition = disposition();
            LikelySource source = likelySource();

            if (advice) {
                session.insert(new Triage(disposition, source));
                fire(session, Stage.ADVICE);
                rejectLateDecisions();
            }

            return Assessments.of(c.id(), disposition, source,
                    conclusions(Cue.class, CUE_ORDER).stream().filter(cue -> cue.pointsTo() == source).toList(),
                    conclusions(Cue.class, CUE_ORDER).stream().filter(cue -> cue.pointsTo() != source).toList(),
                    redFlags(),
                    conclusions(Unanswered.class, Comparator.comparing(Unanswered::finding)).stream()
                            .map(Unanswered::finding).distinct().toList(),
                    conclusions(AlsoConsider.class, Comparator.comparing(AlsoConsider::condition)
                            .thenComparing(AlsoConsider::why)),
                    conclusions(Referral.class, Comparator.comparing(Referral::whom).thenComparing(Referral::why)),
                    conclusions(SelfCareStep.class, Comparator.comparingInt(SelfCareStep::order)
                            .thenComparing(SelfCareStep::title)),
                    conclusions(SafetyNet.class, Comparator.comparing(SafetyNet::seekCare)
                            .thenComparing(SafetyNet::text)),
                    reasons(),
                    ruleBase.version(),
                    policy,
                    stratification(),
                    stratificationUnanswered(c));
        } finally {
            session.dispose();
        }
    }

    /** The stratification the rules scored; two different ones are a defect of the rule base. */
    private Optional<Stratification> stratification() {
        List<Stratification> scored = conclusions(Stratification.class,
                Comparator.comparing(Stratification::tool).thenComparing(Stratification::risk));
        if (scored.size() > 1) {
            throw new IllegalStateException("the rule base scored more than one stratification for this case: "
                    + scored + "; the scoring rules must exclude each other");
        }
        return scored.stream().findFirst();
    }

    /**
     * The stratification items not answered, when no stratification was scored and the tool matters: some of its
     * items were answered, or a rule listed one as unanswered. Empty otherwise, so a case the tool does not concern
     * is not told to answer it.
     */
    private List<Finding> stratificationUnanswered(TriageCase c) {
        List<Finding> items = Finding.stratificationItems();
        boolean started = items.stream().anyMatch(c.findings()::containsKey);
        boolean asked = conclusions(Unanswered.class, Comparator.comparing(Unanswered::finding)).stream()
                .anyMatch(u -> items.contains(u.finding()));
        if (stratification().isPresent() || !(started || asked)) {
            return List.of();
        }
        return items.stream().filter(f -> !c.findings().containsKey(f)).toList();
    }

    /** Runs the rules of one stage; a rule base may have no rule in a stage. */
    private void fire(KieSession session, Stage next) {
        stage = next;
        AgendaGroup group = session.getAgenda().getAgendaGroup(next.group());
        if (group != null) {
            group.setFocus();
            fireAll(session);
        }
    }

    /** Fires the rules with focus, at most {@link #FIRING_LIMIT} times; reaching the limit is a defect of the rules. */
    private void fireAll(KieSession session) {
        if (session.fireAllRules(filter, FIRING_LIMIT) >= FIRING_LIMIT) {
            Map<RuleInfo, Long> byRule = new HashMap<>();
            fired.stream().filter(f -> f.stage() == stage).forEach(f -> byRule.merge(f.rule(), 1L, Long::sum));
            Map.Entry<RuleInfo, Long> most = byRule.entrySet().stream()
                    .max(Map.Entry.<RuleInfo, Long>comparingByValue().thenComparing(e -> e.getKey().id(),
                            Comparator.reverseOrder()))
                    .orElseThrow();
            throw new IllegalStateException("the rule base loops: its rules fired "
                    + byRule.values().stream().mapToLong(Long::longValue).sum() + " times in the "
                    + stage.name().toLowerCase(java.util.Locale.ROOT) + " stage of one assessment, rule "
                    + most.getKey().id() + " (\"" + most.getKey().name() + "\") " + most.getValue() + " times; a rule "
                    + "that inserts facts which make it, or another rule, fire again never ends");
        }
    }

    private static final Comparator<Cue> CUE_ORDER =
            Comparator.comparing(Cue::pointsTo).thenComparing(Cue::finding).thenComparing(Cue::text);

    /** The most urgent level of every urgency, red flag and unanswered screening question concluded. */
    private Optional<Disposition> mostUrgent() {
        return concluded().map(Evaluation::levelOf).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    /** The single verdict of the source stage; none or conflicting verdicts leave the source unclear. */
    private LikelySource likelySource() {
        Set<LikelySource> verdicts = new TreeSet<>();
        conclusions(SourceVerdict.class, Comparator.comparing(SourceVerdict::source))
                .forEach(v -> verdicts.add(v.source()));
        return verdicts.size() == 1 ? verdicts.iterator().next() : LikelySource.UNCLEAR;
    }

    /** Advice rules run after the decision; one that changes the decision is a defect of the rule base. */
    private void rejectLateDecisions() {
        for (Fired f : fired) {
            if (f.stage() == Stage.ADVICE && f.concluded().stream()
                    .anyMatch(o -> levelOf(o).isPresent() || o instanceof SourceVerdict)) {
                throw new IllegalStateException("rule " + f.rule().id() + " concluded an urgency or source in the "
                        + "advice stage, after the decision was taken; move it to an earlier stage");
            }
        }
    }

    private static Optional<Disposition> levelOf(Object conclusion) {
        if (conclusion instanceof Urgency u) {
            return Optional.of(u.level());
        }
        if (conclusion instanceof RedFlag r) {
            return Optional.of(r.level());
        }
        if (conclusion instanceof Unanswered u) {
            return Optional.of(u.level());
        }
        return Optional.empty();
    }

    private Stream<Object> concluded() {
        return fired.stream().flatMap(f -> f.concluded().stream());
    }

    private <T> List<T> conclusions(Class<T> type, Comparator<? super T> order) {
        return concluded().filter(type::isInstance).map(type::cast).distinct().sorted(order).toList();
    }

    /**
     * The red flags concluded, each with the codes of the findings answered yes in the facts of the rules that raised
     * it (one flag raised by several rules lists the findings of all of them), most urgent first.
     */
    private List<RedFlag> redFlags() {
        Map<RedFlag, Set<String>> evidence = new HashMap<>();
        for (Fired f : fired) {
            for (Object o : f.concluded()) {
                if (o instanceof RedFlag flag) {
                    RedFlag bare = new RedFlag(flag.code(), flag.level(), flag.text());
                    Set<String> codes = evidence.computeIfAbsent(bare, k -> new TreeSet<>());
                    codes.addAll(flag.evidence());
                    codes.addAll(f.presentCodes());
                }
            }
        }
        return evidence.entrySet().stream()
                .map(e -> new RedFlag(e.getKey().code(), e.getKey().level(), e.getKey().text(),
                        List.copyOf(e.getValue())))
                .sorted(Comparator.comparing(RedFlag::level).thenComparing(RedFlag::code)
                        .thenComparing(RedFlag::text))
                .toList();
    }

    /**
     * The rules that fired, each with the facts it used. A rule that defines a concept (concepts.drl) fires for every
     * case; it is a reason only when the concept is present, and then says only that (the rules that read the concept
     * list the member answers that decided it), so that the next-question search never takes a concept's definition
     * for a rule that changes the result.
     */
    private List<Reason> reasons() {
        return fired.stream()
                .filter(f -> !definesConceptsOnly(f) || f.concluded().stream().anyMatch(o -> ((Concept) o).present()))
                .map(f -> definesConceptsOnly(f) ? new Fired(f.stage(), f.rule(), f.concluded().stream()
                        .map(o -> ((Concept) o).describe().get(0)).toList(), List.of(), f.concluded()) : f)
                .sorted(Comparator.comparing(Fired::stage).thenComparing(f -> f.rule().id())
                        .thenComparing(f -> String.join(",", f.findings())))
                .map(f -> new Reason(f.rule().id(), f.rule().name(), f.rule().source(), f.findings(),
                        f.concluded().stream().map(Evaluation::levelOf).flatMap(Optional::stream)
                                .min(Comparator.naturalOrder()).orElse(null)))
                .distinct()
                .toList();
    }

    private static boolean definesConceptsOnly(Fired f) {
        return !f.concluded().isEmpty() && f.concluded().stream().allMatch(Concept.class::isInstance);
    }

    /** Records which rule fired, on which facts. */
    private final class Listener extends DefaultAgendaEventListener {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            Match match = event.getMatch();
            RuleInfo rule = ruleBase.rules().get(match.getRule().getName());
            current = new Fired(stage, rule, explain ? evidence(match) : List.of(),
                    explain ? presentCodes(match) : List.of(), new ArrayList<>());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(current);
            current = null;
        }
    }

    /** Attributes every fact a rule inserts to the firing in progress. */
    private final class Inserts extends DefaultRuleRuntimeEventListener {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (current != null) {
                current.concluded().add(event.getObject());
            }
        }
    }

    /**
     * The facts a match used, in words: each answer ({@code fever: yes}), each cue's finding, and each value the
     * rule bound to a variable ({@code $age} becomes {@code age: 72}).
     */
    private static List<String> evidence(Match match) {
        Set<String> evidence = new LinkedHashSet<>();
        match.getObjects().forEach(o -> describe(o, evidence::add));
        for (String declaration : match.getDeclarationIds()) {
            Object value = match.getDeclarationValue(declaration);
            String name = declaration.startsWith("$") ? declaration.substring(1) : declaration;
            if (value instanceof Finding) {
                continue; // the answer it came from is already listed
            }
            if (value == null) {
                evidence.add(name + ": not given");
            } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                    || value instanceof CharSequence) {
                evidence.add(name + ": " + value);
            } else {
                describe(value, evidence::add);
            }
        }
        return List.copyOf(new TreeSet<>(evidence));
    }

    /** The codes of the findings answered yes among the facts a match used, collections included. */
    private static List<String> presentCodes(Match match) {
        Set<String> codes = new TreeSet<>();
        match.getObjects().forEach(o -> present(o, codes));
        for (String declaration : match.getDeclarationIds()) {
            present(match.getDeclarationValue(declaration), codes);
        }
        return List.copyOf(codes);
    }

    private static void present(Object fact, Set<String> codes) {
        if (fact instanceof Answer answer && answer.present()) {
            codes.add(answer.finding().code());
        } else if (fact instanceof Concept concept) {
            concept.presentMembers().forEach(f -> codes.add(f.code()));
        } else if (fact instanceof Collection<?> many) {
            many.forEach(o -> present(o, codes));
        }
    }

    private static void describe(Object fact, java.util.function.Consumer<String> out) {
        if (fact instanceof Answer answer) {
            out.accept(answer.describe());
        } else if (fact instanceof Concept concept) {
            concept.describe().forEach(out);
        } else if (fact instanceof Cue cue) {
            out.accept(cue.finding().code() + ": yes");
        } else if (fact instanceof RedFlag flag) {
            out.accept("red flag: " + flag.code());
        } else if (fact instanceof Mimic mimic) {
            out.accept("pattern: " + mimic.code());
        } else if (fact instanceof Triage triage) {
            out.accept("disposition: " + triage.disposition());
            out.accept("likelySource: " + triage.likelySource());
        } else if (fact instanceof Collection<?> many) {
            many.forEach(o -> describe(o, out));
        }
    }
}
