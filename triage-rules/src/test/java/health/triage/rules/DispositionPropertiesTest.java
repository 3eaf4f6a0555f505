package health.triage.rules;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.RuleInfo;
import health.triage.SafetyNet;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static health.triage.rules.CaseFileFormat.caseFile;
import static health.triage.rules.GeneratedCases.with;
import static health.triage.rules.GeneratedCases.withPresent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disposition claims of docs/POLICY.md as properties of the shipped rule base, checked on generated cases (see
 * {@link GeneratedCases}) under both {@link BilateralLegSymptomsPolicy} settings: a warning sign never lowers the
 * disposition, emergencies stay emergencies, unknown is never taken as no. Each property runs 10,000 tries in the
 * normal build and 1,000,000 with {@code -Pexhaustive}; a failure shrinks to a minimal case and prints it as a case
 * file.
 */
class DispositionPropertiesTest {

    private static PropertyEngines engines;

    @BeforeContainer
    static void buildEngines() {
        engines = new PropertyEngines();
    }

    @AfterContainer
    static void closeEngines() {
        engines.close();
    }

    private static Assessment assess(TriageCase c, BilateralLegSymptomsPolicy policy) {
        return engines.assess(c, policy);
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    /** The assessment's disposition is at least as urgent as {@code floor}. */
    private static void assertAtLeast(Disposition floor, Assessment a, TriageCase c, String why) {
        assertFalse(floor.isMoreUrgentThan(a.disposition()), () -> why + ": " + a.disposition() + " is less urgent than "
                + floor + "\n" + caseFile(c));
    }

    @Provide
    Arbitrary<Finding> redFlags() {
        return GeneratedCases.oneOf(GeneratedCases.RED_FLAGS);
    }

    @Provide
    Arbitrary<Finding> emergencyScreen() {
        return GeneratedCases.oneOf(GeneratedCases.EMERGENCY_SCREEN);
    }

    /** A policy with an emergency of POLICY.md that applies under it. */
    @Provide
    Arbitrary<Tuple2<BilateralLegSymptomsPolicy, Emergency>> emergencies() {
        return Combinators.combine(Arbitraries.of(BilateralLegSymptomsPolicy.class), Arbitraries.of(Emergency.class))
                .as(Tuple::of)
                .filter(t -> t.get2().appliesUnder(t.get1()));
    }

    // --- the disposition never drops when a warning sign is added ------------------------------------------------

    /**
     * Setting a red-flag finding from absent or unknown to present never lowers the disposition. One exception,
     * written in POLICY.md: an unanswered bilateral-leg question keeps a case URGENT until it is asked, and the answer
     * "yes, for more than 14 days" (long-standing, not getting worse) is ROUTINE; that answer is still compared
     * against the answer "no", and is never self-care.
     */
    @Property
    void redFlag_setToPresent_neverLowersTheDisposition(@ForAll("cases") TriageCase c, @ForAll("redFlags") Finding flag,
                                                       @ForAll boolean askedBefore,
                                                       @ForAll BilateralLegSymptomsPolicy policy) {
        TriageCase before = with(c, flag, askedBefore ? Boolean.FALSE : null);
        TriageCase after = with(c, flag, Boolean.TRUE);
        Assessment result = assess(after, policy);
        boolean longStandingBilateral = flag == Finding.BILATERAL_LEG_SYMPTOMS && c.durationDays() != null
                && c.durationDays() > 14;
        if (!askedBefore && longStandingBilateral) {
            assertAtLeast(Disposition.ROUTINE, result, after, "long-standing symptoms in both legs");
            before = with(c, flag, Boolean.FALSE);
        }
        Disposition was = assess(before, policy).disposition();
        Statistics.label("flag answer before").collect(askedBefore ? "absent" : "unknown");
        assertAtLeast(was, result, after, flag.code() + " set to present (was " + (askedBefore ? "absent" : "unknown")
                + ", giving " + was + ")");
    }

    /** Once a case is an emergency, no finding set to present makes it less urgent. */
    @Property
    void emergency_isNeverLoweredByAFindingSetToPresent(
            @ForAll("cases") TriageCase background,
            @ForAll("emergencies") Tuple2<BilateralLegSymptomsPolicy, Emergency> emergency,
            @ForAll Finding finding) {
        BilateralLegSymptomsPolicy policy = emergency.get1();
        TriageCase c = emergency.get2().applyTo(background);
        assertEquals(Disposition.EMERGENCY, assess(c, policy).disposition(),
                () -> emergency.get2() + " is an emergency (POLICY.md)\n" + caseFile(c));
        TriageCase more = withPresent(c, finding);
        assertEquals(Disposition.EMERGENCY, assess(more, policy).disposition(),
                () -> finding.code() + " set to present lowered an emergency\n" + caseFile(more));
    }

    /** A cauda equina sign of POLICY.md is an emergency whatever else the case holds. */
    @Property
    void caudaEquinaSign_present_isAnEmergency(@ForAll("cases") TriageCase background,
                                               @ForAll("emergencies") Tuple2<BilateralLegSymptomsPolicy, Emergency> e) {
        // keep every try a check of a cauda equina sign
        Emergency sign = e.get2().isCaudaEquina() ? e.get2() : Emergency.SADDLE_NUMBNESS;
        TriageCase c = sign.applyTo(background);
        Assessment result = assess(c, e.get1());
        Statistics.label("sign").collect(sign);
        assertEquals(Disposition.EMERGENCY, result.disposition(), () -> sign + " must be an emergency\n" + caseFile(c));
        assertTrue(result.redFlags().stream().anyMatch(f -> f.code().equals("cauda_equina")
                        && f.level() == Disposition.EMERGENCY),
                () -> "no emergency cauda_equina red flag for " + sign + "\n" + caseFile(c));
    }

    // --- unknown is never taken as no ----------------------------------------------------------------------------

    /** Self-care is advised only when every screening question was answered "no". */
    @Property
    void selfCare_onlyWhenEveryScreeningQuestionWasAnsweredNo(@ForAll("cases") TriageCase c,
                                                              @ForAll BilateralLegSymptomsPolicy policy) {
        Assessment result = assess(c, policy);
        Statistics.label("disposition").collect(result.disposition());
        Statistics.label("disposition").coverage(check -> check.check(Disposition.SELF_CARE).count(n -> n > 0));
        if (result.disposition() == Disposition.SELF_CARE) {
            for (Finding question : GeneratedCases.SCREENING) {
                assertEquals(Boolean.FALSE, c.findings().get(question),
                        () -> "self-care although " + question.code() + " was not answered no\n" + caseFile(c));
            }
            assertTrue(result.unanswered().isEmpty(), () -> "self-care with unanswered questions\n" + caseFile(c));
        }
    }

    /** Self-care is advised only when the assessment is complete: no unanswered question could change it. */
    @Property
    void selfCare_onlyWhenTheAssessmentIsComplete(@ForAll("cases") TriageCase c,
                                                  @ForAll BilateralLegSymptomsPolicy policy) {
        Assessment result = assess(c, policy);
        if (result.disposition() == Disposition.SELF_CARE) {
            assertTrue(engines.nextQuestions(c, policy).complete(),
                    () -> "self-care while an unanswered question could change it\n" + caseFile(c));
        }
    }

    /** A pain score of 8 or more out of 10 is never self-care (POLICY.md "ROUTINE (at least)"). */
    @Property
    void painScoreOf8OrMore_isNeverSelfCare(@ForAll("cases") TriageCase background,
                                            @ForAll @net.jqwik.api.constraints.IntRange(min = 8, max = 10) int score,
                                            @ForAll BilateralLegSymptomsPolicy policy) {
        TriageCase c = background.toBuilder().painScore(score).build();
        assertAtLeast(Disposition.ROUTINE, assess(c, policy), c, "pain score " + score);
    }

    /**
     * Hands-on treatment (massage, manual therapy, chiropractic) is never advised while a red flag is raised, a
     * screening question is unanswered, the person is under 16 or pregnant, or a precaution applies (POLICY.md
     * "Referral").
     */
    @Property
    void handsOnTreatment_neverWithARedFlagAnUnansweredQuestionAChildOrAPrecaution(
            @ForAll("cases") TriageCase c, @ForAll BilateralLegSymptomsPolicy policy) {
        Assessment result = assess(c, policy);
        boolean handsOn = result.referrals().stream().anyMatch(r -> r.whom().toLowerCase(java.util.Locale.ROOT)
                .matches(".*(massage|manual therap|chiropract).*"));
        boolean reason = !result.redFlags().isEmpty() || !result.unanswered().isEmpty() || c.age() < 16
                || Boolean.TRUE.equals(c.pregnant())
                || Boolean.TRUE.equals(c.findings().get(Finding.ANTICOAGULANTS))
                || Boolean.TRUE.equals(c.findings().get(Finding.HIP_REPLACEMENT));
        Statistics.label("hands-on treatment advised").collect(handsOn);
        assertFalse(handsOn && reason, () -> "hands-on treatment advised with " + result.redFlags() + ", unanswered "
                + result.unanswered() + "\n" + caseFile(c));
    }

    /** An unanswered emergency-screen question keeps the case at least URGENT and is listed as unanswered. */
    @Property
    void unansweredEmergencyScreenQuestion_isAtLeastUrgent(@ForAll("cases") TriageCase background,
                                                          @ForAll("emergencyScreen") Finding question,
                                                          @ForAll BilateralLegSymptomsPolicy policy) {
        TriageCase c = with(background, question, null);
        Assessment result = assess(c, policy);
        assertAtLeast(Disposition.URGENT, result, c, question.code() + " not asked");
        assertTrue(result.unanswered().contains(question),
                () -> question.code() + " not listed as unanswered\n" + caseFile(c));
    }

    /** The emergencies of POLICY.md, each applied on top of any case. */
    enum Emergency {
        SADDLE_NUMBNESS(true, Finding.SADDLE_NUMBNESS),
        BLADDER_DYSFUNCTION(true, Finding.BLADDER_DYSFUNCTION),
        BOWEL_DYSFUNCTION(true, Finding.BOWEL_DYSFUNCTION),
        /** New (14 days or less, or not given): an emergency under the EMERGENCY policy only. */
        NEW_BILATERAL_LEG_SYMPTOMS(true, c -> newEpisode(withPresent(c, Finding.BILATERAL_LEG_SYMPTOMS))) {
            @Override
            boolean appliesUnder(BilateralLegSymptomsPolicy policy) {
                return policy == BilateralLegSymptomsPolicy.EMERGENCY;
            }
        },
        BILATERAL_LEG_SYMPTOMS_GETTING_WEAKER(true, Finding.BILATERAL_LEG_SYMPTOMS, Finding.PROGRESSIVE_WEAKNESS),
        BILATERAL_LEG_SYMPTOMS_GETTING_NUMBER(true, Finding.BILATERAL_LEG_SYMPTOMS, Finding.WORSENING_NUMBNESS),
        /** A new (14 days or less, or not given) change in sexual function with leg pain. */
        SEXUAL_DYSFUNCTION_WITH_LEG_PAIN(true,
                c -> newEpisode(withPresent(c, Finding.SEXUAL_DYSFUNCTION, Finding.PAIN_BELOW_KNEE))),
        SEXUAL_DYSFUNCTION_WITH_BOTH_LEGS(true, Finding.SEXUAL_DYSFUNCTION, Finding.BILATERAL_LEG_SYMPTOMS),
        MAJOR_TRAUMA(false, Finding.MAJOR_TRAUMA),
        POSSIBLE_EPIDURAL_ABSCESS(false, Finding.FEVER, Finding.IV_DRUG_USE, Finding.LEG_WEAKNESS),
        POSSIBLE_CORD_COMPRESSION(false, Finding.CANCER_HISTORY, Finding.NEURO_DEFICIT),
        CANCER_WITH_SELF_REPORTED_NUMBNESS(false, Finding.CANCER_HISTORY, Finding.LEG_NUMBNESS_TINGLING),
        FEVER_WITH_NEW_WEAKNESS_WITHOUT_RISK_FACTORS(false,
                c -> with(withPresent(c, Finding.FEVER, Finding.LEG_WEAKNESS), Finding.IV_DRUG_USE, false)),
        WEAKNESS_GETTING_WORSE(false, Finding.PROGRESSIVE_WEAKNESS),
        // a foot drop is an emergency when new, getting worse or of unknown onset; one stable for more than 14 days
        // is routine (SP-18, SP-25; docs/POLICY.md, clinical review 2026-12 C6)
        NEW_FOOT_DROP(false, c -> withPresent(c, Finding.FOOT_DROP, Finding.FOOT_DROP_RECENT)),
        SWOLLEN_CALF(false, Finding.CALF_SWELLING),
        COLLAPSE_WITH_SUDDEN_SEVERE_PAIN(false, Finding.SUDDEN_SEVERE_PAIN_WITH_COLLAPSE),
        CANNOT_BEAR_WEIGHT(false, Finding.CANNOT_BEAR_WEIGHT),
        COLD_PALE_LEG(false, Finding.COLD_PALE_LEG);

        private final boolean caudaEquina;
        private final UnaryOperator<TriageCase> apply;

        Emergency(boolean caudaEquina, UnaryOperator<TriageCase> apply) {
            this.caudaEquina = caudaEquina;
            this.apply = apply;
        }

        /** The findings, answered yes, make the emergency. */
        Emergency(boolean caudaEquina, Finding... present) {
            this(caudaEquina, c -> withPresent(c, present));
        }

        TriageCase applyTo(TriageCase c) {
            return apply.apply(c);
        }

        /** The case with its duration made new (14 days or less), or still not given. */
        private static TriageCase newEpisode(TriageCase c) {
            return c.toBuilder().durationDays(c.durationDays() == null ? null : c.durationDays() % 15).build();
        }

        boolean appliesUnder(BilateralLegSymptomsPolicy policy) {
            return true;
        }

        boolean isCaudaEquina() {
            return caudaEquina;
        }
    }
}
