package health.triage.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a hostile or careless client sends to the CDS and FHIR endpoints (review 2026-12, S4-S10): each refused
 * with 400 naming the field, or read as the safe meaning, never assessed for the wrong patient, never a 500.
 */
class HostileRequestTest {

    private static final String CALL = "/cds-services/buttock-leg-pain-triage";
    private static final String Q = "http://triage.health/fhir/Questionnaire/buttock-leg-pain-triage";

    /** A prefetched triage response with the given fields (JSON members) and items. */
    private static String response(String fields, String items) {
        return "{\"resourceType\":\"QuestionnaireResponse\"" + (fields.isEmpty() ? "" : "," + fields)
                + ",\"item\":[" + items + "]}";
    }

    private static final String FINAL = "\"status\":\"completed\",\"questionnaire\":\"" + Q + "\"";
    private static final String P1 = "\"subject\":{\"reference\":\"Patient/p1\"}";
    private static final String AGE_40 = "{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":40}]}";

    private static HttpResponse<String> cds(String triageResponse) {
        return Services.post(CALL, CdsHooksTest.request(triageResponse));
    }

    private static void assertRefused(HttpResponse<String> response, String message) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }

    @Test
    void overlongUtf8_isRefusedByTheCdsEndpoint_asByAssess() {
        // "saddle_numbness" with its 's' written as the overlong two-byte form C1 B3
        String item = "{\"linkId\":\"\u0001addle_numbness\",\"answer\":[{\"valueBoolean\":true}]}";
        byte[] body = CdsHooksTest.request(response(FINAL + "," + P1, AGE_40 + "," + item))
                .getBytes(StandardCharsets.UTF_8);
        int at = indexOf(body, (byte) 1);
        byte[] overlong = new byte[body.length + 1];
        System.arraycopy(body, 0, overlong, 0, at);
        overlong[at] = (byte) 0xC1;
        overlong[at + 1] = (byte) 0xB3;
        System.arraycopy(body, at + 1, overlong, at + 2, body.length - at - 1);
        HttpResponse<String> response = Services.post(CALL, overlong);
        assertRefused(response, "the request body is not valid UTF-8 at byte offset " + at);
        assertFalse(response.body().contains("critical"), response.body());
        HttpResponse<String> bom = Services.post("/fhir/Questionnaire/$next-question", "\uFEFF{}");
        assertRefused(bom, "byte order mark");
        assertFalse(bom.body().contains("\uFEFF"), bom.body());
    }

    @Test
    void aDataAbsentAnswer_isUnanswered_never500() {
        String declined = "{\"linkId\":\"fever\",\"answer\":[{\"_valueBoolean\":{\"extension\":[{\"url\":"
                + "\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\",\"valueCode\":\"asked-declined\"}]}}]}";
        HttpResponse<String> response = cds(response(FINAL + "," + P1, AGE_40 + "," + declined));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"cards\":[{"), response.body());
    }

    @Test
    void aResponseThatIsNotSurelyTheContextPatients_isNotAssessed() {
        assertRefused(cds(response(FINAL, AGE_40)), "prefetch.triageResponse has no subject reference");
        assertRefused(cds(response(FINAL + ",\"subject\":{\"identifier\":{\"value\":\"someone-else\"}}", AGE_40)),
                "prefetch.triageResponse has no subject reference");
        assertRefused(cds(response(FINAL + ",\"subject\":{\"_reference\":{\"extension\":[{\"url\":\"http://x\","
                + "\"valueString\":\"y\"}]}}", AGE_40)), "prefetch.triageResponse has no subject reference");
        assertRefused(cds(response(FINAL + ",\"subject\":{\"reference\":\"https://other-ehr.example/fhir/Patient/p1\"}",
                AGE_40)), "is about 'https://other-ehr.example/fhir/Patient/p…', not the context's patient 'Patient/p1'");
        for (String unfinished : List.of("in-progress", "stopped")) { // the context's own: no hazard, not assessed
            HttpResponse<String> answer = cds(response("\"status\":\"" + unfinished + "\",\"questionnaire\":\"" + Q
                    + "\"," + P1, AGE_40));
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"summary\":\"Triage could not run: the questionnaire is not finished "
                    + "(status " + unfinished + ")\""), answer.body());
        }
        assertRefused(cds(response("\"status\":\"completed\",\"questionnaire\":\"#anything\"," + P1, AGE_40)),
                "prefetch.triageResponse.questionnaire must be '" + Q + "', was '#anything'");
        assertEquals(200, cds(response("\"status\":\"amended\",\"questionnaire\":\"" + Q + "\"," + P1, AGE_40))
                .statusCode());
    }

    @Test
    void aPatientIdThatIsNotAFhirId_isRefusedBeforeItReachesAReferral() {
        for (String id : List.of("../Practitioner/x", "p1\n", "p1?_format=xml", "x".repeat(65), "p\u202E1", "..")) {
            String request = CdsHooksTest.request("null").replace("\"patientId\":\"p1\"",
                    "\"patientId\":" + JsonBodies.write(id)).replace("\"id\":\"p1\"", "\"id\":" + JsonBodies.write(id));
            HttpResponse<String> response = Services.post(CALL, request);
            assertRefused(response, "context.patientId must be a FHIR id");
        }
    }

    @Test
    void stringsForFhirNumbersAndBooleans_areRefused() {
        assertRefused(cds(response(FINAL + "," + P1, "{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":\"+40\"}]}")),
                "prefetch.triageResponse.item[0].answer[0].valueInteger must be a JSON whole number without a "
                        + "fraction, was a string");
        assertRefused(cds(response(FINAL + "," + P1, "{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":40.0}]}")),
                "valueInteger must be a JSON whole number without a fraction, was the number 40.0");
        assertRefused(cds(response(FINAL + "," + P1, AGE_40 + ",{\"linkId\":\"saddle_numbness\",\"answer\":"
                + "[{\"valueBoolean\":\"true\"}]}")), "valueBoolean must be a JSON true or false, was a string");
    }

    @Test
    void aNarrativeWithActiveContent_isRefused_neverEchoed() {
        String parameters = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"questionnaire-response\","
                + "\"resource\":{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\",\"text\":"
                + "{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><a href="
                + "\\\"javascript:alert(1)\\\">x</a></div>\"}}}]}";
        HttpResponse<String> response = Services.post("/fhir/Questionnaire/$next-question", parameters);
        assertRefused(response, "a narrative must not hold active content");
        assertFalse(response.body().contains("alert"), response.body());
    }

    @Test
    void parserMessages_areInPlainWords() {
        HttpResponse<String> nan = Services.post(CALL, "{\"a\":NaN}");
        assertRefused(nan, "'NaN' is not a JSON value");
        assertFalse(nan.body().contains("JsonReadFeature") || nan.body().contains("enable"), nan.body());
        HttpResponse<String> control = Services.post(CALL, "{\"a\":\"x\u0001\"}");
        assertRefused(control, "a control character (code 1) must be escaped");
        assertFalse(control.body().contains("CTRL-CHAR"), control.body());
        assertRefused(Services.post(CALL, CdsHooksTest.request("null").replace("\"prefetch\":{",
                "\"prefetch\":\"x\",\"other\":{")), "prefetch must be an object");
    }

    @Test
    void aMalformedChunk_is400_not413() throws IOException {
        URI base = Services.server().localUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /assess HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertFalse(answer.contains("larger than the limit"), answer);
        }
    }

    @Test
    void cardLinks_comeFromConfiguration_neverFromTheClientsHeaders() throws IOException {
        String incomplete = CdsHooksTest.request(CdsHooksTest.prefetched(health.triage.TriageCase.builder(40).build()));
        HttpResponse<String> forwarded = Services.send(HttpRequest.newBuilder(Services.uri(CALL))
                .POST(HttpRequest.BodyPublishers.ofString(incomplete))
                .header("Forwarded", "proto=javascript;host=\"evil.example\"")
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "data").build());
        assertEquals(200, forwarded.statusCode(), forwarded.body());
        assertFalse(forwarded.body().contains("evil") || forwarded.body().contains("javascript:")
                || forwarded.body().contains("\"links\""), forwarded.body());
        Settings published = new Settings("127.0.0.1", 0, 1024 * 1024, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(5), List.of(), Settings.FHIR_TIMEOUT,
                Settings.MAX_CONNECTIONS_PER_CLIENT, new Settings.Interop("https://triage.example/", List.of(),
                Settings.Interop.DEFAULTS.maxAnswerAge()));
        try (TriageServer server = Services.start(published)) {
            HttpResponse<String> linked = Services.send(HttpRequest.newBuilder(server.localUri().resolve(CALL))
                    .POST(HttpRequest.BodyPublishers.ofString(incomplete)).header("X-Forwarded-Host", "evil.example")
                    .build());
            assertTrue(linked.body().contains("\"url\":\"https://triage.example/fhir/Questionnaire/"),
                    linked.body());
            assertFalse(linked.body().contains("evil"), linked.body());
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalStateException("no marker");
    }

    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (text.contains("\r\n\r\n") && text.contains("}")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
