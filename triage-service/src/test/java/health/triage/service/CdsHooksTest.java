package health.triage.service;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.TriageCase;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.QuestionnaireResponses;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdsHooksTest {

    private static final String CALL = "/cds-services/buttock-leg-pain-triage";

    @Test
    void discovery_listsThePatientViewServiceWithItsPrefetch() throws IOException {
        HttpResponse<String> response = Services.get("/cds-services");
        assertEquals(200, response.statusCode());
        JsonNode services = JsonBodies.MAPPER.readTree(response.body()).get("services");
        assertEquals(1, services.size());
        JsonNode service = services.get(0);
        assertEquals("patient-view", service.get("hook").asText());
        assertEquals("buttock-leg-pain-triage", service.get("id").asText());
        assertFalse(service.get("description").asText().isBlank());
        assertEquals("Patient/{{context.patientId}}", service.get("prefetch").get("patient").asText());
        String search = service.get("prefetch").get("triageResponse").asText();
        assertTrue(search.startsWith("QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire="
                + TriageQuestionnaire.URL), search);
    }

    @Test
    void call_aCardPerDisposition_withIndicatorSummarySourceAndDetail() throws IOException {
        Map<Disposition, String> indicators = Map.of(Disposition.EMERGENCY, "critical", Disposition.URGENT, "warning",
                Disposition.ROUTINE, "info", Disposition.SELF_CARE, "info");
        Map<Disposition, String> seen = new EnumMap<>(Disposition.class);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TriageCase> example : Services.exampleCases().entrySet()) {
            Assessment expected = Services.engine().assess(example.getValue());
            HttpResponse<String> response = Services.post(CALL, request(prefetched(example.getValue())));
            JsonNode cards = JsonBodies.MAPPER.readTree(response.body()).get("cards");
            JsonNode card = cards.get(0);
            String summary = card.get("summary").asText();
            if (response.statusCode() != 200 || cards.size() != 1
                    || !card.get("indicator").asText().equals(indicators.get(expected.disposition()))
                    || summary.length() > 140 || !summary.contains(expected.disposition().code().replace('_', ' '))
                    || !card.get("source").get("label").asText().contains(expected.ruleBaseVersion())
                    || !card.get("detail").asText().contains(expected.reasons().get(0).ruleId())) {
                problems.add(example.getKey() + ": " + response.statusCode() + " " + response.body());
            }
            seen.putIfAbsent(expected.disposition(), example.getKey());
        }
        assertEquals(List.of(), problems);
        assertEquals(4, seen.size(), "the example cases cover every disposition: " + seen);
    }

    @Test
    void call_emergency_summaryNamesTheRedFlagInClinicalWords_andOneCodedReferralPerDestination() throws IOException {
        TriageCase person = Services.exampleCases().get("saddle-numbness.json");
        JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(prefetched(recent(person)))).body())
                .get("cards").get(0);
        assertEquals("critical", card.get("indicator").asText());
        assertEquals("EMERGENCY, red flag cauda equina (bladder dysfunction, saddle numbness); refer to Emergency "
                + "department now", card.get("summary").asText());
        String detail = card.get("detail").asText();
        assertTrue(detail.contains("**Red flags**"), detail);
        assertTrue(detail.contains("- Cauda equina (emergency): "), detail);
        assertTrue(detail.contains("New saddle anaesthesia"), detail);
        assertEquals("any", card.get("selectionBehavior").asText());
        assertEquals(1, card.get("suggestions").size(), "one suggestion per destination: " + card.get("suggestions"));
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertEquals("create", action.get("type").asText());
        JsonNode referral = action.get("resource");
        assertEquals("ServiceRequest", referral.get("resourceType").asText());
        assertEquals("Patient/p1", referral.get("subject").get("reference").asText());
        assertEquals("stat", referral.get("priority").asText());
        assertEquals("emergency-department", referral.get("code").get("coding").get(0).get("code").asText());
    }

    @Test
    void call_noRedFlag_summaryNamesTheLikelySourceAndTheUnansweredScreeningQuestions() throws IOException {
        TriageCase person = Services.exampleCases().get("incomplete-emergency-screen.json");
        Assessment expected = Services.engine().assess(person);
        JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(prefetched(recent(person)))).body())
                .get("cards").get(0);
        String summary = card.get("summary").asText();
        assertTrue(expected.redFlags().isEmpty() && !expected.unanswered().isEmpty(), "the example's premise");
        assertTrue(summary.startsWith("URGENT, likely "), summary);
        assertTrue(summary.contains(expected.unanswered().size() + " screening question"), summary);
    }

    @Test
    void call_everyExample_detailIsCompact_withoutRepeatsFilePathsOrCodes_andSaysWhenTheAnswersWereGiven()
            throws IOException {
        List<String> problems = new ArrayList<>();
        Date authored = new Date(System.currentTimeMillis() - 86_400_000L);
        for (Map.Entry<String, TriageCase> example : Services.exampleCases().entrySet()) {
            QuestionnaireResponse response = ofP1(example.getValue());
            response.setAuthored(authored);
            JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(FhirFormat.write(response)))
                    .body()).get("cards").get(0);
            String detail = card.get("detail").asText();
            List<String> lines = detail.lines().filter(line -> line.startsWith("- ")).toList();
            if (detail.length() > 6_000 || lines.size() != lines.stream().distinct().count()
                    || detail.matches("(?s).*(\\.md|\\.txt|\\.drl|`|[a-z]+_[a-z]+).*")
                    || !detail.contains("Answers given on " + CdsCards.day(authored))) {
                problems.add(example.getKey() + ": " + detail.length() + " chars: " + detail);
            }
            List<String> destinations = new ArrayList<>();
            card.path("suggestions").forEach(s -> destinations.add(s.get("label").asText()));
            if (destinations.size() != destinations.stream().distinct().count()) {
                problems.add(example.getKey() + ": the same referral twice: " + destinations);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void call_answersOlderThanTheLimit_getATriageCouldNotRunCard_notTheTriage() throws IOException {
        QuestionnaireResponse old = ofP1(Services.exampleCases().get("saddle-numbness.json"));
        old.setAuthored(new Date(1_546_300_800_000L)); // 2019-01-01
        JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(FhirFormat.write(old))).body())
                .get("cards").get(0);
        assertEquals("warning", card.get("indicator").asText());
        assertEquals("Triage could not run: the answers are from 2019-01-01, older than 7 days",
                card.get("summary").asText());
        assertFalse(card.has("suggestions"));
    }

    @Test
    void call_inProgressResponse_orAnOperationOutcomeInThePrefetch_getATriageCouldNotRunCard() throws IOException {
        QuestionnaireResponse unfinished = recent(Services.exampleCases().get("office-wallet.json"));
        unfinished.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(FhirFormat.write(unfinished)))
                .body()).get("cards").get(0);
        assertEquals("Triage could not run: the questionnaire is not finished (status in-progress)",
                card.get("summary").asText());
        assertEquals("warning", card.get("indicator").asText());

        String failed = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{"
                + "\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}}]}";
        JsonNode error = JsonBodies.MAPPER.readTree(Services.post(CALL, request(failed)).body()).get("cards").get(0);
        assertEquals("Triage could not run: the record system could not supply the questionnaire answers (timeout)",
                error.get("summary").asText());
    }

    @Test
    void feedback_isAnswered200() {
        HttpResponse<String> response = Services.post(CALL + "/feedback", "{\"feedback\":[{\"card\":"
                + "\"4a0c2b8e-0a4e-3b4c-9d5e-1f2a3b4c5d6e\",\"outcome\":\"accepted\",\"outcomeTimestamp\":"
                + "\"2026-12-07T10:00:00Z\"}]}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(400, Services.post(CALL + "/feedback", "{}").statusCode());
    }

    @Test
    void call_sameRequestTwice_givesTheSameCards() {
        String request = request(prefetched(Services.exampleCases().get("office-wallet.json")));
        assertEquals(Services.post(CALL, request).body(), Services.post(CALL, request).body());
    }

    @Test
    void call_searchBundle_assessesTheLatestCompletedResponse() throws IOException {
        QuestionnaireResponse older = ofP1(Services.exampleCases().get("saddle-numbness.json"));
        older.setAuthored(new Date(System.currentTimeMillis() - 2 * 86_400_000L));
        QuestionnaireResponse newer = ofP1(Services.exampleCases().get("office-wallet.json"));
        newer.setAuthored(new Date(System.currentTimeMillis() - 86_400_000L));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(older);
        bundle.addEntry().setResource(newer);
        JsonNode card = JsonBodies.MAPPER.readTree(Services.post(CALL, request(FhirFormat.write(bundle))).body())
                .get("cards").get(0);
        assertEquals("info", card.get("indicator").asText());
        assertTrue(card.get("summary").asText().contains("SELF CARE"), card.get("summary").asText());
    }

    @Test
    void call_prefetchNull_meansNothingOnRecord_noCards() {
        HttpResponse<String> response = Services.post(CALL, request("null"));
        assertEquals(200, response.statusCode());
        assertEquals("{\"cards\":[]}", response.body());
        HttpResponse<String> empty = Services.post(CALL, request(FhirFormat.write(new Bundle()
                .setType(Bundle.BundleType.SEARCHSET))));
        assertEquals("{\"cards\":[]}", empty.body());
    }

    @Test
    void call_prefetchMissing_withoutAFhirServerToFetchFrom_is412() {
        HttpResponse<String> response = Services.post(CALL, "{\"hook\":\"patient-view\",\"hookInstance\":\"h1\","
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\"}}");
        assertEquals(412, response.statusCode());
        assertEquals("{\"error\":\"prefetch.triageResponse is missing, and no fhirServer with fhirAuthorization was "
                + "given to fetch it\"}", response.body());
        HttpResponse<String> untrusted = Services.post(CALL, "{\"hook\":\"patient-view\",\"hookInstance\":\"h1\","
                + "\"fhirServer\":\"http://127.0.0.1:1/fhir\",\"fhirAuthorization\":{\"access_token\":\"t\","
                + "\"token_type\":\"Bearer\"},\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\"}}");
        assertEquals(412, untrusted.statusCode());
        assertTrue(untrusted.body().contains("not one this service is configured to fetch from"), untrusted.body());
    }

    @Test
    void call_prefetchMissing_isFetchedFromATrustedFhirServerWithTheAccessToken() throws Exception {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setResource(ofP1(Services.exampleCases()
                .get("saddle-numbness.json")));
        byte[] body = FhirFormat.write(bundle).getBytes(StandardCharsets.UTF_8);
        AtomicReference<String> query = new AtomicReference<>();
        AtomicReference<String> token = new AtomicReference<>();
        HttpServer fhir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fhir.createContext("/fhir/QuestionnaireResponse", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            token.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        fhir.start();
        String fhirBase = "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir";
        Settings settings = new Settings("127.0.0.1", 0, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(5), List.of(fhirBase));
        try (TriageServer server = Services.start(settings)) {
            HttpResponse<String> response = Services.send(HttpRequest.newBuilder(server.localUri().resolve(CALL))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"hook\":\"patient-view\",\"hookInstance\":\"h2\","
                            + "\"fhirServer\":\"" + fhirBase + "\",\"fhirAuthorization\":{\"access_token\":\"secret-1\","
                            + "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":"
                            + "\"triage\"},\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\"}}"))
                    .build());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("critical", JsonBodies.MAPPER.readTree(response.body()).get("cards").get(0)
                    .get("indicator").asText());
        } finally {
            fhir.stop(0);
        }
        assertEquals("Bearer secret-1", token.get());
        assertTrue(query.get().startsWith("subject=Patient/p1&questionnaire="), query.get());
    }

    @Test
    void call_badRequests_are400NamingTheField() {
        assertError("hook must be 'patient-view', was 'order-select'", "{\"hook\":\"order-select\","
                + "\"hookInstance\":\"h\",\"context\":{\"userId\":\"u\",\"patientId\":\"p1\"}}");
        assertError("hookInstance is required", "{\"hook\":\"patient-view\",\"context\":{\"userId\":\"u\","
                + "\"patientId\":\"p1\"}}");
        assertError("context.patientId is required", "{\"hook\":\"patient-view\",\"hookInstance\":\"h\","
                + "\"context\":{\"userId\":\"u\"}}");
        QuestionnaireResponse typo = ofP1(TriageCase.builder(40).build());
        typo.getItemFirstRep().getItemFirstRep().setLinkId("agee");
        assertError("prefetch.triageResponse: unknown item linkId 'agee' (did you mean 'age'?)",
                request(FhirFormat.write(typo)));
        QuestionnaireResponse other = ofP1(TriageCase.builder(40).build());
        other.setSubject(new Reference("Patient/p2"));
        assertError("prefetch.triageResponse is about 'Patient/p2', not the context's patient 'Patient/p1'",
                request(FhirFormat.write(other)));
        assertError("prefetch.triageResponse must be a QuestionnaireResponse or a Bundle of them, was a Observation",
                request("{\"resourceType\":\"Observation\"}"));
    }

    @Test
    void call_malformedOrDeeplyNestedJson_is400WithoutAStackTrace() {
        HttpResponse<String> malformed = Services.post(CALL, "{\"hook\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().startsWith("{\"error\":\"the request body is not valid JSON at line 1"),
                malformed.body());
        HttpResponse<String> deep = Services.post(CALL, "[".repeat(100) + "]".repeat(100));
        assertEquals(400, deep.statusCode());
        assertEquals("{\"error\":\"the request body is nested too deeply: more than 64 levels of arrays or "
                + "objects\"}", deep.body());
    }

    private static void assertError(String message, String request) {
        HttpResponse<String> response = Services.post(CALL, request);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(JsonBodies.error(message), response.body());
    }

    static String prefetched(TriageCase triageCase) {
        return FhirFormat.write(ofP1(triageCase));
    }

    /** A completed triage response about the patient p1 of {@link #request}. */
    static QuestionnaireResponse ofP1(TriageCase triageCase) {
        QuestionnaireResponse response = QuestionnaireResponses.fromCase(triageCase);
        response.setSubject(new Reference("Patient/p1"));
        return response;
    }

    static String prefetched(QuestionnaireResponse response) {
        return FhirFormat.write(response);
    }

    /** A completed response about the patient p1 for a case, answered an hour ago. */
    static QuestionnaireResponse recent(TriageCase triageCase) {
        QuestionnaireResponse response = ofP1(triageCase);
        response.setAuthored(new Date(System.currentTimeMillis() - 3_600_000L));
        return response;
    }

    /** A patient-view call for patient p1 with the triage response prefetched (JSON, or null). */
    static String request(String triageResponse) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
                + "\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p1\"},"
                + "\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p1\"},\"triageResponse\":"
                + triageResponse + "}}";
    }

}
