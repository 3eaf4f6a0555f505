package health.triage.examples;

import health.triage.Finding;
import health.triage.QuestionWording;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code triage interview}, run in-process with answers on standard input: typed by a simulated person who reads each
 * question, or given as a script. (InterviewTerminalIT drives the built jar in a terminal.)
 */
class InterviewCommandTest {

    /** The office worker of the policy's typical piriformis presentation; everything else is no. */
    private static final Set<Finding> PIRIFORMIS = EnumSet.of(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING,
            Finding.WORSE_HARD_SEAT, Finding.DEEP_BUTTOCK_TENDERNESS, Finding.PROLONGED_SITTING,
            Finding.WALLET_IN_BACK_POCKET);

    private static final Pattern COMPLETE = Pattern.compile("Interview complete after (\\d+) screens");

    @TempDir
    Path dir;

    private static InterviewPerson officeWorker(Set<Finding> dontKnow) {
        return new InterviewPerson(38, "m", "28", PIRIFORMIS, dontKnow);
    }

    /** Text with its line breaks and indentation as single spaces, for sentences the interview wraps. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String question(Finding finding) {
        try (InputStream in = Finding.class.getResourceAsStream("questions.properties")) {
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty(finding.code() + ".patient");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void interview_backAndButtockPainWithNoNerveRootFeature_asksStartBackItem9OnItsFiveOptions_andEndsInSelfCare() {
        InterviewPerson person = new InterviewPerson(34, "f", "10", EnumSet.of(Finding.LOW_BACK_PAIN,
                Finding.BUTTOCK_PAIN, Finding.POSTERIOR_THIGH_PAIN), Set.of());

        Cli.Result result = Cli.runWithPerson(person, "interview");

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Overall, how bothersome has your back pain been in the last 2 "
                        + "weeks?"), result::toString),
                () -> assertTrue(result.out().contains("  1. Not at all") && result.out().contains("  5. Extremely"),
                        result::toString),
                () -> assertTrue(result.out().contains("In general I have not enjoyed all the things I used to enjoy"),
                        result::toString),
                () -> assertTrue(person.asked().contains(Finding.STARTBACK_VERY_BOTHERSOME), person.asked()::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     SELF_CARE"), result::toString),
                () -> assertTrue(result.out().contains("NON_SPECIFIC_LOW_BACK"), result::toString),
                () -> assertTrue(result.out().contains("Stay active with back pain"), result::toString));
    }

    @Test
    void interview_piriformisPresentation_reachesACompleteSelfCareReport() {
        InterviewPerson person = officeWorker(Set.of());

        Cli.Result result = Cli.runWithPerson(person, "interview");

        Matcher complete = COMPLETE.matcher(result.out());
        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(complete.find(), result::toString),
                () -> assertEquals(Integer.toString(person.screens()), complete.group(1)),
                () -> assertTrue(person.screens() <= 10, () -> person.screens() + " screens"),
                () -> assertEquals(person.asked().size(), Set.copyOf(person.asked()).size(), "a question asked twice"),
                () -> assertEquals(Finding.EMERGENCY_SCREEN, person.asked().subList(0, 9)),
                () -> assertTrue(result.out().contains("DISPOSITION     SELF_CARE"), result::toString),
                () -> assertTrue(result.out().contains("Self-care plan"), result::toString),
                () -> assertEquals("", result.err()));
    }

    @Test
    void interview_selfUserWithAPiriformisPattern_isNeverShownAnExaminationFinding_andEndsInSelfCareInEightScreens() {
        InterviewPerson person = officeWorker(Set.of());

        Cli.Result result = Cli.runWithPerson(person, "interview");

        assertAll(
                () -> assertTrue(COMPLETE.matcher(result.out()).find(), result::toString),
                () -> assertTrue(person.screens() <= 8, () -> person.screens() + " screens"),
                () -> assertTrue(person.asked().stream().noneMatch(Finding::examinationOnly), () -> "asked "
                        + person.asked()),
                () -> assertTrue(flat(result.out()).contains("pain 4/10, not examined (what the person reported)"),
                        result::toString),
                () -> assertTrue(flat(result.out()).contains("This advice rests on what you told us: nobody has "
                        + "examined you."), result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     SELF_CARE"), result::toString));
    }

    @Test
    void interview_examinedDontKnow_isNotRecorded_examinationFindingsAreNotAsked_andTheResultIsNotComplete()
            throws IOException {
        InterviewPerson person = new InterviewPerson(38, "m", "28", PIRIFORMIS, Set.of(), "d", "4");
        Path saved = dir.resolve("case.json");

        Cli.Result result = Cli.runWithPerson(person, "interview", "--save", saved.toString());

        JsonNode savedCase = Cli.parse(Files.readString(saved));
        assertAll(
                () -> assertTrue(person.asked().stream().noneMatch(Finding::examinationOnly), () -> "asked "
                        + person.asked()),
                () -> assertFalse(savedCase.has("examined"), savedCase::toString),
                () -> assertFalse(savedCase.get("findings").has("neuro_deficit"), savedCase::toString),
                () -> assertTrue(flat(result.out()).contains("but it is not complete"), result::toString),
                () -> assertTrue(result.out().contains("- neuro_deficit"), result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     ROUTINE"), result::toString));
    }

    @Test
    void interview_examinedYes_showsTheExaminationScreenAskingWhatTheClinicianFound() {
        InterviewPerson person = new InterviewPerson(38, "m", "28", PIRIFORMIS, Set.of(), "y", "4");

        Cli.Result result = Cli.runWithPerson(person, "interview");

        assertAll(
                () -> assertTrue(person.asked().contains(Finding.NEURO_DEFICIT), () -> "asked " + person.asked()),
                () -> assertTrue(flat(result.out()).contains("A clinician examined you for this pain. Which of these "
                        + "did they find?"), result::toString),
                () -> assertFalse(result.out().contains("Has a clinician examined you and found"), result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     SELF_CARE"), result::toString));
    }

    @Test
    void interview_painScoreNine_isAskedAndGivesTheResultAssessGivesForTheSameAnswers() throws IOException {
        InterviewPerson person = new InterviewPerson(38, "m", "28", PIRIFORMIS, Set.of(), "n", "9");
        Path saved = dir.resolve("pain-9.json");

        Cli.Result interview = Cli.runWithPerson(person, "interview", "--save", saved.toString());
        Cli.Result assess = Cli.run("assess", "--json", saved.toString());

        JsonNode line = assess.json().get(0);
        assertAll(
                () -> assertEquals(9, Cli.parse(Files.readString(saved)).get("painScore").asInt()),
                () -> assertTrue(interview.out().contains("Screen 3. How bad is the pain"), interview::toString),
                // CRS-02: a score of 8 or more is never self-care, through the interview as through assess
                () -> assertFalse(interview.out().contains("DISPOSITION     SELF_CARE"), interview::toString),
                () -> assertTrue(interview.out().contains("DISPOSITION     " + line.get("disposition").asText()),
                        () -> interview + "\n" + line),
                () -> assertTrue(flat(interview.out()).contains(line.get("complete").asBoolean()
                        ? "Interview complete" : "not complete"), () -> interview + "\n" + line));
    }

    @Test
    void interview_saddleNumbnessTickedOnTheEmergencyScreen_endsAtOnceWithTheEmergencyAdvice() {
        Cli.Result result = Cli.runWithStdin("45\n\n\nn\n1\n", "interview");

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Screen 1. Since this pain began, have you had any of these, even if it"),
                        result::toString),
                () -> assertTrue(result.out().contains("  1. " + QuestionWording.of(Finding.SADDLE_NUMBNESS).item()
                        .substring(0, 40)), result::toString),
                () -> assertFalse(result.out().contains(Finding.SADDLE_NUMBNESS.definition().substring(0, 40)),
                        "the vocabulary definition is for developers, not shown: " + result),
                () -> assertFalse(result.out().contains("Screen 2."), result::toString),
                () -> assertTrue(result.out().contains("EMERGENCY: Go to an emergency department now, or call an"),
                        result::toString),
                () -> assertTrue(result.out().contains("The interview stops here."), result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     EMERGENCY"), result::toString));
    }

    @Test
    void interview_dontKnow_isNotAskedAgainAndLeavesTheInterviewNotComplete() {
        InterviewPerson person = officeWorker(EnumSet.of(Finding.BLADDER_DYSFUNCTION));

        Cli.Result result = Cli.runWithPerson(person, "interview", "--save", dir.resolve("case.json").toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals(1, person.asked().stream().filter(f -> f == Finding.BLADDER_DYSFUNCTION).count()),
                () -> assertTrue(flat(result.out()).contains("but it is not complete: the answers to "
                        + "bladder_dysfunction were \"don't know\" and could still change how urgent this is, or are "
                        + "screening questions."),
                        result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     URGENT"), result::toString),
                () -> assertFalse(Files.readString(dir.resolve("case.json")).contains("bladder_dysfunction"),
                        "\"don't know\" is never saved as an answer"));
    }

    @Test
    void interview_save_writesACaseFileThatAssessReads() throws IOException {
        Path saved = dir.resolve("office-worker.json");

        Cli.Result interview = Cli.runWithPerson(officeWorker(Set.of()), "interview", "--save", saved.toString());
        Cli.Result assess = Cli.run("assess", "--json", saved.toString());

        JsonNode line = assess.json().get(0);
        JsonNode savedCase = Cli.parse(Files.readString(saved));
        assertAll(
                () -> assertEquals(TriageCommand.OK, interview.exit(), interview::toString),
                () -> assertTrue(interview.out().contains("Answers saved to " + saved), interview::toString),
                () -> assertEquals(TriageCommand.OK, assess.exit(), assess::toString),
                () -> assertEquals("SELF_CARE", line.get("disposition").asText()),
                () -> assertTrue(line.get("complete").asBoolean(), line::toString),
                () -> assertEquals(38, savedCase.get("age").asInt()),
                () -> assertEquals("male", savedCase.get("sex").asText()),
                () -> assertEquals(28, savedCase.get("durationDays").asInt()),
                () -> assertTrue(savedCase.get("findings").get("buttock_pain").asBoolean()),
                () -> assertFalse(savedCase.get("findings").get("saddle_numbness").asBoolean()));
    }

    @Test
    void interview_save_closingHintIsACommandThatRunsAsShown() throws Exception {
        Path saved = dir.resolve("office worker's case.json");
        Cli.Result interview = Cli.runWithPerson(officeWorker(Set.of()), "interview", "--save", saved.toString());
        List<String> lines = interview.out().lines().toList();
        String hint = lines.get(lines.size() - 1).strip();

        List<String> words = shellWords(hint);
        Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertAll(
                // the sentence before the hint wraps where the (random-length) folder name ends: read it unwrapped
                () -> assertTrue(String.join(" ", lines.subList(0, lines.size() - 1)).replaceAll("\\s+", " ")
                        .endsWith("assess them again with:"), interview::toString),
                () -> assertEquals(List.of("java"), words.subList(0, 1)),
                () -> assertEquals(List.of("assess", saved.toString()), words.subList(words.size() - 2, words.size())),
                () -> assertEquals(0, p.waitFor(), output),
                () -> assertTrue(output.contains("DISPOSITION     SELF_CARE"), output));
    }

    /** Splits a command line as a POSIX shell does for plain words, single quotes and backslashes outside them. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !quoted && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                any = true;
            } else if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void interview_questionMark_showsWhyItIsAskedAndTheClinicianWording() {
        Cli.Result result = Cli.runWithStdin("45\n\n\nn\n?\nq\n", "interview");

        for (String text : new String[] {"Why it is asked: Numbness in this area", "For a clinician: New saddle",
                "Asked now because: Emergency screen"}) {
            assertTrue(result.out().contains(text), () -> "no '" + text + "' in\n" + result.out());
        }
        assertFalse(result.out().contains("\"Yes\" means:"),
                "the help no longer shows the vocabulary definition (developer text, a code in it)");
    }

    @Test
    void interview_unclearAnswerToAList_isAskedAgain() {
        for (String unclear : new String[] {"maybe", "y", "10", "1 1", "0 1", "d 2", "d 1 d"}) {
            Cli.Result result = Cli.runWithStdin("45\n\n\nn\n" + unclear + "\nq\n", "interview");

            assertAll(unclear,
                    () -> assertTrue(flat(result.out()).contains("Please type the numbers of every item that applies "
                            + "(such as 1 3), 0 if none of them does, or d and a number for an item you are not sure "
                            + "about (such as 0 d 2); ? shows why they are asked."), result::toString),
                    () -> assertEquals(1, result.out().split("Screen 1\\. ", -1).length - 1, result::toString),
                    () -> assertTrue(result.out().contains("Answered no     none"), result::toString));
        }
    }

    @Test
    void interview_listAnswer_ticksYesNotSureUnknownAndTheRestNo() {
        Cli.Result result = Cli.runWithStdin("45\n\n\nn\n0 d 2 d3\nq\n", "interview");

        assertAll(
                () -> assertTrue(result.out().contains("Answered yes    none"), result::toString),
                () -> assertTrue(flat(result.out()).contains("Answered no bilateral_leg_symptoms, progressive_weakness, "
                        + "saddle_numbness, calf_swelling, sudden_severe_pain_with_collapse, cannot_bear_weight, "
                        + "cold_pale_leg "), result::toString),
                () -> assertTrue(result.out().contains("- bladder_dysfunction"), result::toString),
                () -> assertTrue(result.out().contains("- bowel_dysfunction"), result::toString));
    }

    @Test
    void interview_afterTheEmergencyScreen_asksWhereItHurts() {
        InterviewPerson person = officeWorker(Set.of());

        Cli.Result result = Cli.runWithPerson(person, "interview");

        assertAll(
                () -> assertTrue(result.out().contains("Screen 2. Where do you have pain?"), result::toString),
                () -> assertTrue(result.out().contains("[1-9/0/d N/?]"), result::toString));
    }

    @Test
    void interview_quit_printsTheReportAndSaysItIsNotComplete() {
        Cli.Result result = Cli.runWithStdin("45\n\n\nn\n0\nq\n", "interview");

        // the emergency screen answered no; the other screening questions unanswered: ROUTINE (POLICY.md SCR-02)
        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Interview stopped after 1 screen; it is not complete."),
                        result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     ROUTINE"), result::toString),
                () -> assertTrue(result.out().contains("Screening incomplete"), result::toString),
                () -> assertTrue(flat(result.out()).contains("Answered no bilateral_leg_symptoms, progressive_weakness, "
                        + "saddle_numbness, bladder_dysfunction,"), result::toString));
    }

    @Test
    void interview_endOfInputBeforeTheAge_hasNothingToAssess() {
        Cli.Result result = Cli.runWithStdin("", "interview");

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Interview stopped before the age was given: there is nothing "
                        + "to assess."), result::toString),
                () -> assertFalse(result.out().contains("DISPOSITION"), result::toString));
    }

    @Test
    void interview_ageOutOfRange_isAskedAgainWithTheReason() {
        Cli.Result result = Cli.runWithStdin("130\nforty\n40\n\n\nq\n", "interview");

        assertAll(
                () -> assertTrue(result.out().contains("Age must be between 0 and 120, was 130."), result::toString),
                () -> assertTrue(result.out().contains("Please type the age as a whole number, such as 34."),
                        result::toString),
                () -> assertTrue(result.out().contains("Person          age 40"), result::toString));
    }

    @Test
    void interview_durationInWeeks_isCountedInDays() {
        Cli.Result result = Cli.runWithStdin("40\nf\nn\n3w\nq\n", "interview");

        assertTrue(result.out().contains("Person          age 40, female, not pregnant, symptoms for 21 days"),
                result::toString);
    }

    @Test
    void interview_ruleAddedToACopyOfTheRules_isAskedWithoutAJavaChange() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("rules"));
        Properties index = new Properties();
        try (InputStream in = Finding.class.getClassLoader().getResourceAsStream(
                "health/triage/rules/rulebase.properties")) {
            index.load(in);
        }
        for (String file : index.getProperty("files").split(",")) {
            try (InputStream in = Finding.class.getClassLoader().getResourceAsStream(
                    "health/triage/rules/" + file.strip())) {
                Files.write(copy.resolve(file.strip()), in.readAllBytes());
            }
        }
        InterviewPerson shipped = officeWorker(Set.of());
        Cli.runWithPerson(shipped, "interview", "--rules", copy.toString());
        Files.writeString(copy.resolve("low-back-pain.drl"), """
                package health.triage.rules;
                import health.triage.*;
                import health.triage.facts.*;

                rule "New leg weakness needs a clinician's assessment"
                    @id(TEST-LWR-01) @source("test: a rule added to a copy of the rules")
                when
                    Answer( finding == Finding.LEG_WEAKNESS_RECENT, present )
                then
                    insert( new Urgency( Disposition.ROUTINE ) );
                end
                """);
        InterviewPerson edited = officeWorker(Set.of());

        Cli.Result result = Cli.runWithPerson(edited, "interview", "--rules", copy.toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertFalse(shipped.asked().contains(Finding.LEG_WEAKNESS_RECENT), shipped.asked()::toString),
                () -> assertTrue(edited.asked().contains(Finding.LEG_WEAKNESS_RECENT), edited.asked()::toString),
                // in no screen group: asked on its own, in its own words
                () -> assertTrue(flat(result.out()).contains(". " + question(Finding.LEG_WEAKNESS_RECENT)
                        + " [y/n/d/?]"), result::toString),
                () -> assertTrue(result.out().contains("DISPOSITION     SELF_CARE"), result::toString));
    }

    @Test
    void interview_rulesFolderThatDoesNotExist_isAUsageError() {
        Cli.Result result = Cli.run("interview", "--rules", dir.resolve("nope").toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertTrue(result.err().contains("--rules: rules folder " + dir.resolve("nope")),
                        result::toString));
    }

    @Test
    void interviewHelp_describesAnswersSavingAndExitCodes() {
        Cli.Result result = Cli.run("interview", "--help");

        assertEquals(TriageCommand.OK, result.exit());
        for (String text : new String[] {"--save", "--rules", "y (yes)", "n (no)", "d (don't", "standard input",
                "emergency", "complete", "screen", "0 if none", "d N", "hurts",
                "Exit codes", "\n  0 ", "\n  1 ", "\n  2 ", "\n  3 "}) {
            assertTrue(result.out().contains(text), () -> "no '" + text + "' in\n" + result.out());
        }
        assertTrue(result.out().lines().allMatch(line -> line.length() <= 80), result::toString);
    }

    // --- input that is not typed answers -------------------------------------------------------------------------

    @Test
    void interview_binaryInput_stopsWithAnErrorAndNoReport() {
        byte[] binary = {'7', '\n', 'y', '\n', 0, 1, 2, 'y', '\n'};

        Cli.Result result = Cli.runWithStdin(binary, "interview");

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertFalse(result.out().contains("DISPOSITION"), "no report is made from binary input"),
                () -> assertEquals("triage interview: stopped without an assessment: standard input holds the "
                        + "control byte 0x00 at byte offset 4, which no keyboard sends; it does not look like typed "
                        + "answers", result.err().strip()));
    }

    @Test
    void interview_sameInvalidAnswerOverAndOver_stopsWithAnErrorAndNoReport() {
        Cli.Result result = Cli.runWithStdin("34\n" + "maybe\n".repeat(1_000), "interview");

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertFalse(result.out().contains("DISPOSITION"), result::toString),
                () -> assertTrue(result.err().contains("the same question was asked 10 times in a row"),
                        result::toString));
    }

    @Test
    void interview_endOfInputAfterTheAge_keepsTheAgeAndReportsNotComplete() {
        Cli.Result result = Cli.runWithStdin("34\n", "interview");

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Interview stopped after 0 screens; it is not complete."),
                        result::toString),
                () -> assertTrue(result.out().contains("age 34, duration not given"), result::toString),
                () -> assertFalse(result.out().contains("before the age was given"), result::toString));
    }

    @Test
    void interview_echoedAnswer_showsControlCharactersAsEscapes() {
        Cli.Result result = Cli.runWithStdin("\u001b[2J\u001b[31mred\u202e\n", "interview");

        assertAll(
                () -> assertFalse(result.out().contains("\u001b"), "a raw escape reached the terminal"),
                () -> assertFalse(result.out().contains("\u202e"), "a raw bidi override reached the terminal"),
                () -> assertTrue(result.out().contains("\\u001B[2J\\u001B[31mred\\u202E"), result::toString));
    }

    @Test
    void interview_saveOverAnExistingFile_isAUsageErrorBeforeAnyQuestion() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.json"), "{\"age\": 50}");

        Cli.Result result = Cli.runWithStdin("34\n", "interview", "--save", existing.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertEquals("", result.out()),
                () -> assertEquals("{\"age\": 50}", Files.readString(existing)),
                () -> assertTrue(result.err().startsWith("triage interview: --save: " + existing + " already exists"),
                        result::toString));
    }

    @Test
    void interview_durationLongerThanALife_isAskedAgainWithTheReason() {
        Cli.Result result = Cli.runWithStdin("34\n\n999999w\n", "interview");

        assertTrue(flat(result.out()).contains("DurationDays must not be longer than the person has lived (at most "
                + "12810 days at age 34), was 6999993."), result::toString);
    }
}
