package health.triage.examples;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.QuestionWording;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.Screen;
import health.triage.SelfCareStep;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.internal.Assessments;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonResultsTest {

    private static final Assessment ASSESSMENT = Assessments.of("c1", Disposition.ROUTINE, LikelySource.PIRIFORMIS,
            List.of(new Cue(LikelySource.PIRIFORMIS, Finding.WORSE_SITTING, "Builds up while sitting.")),
            List.of(new Cue(LikelySource.SPINAL, Finding.PAIN_BELOW_KNEE, "Below the knee.")),
            List.of(new RedFlag("age_over_50_new_pain", Disposition.ROUTINE, "New pain after 50.")),
            List.of(Finding.NIGHT_SWEATS),
            List.of(new AlsoConsider("Trochanteric pain", "Outer hip tender.")),
            List.of(new Referral("Physiotherapist", "Hands-on treatment.")),
            List.of(new SelfCareStep(1, "Stretch", "Hold 20 to 30 s,\nthree times.", "Stop if it tingles.")),
            List.of(new SafetyNet(Disposition.EMERGENCY, "Saddle numbness: go now.")),
            List.of(new Reason("R-1", "A sentence.", "001.txt: Section", List.of("worse_sitting: yes"),
                    Disposition.ROUTINE), new Reason("R-2", "Another.", "002.txt", List.of(), null)),
            "0.1.0+abc");

    @Test
    void line_holdsTheWholeAssessmentWithCodes() {
        JsonNode line = Cli.parse(JsonResults.line("cases/a.json", ASSESSMENT));

        assertAll(
                () -> assertEquals("cases/a.json", line.get("input").asText()),
                () -> assertEquals("c1", line.get("id").asText()),
                () -> assertEquals("ROUTINE", line.get("disposition").asText()),
                () -> assertEquals(Disposition.ROUTINE.timeframe(), line.get("timeframe").asText()),
                () -> assertEquals("PIRIFORMIS", line.get("likelySource").asText()),
                () -> assertEquals(Cli.parse("""
                        [{"finding": "worse_sitting", "pointsTo": "PIRIFORMIS", "weight": 1,
                          "text": "Builds up while sitting."}]"""),
                        line.get("cuesFor")),
                () -> assertEquals("pain_below_knee", line.get("cuesAgainst").get(0).get("finding").asText()),
                () -> assertEquals(Cli.parse("""
                        [{"code": "age_over_50_new_pain", "level": "ROUTINE", "text": "New pain after 50.",
                          "evidence": []}]"""),
                        line.get("redFlags")),
                () -> assertEquals(Cli.parse("[\"night_sweats\"]"), line.get("unanswered")),
                () -> assertEquals(Cli.parse("[{\"condition\": \"Trochanteric pain\", \"why\": \"Outer hip tender.\"}]"),
                        line.get("alsoConsider")),
                () -> assertEquals(Cli.parse("[{\"whom\": \"Physiotherapist\", \"why\": \"Hands-on treatment.\"}]"),
                        line.get("referral")),
                () -> assertEquals(Cli.parse("""
                        [{"title": "Stretch", "howTo": "Hold 20 to 30 s,\\nthree times.",
                          "precaution": "Stop if it tingles."}]"""), line.get("selfCare")),
                () -> assertEquals(Cli.parse("[{\"seekCare\": \"EMERGENCY\", \"text\": \"Saddle numbness: go now.\"}]"),
                        line.get("safetyNet")),
                () -> assertEquals(Cli.parse("""
                        [{"ruleId": "R-1", "rule": "A sentence.", "source": "001.txt: Section",
                          "findings": ["worse_sitting: yes"], "raises": "ROUTINE"},
                         {"ruleId": "R-2", "rule": "Another.", "source": "002.txt", "findings": [], "raises": null}]"""),
                        line.get("reasons")),
                () -> assertEquals("0.1.0+abc", line.get("ruleBaseVersion").asText()),
                () -> assertEquals("EMERGENCY", line.get("bilateralLegSymptomsPolicy").asText()));
    }

    @Test
    void line_recordsTheBilateralLegSymptomsPolicyTheEngineFollowed() {
        Assessment urgent = Assessments.of("c2", Disposition.URGENT, LikelySource.SPINAL, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "0.1.0+abc",
                BilateralLegSymptomsPolicy.URGENT);

        assertEquals("URGENT", Cli.parse(JsonResults.line("in.json", urgent)).get("bilateralLegSymptomsPolicy").asText());
    }

    @Test
    void line_isOneLineEvenWhenTextHasLineBreaks() {
        String line = JsonResults.line("cases/a.json", ASSESSMENT);

        assertFalse(line.contains("\n") || line.contains("\r"), line);
    }

    @Test
    void error_escapesEveryUnsafeCharacterAndReadsBackAsWritten() {
        for (String id : HostileText.CORPUS) {
            String line = JsonResults.error("cases/b.json", id, "cases/b.json: " + id);

            assertEquals(-1, HostileText.firstUnsafe(line, ""), line);
            if (id.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)) { // half a pair never comes from a case file
                assertEquals(id, Cli.parse(line).get("id").asText(), line);
            }
        }
    }

    @Test
    void error_writesC1DelBidiAndSeparatorsAsEscapes_andKeepsEmojiAsAPair() {
        String line = JsonResults.error("in", "\u009b\u007f\u202e\u2028\ud83d\ude00", "e");

        assertEquals("{\"input\":\"in\",\"id\":\"\\u009B\\u007F\\u202E\\u2028\\uD83D\\uDE00\",\"error\":\"e\"}", line);
    }

    @Test
    void error_holdsInputIdAndError() {
        JsonNode line = Cli.parse(JsonResults.error("cases/b.json[2]", null, "cases/b.json[2]: age is required"));

        assertAll(
                () -> assertEquals(3, line.size()),
                () -> assertEquals("cases/b.json[2]", line.get("input").asText()),
                () -> assertTrue(line.get("id").isNull()),
                () -> assertEquals("cases/b.json[2]: age is required", line.get("error").asText()));
    }

    private static final Question NIGHT_SWEATS = new Question(Finding.NIGHT_SWEATS, "Do you sweat at night?",
            "Night sweats?", "A sign of infection.", Question.Priority.DISPOSITION,
            "A yes would change the advice from ROUTINE to URGENT.");

    @Test
    void line_withNextQuestions_holdsCompleteAndTheQuestionsBeforeTheVersion() {
        NextQuestions next = new NextQuestions(ASSESSMENT, List.of(NIGHT_SWEATS), false, Optional.empty());

        JsonNode line = Cli.parse(JsonResults.line("cases/a.json", next));

        List<String> fields = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertAll(
                () -> assertEquals("ROUTINE", line.get("disposition").asText()),
                () -> assertFalse(line.get("complete").asBoolean()),
                () -> assertEquals(Cli.parse("""
                        [{"code": "night_sweats", "text": "Do you sweat at night?", "why": "A sign of infection.",
                          "priority": "DISPOSITION"}]"""), line.get("nextQuestions")),
                () -> assertEquals(List.of("complete", "nextQuestions", "ruleBaseVersion"),
                        fields.subList(fields.size() - 3, fields.size())));
    }

    @Test
    void line_withANextScreen_holdsItsKindTextFindingsAndEachItemInPatientWordsAfterTheQuestions() {
        Question fever = new Question(Finding.FEVER, "Fever?", "Fever?", "Infection.", Question.Priority.SAME_SCREEN,
                "Shown with the others.");
        NextQuestions next = new NextQuestions(ASSESSMENT, List.of(NIGHT_SWEATS), false, Optional.of(
                new Screen(Screen.Kind.ANY_OF, "Have you had any of these?", List.of(fever, NIGHT_SWEATS))));

        JsonNode line = Cli.parse(JsonResults.line("cases/a.json", next));

        List<String> fields = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertAll(
                () -> assertEquals(Cli.parse("""
                        {"kind": "any_of", "text": "Have you had any of these?",
                         "findings": ["fever", "night_sweats"],
                         "items": [{"code": "fever", "text": "%s"},
                                   {"code": "night_sweats", "text": "%s"}]}""".formatted(
                        QuestionWording.of(Finding.FEVER).item(), QuestionWording.of(Finding.NIGHT_SWEATS).item())),
                        line.get("nextScreen")),
                () -> assertEquals(List.of("complete", "nextQuestions", "nextScreen", "ruleBaseVersion"),
                        fields.subList(fields.size() - 4, fields.size())));
    }

    @Test
    void line_withStartBackItem9Next_givesItsFiveOptionsAndWhichAreYes() {
        Question item9 = new Question(Finding.STARTBACK_VERY_BOTHERSOME, "How bothersome?", "Item 9?", "Risk.",
                Question.Priority.DISPOSITION, "Could change it.");
        NextQuestions next = new NextQuestions(ASSESSMENT, List.of(item9), false, Optional.of(
                new Screen(Screen.Kind.SINGLE, "How bothersome?", List.of(item9))));

        JsonNode options = Cli.parse(JsonResults.line("cases/a.json", next)).get("nextScreen").get("items").get(0)
                .get("options");

        assertAll(
                () -> assertEquals(5, options.size()),
                () -> assertEquals(Cli.parse("""
                        {"label": "Not at all", "yes": false}"""), options.get(0)),
                () -> assertEquals(Cli.parse("""
                        {"label": "Very much", "yes": true}"""), options.get(3)));
    }

    @Test
    void caseFile_isACaseTheReaderReadsBackUnchanged() {
        TriageCase c = TriageCase.builder(38).sex(Sex.MALE).durationDays(28).present(Finding.BUTTOCK_PAIN)
                .absent(Finding.SADDLE_NUMBNESS).build();

        String file = JsonResults.caseFile(c);

        CaseReader.Read read = CaseReader.read("saved.json", file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0);
        assertAll(
                () -> assertEquals(c, ((CaseReader.Valid) read).triageCase()),
                () -> assertTrue(file.contains("\"age\": 38"), file),
                () -> assertTrue(file.endsWith("}\n"), file));
    }
}
