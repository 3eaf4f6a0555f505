package health.triage.service;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.TriageCase;
import health.triage.fhir.AdaptiveQuestionnaire;
import health.triage.fhir.AssessmentResources;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.QuestionnaireResponses;
import health.triage.fhir.TriageQuestionnaire;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FHIR endpoints through HAPI FHIR's own client, as a FHIR app would call them. */
class FhirEndpointsTest {

    private static IGenericClient client;

    @BeforeAll
    static void connect() {
        FhirFormat.context().getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FhirFormat.context().newRestfulGenericClient(Services.uri("/fhir").toString());
    }

    @Test
    void questionnaire_isServedAsGenerated() {
        Questionnaire served = client.read().resource(Questionnaire.class).withId(TriageQuestionnaire.ID).execute();
        assertEquals(FhirFormat.write(TriageQuestionnaire.questionnaire()), FhirFormat.write(served));
        HttpResponse<String> raw = Services.get("/fhir/Questionnaire/" + TriageQuestionnaire.ID);
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
    }

    @Test
    void nextQuestion_exampleCasesRoundTripped_untilComplete_giveTheLibrarysAssessment() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TriageCase> example : Services.roundTripCases().entrySet()) {
            TriageCase recorded = example.getValue();
            QuestionnaireResponse response = AdaptiveQuestionnaire.start();
            Parameters out = null;
            for (int call = 0; call < 200 && response.getStatus() != QuestionnaireResponseStatus.COMPLETED; call++) {
                if (out != null) {
                    AdaptiveQuestionnaire.answerFrom(response, recorded);
                }
                out = nextQuestion(response);
                response = (QuestionnaireResponse) out.getParameter(AdaptiveQuestionnaire.OUT).getResource();
            }
            if (response.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
                problems.add(example.getKey() + ": not completed");
                continue;
            }
            TriageCase answered = QuestionnaireResponses.toCase(response);
            NextQuestions library = Services.engine().nextQuestions(answered, dontKnow(response));
            GuidanceResponse served = (GuidanceResponse) out.getParameter(AdaptiveQuestionnaire.ASSESSMENT)
                    .getResource();
            if (!FhirFormat.write(AssessmentResources.guidanceResponse(library, null)).equals(FhirFormat.write(served))) {
                problems.add(example.getKey() + ": the served assessment differs from the library's");
            }
            Disposition recordedDisposition = Services.engine().assess(recorded).disposition();
            if (library.complete() && library.assessment().disposition() != recordedDisposition) {
                problems.add(example.getKey() + ": complete with " + library.assessment().disposition()
                        + ", the recorded case is " + recordedDisposition);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void nextQuestion_badAnswer_is400WithAnOperationOutcomeNamingTheItem() {
        Parameters first = nextQuestion(AdaptiveQuestionnaire.start());
        QuestionnaireResponse response = (QuestionnaireResponse) first.getParameter(AdaptiveQuestionnaire.OUT)
                .getResource();
        response.addItem().setLinkId("age").addAnswer().setValue(new IntegerType(130));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> nextQuestion(response));
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertEquals("age must be between 0 and 120, was 130", outcome.getIssueFirstRep().getDiagnostics());
        assertEquals(OperationOutcome.IssueType.INVALID, outcome.getIssueFirstRep().getCode());
    }

    @Test
    void nextQuestion_notFhirOrWrongResource_is400WithAnOperationOutcome() throws Exception {
        HttpResponse<String> unknown = Services.post("/fhir/Questionnaire/$next-question",
                "{\"resourceType\":\"Parameters\",\"colour\":\"red\"}");
        assertEquals(400, unknown.statusCode());
        OperationOutcome outcome = FhirFormat.read(OperationOutcome.class, unknown.body().getBytes());
        assertTrue(outcome.getIssueFirstRep().getDiagnostics().startsWith("not a FHIR R4 Parameters in JSON"),
                outcome.getIssueFirstRep().getDiagnostics());
        HttpResponse<String> deep = Services.post("/fhir/Questionnaire/$next-question",
                "{\"a\":".repeat(80) + "1" + "}".repeat(80));
        assertEquals(400, deep.statusCode());
        assertTrue(deep.body().contains("nested too deeply"), deep.body());
    }

    private static Parameters nextQuestion(QuestionnaireResponse response) {
        return client.operation().onType(Questionnaire.class).named("$next-question")
                .withParameters(AdaptiveQuestionnaire.input(response)).execute();
    }

    /** The findings listed in the response without an answer: the person did not know. */
    private static Set<Finding> dontKnow(QuestionnaireResponse response) {
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        response.getItem().stream().filter(item -> !item.hasAnswer())
                .forEach(item -> Finding.lookup(item.getLinkId()).ifPresent(dontKnow::add));
        return dontKnow;
    }
}
