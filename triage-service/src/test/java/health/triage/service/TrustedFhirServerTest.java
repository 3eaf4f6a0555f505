package health.triage.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A FHIR server is trusted by its parsed scheme, host, port and path segments, never by a text prefix. */
class TrustedFhirServerTest {

    private static boolean trusted(String configured, String requested) {
        TrustedFhirServer server = TrustedFhirServer.parse(configured);
        return TrustedFhirServer.read(requested).map(server::trusts).orElse(false);
    }

    @Test
    void theSameServer_orAPathBelowIt_isTrusted() {
        assertTrue(trusted("http://127.0.0.1:3920", "http://127.0.0.1:3920/fhir"));
        assertTrue(trusted("https://ehr.example/fhir", "https://ehr.example/fhir"));
        assertTrue(trusted("https://ehr.example/fhir", "https://ehr.example/fhir/"));
        assertTrue(trusted("https://ehr.example/fhir", "https://EHR.example:443/fhir/r4"));
        assertTrue(trusted("http://ehr.example/fhir/", "http://ehr.example:80/fhir"));
    }

    @Test
    void anotherPortWhoseDigitsStartTheSame_isNotTrusted() {
        assertFalse(trusted("http://127.0.0.1:3920", "http://127.0.0.1:39201/fhir"));
        assertFalse(trusted("https://ehr.example", "https://ehr.example:8443/fhir"));
        assertFalse(trusted("https://ehr.example/fhir", "http://ehr.example/fhir"));
    }

    @Test
    void userInformation_anotherHostOrAPathThatOnlyStartsTheSame_isNotTrusted() {
        assertFalse(trusted("http://127.0.0.1:3920", "http://127.0.0.1:3920@127.0.0.1:39201/"));
        assertFalse(trusted("http://localhost", "http://localhost@127.0.0.1:39201/"));
        assertFalse(trusted("http://localhost", "http://localhost.invalid/fhir"));
        assertFalse(trusted("https://ehr.example/fhir", "https://ehr.example/fhirx"));
        assertFalse(trusted("https://ehr.example/fhir", "https://ehr.example/"));
    }

    @Test
    void dotSegments_queryFragmentOrPercentSigns_areNeverTrusted() {
        for (String requested : List.of("https://ehr.example/fhir/../admin", "https://ehr.example/fhir/./x",
                "https://ehr.example/fhir?x=", "https://ehr.example/fhir#", "https://ehr.example/fhir/%2e%2e/admin",
                "https://ehr.example/fhir//x", "https://ehr.example/fhir\\..\\admin", "https://ehr.example/fhir\r\n",
                "javascript://ehr.example/fhir", "ehr.example/fhir", "")) {
            assertFalse(trusted("https://ehr.example/fhir", requested), requested);
        }
    }

    @Test
    void theFetchUrl_isTheTrustedServerWithTheSearchAppended() {
        TrustedFhirServer server = TrustedFhirServer.read("https://EHR.example/fhir/r4/").orElseThrow();
        assertEquals("https://ehr.example:443/fhir/r4/QuestionnaireResponse?subject=Patient/p1",
                server.resolve("QuestionnaireResponse?subject=Patient/p1").toString());
    }

    @Test
    void anEmptyOrMalformedConfiguredServer_isRefusedAtStart() {
        for (String configured : List.of("", " ", "ehr.example", "https://user@ehr.example/fhir",
                "https://ehr.example/fhir?x=1", "ftp://ehr.example/fhir")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Settings("127.0.0.1",
                    0, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5),
                    List.of(configured)), configured);
            assertTrue(e.getMessage().startsWith("--fhir-server must be an absolute http or https URL"),
                    e.getMessage());
        }
    }
}
