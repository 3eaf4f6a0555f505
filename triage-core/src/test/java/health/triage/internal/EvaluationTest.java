package health.triage.internal;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.facts.Answer;
import health.triage.facts.Patient;
import health.triage.facts.Policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One assessment against the test rule base {@code rulebases/evidence}, whose rules bind every kind of fact. */
class EvaluationTest {

    private static CompiledRuleBase evidence;

    /** Age 30, female, pregnant, duration not given; fever and buttock pain yes, night sweats no; the rest unknown. */
    private static final TriageCase CASE = TriageCase.builder(30).sex(Sex.FEMALE).pregnant(true)
            .present(Finding.FEVER, Finding.BUTTOCK_PAIN).absent(Finding.NIGHT_SWEATS).build();

    @BeforeAll
    static void compile() {
        evidence = compile("evidence");
    }

    private static CompiledRuleBase compile(String folder) {
        return CompiledRuleBase.compile(RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases", folder)));
    }

    @Test
    void run_explainsEachFiringWithTheFactsItUsed_inStageRuleAndFindingOrder() {
        Assessment result = Evaluation.run(evidence, CASE);

        assertEquals(List.of(
                new Reason("E-01", "A fever is a red flag with a cue each way and a hamstring pattern", "test",
                        List.of("fever: yes"), Disposition.URGENT),
                new Reason("E-02", "Red flags, cues and patterns are named in the reason", "test",
                        List.of("buttock_pain: yes", "code: infection", "pattern: hamstring_injury",
                                "red flag: infection"), Disposition.ROUTINE),
                new Reason("E-03", "The patient's fields are named with their values", "test",
                        List.of("age: 30", "durationDays: not given", "pregnant: true", "sex: FEMALE"),
                        Disposition.SELF_CARE),
                new Reason("E-04", "Every present answer is listed", "test",
                        List.of("buttock_pain: yes", "fever: yes"), Disposition.SELF_CARE),
                new Reason("E-05", "Unanswered cauda equina questions keep the case urgent", "test",
                        List.of("bladder_dysfunction: not asked"), Disposition.URGENT),
                new Reason("E-05", "Unanswered cauda equina questions keep the case urgent", "test",
                        List.of("saddle_numbness: not asked"), Disposition.URGENT),
                new Reason("E-06", "A night sweats answer of no is named", "test",
                        List.of("night_sweats: no"), Disposition.SELF_CARE),
                new Reason("E-07", "The source is piriformis", "test", List.of(), null),
                new Reason("E-08", "Advice names the decision it used", "test",
                        List.of("d: URGENT", "disposition: URGENT", "likelySource: PIRIFORMIS"), null)),
                result.reasons());
    }

    @Test
    void run_gathersTheConclusionsIntoTheResult() {
        Assessment result = Evaluation.run(evidence, CASE);

        assertAll(
                () -> assertEquals(Disposition.URGENT, result.disposition()),
                () -> assertEquals(LikelySource.PIRIFORMIS, result.likelySource()),
                () -> assertEquals(List.of(new Cue(LikelySource.PIRIFORMIS, Finding.BUTTOCK_PAIN, "Buttock.")),
                        result.cuesFor()),
                () -> assertEquals(List.of(new Cue(LikelySource.SPINAL, Finding.PAIN_BELOW_KNEE, "Below the knee.")),
                        result.cuesAgainst()),
                () -> assertEquals(List.of(new RedFlag("infection", Disposition.URGENT, "Fever.", List.of("fever"))),
                        result.redFlags(), "a red flag names the findings answered yes that raised it"),
                () -> assertEquals(List.of(Finding.SADDLE_NUMBNESS, Finding.BLADDER_DYSFUNCTION), result.unanswered()),
                () -> assertEquals(List.of(new SafetyNet(Disposition.EMERGENCY, "Go now if worse.")),
                        result.safetyNet()),
                () -> assertEquals(List.of(), result.referrals(), "no policy note under the default policy"),
                () -> assertEquals(BilateralLegSymptomsPolicy.EMERGENCY, result.bilateralLegSymptomsPolicy()),
                () -> assertEquals(evidence.version(), result.ruleBaseVersion()));
    }

    @Test
    void run_insertsThePolicyForRulesToRead_andRecordsIt() {
        Assessment result = Evaluation.run(evidence, CASE, BilateralLegSymptomsPolicy.URGENT);

        assertEquals(List.of(new Referral("Policy", "The urgent bilateral leg symptoms policy is in force.")),
                result.referrals());
        assertEquals(BilateralLegSymptomsPolicy.URGENT, result.bilateralLegSymptomsPolicy());
    }

    @Test
    void run_insertsThePatientThePolicyAndOneAnswerPerFinding_inThatOrder() {
        List<Object> seen = new ArrayList<>();
        Evaluation.run(evidence, CASE, BilateralLegSymptomsPolicy.URGENT, facts -> {
            seen.addAll(facts);
            return facts;
        });

        List<Object> expected = new ArrayList<>();
        expected.add(new Patient(30, Sex.FEMALE, true, null, null));
        expected.add(new Policy(BilateralLegSymptomsPolicy.URGENT));
        for (Finding finding : Finding.values()) {
            expected.add(Answer.of(finding, CASE.findings().get(finding)));
        }
        assertEquals(expected, seen);
    }

    @Test
    void run_insertsTheFactsTheOrderGives() {
        Assessment withoutAnswers = Evaluation.run(evidence, CASE, BilateralLegSymptomsPolicy.DEFAULT,
                facts -> facts.stream().filter(f -> !(f instanceof Answer)).toList());

        assertTrue(withoutAnswers.reasons().stream().noneMatch(r -> r.ruleId().equals("E-01")),
                "no answer inserted, so the fever rule cannot fire");
    }

    @Test
    void run_factsInReverseOrder_giveTheSameResult() {
        Assessment reversed = Evaluation.run(evidence, CASE, BilateralLegSymptomsPolicy.DEFAULT, facts -> {
            List<Object> copy = new ArrayList<>(facts);
            Collections.reverse(copy);
            return copy;
        });

        assertEquals(Evaluation.run(evidence, CASE), reversed);
    }

    @Test
    void run_disposesItsSession() {
        Evaluation.run(evidence, CASE);

        assertTrue(evidence.kieBase().getKieSessions().isEmpty(), "a session was left open");
    }

    @Test
    void runWithout_leavesOutOnlyThatRule_asIfTheRuleBaseHadNone() {
        CompiledRuleBase minimal = compile("minimal");
        TriageCase olderWithFever = TriageCase.builder(80).present(Finding.FEVER).build();

        Assessment without = Evaluation.runWithout(minimal, olderWithFever, "Fever needs a clinician the same day");

        assertEquals(Disposition.ROUTINE, without.disposition(), "the age rule's ROUTINE is now the most urgent");
        assertEquals(List.of(), without.redFlags());
        assertEquals(List.of("T-03", "T-02"), without.reasons().stream().map(Reason::ruleId).toList());
        assertEquals(Evaluation.run(minimal, olderWithFever),
                Evaluation.runWithout(minimal, olderWithFever, "No rule has this name"));
    }

    @Test
    void runWithout_underAPolicy_recordsThePolicyAndLeavesOutTheRule() {
        Assessment without = Evaluation.runWithout(evidence, CASE, BilateralLegSymptomsPolicy.URGENT,
                "Under the urgent bilateral policy a referral notes it");

        assertEquals(List.of(), without.referrals(), "the policy rule was left out");
        assertEquals(BilateralLegSymptomsPolicy.URGENT, without.bilateralLegSymptomsPolicy());
        assertEquals(Evaluation.run(evidence, CASE, BilateralLegSymptomsPolicy.URGENT).reasons().stream()
                        .filter(r -> !r.ruleId().equals("E-09")).toList(), without.reasons());
    }

    @Test
    void runDecision_takesTheSameDecisionWithoutRunningTheAdviceStage() {
        Assessment full = Evaluation.run(evidence, CASE);

        Assessment decision = Evaluation.runDecision(evidence, CASE);

        assertAll(
                () -> assertEquals(full.disposition(), decision.disposition()),
                () -> assertEquals(full.likelySource(), decision.likelySource()),
                () -> assertEquals(full.redFlags(), decision.redFlags()),
                () -> assertEquals(List.of(), decision.safetyNet(), "E-08, an advice rule, did not run"),
                () -> assertEquals(full.reasons().stream().filter(r -> !r.ruleId().equals("E-08")).toList(),
                        decision.reasons()),
                () -> assertEquals(BilateralLegSymptomsPolicy.EMERGENCY, decision.bilateralLegSymptomsPolicy()));
    }

    @Test
    void decide_takesTheSameDecisionWithEveryCue() {
        Assessment full = Evaluation.run(evidence, CASE);

        Evaluation.Decision decision = Evaluation.decide(evidence, CASE, BilateralLegSymptomsPolicy.DEFAULT);

        assertAll(
                () -> assertEquals(full.disposition(), decision.disposition()),
                () -> assertEquals(full.likelySource(), decision.likelySource()),
                () -> assertEquals(Stream.concat(full.cuesFor().stream(), full.cuesAgainst().stream())
                        .sorted(Comparator.comparing(Cue::pointsTo).thenComparing(Cue::finding)).toList(),
                        decision.cues()),
                () -> assertFalse(decision.cues().isEmpty(), "the case has a cue"));
    }

    @Test
    void decide_ruleBaseThatReachesNoDisposition_failsSayingSo() {
        CompiledRuleBase none = compile("no-disposition");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Evaluation.decide(none, CASE, BilateralLegSymptomsPolicy.DEFAULT));

        assertEquals("the rule base reached no disposition for this case: no rule concluded an urgency",
                e.getMessage());
    }

    @Test
    void run_conflictingSourceVerdicts_leaveTheSourceUnclear() {
        CompiledRuleBase conflicting = compile("conflicting-verdicts");

        assertEquals(LikelySource.UNCLEAR, Evaluation.run(conflicting, CASE).likelySource());
    }

    @Test
    void run_adviceRuleThatDecidesTheSource_isRejectedAsADefect() {
        CompiledRuleBase late = compile("late-source");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Evaluation.run(late, CASE));
        assertEquals("rule L-02 concluded an urgency or source in the advice stage, after the decision was taken; move"
                + " it to an earlier stage", e.getMessage());
    }
}
