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
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FHIR endpoints through HAPI FHIR's own client, as a FHIR app would call them. */
class FhirEndpointsTest {

    /** One round for the person, then one per screen; one question per round took 40-56 rounds. */
    static final int MAX_ROUNDS = 14;

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
    void questionnaire_isMarkedAdaptive_withADate_aUnitForDays_andEnableWhenOnFollowUps() {
        Questionnaire served = client.read().resource(Questionnaire.class).withId(TriageQuestionnaire.ID).execute();
        assertTrue(served.hasExtension("http://hl7.org/fhir/uv/sdc/StructureDefinition/"
                + "sdc-questionnaire-questionnaireAdaptive"));
        assertTrue(served.hasDate());
        Questionnaire.QuestionnaireItemComponent days = item(served, "durationDays");
        Coding unit = (Coding) days.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-unit")
                .getValue();
        assertEquals("http://unitsofmeasure.org|d", unit.getSystem() + "|" + unit.getCode());
        assertEquals("leg_weakness", item(served, "leg_weakness_recent").getEnableWhenFirstRep().getQuestion());
        assertEquals("bilateral_leg_symptoms", item(served, "bilateral_onset_recent").getEnableWhenFirstRep()
                .getQuestion());
    }

    @Test
    void publicUrl_isTheFhirBaseInTheAdaptiveExtensionAndTheCapabilityStatement_neverTheRequestsHost() {
        Settings settings = Settings.defaults(0).with(new Settings.Interop("https://triage.example.org/", List.of(),
                Settings.Interop.DEFAULTS.maxAnswerAge()));
        try (TriageServer server = Services.start(settings)) {
            HttpResponse<String> raw = Services.send(java.net.http.HttpRequest.newBuilder(server.localUri().resolve(
                    "/fhir/Questionnaire/" + TriageQuestionnaire.ID)).header("X-Forwarded-Host", "evil.example")
                    .GET().build());
            Questionnaire served = FhirFormat.read(Questionnaire.class, raw.body().getBytes());
            assertEquals("https://triage.example.org/fhir", served.getExtensionByUrl(TriageQuestionnaire.ADAPTIVE)
                    .getValue().primitiveValue());
            CapabilityStatement statement = FhirFormat.read(CapabilityStatement.class, Services.send(
                    java.net.http.HttpRequest.newBuilder(server.localUri().resolve("/fhir/metadata")).GET().build())
                    .body().getBytes());
            assertEquals("https://triage.example.org/fhir", statement.getImplementation().getUrl());
        }
    }

    @Test
    void metadata_isACapabilityStatementNamingNextQuestionAndTheQuestionnaire() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertEquals("4.0.1", statement.getFhirVersion().toCode());
        CapabilityStatement.CapabilityStatementRestResourceComponent questionnaire = statement.getRestFirstRep()
                .getResource().stream().filter(r -> r.getType().equals("Questionnaire")).findFirst().orElseThrow();
        assertEquals("http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question",
                questionnaire.getOperationFirstRep().getDefinition());
        assertEquals("next-question", questionnaire.getOperationFirstRep().getName());
    }

    @Test
    void unknownFhirPath_is404WithAnOperationOutcome() {
        HttpResponse<String> response = Services.get("/fhir/Patient/1");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
        OperationOutcome outcome = FhirFormat.read(OperationOutcome.class, response.body().getBytes());
        assertEquals(OperationOutcome.IssueType.NOTFOUND, outcome.getIssueFirstRep().getCode());
        HttpResponse<String> wrongMethod = Services.post("/fhir/metadata", "{}");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals(OperationOutcome.IssueType.NOTSUPPORTED, FhirFormat.read(OperationOutcome.class,
                wrongMethod.body().getBytes()).getIssueFirstRep().getCode());
    }

    @Test
    void nextQuestion_bareQuestionnaireResponseBody_isAnsweredWithTheBareQuestionnaireResponse() {
        HttpResponse<String> response = Services.post("/fhir/Questionnaire/$next-question",
                FhirFormat.write(AdaptiveQuestionnaire.start()));
        assertEquals(200, response.statusCode(), response.body());
        QuestionnaireResponse returned = FhirFormat.read(QuestionnaireResponse.class, response.body().getBytes());
        assertEquals(QuestionnaireResponseStatus.INPROGRESS, returned.getStatus());
        assertTrue(response.body().contains("\"linkId\":\"age\""), response.body());
    }

    @Test
    void nextQuestion_exampleCasesRoundTripped_oneScreenPerRound_giveTheLibrarysAssessment() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TriageCase> example : Services.roundTripCases().entrySet()) {
            TriageCase recorded = example.getValue();
            QuestionnaireResponse response = AdaptiveQuestionnaire.start();
            int rounds = 0;
            while (rounds < 200 && response.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
                if (rounds > 0) {
                    AdaptiveQuestionnaire.answerFrom(response, recorded);
                }
                response = nextQuestion(response);
                rounds++;
            }
            if (response.getStatus() != QuestionnaireResponseStatus.COMPLETED) {
                problems.add(example.getKey() + ": not completed");
                continue;
            }
            if (rounds > MAX_ROUNDS) {
                problems.add(example.getKey() + ": " + rounds + " rounds; one screen per round takes at most "
                        + MAX_ROUNDS);
            }
            TriageCase answered = QuestionnaireResponses.toCase(response);
            NextQuestions library = Services.engine().nextQuestions(answered, dontKnow(response));
            GuidanceResponse served = AdaptiveQuestionnaire.assessment(response).orElseThrow().copy();
            response.getContained().stream().filter(r -> !(r instanceof Questionnaire || r instanceof GuidanceResponse))
                    .forEach(served::addContained);
            if (!FhirFormat.write(AssessmentResources.guidanceResponse(library, null).setId(
                    AdaptiveQuestionnaire.ASSESSMENT_ID)).equals(FhirFormat.write(served))) {
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
        QuestionnaireResponse response = nextQuestion(AdaptiveQuestionnaire.start());
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
        HttpResponse<String> other = Services.post("/fhir/Questionnaire/$next-question",
                "{\"resourceType\":\"Observation\"}");
        assertEquals(400, other.statusCode());
        assertTrue(other.body().contains("the body must be a QuestionnaireResponse, or a Parameters with the parameter "
                + "'questionnaire-response', was a Observation"), other.body());
        HttpResponse<String> deep = Services.post("/fhir/Questionnaire/$next-question",
                "{\"a\":".repeat(80) + "1" + "}".repeat(80));
        assertEquals(400, deep.statusCode());
        assertTrue(deep.body().contains("nested too deeply"), deep.body());
    }

    /** The Parameters form through HAPI's client, which takes the bare QuestionnaireResponse the server returns. */
    static QuestionnaireResponse nextQuestion(QuestionnaireResponse response) {
        return client.operation().onType(Questionnaire.class).named("$next-question")
                .withParameters(AdaptiveQuestionnaire.input(response))
                .returnResourceType(QuestionnaireResponse.class).execute();
    }

    /** The findings asked (in the contained questionnaire) and not answered: the person did not know. */
    private static Set<Finding> dontKnow(QuestionnaireResponse response) {
        Set<String> answered = new HashSet<>();
        collect(response.getItem(), answered);
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        Questionnaire contained = (Questionnaire) response.getContained().get(0);
        contained.getItem().stream().flatMap(i -> i.hasItem() && i.getType() == Questionnaire.QuestionnaireItemType
                        .GROUP ? i.getItem().stream() : java.util.stream.Stream.of(i))
                .filter(i -> !answered.contains(i.getLinkId()))
                .forEach(i -> Finding.lookup(i.getLinkId()).ifPresent(dontKnow::add));
        return dontKnow;
    }

    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
                                Set<String> answered) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            if (item.hasAnswer()) {
                answered.add(item.getLinkId());
            }
            collect(item.getItem(), answered);
        }
    }

    private static Questionnaire.QuestionnaireItemComponent item(Questionnaire questionnaire, String linkId) {
        return questionnaire.getItem().stream().flatMap(group -> group.getItem().stream())
                .filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
    }
}
