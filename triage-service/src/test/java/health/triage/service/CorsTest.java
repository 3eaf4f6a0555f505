package health.triage.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser clients: preflights and cross-origin calls as a browser sends them (Origin, OPTIONS). */
class CorsTest {

    private static final String ALLOWED = "https://sandbox.cds-hooks.org";
    private static final String OTHER = "https://evil.example";

    private static TriageServer server;

    @BeforeAll
    static void start() {
        server = Services.start(Settings.defaults(0).with(new Settings.Interop(null, List.of(ALLOWED,
                "http://localhost:4200"), Settings.Interop.DEFAULTS.maxAnswerAge())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void preflight_fromAnAllowedOrigin_onCdsAndFhirEndpoints_allowsTheMethodsAndHeadersClientsSend() {
        for (String path : List.of("/cds-services", "/cds-services/" + CdsHooks.SERVICE_ID,
                "/fhir/Questionnaire/$next-question", "/fhir/metadata")) {
            HttpResponse<String> response = preflight(server.localUri(), path, ALLOWED);
            assertEquals(204, response.statusCode(), path);
            assertEquals(ALLOWED, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            String methods = response.headers().firstValue("Access-Control-Allow-Methods").orElse("");
            assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
            String headers = response.headers().firstValue("Access-Control-Allow-Headers").orElse("");
            assertTrue(headers.contains("Content-Type") && headers.contains("Authorization"), headers);
        }
    }

    @Test
    void callFromAnAllowedOrigin_carriesAllowOrigin_anyOtherOriginGetsNone() {
        HttpResponse<String> allowed = Services.send(HttpRequest.newBuilder(server.localUri().resolve(
                "/cds-services")).header("Origin", ALLOWED).GET().build());
        assertEquals(200, allowed.statusCode());
        assertEquals(ALLOWED, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        HttpResponse<String> other = Services.send(HttpRequest.newBuilder(server.localUri().resolve(
                "/fhir/metadata")).header("Origin", OTHER).GET().build());
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> otherPreflight = preflight(server.localUri(), "/fhir/metadata", OTHER);
        assertTrue(otherPreflight.headers().map().keySet().stream()
                .noneMatch(h -> h.toLowerCase().startsWith("access-control-")), otherPreflight.headers().toString());
    }

    @Test
    void withoutConfiguredOrigins_orOutsideCdsAndFhir_noCorsHeaders() {
        HttpResponse<String> byDefault = preflight(Services.server().localUri(), "/cds-services", ALLOWED);
        assertFalse(byDefault.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        HttpResponse<String> assess = preflight(server.localUri(), "/assess", ALLOWED);
        assertFalse(assess.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static HttpResponse<String> preflight(URI base, String path, String origin) {
        return Services.send(HttpRequest.newBuilder(base.resolve(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization").build());
    }
}
