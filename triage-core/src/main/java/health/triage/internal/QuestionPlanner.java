package health.triage.internal;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Question.Priority;
import health.triage.Reason;
import health.triage.TriageCase;
import health.triage.facts.Answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Works out which unanswered questions could still change a partial case's result, by assessing the case again with
 * hypothetical answers. Nothing here knows a rule: a rule added to the rule base changes the questions by itself.
 *
 * <p>A finding's answer could change the disposition (or the likely source) when
 * <ol>
 * <li><b>on its own</b>: the case assessed with that finding answered yes, or answered no, gets another
 * disposition; or</li>
 * <li><b>together with other answers</b>: a few whole completions of the case are assessed, every unanswered finding
 * answered at once: all yes, all no, and for each source its cues yes and the other cues no (the rest once yes, once
 * no). When such a completion gets a more urgent disposition, the findings that the rules raising it cite are
 * questions (so "two of weight loss, night sweats, pain at rest" makes each of the three a question although neither
 * alone changes anything). When it gets a less urgent one, the findings whose being unanswered holds the current
 * disposition up (the screening rules cite them as "not asked"), and the findings the completion answered yes and
 * its new rules cite, are questions.</li>
 * </ol>
 * A screening question the assessment lists as unanswered is asked too, after those (priority SCREENING), even when
 * its answer could not change the disposition: the report tells a reader to ask it before relying on the result, so
 * the interview cannot be complete without it.
 * The assessment is complete when no question remains that could change the disposition and no screening question is
 * unanswered (an emergency is complete at once: nothing is asked after it). Probing whole
 * completions in both directions matters for safety: with one-answer-at-a-time probing alone, a case could be called
 * complete while two unanswered findings together would make it more urgent.
 *
 * <p>Findings the person answered "don't know" stay unknown in the completions that rank the other questions (so
 * questions that could only matter once they are answered are not asked), and are never asked again; they still
 * count for completeness, which is worked out over every unanswered finding.
 *
 * <p>Cost: one assessment of the case; two decisions per unanswered finding (disposition, source and cues only: the
 * facts each rule used are not recorded, since single answers are never tied to rules), and at most six
 * completions assessed up to the decision with reasons (twelve with "don't know" answers). The probes are
 * independent, so they run in parallel on the engine's executor (the common fork-join pool unless the engine was given
 * one), the calling thread taking its share; their results are gathered in a fixed order.
 */
public final class QuestionPlanner {

    /** The emergency screen, asked first and in this order whenever a question of it is unanswered. */
    public static final List<Finding> EMERGENCY_SCREEN = Finding.EMERGENCY_SCREEN;

    /** Why an unanswered screening question that could not change the disposition is asked all the same. */
    static final String SCREENING_REASON = "An unanswered screening question: the result is not complete until it is "
            + "answered, although its answer alone would not change the disposition now.";

    /** A question worth asking now. */
    public record Planned(Finding finding, Priority priority, String rankReason) {
        public Planned {
            Objects.requireNonNull(finding, "finding must not be null");
            Objects.requireNonNull(priority, "priority must not be null");
            Objects.requireNonNull(rankReason, "rankReason must not be null");
        }
    }

    /** The current assessment, the ranked questions, and whether none of them could change the disposition. */
    public record Plan(Assessment assessment, List<Planned> questions, boolean complete) {
        public Plan {
            Objects.requireNonNull(assessment, "assessment must not be null");
            questions = List.copyOf(questions);
        }

        /** The findings whose answer could change the disposition (the emergency-screen and disposition questions). */
        public List<Finding> dispositionQuestions() {
            return questions.stream()
                    .filter(q -> q.priority() == Priority.EMERGENCY_SCREEN || q.priority() == Priority.DISPOSITION)
                    .map(Planned::finding)
                    .toList();
        }
    }

    private final CompiledRuleBase ruleBase;
    private final Executor executor;
    private final BilateralLegSymptomsPolicy policy;
    private final TriageCase base;
    private final Set<Finding> dontKnow;
    private final Assessment now;
    private final Disposition current;
    private final LikelySource currentSource;
    private final List<Finding> unknown;
    private final Map<Finding, Evaluation.Decision> ifYes = new EnumMap<>(Finding.class);
    private final Map<Finding, Evaluation.Decision> ifNo = new EnumMap<>(Finding.class);
    private final Map<Finding, LikelySource> cueOf = new EnumMap<>(Finding.class);
    private final boolean pruned;
    private Evaluation.Decision asItIs;

    private QuestionPlanner(CompiledRuleBase ruleBase, Executor executor, BilateralLegSymptomsPolicy policy,
                            TriageCase base, Set<Finding> dontKnow, boolean pruned) {
        this.ruleBase = ruleBase;
        this.executor = executor;
        this.pruned = pruned;
        this.policy = policy;
        this.base = base;
        this.dontKnow = dontKnow.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dontKnow));
        this.now = Evaluation.run(ruleBase, base, policy);
        this.current = now.disposition();
        this.currentSource = now.likelySource();
        // an examination-only finding of a person nobody examined is not a question at all: never probed, never asked
        this.unknown = Arrays.stream(Finding.values())
                .filter(f -> !base.findings().containsKey(f) && base.applies(f)).toList();
    }

    /**
     * The next questions for a case, against a rule base.
     *
     * @param dontKnow findings the person could not answer: never asked again, and left unknown in every probe that
     *                 ranks the other questions (they still count for {@code complete})
     */
    public static Plan plan(CompiledRuleBase ruleBase, TriageCase triageCase, Set<Finding> dontKnow) {
        return plan(ruleBase, BilateralLegSymptomsPolicy.DEFAULT, triageCase, dontKnow);
    }

    /** {@link #plan(CompiledRuleBase, TriageCase, Set)} for an engine with this bilateral leg symptoms policy. */
    public static Plan plan(CompiledRuleBase ruleBase, BilateralLegSymptomsPolicy policy, TriageCase triageCase,
                            Set<Finding> dontKnow) {
        return plan(ruleBase, ForkJoinPool.commonPool(), policy, triageCase, dontKnow);
    }

    /**
     * {@link #plan(CompiledRuleBase, BilateralLegSymptomsPolicy, TriageCase, Set)} with the probes run on this
     * executor, the calling thread taking its share.
     */
    public static Plan plan(CompiledRuleBase ruleBase, Executor executor, BilateralLegSymptomsPolicy policy,
                            TriageCase triageCase, Set<Finding> dontKnow) {
        return new QuestionPlanner(ruleBase, executor, policy, triageCase, dontKnow, true).plan();
    }

    /**
     * Test seam, not API: {@link #plan(CompiledRuleBase, BilateralLegSymptomsPolicy, TriageCase, Set)} assessing
     * every single answer, also those that no rule tells from the finding not asked, which the planner skips. Tests
     * use it to show that skipping them never changes a plan.
     */
    static Plan planWithoutPruning(CompiledRuleBase ruleBase, BilateralLegSymptomsPolicy policy, TriageCase triageCase,
                                   Set<Finding> dontKnow) {
        return new QuestionPlanner(ruleBase, ForkJoinPool.commonPool(), policy, triageCase, dontKnow, false).plan();
    }

    private Plan plan() {
        if (current == Disposition.EMERGENCY) {
            // stop rule: an emergency ends the interview at once, with the emergency advice; nothing more is asked,
            // except a follow-up of an answer just given (when did the foot drop start?) that alone decides whether
            // it is an emergency: one question, and "don't know" keeps the emergency (docs/POLICY.md, C6)
            List<Planned> followUps = unknown.stream()
                    .filter(f -> f.role() == Finding.Role.FOLLOW_UP && !dontKnow.contains(f))
                    .filter(f -> decide(f, false).disposition() != Disposition.EMERGENCY
                            || decide(f, true).disposition() != Disposition.EMERGENCY)
                    .map(f -> new Planned(f, Priority.DISPOSITION, "Follows up an answer that makes this an "
                            + "emergency: its answer decides whether emergency care is needed now."))
                    .limit(1)
                    .toList();
            return new Plan(now, followUps, followUps.isEmpty());
        }
        List<Evaluation.Decision> yes = decideEach(true);
        List<Evaluation.Decision> no = decideEach(false);
        for (int i = 0; i < unknown.size(); i++) {
            Finding finding = unknown.get(i);
            ifYes.put(finding, yes.get(i));
            ifNo.put(finding, no.get(i));
            yes.get(i).cues().stream()
                    .filter(cue -> cue.finding() == finding)
                    .map(Cue::pointsTo)
                    .findFirst()
                    .ifPresent(source -> cueOf.put(finding, source));
        }
        Analysis all = new Analysis(unknown);
        List<Finding> askable = unknown.stream().filter(f -> !dontKnow.contains(f)).toList();
        Analysis asked = askable.size() == unknown.size() ? all : new Analysis(askable);
        List<Planned> questions = asked.ranked();
        boolean complete = Stream.concat(questions.stream(), all.ranked().stream())
                .allMatch(q -> q.priority() == Priority.LIKELY_SOURCE);
        return new Plan(now, questions, complete);
    }

    /** What answering each of some unanswered findings could do, the others staying unknown. */
    private final class Analysis {
        private final List<Finding> findings;
        private final Map<Finding, AnswerEffect> effects = new EnumMap<>(Finding.class);

        Analysis(List<Finding> findings) {
            this.findings = findings;
            for (Finding finding : findings) {
                AnswerEffect effect = new AnswerEffect();
                effects.put(finding, effect);
                alone(effect, ifYes.get(finding), true);
                alone(effect, ifNo.get(finding), false);
            }
            List<Map<Finding, Boolean>> completions = List.copyOf(completions());
            List<Assessment> probes = Probes.inParallel(executor, completions, QuestionPlanner.this::assess);
            for (int i = 0; i < completions.size(); i++) {
                together(completions.get(i), probes.get(i));
            }
        }

        /** The effect of one finding answered, everything else as it is. */
        private void alone(AnswerEffect effect, Evaluation.Decision probe, boolean answer) {
            effect.disposition(probe.disposition(), answer, false, current);
            if (probe.likelySource() != currentSource) {
                effect.source(probe.likelySource(), answer, false);
            }
        }

        /**
         * Whole completions of the findings, without duplicates: all yes, all no, and for each source the cues learnt
         * from the single answers steered towards it (its cues yes, the other cues no), the rest once all yes and once
         * all no, and once with only its cues that are not screening questions yes; and the cues that point to no
         * source (such as outer-hip pain) all yes with the rest no, and each of them left out once.
         */
        private Set<Map<Finding, Boolean>> completions() {
            Set<Map<Finding, Boolean>> completions = new LinkedHashSet<>();
            if (findings.isEmpty()) {
                return completions;
            }
            completions.add(completion(f -> true));
            completions.add(completion(f -> false));
            for (LikelySource source : new TreeSet<>(cueOf.values())) {
                for (boolean rest : new boolean[] {true, false}) {
                    completions.add(completion(f -> cueOf.containsKey(f) ? cueOf.get(f) == source : rest));
                }
                // the least alarming way to that source: its cues yes, except those that are screening questions
                completions.add(completion(f -> cueOf.get(f) == source && !f.role().isScreen()));
            }
            // a pattern of another condition: the cues that point to no source yes, the rest no; and each of them
            // left out once, so that one such cue that rules the pattern out does not hide it
            List<Finding> otherCues = findings.stream()
                    .filter(f -> f.role() == Finding.Role.CUE && !cueOf.containsKey(f)).toList();
            if (!otherCues.isEmpty()) {
                completions.add(completion(otherCues::contains));
                for (Finding left : otherCues) {
                    completions.add(completion(f -> f != left && otherCues.contains(f)));
                }
            }
            return completions;
        }

        private Map<Finding, Boolean> completion(Predicate<Finding> yes) {
            Map<Finding, Boolean> answers = new EnumMap<>(Finding.class);
            findings.forEach(f -> answers.put(f, yes.test(f)));
            return Collections.unmodifiableMap(answers);
        }

        /** Attributes the change a whole completion makes to the findings it depends on. */
        private void together(Map<Finding, Boolean> completion, Assessment probe) {
            Disposition reached = probe.disposition();
            if (reached.isMoreUrgentThan(current)) {
                // the findings cited, with their hypothetical answer, by the rules that ask for more than now
                Map<Finding, Disposition> cited = new EnumMap<>(Finding.class);
                for (Reason reason : probe.reasons()) {
                    if (reason.raises() != null && reason.raises().isMoreUrgentThan(current)) {
                        findings.stream().filter(f -> cites(reason, f, completion.get(f)))
                                .forEach(f -> cited.merge(f, reason.raises(), Disposition::mostUrgent));
                    }
                }
                if (cited.isEmpty()) {
                    fallback(probe, completion).forEach(f -> cited.put(f, reached));
                }
                cited.forEach((f, level) -> effects.get(f).disposition(level, completion.get(f), true, current));
            } else if (current.isMoreUrgentThan(reached)) {
                // the findings whose being unanswered holds the disposition up, and the yes answers that allow less
                Set<Finding> cited = new LinkedHashSet<>();
                for (Reason reason : now.reasons()) {
                    if (reason.raises() != null && reason.raises().isMoreUrgentThan(reached)) {
                        findings.stream().filter(f -> cites(reason, f, null)).forEach(cited::add);
                    }
                }
                Set<Reason> before = new HashSet<>(now.reasons());
                for (Reason reason : probe.reasons()) {
                    if (!before.contains(reason)) {
                        findings.stream().filter(f -> completion.get(f) && cites(reason, f, true)).forEach(cited::add);
                    }
                }
                if (cited.isEmpty()) {
                    cited.addAll(fallback(probe, completion));
                }
                cited.forEach(f -> effects.get(f).disposition(reached, completion.get(f), true, current));
            }
            if (probe.likelySource() != currentSource) {
                // the source is decided by cue counts: every unanswered cue takes part
                findings.stream().filter(cueOf::containsKey)
                        .forEach(f -> effects.get(f).source(probe.likelySource(), completion.get(f), true));
            }
        }

        /**
         * When no rule can be tied to the change: the findings that the completion's new rules cite, or failing that
         * every finding of the completion, so that a change is never left without a question.
         */
        private List<Finding> fallback(Assessment probe, Map<Finding, Boolean> completion) {
            Set<Reason> before = new HashSet<>(now.reasons());
            List<Finding> cited = findings.stream()
                    .filter(f -> probe.reasons().stream()
                            .anyMatch(r -> !before.contains(r) && cites(r, f, completion.get(f))))
                    .toList();
            return cited.isEmpty() ? findings : cited;
        }

        /** The questions worth asking, ranked. */
        private List<Planned> ranked() {
            List<Planned> questions = new ArrayList<>();
            for (Finding finding : EMERGENCY_SCREEN) {
                if (effects.containsKey(finding)) {
                    AnswerEffect effect = effects.get(finding);
                    String change = effect.changesDisposition() ? " " + effect.dispositionReason(current) : "";
                    questions.add(new Planned(finding, Priority.EMERGENCY_SCREEN,
                            "Emergency screen: asked before any other question." + change));
                }
            }
            List<Finding> disposition = new ArrayList<>();
            List<Finding> screening = new ArrayList<>();
            List<Finding> source = new ArrayList<>();
            effects.forEach((finding, effect) -> {
                if (EMERGENCY_SCREEN.contains(finding)) {
                    return;
                }
                if (effect.changesDisposition()) {
                    disposition.add(finding);
                } else if (now.unanswered().contains(finding)) {
                    screening.add(finding);
                } else if (effect.changesSource()) {
                    source.add(finding);
                }
            });
            disposition.sort(Comparator.comparing((Finding f) -> effects.get(f), AnswerEffect.ORDER)
                    .thenComparing(Comparator.naturalOrder()));
            disposition.forEach(f -> questions.add(new Planned(f, Priority.DISPOSITION,
                    effects.get(f).dispositionReason(current))));
            screening.forEach(f -> questions.add(new Planned(f, Priority.SCREENING, SCREENING_REASON)));
            source.forEach(f -> questions.add(new Planned(f, Priority.LIKELY_SOURCE,
                    effects.get(f).sourceReason(currentSource))));
            return questions;
        }
    }

    /** Whether a reason used the answer {@code value} (true, false, or null for "not asked") of a finding. */
    private static boolean cites(Reason reason, Finding finding, Boolean value) {
        return reason.findings().contains(Answer.of(finding, value).describe());
    }

    /**
     * The decision with each unanswered finding answered {@code answer} in turn. An answer that no rule tells from
     * the finding not asked ({@link FindingReads}) gives the decision of the case as it is, which is taken once
     * instead of assessing it again (2026-11-23: the "no" of 23 of the 66 findings and the "yes" of 2; PERFORMANCE.md).
     */
    private List<Evaluation.Decision> decideEach(boolean answer) {
        List<Finding> read = pruned
                ? unknown.stream().filter(f -> ruleBase.reads().tellsFromUnknown(f, answer)).toList()
                : unknown;
        List<Evaluation.Decision> probes = Probes.inParallel(executor, read, f -> decide(f, answer));
        if (read.size() == unknown.size()) {
            return probes;
        }
        if (asItIs == null) {
            asItIs = Evaluation.decide(ruleBase, base, policy);
        }
        List<Evaluation.Decision> decisions = new ArrayList<>(unknown.size());
        for (int i = 0, next = 0; i < unknown.size(); i++) {
            boolean probed = next < read.size() && read.get(next) == unknown.get(i);
            decisions.add(probed ? probes.get(next++) : asItIs);
        }
        return decisions;
    }

    /** The decision with one more finding answered: disposition, source and cues, without reasons. */
    private Evaluation.Decision decide(Finding finding, boolean answer) {
        return probe(Map.of(finding, answer), c -> Evaluation.decide(ruleBase, c, policy));
    }

    /** The assessment up to the decision, with reasons, of the case with some more findings answered. */
    private Assessment assess(Map<Finding, Boolean> answers) {
        return probe(answers, c -> Evaluation.runDecision(ruleBase, c, policy));
    }

    private <T> T probe(Map<Finding, Boolean> answers, Function<TriageCase, T> evaluate) {
        TriageCase.Builder probe = base.toBuilder();
        answers.forEach(probe::answer);
        try {
            return evaluate.apply(probe.build());
        } catch (IllegalStateException e) {
            Map.Entry<Finding, Boolean> first = answers.entrySet().iterator().next();
            String which = answers.size() == 1
                    ? first.getKey().code() + " answered " + (first.getValue() ? "yes" : "no")
                    : "every unanswered finding answered";
            throw new IllegalStateException("cannot work out the next questions: with " + which + ", "
                    + e.getMessage(), e);
        }
    }
}
