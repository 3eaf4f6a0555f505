package health.triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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

        long required = properties.stringPropertyNames().stream()
                .filter(key -> QuestionWording.PARTS.contains(key.substring(key.lastIndexOf('.') + 1))).count();
        long optional = properties.stringPropertyNames().stream()
                .filter(key -> QuestionWording.OPTIONAL.contains(key.substring(key.lastIndexOf('.') + 1))).count();
        assertEquals(Finding.values().length * QuestionWording.PARTS.size(), required);
        assertEquals(properties.size(), required + optional);
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

    @Test
    void read_scale_givesItsOptionsInOrder_eachSayingWhetherItAnswersYes() throws IOException {
        Map<Finding, QuestionWording.Wording> wording = QuestionWording.read(new StringReader(complete()
                + "startback_very_bothersome.options=Not at all, Slightly, Moderately, Very much, Extremely\n"
                + "startback_very_bothersome.yes=Very much, Extremely\n"));

        assertEquals(List.of(new QuestionWording.Option("Not at all", false), new QuestionWording.Option("Slightly", false),
                new QuestionWording.Option("Moderately", false), new QuestionWording.Option("Very much", true),
                new QuestionWording.Option("Extremely", true)),
                wording.get(Finding.STARTBACK_VERY_BOTHERSOME).options());
        assertEquals(List.of(), wording.get(Finding.FEVER).options());
    }

    @Test
    void read_scaleWhoseYesNamesNoOption_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> QuestionWording.read(
                new StringReader(complete() + "fever.options=Never, Often\nfever.yes=Always\n")));

        assertEquals("questions.properties: 'fever.yes' must name some, not all, of its .options [Never, Often], was "
                + "[Always]", e.getMessage());
    }
}
