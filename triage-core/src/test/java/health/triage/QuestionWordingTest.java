package health.triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The question wording in {@code questions.properties}: data, one entry of each kind for every finding. */
class QuestionWordingTest {

    @Test
    void wording_everyFindingHasAPatientQuestionAClinicianQuestionAndAReason() {
        for (Finding finding : Finding.values()) {
            QuestionWording.Wording wording = QuestionWording.of(finding);
            assertNotNull(wording, finding::code);
            assertAll(finding.code(),
                    () -> assertTrue(wording.patient().endsWith("?"), wording::patient),
                    () -> assertTrue(wording.clinician().endsWith("?"), wording::clinician),
                    () -> assertTrue(wording.why().endsWith("."), wording::why),
                    () -> assertFalse(wording.patient().contains("  "), wording::patient),
                    () -> assertFalse(wording.why().contains("  "), wording::why));
        }
    }

    @Test
    void wording_patientQuestionsAreAllDifferent() {
        Map<String, Long> counts = Arrays.stream(Finding.values())
                .collect(Collectors.groupingBy(f -> QuestionWording.of(f).patient(), Collectors.counting()));

        assertTrue(counts.values().stream().allMatch(n -> n == 1), counts::toString);
    }

    @Test
    void wordingFile_namesOnlyFindingsAndParts() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = QuestionWording.class.getResourceAsStream(QuestionWording.RESOURCE)) {
            assertNotNull(in, QuestionWording.RESOURCE);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertEquals(Finding.values().length * QuestionWording.PARTS.size(), properties.size());
    }

    @Test
    void read_missingEntry_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuestionWording.read(new StringReader(complete().replace("fever.why=", "fever.reason="))));

        assertEquals("questions.properties: 'fever.reason' is not <finding code>.patient|clinician|why|item; 'fever.why' is "
                + "missing or blank", e.getMessage());
    }

    @Test
    void read_unknownCode_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuestionWording.read(new StringReader(complete() + "fevre.why=Typo.\n")));

        assertEquals("questions.properties: 'fevre.why' is not <finding code>.patient|clinician|why|item", e.getMessage());
    }

    @Test
    void read_blankEntry_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuestionWording.read(new StringReader(complete() + "fever.patient=  \n")));

        assertEquals("questions.properties: 'fever.patient' is missing or blank", e.getMessage());
    }

    @Test
    void read_completeFile_givesEveryFindingItsFourTexts_withoutSurroundingSpace() throws IOException {
        Map<Finding, QuestionWording.Wording> wording = QuestionWording.read(new StringReader(complete()
                + "fever.patient=   Have you had a fever?   \n"));

        assertEquals(Finding.values().length, wording.size());
        assertEquals(new QuestionWording.Wording("Have you had a fever?", "clinician text", "why text", "item text"),
                wording.get(Finding.FEVER));
        assertEquals(new QuestionWording.Wording("patient text", "clinician text", "why text", "item text"),
                wording.get(Finding.NIGHT_SWEATS));
    }

    /** A wording file with a short entry of each kind for every finding. */
    private static String complete() {
        StringBuilder text = new StringBuilder();
        for (Finding finding : Finding.values()) {
            for (String part : QuestionWording.PARTS) {
                text.append(finding.code()).append('.').append(part).append('=').append(part).append(" text\n");
            }
        }
        return text.toString();
    }
}
