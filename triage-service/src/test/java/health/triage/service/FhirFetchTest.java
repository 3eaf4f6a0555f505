package health.triage.service;

import health.triage.fhir.FhirFormat;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinician's access token goes only to a FHIR server the operator configured, and a FHIR server that answers
 * slowly holds no thread of the service: the fetch is cut off at its deadline and its connection closed.
 */
class FhirFetchTest {

    private static final String CALL = "/cds-services/buttock-leg-pain-triage";
    private static final String TOKEN = "secret-token-42";

    private static Settings trusting(String fhirServer, Duration fhirTimeout) {
        return new Settings("127.0.0.1", 0, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(5), List.of(fhirServer), fhirTimeout, Settings.MAX_CONNECTIONS_PER_CLIENT,
                Settings.Interop.DEFAULTS);
    }

    /** A patient-view call for p1 without the triage response, to be fetched from {@code fhirServer}. */
    private static String call(String fhirServer, String token) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"h1\",\"fhirServer\":" + JsonBodies.write(fhirServer)
                + ",\"fhirAuthorization\":{\"access_token\":" + JsonBodies.write(token) + ",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":\"cds\"},\"context\":{\"userId\":"
                + "\"Practitioner/1\",\"patientId\":\"p1\"}}";
    }

    private static HttpResponse<String> post(TriageServer server, String path, String body) {
        return Services.send(HttpRequest.newBuilder(server.localUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static byte[] emptySearch() {
        return FhirFormat.write(new Bundle().setType(Bundle.BundleType.SEARCHSET)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aServerOnAPortWhoseDigitsStartLikeTheTrustedOne_neverGetsTheToken() throws Exception {
        try (FakeFhirServer fake = new FakeFhirServer(FakeFhirServer.Mode.ANSWER, emptySearch())) {
            String prefixPort = Integer.toString(fake.port()).substring(0, 4); // 39201 -> trusted "3920"
            try (TriageServer server = Services.start(trusting("http://127.0.0.1:" + prefixPort, Duration.ofSeconds(5)))) {
                List<String> answers = new ArrayList<>();
                for (String requested : List.of("http://127.0.0.1:" + fake.port() + "/fhir",
                        "http://127.0.0.1:" + prefixPort + "@127.0.0.1:" + fake.port() + "/",
                        "http://127.0.0.1@127.0.0.1:" + fake.port() + "/fhir")) {
                    HttpResponse<String> response = post(server, CALL, call(requested, TOKEN));
                    answers.add(response.statusCode() + " " + response.body());
                }
                Thread.sleep(300);
                assertEquals(List.of(), fake.requests, "the token went to an untrusted server; answers: " + answers);
                assertTrue(answers.stream().allMatch(a -> a.startsWith("412 ") && a.contains("not one this service is "
                        + "configured to fetch from")), answers.toString());
            }
        }
    }

    @Test
    void dotSegmentsQueryOrFragment_afterATrustedPath_neverGetTheToken() throws Exception {
        try (FakeFhirServer fake = new FakeFhirServer(FakeFhirServer.Mode.ANSWER, emptySearch())) {
            String base = "http://127.0.0.1:" + fake.port() + "/fhir";
            try (TriageServer server = Services.start(trusting(base, Duration.ofSeconds(5)))) {
                for (String requested : List.of(base + "/../admin", base + "?x=", base + "#", base + "x",
                        base + "/%2e%2e/admin")) {
                    HttpResponse<String> response = post(server, CALL, call(requested, TOKEN));
                    assertEquals(412, response.statusCode(), requested + ": " + response.body());
                }
                assertEquals(List.of(), fake.requests);
                HttpResponse<String> trusted = post(server, CALL, call(base + "/", TOKEN));
                assertEquals(200, trusted.statusCode(), trusted.body());
                assertEquals(List.of("GET /fhir/QuestionnaireResponse?subject=Patient/p1&questionnaire="
                        + "http://triage.health/fhir/Questionnaire/buttock-leg-pain-triage&status=completed"
                        + "&_sort=-authored&_count=1 HTTP/1.1 | Authorization: Bearer " + TOKEN), fake.requests);
            }
        }
    }

    @Test
    void aTokenWithALineBreak_isRefusedWithoutQuotingIt() throws Exception {
        try (FakeFhirServer fake = new FakeFhirServer(FakeFhirServer.Mode.ANSWER, emptySearch())) {
            String base = "http://127.0.0.1:" + fake.port() + "/fhir";
            try (TriageServer server = Services.start(trusting(base, Duration.ofSeconds(5)))) {
                for (String token : List.of(TOKEN + "\r\nX: y", TOKEN + "\u0000", "Bearer " + TOKEN)) {
                    HttpResponse<String> response = post(server, CALL, call(base, token));
                    assertEquals(400, response.statusCode(), response.body());
                    assertTrue(response.body().contains("fhirAuthorization.access_token holds characters"),
                            response.body());
                    assertFalse(response.body().contains(TOKEN), response.body());
                }
                assertEquals(List.of(), fake.requests);
            }
        }
    }

    @Test
    void aServerThatTricklesItsAnswer_isCutOffAtTheFetchDeadline_andHoldsNoWorker() throws Exception {
        try (FakeFhirServer slow = new FakeFhirServer(FakeFhirServer.Mode.TRICKLE, new byte[0])) {
            String base = "http://127.0.0.1:" + slow.port() + "/fhir";
            try (TriageServer server = Services.start(trusting(base, Duration.ofSeconds(2)))) {
                URI call = server.localUri().resolve(CALL);
                List<CompletableFuture<HttpResponse<String>>> fetches = new ArrayList<>();
                for (int i = 0; i < 4; i++) { // twice as many as the worker threads of a 2-core machine
                    fetches.add(Services.sendAsync(HttpRequest.newBuilder(call)
                            .POST(HttpRequest.BodyPublishers.ofString(call(base, TOKEN))).build()));
                }
                while (slow.requests.size() < 4) {
                    Thread.sleep(50);
                }
                HttpResponse<String> assessed = post(server, "/assess?nextQuestions=false", "{\"age\": 40}");
                assertEquals(200, assessed.statusCode(), "other requests are answered while the fetches trickle");
                assertFalse(fetches.stream().anyMatch(CompletableFuture::isDone),
                        "the trickled fetches are still waiting");
                for (CompletableFuture<HttpResponse<String>> fetch : fetches) {
                    HttpResponse<String> response = fetch.get();
                    assertEquals(412, response.statusCode(), response.body());
                    assertTrue(response.body().contains("fhirServer did not answer in full within 2000 ms"),
                            response.body());
                }
                for (int i = 0; i < 50 && slow.hungUp.get() < 4; i++) {
                    Thread.sleep(100);
                }
                assertEquals(4, slow.hungUp.get(), "the service closes each trickling connection");
            }
        }
    }
}
