package health.triage.rules;

import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static health.triage.Finding.BILATERAL_LEG_SYMPTOMS;
import static health.triage.Finding.BLADDER_DYSFUNCTION;
import static health.triage.Finding.BOWEL_DYSFUNCTION;
import static health.triage.Finding.CANCER_HISTORY;
import static health.triage.Finding.FEVER;
import static health.triage.Finding.IMMUNOSUPPRESSION;
import static health.triage.Finding.IV_DRUG_USE;
import static health.triage.Finding.LEG_NUMBNESS_TINGLING;
import static health.triage.Finding.LEG_WEAKNESS;
import static health.triage.Finding.LONG_TERM_STEROIDS;
import static health.triage.Finding.MAJOR_TRAUMA;
import static health.triage.Finding.NEURO_DEFICIT;
import static health.triage.Finding.NIGHT_SWEATS;
import static health.triage.Finding.OSTEOPOROSIS;
import static health.triage.Finding.PAIN_BELOW_KNEE;
import static health.triage.Finding.PAIN_NOT_EASED_BY_REST;
import static health.triage.Finding.POSTERIOR_THIGH_PAIN;
import static health.triage.Finding.PROGRESSIVE_WEAKNESS;
import static health.triage.Finding.RECENT_FALL;
import static health.triage.Finding.SADDLE_NUMBNESS;
import static health.triage.Finding.SEVERE_UNCONTROLLED_PAIN;
import static health.triage.Finding.SEXUAL_DYSFUNCTION;
import static health.triage.Finding.UNEXPLAINED_WEIGHT_LOSS;
import static health.triage.Finding.WORSENING_NUMBNESS;

/**
 * Generated cases for the property tests, and the groups of findings that docs/POLICY.md names (the properties take
 * their expectations from there, not from the rules).
 *
 * <p>A case is any mix of present, absent and unknown over every finding of the vocabulary, an age of 0 to 120, a
 * duration (or none), a pain score (or none), a sex (or none) and a pregnancy answer consistent with it. Three kinds
 * of case are mixed so that every disposition comes up often: answers drawn evenly; screening questions mostly
 * answered "no"; and sparse cases where most findings were not asked. Every answer shrinks towards "not asked", ages
 * towards 0 and optional fields towards "not given", so a failing property ends with a minimal case.
 */
public final class GeneratedCases {

    /** The cauda equina screen questions (POLICY.md "URGENT (at least)": any of them unanswered). */
    public static final Set<Finding> EMERGENCY_SCREEN = Collections.unmodifiableSet(EnumSet.of(SADDLE_NUMBNESS,
            BLADDER_DYSFUNCTION, BOWEL_DYSFUNCTION, BILATERAL_LEG_SYMPTOMS, PROGRESSIVE_WEAKNESS));

    /** The serious-pathology screen questions (POLICY.md "ROUTINE (at least)": any of them unanswered). */
    public static final Set<Finding> SERIOUS_SCREEN = Collections.unmodifiableSet(EnumSet.of(FEVER,
            UNEXPLAINED_WEIGHT_LOSS, NIGHT_SWEATS, CANCER_HISTORY, PAIN_NOT_EASED_BY_REST, RECENT_FALL, MAJOR_TRAUMA,
            SEVERE_UNCONTROLLED_PAIN));

    /**
     * Every screening question: the findings whose role is a screen (docs/VOCABULARY.md); self-care only when each
     * one was answered "no".
     */
    public static final Set<Finding> SCREENING = union(union(EMERGENCY_SCREEN, SERIOUS_SCREEN),
            EnumSet.copyOf(Finding.screeningQuestions()));

    /** The strong nerve-root cues a patient can report or an examiner finds (POLICY.md "Likely source"). */
    private static final Set<Finding> STRONG_SPINAL_CUES = Collections.unmodifiableSet(EnumSet.of(
            Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK, Finding.STRAIGHT_LEG_RAISE_POSITIVE));

    /**
     * The findings whose "yes" is a warning sign: every cauda equina and serious-pathology finding and every other
     * finding that POLICY.md lets raise the disposition on its own (neurological symptoms, pain at rest, severe
     * pain).
     */
    public static final Set<Finding> RED_FLAGS = union(
            EnumSet.copyOf(Arrays.stream(Finding.values()).filter(f -> f.group() == Finding.Group.CAUDA_EQUINA
                    || f.group() == Finding.Group.SERIOUS_PATHOLOGY).toList()),
            EnumSet.of(BILATERAL_LEG_SYMPTOMS, PROGRESSIVE_WEAKNESS, WORSENING_NUMBNESS, NEURO_DEFICIT, LEG_WEAKNESS,
                    PAIN_NOT_EASED_BY_REST, SEVERE_UNCONTROLLED_PAIN));

    /** The leg symptoms that make sexual dysfunction a cauda equina sign (POLICY.md "EMERGENCY"). */
    public static final Set<Finding> LEG_SYMPTOMS = Collections.unmodifiableSet(EnumSet.of(POSTERIOR_THIGH_PAIN,
            PAIN_BELOW_KNEE, LEG_NUMBNESS_TINGLING, LEG_WEAKNESS, BILATERAL_LEG_SYMPTOMS));

    /** The neurological symptoms of POLICY.md's epidural abscess and cord compression lines. */
    public static final Set<Finding> NEUROLOGICAL = Collections.unmodifiableSet(EnumSet.of(LEG_NUMBNESS_TINGLING,
            LEG_WEAKNESS, NEURO_DEFICIT, PROGRESSIVE_WEAKNESS, WORSENING_NUMBNESS));

    /** How a finding was answered; the order is the shrinking order, towards "not asked". */
    enum Answer { UNKNOWN, ABSENT, PRESENT }

    private GeneratedCases() {
    }

    /** The findings that count for piriformis pain (POLICY.md "Likely source"). */
    public static final Set<Finding> PIRIFORMIS_CUES = Collections.unmodifiableSet(EnumSet.of(Finding.BUTTOCK_PAIN,
            Finding.DEEP_BUTTOCK_TENDERNESS, Finding.WORSE_SITTING, Finding.WORSE_HARD_SEAT,
            Finding.WORSE_CROSSING_LEGS, Finding.WORSE_HIP_INTERNAL_ROTATION, Finding.FAIR_TEST_POSITIVE));

    /** Any case. */
    public static Arbitrary<TriageCase> cases() {
        return Arbitraries.frequencyOf(
                // every answer equally likely: mostly emergencies
                Tuple.of(3, cases(ANY_AGE, f -> answers(1, 1, 1))),
                // the screen mostly answered no
                Tuple.of(3, cases(ANY_AGE, f -> SCREENING.contains(f) ? answers(1, 18, 1) : answers(2, 5, 3))),
                // most findings not asked
                Tuple.of(2, cases(ANY_AGE, f -> answers(6, 2, 2))),
                // a piriformis pattern in an adult with few warning signs: self-care comes up
                Tuple.of(2, cases(Arbitraries.integers().between(20, 50), f -> SCREENING.contains(f) ? answers(1, 80, 1)
                        : PIRIFORMIS_CUES.contains(f) ? answers(1, 1, 4)
                        : STRONG_SPINAL_CUES.contains(f) ? answers(1, 20, 1)
                        : RED_FLAGS.contains(f) || WARNING_GROUPS.contains(f.group()) ? answers(2, 20, 1)
                        : answers(1, 1, 1))));
    }

    private static final Set<Finding.Group> WARNING_GROUPS = EnumSet.of(Finding.Group.CAUDA_EQUINA,
            Finding.Group.SERIOUS_PATHOLOGY, Finding.Group.MIMIC, Finding.Group.COURSE);

    /** A finding of the vocabulary. */
    public static Arbitrary<Finding> findings() {
        return Arbitraries.of(Finding.class);
    }

    /** A finding from a set. */
    public static Arbitrary<Finding> oneOf(Set<Finding> findings) {
        return Arbitraries.of(List.copyOf(findings));
    }

    /** An answer drawn with these weights; shrinks towards unknown. */
    private static Arbitrary<Answer> answers(int unknown, int absent, int present) {
        return Arbitraries.frequency(Tuple.of(unknown, Answer.UNKNOWN), Tuple.of(absent, Answer.ABSENT),
                Tuple.of(present, Answer.PRESENT));
    }

    private static final Arbitrary<Integer> ANY_AGE = Arbitraries.integers().between(0, 120)
            .edgeCases(c -> c.add(15, 16, 19, 20, 50, 51, 69, 70));

    private static Arbitrary<TriageCase> cases(Arbitrary<Integer> age,
                                               Function<Finding, Arbitrary<Answer>> answerOf) {
        List<Arbitrary<Answer>> perFinding = new ArrayList<>();
        for (Finding finding : Finding.values()) {
            perFinding.add(answerOf.apply(finding));
        }
        // The edge cases of 48 answers would be a combinatorial flood that jqwik keeps in memory (gigabytes at a
        // million tries); one edge case stands for them: nothing asked. Ages, durations and the rest keep theirs.
        Arbitrary<Map<Finding, Boolean>> findings = Arbitraries.frequencyOf(
                Tuple.of(99, Combinators.combine(perFinding).as(GeneratedCases::toMap).edgeCases(c -> c.none())),
                Tuple.of(1, Arbitraries.just(Map.<Finding, Boolean>of())));
        Arbitrary<Integer> duration = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 400).edgeCases(c -> c.add(14, 15, 42, 43))),
                Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE)))
                .injectNull(0.2);
        Arbitrary<Integer> pain = Arbitraries.integers().between(0, 10).injectNull(0.3);
        Arbitrary<Sex> sex = Arbitraries.of(Sex.class).injectNull(0.25);
        Arbitrary<Boolean> pregnant = Arbitraries.of(false, true).injectNull(0.5);
        return Combinators.combine(age, sex, pregnant, duration, pain, findings)
                .as((a, s, p, d, score, answered) -> {
                    // only plausible cases: pregnant 10 to 65 years old, symptoms no longer than a life (POLICY.md)
                    TriageCase.Builder builder = TriageCase.builder(a).sex(s)
                            .pregnant(Boolean.TRUE.equals(p) && (s == Sex.MALE || a < 10 || a > 65) ? Boolean.FALSE : p)
                            .durationDays(d == null ? null : Math.min(d, (a + 1) * 366)).painScore(score);
                    answered.forEach(builder::answer);
                    return builder.build();
                });
    }

    /** The case with one finding answered: {@code true} present, {@code false} absent, {@code null} not asked. */
    public static TriageCase with(TriageCase c, Finding finding, Boolean answer) {
        TriageCase.Builder builder = c.toBuilder();
        return (answer == null ? builder.unknown(finding) : builder.answer(finding, answer)).build();
    }

    /** The case with these findings present, whatever it answered for them before. */
    public static TriageCase withPresent(TriageCase c, Finding... present) {
        TriageCase.Builder builder = c.toBuilder();
        for (Finding finding : present) {
            builder.answer(finding, true);
        }
        return builder.build();
    }

    private static Map<Finding, Boolean> toMap(List<Answer> answers) {
        Map<Finding, Boolean> map = new EnumMap<>(Finding.class);
        Finding[] all = Finding.values();
        for (int i = 0; i < all.length; i++) {
            if (answers.get(i) != Answer.UNKNOWN) {
                map.put(all[i], answers.get(i) == Answer.PRESENT);
            }
        }
        return map;
    }

    @SafeVarargs
    private static Set<Finding> union(Set<Finding>... sets) {
        EnumSet<Finding> all = EnumSet.noneOf(Finding.class);
        for (Set<Finding> set : sets) {
            all.addAll(set);
        }
        return Collections.unmodifiableSet(all);
    }
}
