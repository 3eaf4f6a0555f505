package health.triage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TriageEngine#nextQuestions(TriageCase)} against the small rule base {@code rulebases/interview}: an emergency
 * sign (saddle numbness) with its screening rule, fever and cancer questions that are screened, weight loss and night
 * sweats that raise the urgency only together, and a source table in which two piriformis cues without a spinal cue
 * allow self-care. The expectations are read off those rules.
 */
class TriageEngineNextQuestionsTest {

    private static final List<Finding> SCREEN = Finding.EMERGENCY_SCREEN;

    private static TriageEngine engine;

    @BeforeAll
    static void build() {
        engine = TriageEngineTest.engine("interview");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** A person of 40 who answered the whole emergency screen with no. */
    private static TriageCase.Builder screened() {
        return TriageCase.builder(40).absent(SCREEN.toArray(Finding[]::new));
    }

    private static List<Finding> findings(NextQuestions next, Question.Priority priority) {
        return next.questions().stream().filter(q -> q.priority() == priority).map(Question::finding).toList();
    }

    private static Question question(NextQuestions next, Finding finding) {
        return next.questions().stream().filter(q -> q.finding() == finding).findFirst()
                .orElseThrow(() -> new AssertionError(finding.code() + " is not asked: " + next.questions()));
    }

    @Test
    void nextQuestions_emptyCase_asksTheEmergencyScreenFirstInItsOrder() {
        NextQuestions next = engine.nextQuestions(TriageCase.builder(40).build());

        assertAll(
                () -> assertEquals(SCREEN, next.questions().subList(0, SCREEN.size()).stream().map(Question::finding).toList()),
                () -> assertEquals(SCREEN, findings(next, Question.Priority.EMERGENCY_SCREEN)),
                () -> assertEquals(Disposition.URGENT, next.assessment().disposition()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_emergencyScreenQuestion_saysWhatAYesWouldDo() {
        Question saddle = engine.nextQuestions(TriageCase.builder(40).build()).first().orElseThrow();

        assertAll(
                () -> assertEquals(Finding.SADDLE_NUMBNESS, saddle.finding()),
                () -> assertEquals("saddle_numbness", saddle.code()),
                () -> assertEquals(Question.Priority.EMERGENCY_SCREEN, saddle.priority()),
                () -> assertEquals("Emergency screen: asked before any other question. A yes would change the "
                        + "advice from URGENT to EMERGENCY.", saddle.rankReason()),
                () -> assertEquals(QuestionWording.of(Finding.SADDLE_NUMBNESS).patient(), saddle.patientText()),
                () -> assertEquals(QuestionWording.of(Finding.SADDLE_NUMBNESS).clinician(), saddle.clinicianText()),
                () -> assertEquals(QuestionWording.of(Finding.SADDLE_NUMBNESS).why(), saddle.why()));
    }

    @Test
    void nextQuestions_emergency_endsTheInterview() {
        NextQuestions next = engine.nextQuestions(TriageCase.builder(40).present(Finding.SADDLE_NUMBNESS).build());

        assertAll(
                () -> assertEquals(Disposition.EMERGENCY, next.assessment().disposition()),
                () -> assertTrue(next.complete()),
                () -> assertEquals(List.of(), next.questions()));
    }

    @Test
    void nextQuestions_findingNoRuleReads_isNeverAsked() {
        NextQuestions next = engine.nextQuestions(TriageCase.builder(40).build());

        assertTrue(next.questions().stream().noneMatch(q -> q.finding() == Finding.LOW_BACK_PAIN),
                next::toString);
    }

    @Test
    void nextQuestions_afterTheScreen_mostUrgentFirstThenWhatCouldLowerIt() {
        NextQuestions next = engine.nextQuestions(screened().build());

        // fever alone makes it URGENT; weight loss and night sweats only together; then the answers that could
        // allow self-care: the two piriformis cues, and cancer whose being unanswered holds ROUTINE
        assertAll(
                () -> assertEquals(Disposition.ROUTINE, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.FEVER, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS,
                        Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.CANCER_HISTORY),
                        findings(next, Question.Priority.DISPOSITION)),
                () -> assertEquals("A yes would change the advice from ROUTINE to URGENT.",
                        question(next, Finding.FEVER).rankReason()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_unansweredScreeningQuestionThatCannotChangeTheDisposition_isAskedAndTheCaseIsNotComplete() {
        // fever makes it URGENT whatever else; cancer, unanswered, is listed by the assessment as a screening question
        TriageCase c = screened().present(Finding.FEVER, Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING)
                .absent(Finding.PAIN_BELOW_KNEE, Finding.UNEXPLAINED_WEIGHT_LOSS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.URGENT, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.CANCER_HISTORY), next.assessment().unanswered()),
                () -> assertEquals(List.of(), findings(next, Question.Priority.DISPOSITION)),
                () -> assertEquals(List.of(Finding.CANCER_HISTORY), findings(next, Question.Priority.SCREENING)),
                () -> assertEquals("An unanswered screening question: the result is not complete until it is "
                        + "answered, although its answer alone would not change the disposition now.",
                        question(next, Finding.CANCER_HISTORY).rankReason()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_twoFindingsThatRaiseTheUrgencyOnlyTogether_areBothAskedAndTheCaseIsNotComplete() {
        // no single answer changes ROUTINE here: the spinal cue keeps the source unclear, fever and cancer are no
        TriageCase c = screened().present(Finding.PAIN_BELOW_KNEE).absent(Finding.FEVER, Finding.CANCER_HISTORY)
                .build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.ROUTINE, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS),
                        findings(next, Question.Priority.DISPOSITION)),
                () -> assertEquals("A yes, together with other answers, could change the advice from ROUTINE to "
                        + "URGENT.", question(next, Finding.NIGHT_SWEATS).rankReason()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_onceOneOfThePairIsNo_theCaseIsComplete() {
        TriageCase c = screened().present(Finding.PAIN_BELOW_KNEE)
                .absent(Finding.FEVER, Finding.CANCER_HISTORY, Finding.NIGHT_SWEATS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(List.of(), findings(next, Question.Priority.DISPOSITION)),
                () -> assertTrue(next.complete()));
    }

    @Test
    void nextQuestions_screeningQuestionsThatHoldTheDispositionUpOnlyTogether_areAsked() {
        // fever and cancer both unanswered: answering either one no alone still leaves ROUTINE
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING)
                .absent(Finding.PAIN_BELOW_KNEE, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.ROUTINE, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.FEVER, Finding.CANCER_HISTORY),
                        findings(next, Question.Priority.DISPOSITION)),
                () -> assertEquals("A no, together with other answers, could change the advice from ROUTINE to "
                        + "SELF_CARE.", question(next, Finding.CANCER_HISTORY).rankReason()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_answerThatCanChangeOnlyTheSource_isRankedLastAndTheCaseIsComplete() {
        // fever makes it URGENT whatever else; a second piriformis cue would only change the source
        TriageCase c = screened().present(Finding.FEVER, Finding.BUTTOCK_PAIN)
                .absent(Finding.CANCER_HISTORY, Finding.PAIN_BELOW_KNEE, Finding.UNEXPLAINED_WEIGHT_LOSS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.URGENT, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.WORSE_SITTING), findings(next, Question.Priority.LIKELY_SOURCE)),
                () -> assertEquals("A yes would change the likely source from UNCLEAR to PIRIFORMIS.",
                        question(next, Finding.WORSE_SITTING).rankReason()),
                () -> assertEquals(List.of(), findings(next, Question.Priority.DISPOSITION)),
                () -> assertTrue(next.complete()));
    }

    @Test
    void nextQuestions_screeningQuestionWhoseNoAloneAllowsSelfCare_saysSo() {
        // two piriformis cues and no spinal cue allow self-care; only the unanswered cancer question holds ROUTINE
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING)
                .absent(Finding.PAIN_BELOW_KNEE, Finding.FEVER, Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS)
                .build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.ROUTINE, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.CANCER_HISTORY), findings(next, Question.Priority.DISPOSITION)),
                () -> assertEquals("A no would change the advice from ROUTINE to SELF_CARE.",
                        question(next, Finding.CANCER_HISTORY).rankReason()),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_pairThatRaisesOnlyTogether_isAskedAlsoWhenNoCueIsLeftToAsk() {
        // every cue answered, so the only whole completions are all yes and all no: all yes must still be tried
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN)
                .absent(Finding.WORSE_SITTING, Finding.PAIN_BELOW_KNEE, Finding.FEVER, Finding.CANCER_HISTORY).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Disposition.ROUTINE, next.assessment().disposition()),
                () -> assertEquals(List.of(Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS),
                        findings(next, Question.Priority.DISPOSITION)),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_cuesThatChangeTheSourceOnlyTogether_areAskedForTheSource() {
        // fever keeps URGENT whatever else; one piriformis cue changes nothing, the two together give PIRIFORMIS
        TriageCase c = screened().present(Finding.FEVER)
                .absent(Finding.CANCER_HISTORY, Finding.PAIN_BELOW_KNEE, Finding.UNEXPLAINED_WEIGHT_LOSS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(List.of(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING),
                        findings(next, Question.Priority.LIKELY_SOURCE)),
                () -> assertEquals("A yes, together with other answers, could change the likely source from UNCLEAR "
                        + "to PIRIFORMIS.", question(next, Finding.WORSE_SITTING).rankReason()),
                () -> assertTrue(next.complete()));
    }

    @Test
    void nextQuestions_raiseNoRuleTiesToAFinding_stillAsksEveryFindingThatCouldTakePart() {
        // the raising rule counts its findings in an accumulate, so no finding is cited: all of them are asked
        try (TriageEngine uncited = TriageEngineTest.engine("interview-uncited")) {
            TriageCase c = TriageCase.builder(40).absent(Finding.PAIN_NOT_EASED_BY_REST).build();

            NextQuestions next = uncited.nextQuestions(c);

            assertAll(
                    () -> assertEquals(Disposition.SELF_CARE, next.assessment().disposition()),
                    () -> assertTrue(findings(next, Question.Priority.DISPOSITION)
                            .containsAll(List.of(Finding.UNEXPLAINED_WEIGHT_LOSS, Finding.NIGHT_SWEATS)),
                            next::toString),
                    () -> assertFalse(findings(next, Question.Priority.DISPOSITION)
                            .contains(Finding.PAIN_NOT_EASED_BY_REST)),
                    () -> assertEquals("A yes, together with other answers, could change the advice from SELF_CARE "
                            + "to URGENT.", question(next, Finding.NIGHT_SWEATS).rankReason()),
                    () -> assertFalse(next.complete()));
        }
    }

    @Test
    void nextQuestions_dontKnow_leavesTheFindingUnknownAndHoldsTheCase() {
        TriageCase c = screened().unknown(Finding.SADDLE_NUMBNESS).build();

        NextQuestions next = engine.nextQuestions(c, Set.of(Finding.SADDLE_NUMBNESS));

        // saddle numbness unknown keeps the case URGENT whatever else is answered, so nothing else here can change
        // the disposition; the case is not complete because saddle numbness could
        assertAll(
                () -> assertEquals(Disposition.URGENT, next.assessment().disposition()),
                () -> assertTrue(next.questions().stream().noneMatch(q -> q.finding() == Finding.SADDLE_NUMBNESS),
                        next::toString),
                () -> assertEquals(List.of(), findings(next, Question.Priority.DISPOSITION)),
                () -> assertFalse(next.complete()));
    }

    @Test
    void nextQuestions_withoutDontKnow_asksWhatCouldLowerTheCaseOnceTheScreenIsAnswered() {
        TriageCase c = screened().unknown(Finding.SADDLE_NUMBNESS).build();

        NextQuestions next = engine.nextQuestions(c);

        assertAll(
                () -> assertEquals(Finding.SADDLE_NUMBNESS, next.first().orElseThrow().finding()),
                () -> assertTrue(findings(next, Question.Priority.DISPOSITION).contains(Finding.FEVER),
                        next::toString));
    }

    @Test
    void nextQuestions_dontKnowForAFindingTheCaseAnswers_isIgnored() {
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN).build();

        assertEquals(engine.nextQuestions(c), engine.nextQuestions(c, Set.of(Finding.BUTTOCK_PAIN)));
    }

    @Test
    void nextQuestions_sameCase_sameQuestionsInTheSameOrder() {
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN).build();

        assertEquals(engine.nextQuestions(c), engine.nextQuestions(c));
    }

    @Test
    void nextQuestions_assessmentIsTheAssessmentOfTheCase() {
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN).build();

        assertEquals(engine.assess(c), engine.nextQuestions(c).assessment());
    }

    @Test
    void nextQuestions_ruleBaseWithAGapForAnAnswer_failsNamingTheAnswer() {
        try (TriageEngine gap = TriageEngineTest.engine("interview-gap")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> gap.nextQuestions(TriageCase.builder(40).build()));

            assertEquals("cannot work out the next questions: with fever answered yes, the rule base reached no "
                    + "disposition for this case: no rule concluded an urgency", e.getMessage());
        }
    }

    // --- screens ----------------------------------------------------------------------------------------------------

    @Test
    void nextScreen_emptyCase_isTheEmergencyScreenAsOneList() {
        Screen screen = engine.nextScreen(TriageCase.builder(40).build(), Set.of()).orElseThrow();

        assertAll(
                () -> assertEquals(Screen.Kind.ANY_OF, screen.kind()),
                () -> assertEquals(SCREEN, screen.findings()),
                () -> assertEquals(ScreenGroups.shipped().groups().get("emergency").text(), screen.text()),
                () -> assertTrue(screen.questions().stream()
                        .allMatch(q -> q.priority() == Question.Priority.EMERGENCY_SCREEN)));
    }

    @Test
    void nextScreen_afterTheEmergencyScreen_isWhereItHurts_listingEveryFindingOfTheGroupNotYetAnswered() {
        NextQuestions next = engine.nextQuestions(screened().present(Finding.POSTERIOR_THIGH_PAIN).build());
        Screen screen = next.nextScreen().orElseThrow();
        List<Finding> expected = ScreenGroups.shipped().groups().get("where_it_hurts").findings().stream()
                .filter(f -> f != Finding.POSTERIOR_THIGH_PAIN).toList();

        // buttock pain could change the result; low back pain, which no rule reads, comes along with it
        assertAll(
                () -> assertEquals(expected, screen.findings()),
                () -> assertEquals(question(next, Finding.BUTTOCK_PAIN), screen.questions().get(0)),
                () -> assertEquals(Question.Priority.SAME_SCREEN, screen.questions().get(1).priority()),
                () -> assertEquals(Finding.LOW_BACK_PAIN, screen.questions().get(1).finding()),
                () -> assertEquals(QuestionWording.of(Finding.LOW_BACK_PAIN).patient(),
                        screen.questions().get(1).patientText()));
    }

    @Test
    void nextScreen_thenTheGroupOfTheHighestRankedQuestion_withoutWhatWasAnsweredOrNotKnown() {
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN).absent(ScreenGroups.shipped().groups()
                .get("where_it_hurts").findings().stream().filter(f -> f != Finding.BUTTOCK_PAIN)
                .toArray(Finding[]::new)).absent(Finding.MAJOR_TRAUMA).build();

        Screen screen = engine.nextScreen(c, Set.of(Finding.RECENT_FALL)).orElseThrow();

        // fever is ranked first (a yes makes it URGENT): its group comes next
        assertEquals(List.of(Finding.FEVER, Finding.CANCER_HISTORY, Finding.UNEXPLAINED_WEIGHT_LOSS,
                Finding.NIGHT_SWEATS, Finding.SEXUAL_DYSFUNCTION), screen.findings());
    }

    @Test
    void nextScreen_emergencyOrComplete_isEmpty() {
        TriageCase complete = screened().present(Finding.PAIN_BELOW_KNEE)
                .absent(Finding.FEVER, Finding.CANCER_HISTORY, Finding.NIGHT_SWEATS).build();

        assertAll(
                () -> assertEquals(Optional.empty(), engine.nextScreen(TriageCase.builder(40)
                        .present(Finding.SADDLE_NUMBNESS).build(), Set.of())),
                () -> assertTrue(engine.nextQuestions(complete).complete()),
                () -> assertEquals(Optional.empty(), engine.nextScreen(complete, Set.of())));
    }

    @Test
    void nextScreen_costsOneNextQuestions_andIsTheScreenItReturns() {
        TriageCase c = screened().present(Finding.BUTTOCK_PAIN).build();

        assertEquals(engine.nextQuestions(c, Set.of()).nextScreen(), engine.nextScreen(c, Set.of()));
    }

    @Test
    void nextQuestions_nullCase_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> engine.nextQuestions(null));

        assertEquals("case must not be null", e.getMessage());
    }

    @Test
    void nextQuestions_nullDontKnow_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> engine.nextQuestions(TriageCase.builder(40).build(), null));

        assertEquals("dontKnow must not be null (use an empty set)", e.getMessage());
    }

    @Test
    void nextQuestions_closedEngine_isRejected() {
        TriageEngine closed = TriageEngineTest.engine("interview");
        closed.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> closed.nextQuestions(TriageCase.builder(40).build()));

        assertEquals("the engine is closed", e.getMessage());
    }

    @Test
    void nextQuestions_onTheEnginesExecutor_plansAsOnTheCommonPool() {
        AtomicInteger tasks = new AtomicInteger();
        Executor counting = task -> {
            tasks.incrementAndGet();
            task.run();
        };
        try (TriageEngine own = TriageEngine.builder()
                .rulesFrom(Path.of("src/test/resources/rulebases/interview")).executor(counting).build()) {
            TriageCase c = TriageCase.builder(40).build();

            assertEquals(engine.nextQuestions(c), own.nextQuestions(c));
            assertTrue(tasks.get() > 0, "the planner never used the engine's executor");
        }
    }

    @Test
    void nextQuestions_executorThatNeverRunsItsTasks_stillAnswersOnTheCallingThread() {
        List<Runnable> neverRun = new ArrayList<>();
        try (TriageEngine own = TriageEngine.builder()
                .rulesFrom(Path.of("src/test/resources/rulebases/interview")).executor(neverRun::add).build()) {
            TriageCase c = TriageCase.builder(40).build();

            assertEquals(engine.nextQuestions(c), own.nextQuestions(c));
            assertFalse(neverRun.isEmpty());
        }
    }

    @Test
    void nextQuestions_executorThatRejectsTasks_stillAnswersOnTheCallingThread() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        try (TriageEngine own = TriageEngine.builder()
                .rulesFrom(Path.of("src/test/resources/rulebases/interview")).executor(full).build()) {
            TriageCase c = TriageCase.builder(40).build();

            assertEquals(engine.nextQuestions(c), own.nextQuestions(c));
        }
    }

    @Test
    void executor_null_namesTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TriageEngine.builder().executor(null));
        assertEquals("executor must not be null", e.getMessage());
    }
}
