package health.triage.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InteropSettingsTest {

    @Test
    void badPublicUrlOrCorsOrigin_isRejectedNamingTheValue() {
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> new Settings.Interop("triage.example.org", List.of(), Duration.ofDays(7)));
        assertEquals("publicUrl must be an absolute http or https URL with no user name, query or fragment, such as "
                + "https://triage.example; was 'triage.example.org'", url.getMessage());
        for (String bad : List.of("https://user@triage.example.org", "https://triage.example.org/?a=b",
                "https://triage.example.org/#top", "javascript://triage.example.org", "")) {
            assertThrows(IllegalArgumentException.class, () -> new Settings.Interop(bad, List.of(), Duration.ofDays(7)),
                    bad);
        }
        IllegalArgumentException origin = assertThrows(IllegalArgumentException.class,
                () -> new Settings.Interop(null, List.of("https://ehr.example.org/app"), Duration.ofDays(7)));
        assertEquals("a CORS origin must be scheme://host[:port] with no path, was 'https://ehr.example.org/app'",
                origin.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Settings.Interop(null, List.of(), Duration.ZERO));
    }

    @Test
    void fhirBase_isThePublicUrlWithFhir_orNoneWhenNotConfigured() {
        assertEquals("https://triage.example.org/base/fhir", new Settings.Interop("https://triage.example.org/base/",
                List.of(), Duration.ofDays(7)).fhirBase());
        assertNull(Settings.Interop.DEFAULTS.fhirBase());
    }
}
