package health.triage.service;

import health.triage.TriageCase;
import health.triage.fhir.AdaptiveQuestionnaire;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the service returns over HTTP, checked by the HL7 validator against FHIR R4 and the SDC profiles an integrator
 * checks it with ({@link SdcValidator}): the questionnaire as an adaptive questionnaire that can be searched for,
 * every round of an interview as an adaptive QuestionnaireResponse, the CapabilityStatement, error outcomes, the
 * extension definition and the referrals in CDS cards.
 */
class SdcConformanceTest {

    private static final String NEXT = "/fhir/Questionnaire/$next-question";

    @Test
    void questionnaire_conformsToSdcAdaptiveQuestionnaireSearch() {
        Questionnaire served = FhirFormat.read(Questionnaire.class,
                Services.get("/fhir/Questionnaire/" + TriageQuestionnaire.ID).body().getBytes());
        assertEquals(List.of(), SdcValidator.errors(served, "sdc-questionnaire", "sdc-questionnaire-adapt-srch"));
    }

    @Test
    void everyRoundOfAnInterview_isAnSdcAdaptiveQuestionnaireResponse() {
        TriageCase recorded = Services.exampleCases().get("classic-disc-sciatica.json");
        QuestionnaireResponse response = AdaptiveQuestionnaire.start();
        response.setSubject(new Reference("Patient/p1")); // SDC 3.0.0 asks for subject and authored
        response.setAuthored(new Date());
        List<String> problems = new ArrayList<>();
        for (int round = 1; round <= 30 && response.getStatus() != QuestionnaireResponseStatus.COMPLETED; round++) {
            if (round > 1) {
                AdaptiveQuestionnaire.answerFrom(response, recorded);
            }
            HttpResponse<String> answer = Services.post(NEXT, FhirFormat.write(response));
            assertEquals(200, answer.statusCode(), answer.body());
            response = FhirFormat.read(QuestionnaireResponse.class, answer.body().getBytes());
            int n = round;
            SdcValidator.errors(response, "sdc-questionnaireresponse-adapt")
                    .forEach(error -> problems.add("round " + n + ": " + error));
        }
        assertEquals(QuestionnaireResponseStatus.COMPLETED, response.getStatus());
        assertEquals(List.of(), problems);
    }

    @Test
    void capabilityStatementAndErrors_areValidR4_andTheExtensionDefinitionIsServed() {
        List<String> problems = new ArrayList<>();
        problems.addAll(SdcValidator.errors(FhirFormat.read(CapabilityStatement.class,
                Services.get("/fhir/metadata").body().getBytes())));
        problems.addAll(SdcValidator.errors(FhirFormat.read(OperationOutcome.class,
                Services.get("/fhir/Questionnaire/other").body().getBytes())));
        problems.addAll(SdcValidator.errors(FhirFormat.read(OperationOutcome.class,
                Services.post(NEXT, "{\"resourceType\":\"Basic\"}").body().getBytes())));
        assertEquals(List.of(), problems);
        // the extension definition is not validated as a resource here: the validator would fetch the core
        // package to check a StructureDefinition; its use is checked on every completed response above
        StructureDefinition extension = FhirFormat.read(StructureDefinition.class,
                Services.get("/fhir/StructureDefinition/triage-assessment").body().getBytes());
        assertEquals(AdaptiveQuestionnaire.ASSESSMENT, extension.getUrl());
    }

    @Test
    void referralsInCards_areValidR4ServiceRequests() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String example : List.of("saddle-numbness.json", "office-wallet.json", "cancer-history-new-pain.json")) {
            String request = CdsHooksTest.request(CdsHooksTest.prefetched(CdsHooksTest.recent(
                    Services.exampleCases().get(example))));
            JsonNode card = JsonBodies.MAPPER.readTree(Services.post("/cds-services/" + CdsHooks.SERVICE_ID,
                    request).body()).get("cards").get(0);
            for (JsonNode suggestion : card.path("suggestions")) {
                ServiceRequest referral = FhirFormat.read(ServiceRequest.class, JsonBodies.write(
                        suggestion.get("actions").get(0).get("resource")).getBytes());
                SdcValidator.errors(referral).forEach(error -> problems.add(example + ": " + error));
            }
        }
        assertEquals(List.of(), problems);
    }
}
