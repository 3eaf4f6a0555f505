package health.triage.fhir;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveQuestionnaireTest {

    private static final List<String> REPLAYED = List.of("saddle-numbness.json", "incomplete-emergency-screen.json");

    /** One round for the person, then one per screen (the library's interviews take about 8 screens). */
    static final int MAX_ROUNDS = 14;

    private static TriageEngine engine;
    private static AdaptiveQuestionnaire adaptive;

    @BeforeAll
    static void build() {
        engine = TriageEngine.builder().build();
        adaptive = new AdaptiveQuestionnaire(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void nextQuestion_firstCall_asksAboutThePersonAndWhetherExamined_inAValidAdaptiveResponse() {
        QuestionnaireResponse response = adaptive.nextQuestion(AdaptiveQuestionnaire.start());
        assertEquals(List.of("age", "sex", "pregnant", "durationDays", "painScore", "examined"), asked(response));
        assertEquals(QuestionnaireResponseStatus.INPROGRESS, response.getStatus());
        Questionnaire contained = contained(response);
        assertEquals("#" + contained.getIdElement().getIdPart(), response.getQuestionnaire());
        assertEquals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION, contained.getDerivedFrom().get(0)
                .getValue());
        assertFalse(contained.hasUrl(), "an adaptive questionnaire has no url of its own (SDC)");
        assertTrue(contained.hasTitle());
        assertTrue(contained.hasExtension(TriageQuestionnaire.ADAPTIVE));
        assertEquals(List.of(), R4Validator.errors(response));
    }

    @Test
    void nextQuestion_parametersForm_givesTheSameResponseAsTheBareForm() {
        QuestionnaireResponse bare = adaptive.nextQuestion(AdaptiveQuestionnaire.start());
        QuestionnaireResponse wrapped = adaptive.nextQuestion(AdaptiveQuestionnaire.input(AdaptiveQuestionnaire
                .start()));
        assertEquals(FhirFormat.write(bare), FhirFormat.write(wrapped));
    }

    @Test
    void nextQuestion_afterThePerson_asksTheWholeEmergencyScreenAsOneGroup() {
        QuestionnaireResponse next = afterThePerson();
        QuestionnaireItemComponent screen = last(next);
        assertEquals(Questionnaire.QuestionnaireItemType.GROUP, screen.getType());
        assertEquals(Finding.EMERGENCY_SCREEN.stream().map(Finding::code).toList(),
                screen.getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList());
        assertFalse(screen.getText().isBlank());
        assertEquals(List.of(), R4Validator.errors(next));
    }

    @Test
    void nextQuestion_exampleCasesReplayed_completeWithTheLibrarysAssessment() {
        // an emergency, and unanswered screening questions ("don't know"); triage-service replays more example cases
        // over HTTP
        List<String> problems = new ArrayList<>();
        Map<String, TriageCase> examples = ExampleCases.all();
        for (String file : REPLAYED) {
            TriageCase recorded = examples.get(file);
            Replay replay = replay(recorded);
            NextQuestions library = engine.nextQuestions(QuestionnaireResponses.answers(replay.response)
                    .triageCase(null), notAnswered(replay.response));
            String expected = FhirFormat.write(AssessmentResources.guidanceResponse(library, null).setId(
                    AdaptiveQuestionnaire.ASSESSMENT_ID));
            GuidanceResponse served = replay.assessment.copy();
            if (!expected.equals(FhirFormat.write(withContained(served, replay.response)))) {
                problems.add(file + ": the assessment differs from the library's");
            }
            if (replay.rounds > MAX_ROUNDS) {
                problems.add(file + ": " + replay.rounds + " rounds; one screen per round takes at most " + MAX_ROUNDS);
            }
            if (library.complete() && library.assessment().disposition() != engine.assess(recorded).disposition()) {
                problems.add(file + ": complete, but " + library.assessment().disposition()
                        + " is not the recorded case's " + engine.assess(recorded).disposition());
            }
            for (Map.Entry<Finding, Boolean> answer : QuestionnaireResponses.toCase(replay.response).findings()
                    .entrySet()) {
                if (!answer.getValue().equals(recorded.findings().get(answer.getKey()))) {
                    problems.add(file + ": " + answer.getKey().code() + " answered differently");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void nextQuestion_selfUser_isNeverAskedAnExaminationFinding_andCompletesInSelfCare() {
        TriageCase.Builder person = TriageCase.builder(38).sex(Sex.MALE).durationDays(28).painScore(4).examined(false);
        Set<Finding> present = EnumSet.of(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.WORSE_HARD_SEAT,
                Finding.DEEP_BUTTOCK_TENDERNESS, Finding.PROLONGED_SITTING);
        Arrays.stream(Finding.values()).filter(f -> !f.examinationOnly())
                .forEach(f -> person.answer(f, present.contains(f)));

        Replay replay = replay(person.build());

        assertEquals(QuestionnaireResponseStatus.COMPLETED, replay.response.getStatus());
        assertTrue(asked(replay.response).stream().noneMatch(linkId -> Finding.lookup(linkId)
                .map(Finding::examinationOnly).orElse(false)), () -> asked(replay.response).toString());
        assertEquals(Boolean.FALSE, QuestionnaireResponses.toCase(replay.response).examined());
        assertEquals(Disposition.SELF_CARE, engine.assess(QuestionnaireResponses.toCase(replay.response))
                .disposition());
    }

    @Test
    void nextQuestion_outputsOfAReplayedInterview_allValidate() {
        TriageCase recorded = ExampleCases.all().get("saddle-numbness.json");
        QuestionnaireResponse response = AdaptiveQuestionnaire.start();
        response.setSubject(new Reference("Patient/p1"));
        List<String> problems = new ArrayList<>();
        for (int call = 0; call < 100 && response.getStatus() != QuestionnaireResponseStatus.COMPLETED; call++) {
            response = adaptive.nextQuestion(response);
            int round = call;
            R4Validator.errors(response).forEach(error -> problems.add(round + ": " + error));
            AdaptiveQuestionnaire.answerFrom(response, recorded);
        }
        assertEquals(QuestionnaireResponseStatus.COMPLETED, response.getStatus());
        assertEquals(List.of(), problems);
    }

    @Test
    void nextQuestion_emergencyAnswer_completesAtOnce_withTheOutcomeLastAndTheAssessmentContained() {
        QuestionnaireResponse response = afterThePerson();
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).present(Finding.SADDLE_NUMBNESS).build());
        QuestionnaireResponse done = adaptive.nextQuestion(response);

        assertEquals(QuestionnaireResponseStatus.COMPLETED, done.getStatus());
        QuestionnaireItemComponent outcome = last(done);
        assertEquals(AdaptiveQuestionnaire.OUTCOME, outcome.getLinkId());
        assertTrue(outcome.getText().startsWith("EMERGENCY: " + Disposition.EMERGENCY.timeframe()), outcome.getText());
        GuidanceResponse assessment = AdaptiveQuestionnaire.assessment(done).orElseThrow();
        assertTrue(assessment.getModuleCanonicalType().getValue().endsWith("|" + engine.ruleBaseVersion()));
        assertFalse(assessment.hasContained(), "FHIR forbids contained resources inside a contained resource");
        assertEquals(List.of(), R4Validator.errors(done));
    }

    @Test
    void nextQuestion_dontKnow_sentBackOrLeftOut_isNotAskedAgain_andLeavesTheFindingUnknown() {
        QuestionnaireResponse listed = afterThePerson();
        AdaptiveQuestionnaire.answerFrom(listed, TriageCase.builder(40).build()); // listed without answers
        QuestionnaireResponse next = adaptive.nextQuestion(listed);
        assertEquals(1, allAsked(next).stream().filter("saddle_numbness"::equals).count());
        assertTrue(QuestionnaireResponses.toCase(next).answer(Finding.SADDLE_NUMBNESS).isEmpty());

        QuestionnaireResponse leftOut = afterThePerson(); // the emergency screen sent back with no item at all
        QuestionnaireResponse after = adaptive.nextQuestion(leftOut);
        assertEquals(1, allAsked(after).stream().filter("saddle_numbness"::equals).count());
    }

    @Test
    void nextQuestion_answerToAQuestionNotAsked_isAnErrorNamingTheItem() {
        QuestionnaireResponse response = adaptive.nextQuestion(AdaptiveQuestionnaire.start());
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).build());
        response.addItem(QuestionnaireResponses.answer("fever", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(response));
        assertEquals("item 'fever' was answered but not asked; answer only the items of the contained "
                + "questionnaire", e.getMessage());
    }

    @Test
    void nextQuestion_wrongAnswerTypeOrParameters_areErrors() {
        QuestionnaireResponse response = adaptive.nextQuestion(AdaptiveQuestionnaire.start());
        response.addItem().setLinkId("age").addAnswer().setValue(new BooleanType(true));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(response));
        assertEquals("item 'age' must be answered with valueInteger (a whole number), was valueBoolean 'true'",
                type.getMessage());
        Parameters empty = new Parameters();
        empty.addParameter().setName("questionnaire").setValue(new IntegerType(1));
        IllegalArgumentException parameters = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(empty));
        assertEquals("the input must be exactly one parameter 'questionnaire-response' holding a "
                + "QuestionnaireResponse, was ['questionnaire']", parameters.getMessage());
    }

    /** An interview replayed from a recorded case: the completed response, its assessment and the rounds taken. */
    record Replay(QuestionnaireResponse response, GuidanceResponse assessment, int rounds) {
    }

    static Replay replay(TriageCase recorded) {
        QuestionnaireResponse response = AdaptiveQuestionnaire.start();
        for (int call = 1; call <= 200; call++) {
            response = adaptive.nextQuestion(response);
            if (response.getStatus() == QuestionnaireResponseStatus.COMPLETED) {
                return new Replay(response, AdaptiveQuestionnaire.assessment(response).orElseThrow(), call);
            }
            AdaptiveQuestionnaire.answerFrom(response, recorded);
        }
        throw new AssertionError("the interview did not end within 200 calls");
    }

    /** The assessment with the resources it references put back inside it, as the library builds it. */
    private static GuidanceResponse withContained(GuidanceResponse assessment, QuestionnaireResponse response) {
        response.getContained().stream()
                .filter(r -> !(r instanceof Questionnaire) && !(r instanceof GuidanceResponse))
                .forEach(assessment::addContained);
        return assessment;
    }

    /** The findings asked in the interview and not answered. */
    private static java.util.Set<Finding> notAnswered(QuestionnaireResponse response) {
        java.util.Set<Finding> dontKnow = java.util.EnumSet.noneOf(Finding.class);
        java.util.Set<String> answered = QuestionnaireResponses.answers(response).values().keySet();
        allAsked(response).stream().filter(linkId -> !answered.contains(linkId))
                .forEach(linkId -> Finding.lookup(linkId).ifPresent(dontKnow::add));
        return dontKnow;
    }

    /** The response after the person's questions were answered (age 40, nothing else): the emergency screen. */
    private static QuestionnaireResponse afterThePerson() {
        QuestionnaireResponse response = adaptive.nextQuestion(AdaptiveQuestionnaire.start());
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).build());
        return adaptive.nextQuestion(response);
    }

    private static Questionnaire contained(QuestionnaireResponse response) {
        return (Questionnaire) response.getContained().get(0);
    }

    private static QuestionnaireItemComponent last(QuestionnaireResponse response) {
        List<QuestionnaireItemComponent> items = contained(response).getItem();
        return items.get(items.size() - 1);
    }

    private static List<String> asked(QuestionnaireResponse response) {
        return contained(response).getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList();
    }

    /** Every question's link id, those inside screen groups too. */
    private static List<String> allAsked(QuestionnaireResponse response) {
        List<String> linkIds = new ArrayList<>();
        for (QuestionnaireItemComponent item : contained(response).getItem()) {
            if (item.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                item.getItem().forEach(q -> linkIds.add(q.getLinkId()));
            } else if (item.getType() != Questionnaire.QuestionnaireItemType.DISPLAY) {
                linkIds.add(item.getLinkId());
            }
        }
        return linkIds;
    }
}
