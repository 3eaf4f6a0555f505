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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveQuestionnaireTest {

    private static final List<String> REPLAYED = List.of("saddle-numbness.json", "incomplete-emergency-screen.json");

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
    void nextQuestion_firstCall_asksTheAgeSexDurationPainScoreAndWhetherExamined_inAValidAdaptiveResponse() {
        Parameters out = adaptive.nextQuestion(AdaptiveQuestionnaire.input(AdaptiveQuestionnaire.start()));
        QuestionnaireResponse response = returned(out);
        assertEquals(List.of("age", "sex", "durationDays", "painScore", "examined"), asked(response));
        assertEquals(QuestionnaireResponseStatus.INPROGRESS, response.getStatus());
        Questionnaire contained = contained(response);
        assertEquals("#" + contained.getIdElement().getIdPart(), response.getQuestionnaire());
        assertEquals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION, contained.getDerivedFrom().get(0)
                .getValue());
        assertFalse(contained.hasUrl(), "an adaptive questionnaire has no url of its own (SDC)");
        assertEquals(List.of(), R4Validator.errors(out));
    }

    @Test
    void nextQuestion_afterTheAge_asksTheEmergencyScreenFirst() {
        QuestionnaireResponse next = afterThePerson();
        assertEquals("saddle_numbness", asked(next).get(asked(next).size() - 1));
        assertEquals(List.of(), R4Validator.errors(next));
    }

    @Test
    void nextQuestion_exampleCasesReplayed_completeWithTheLibrarysAssessment() {
        // an emergency, and unanswered screening questions ("don't know"); triage-service replays more example cases
        // over HTTP (each interview runs dozens of next-question plans, so this module keeps to two)
        List<String> problems = new ArrayList<>();
        Map<String, TriageCase> examples = ExampleCases.all();
        for (String file : REPLAYED) {
            Map.Entry<String, TriageCase> example = Map.entry(file, examples.get(file));
            TriageCase recorded = example.getValue();
            Replay replay = replay(recorded);
            NextQuestions library = engine.nextQuestions(QuestionnaireResponses.answers(replay.response)
                    .triageCase(null), QuestionnaireResponses.answers(replay.response).dontKnow());
            String expected = FhirFormat.write(AssessmentResources.guidanceResponse(library, null));
            if (!expected.equals(FhirFormat.write(replay.assessment))) {
                problems.add(example.getKey() + ": the assessment differs from the library's");
            }
            if (library.complete() && library.assessment().disposition() != engine.assess(recorded).disposition()) {
                problems.add(example.getKey() + ": complete, but " + library.assessment().disposition()
                        + " is not the recorded case's " + engine.assess(recorded).disposition());
            }
            for (Map.Entry<Finding, Boolean> answer : QuestionnaireResponses.toCase(replay.response).findings()
                    .entrySet()) {
                if (!answer.getValue().equals(recorded.findings().get(answer.getKey()))) {
                    problems.add(example.getKey() + ": " + answer.getKey().code() + " answered differently");
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
        List<String> problems = new ArrayList<>();
        for (int call = 0; call < 100 && response.getStatus() != QuestionnaireResponseStatus.COMPLETED; call++) {
            Parameters out = adaptive.nextQuestion(AdaptiveQuestionnaire.input(response));
            R4Validator.errors(out).forEach(error -> problems.add(asked(returned(out)).size() + ": " + error));
            response = returned(out);
            AdaptiveQuestionnaire.answerFrom(response, recorded);
        }
        assertEquals(QuestionnaireResponseStatus.COMPLETED, response.getStatus());
        assertEquals(List.of(), problems);
    }

    @Test
    void nextQuestion_emergencyAnswer_completesAtOnce_withTheOutcomeAsTheLastItem() {
        QuestionnaireResponse response = afterThePerson();
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).present(Finding.SADDLE_NUMBNESS).build());
        Parameters out = adaptive.nextQuestion(AdaptiveQuestionnaire.input(response));

        QuestionnaireResponse done = returned(out);
        assertEquals(QuestionnaireResponseStatus.COMPLETED, done.getStatus());
        List<QuestionnaireItemComponent> items = contained(done).getItem();
        QuestionnaireItemComponent outcome = items.get(items.size() - 1);
        assertEquals(AdaptiveQuestionnaire.OUTCOME, outcome.getLinkId());
        assertTrue(outcome.getText().startsWith("EMERGENCY: " + Disposition.EMERGENCY.timeframe()), outcome.getText());
        GuidanceResponse assessment = (GuidanceResponse) out.getParameter(AdaptiveQuestionnaire.ASSESSMENT)
                .getResource();
        assertTrue(assessment.getModuleCanonicalType().getValue().endsWith("|" + engine.ruleBaseVersion()));
        assertEquals(List.of(), R4Validator.errors(out));
    }

    @Test
    void nextQuestion_dontKnow_isNotAskedAgain_andLeavesTheFindingUnknown() {
        QuestionnaireResponse response = afterThePerson();
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).build()); // saddle_numbness: don't know
        QuestionnaireResponse next = returned(adaptive.nextQuestion(AdaptiveQuestionnaire.input(response)));
        assertEquals(1, asked(next).stream().filter("saddle_numbness"::equals).count());
        assertTrue(QuestionnaireResponses.toCase(next).answer(Finding.SADDLE_NUMBNESS).isEmpty());
    }

    @Test
    void nextQuestion_answerToAQuestionNotAsked_isAnErrorNamingTheItem() {
        QuestionnaireResponse response = returned(adaptive.nextQuestion(AdaptiveQuestionnaire.input(
                AdaptiveQuestionnaire.start())));
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).build());
        response.addItem(QuestionnaireResponses.answer("fever", true));
        QuestionnaireResponse bad = response;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(AdaptiveQuestionnaire.input(bad)));
        assertEquals("item 'fever' was answered but not asked; answer only the items of the contained "
                + "questionnaire", e.getMessage());
    }

    @Test
    void nextQuestion_wrongAnswerTypeOrParameters_areErrors() {
        QuestionnaireResponse response = returned(adaptive.nextQuestion(AdaptiveQuestionnaire.input(
                AdaptiveQuestionnaire.start())));
        response.addItem().setLinkId("age").addAnswer().setValue(new BooleanType(true));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(AdaptiveQuestionnaire.input(response)));
        assertEquals("item 'age' must be answered with valueInteger (a whole number), was valueBoolean 'true'",
                type.getMessage());
        Parameters empty = new Parameters();
        empty.addParameter().setName("questionnaire").setValue(new IntegerType(1));
        IllegalArgumentException parameters = assertThrows(IllegalArgumentException.class,
                () -> adaptive.nextQuestion(empty));
        assertEquals("the input must be exactly one parameter 'questionnaire-response' holding a "
                + "QuestionnaireResponse, was ['questionnaire']", parameters.getMessage());
    }

    /** An interview replayed from a recorded case: the completed response and the assessment returned with it. */
    record Replay(QuestionnaireResponse response, GuidanceResponse assessment) {
    }

    static Replay replay(TriageCase recorded) {
        QuestionnaireResponse response = AdaptiveQuestionnaire.start();
        for (int call = 0; call < 200; call++) {
            Parameters out = adaptive.nextQuestion(AdaptiveQuestionnaire.input(response));
            response = returned(out);
            if (response.getStatus() == QuestionnaireResponseStatus.COMPLETED) {
                return new Replay(response, (GuidanceResponse) out.getParameter(AdaptiveQuestionnaire.ASSESSMENT)
                        .getResource());
            }
            AdaptiveQuestionnaire.answerFrom(response, recorded);
        }
        throw new AssertionError("the interview did not end within 200 calls");
    }

    /** The response after the person's questions were answered (age 40, nothing else): the first finding asked. */
    private static QuestionnaireResponse afterThePerson() {
        QuestionnaireResponse response = returned(adaptive.nextQuestion(AdaptiveQuestionnaire.input(
                AdaptiveQuestionnaire.start())));
        AdaptiveQuestionnaire.answerFrom(response, TriageCase.builder(40).build());
        return returned(adaptive.nextQuestion(AdaptiveQuestionnaire.input(response)));
    }

    private static QuestionnaireResponse returned(Parameters out) {
        return (QuestionnaireResponse) out.getParameter(AdaptiveQuestionnaire.OUT).getResource();
    }

    private static Questionnaire contained(QuestionnaireResponse response) {
        return (Questionnaire) response.getContained().get(0);
    }

    private static List<String> asked(QuestionnaireResponse response) {
        return contained(response).getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList();
    }
}
