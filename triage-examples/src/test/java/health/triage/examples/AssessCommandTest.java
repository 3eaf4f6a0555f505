package health.triage.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code triage assess}, run in-process against the rule base of triage-rules. */
class AssessCommandTest {

    /** A case that answers every screening question with no, so only its pattern decides. */
    private static final String SCREENED = """
            "saddle_numbness": false, "bladder_dysfunction": false, "bowel_dysfunction": false,
            "bilateral_leg_symptoms": false, "progressive_weakness": false, "fever": false,
            "unexplained_weight_loss": false, "night_sweats": false, "cancer_history": false,
            "pain_not_eased_by_rest": false, "recent_fall": false, "major_trauma": false,
            "severe_uncontrolled_pain": false""";

    private static final String SADDLE_NUMBNESS = """
            {"id": "ces", "age": 45, "findings": {"low_back_pain": true, "saddle_numbness": true}}""";

    private static final String DESK_RUNNER = """
            {"id": "runner", "age": 34, "sex": "female", "durationDays": 21, "painScore": 4,
             "findings": {"buttock_pain": true, "worse_sitting": true, "worse_hard_seat": true,
              "deep_buttock_tenderness": true, "prolonged_sitting": true, "low_back_pain": false,
              "pain_below_knee": false, "leg_numbness_tingling": false, "leg_weakness": false, %s}}"""
            .formatted(SCREENED);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertNoStackTrace(Cli.Result result) {
        assertAll(
                () -> assertFalse(result.err().contains("\tat "), result::toString),
                () -> assertFalse(result.err().contains("Exception"), result::toString),
                () -> assertFalse(result.out().contains("Exception"), result::toString));
    }

    // --- reports -------------------------------------------------------------------------------------------------

    @Test
    void assess_caudaEquinaSign_reportsEmergencyWithItsReason() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Case ces"), result::toString),
                () -> assertTrue(result.out().contains("EMERGENCY"), result::toString),
                () -> assertTrue(result.out().contains("Go to an emergency department now"), result::toString),
                () -> assertTrue(result.out().contains("saddle_numbness: yes"), result::toString),
                () -> assertEquals("", result.err()));
    }

    @Test
    void assess_report_hasEverySectionAClinicianNeeds() throws IOException {
        Path file = write("runner.json", DESK_RUNNER);

        String report = Cli.run("assess", file.toString()).out();

        for (String section : List.of("Case runner", "Person", "DISPOSITION", "Likely source", "cues for",
                "cues against", "Red flags", "Screening", "Also consider", "Referral", "Self-care", "Safety-net",
                "Reasons (rule id \u2014 rule \u2014 source \u2014 findings used)", "Rule base")) {
            assertTrue(report.contains(section), () -> "no '" + section + "' in\n" + report);
        }
    }

    @Test
    void assess_reportLines_fitTheWidth() throws IOException {
        Path file = write("runner.json", DESK_RUNNER);

        String report = Cli.run("assess", file.toString()).out();

        report.lines().forEach(line -> assertTrue(line.length() <= Report.WIDTH, () -> "too long: " + line));
    }

    @Test
    void assess_unansweredScreen_listsTheQuestionsToAsk() throws IOException {
        Path file = write("bare.json", "{\"id\": \"bare\", \"age\": 40, \"findings\": {\"buttock_pain\": true}}");

        String report = Cli.run("assess", file.toString()).out();

        assertTrue(report.contains("Screening incomplete: unanswered screening questions"), report);
        assertTrue(report.contains("saddle_numbness \u2014 New numbness"), report);
    }

    // --- JSON Lines ----------------------------------------------------------------------------------------------

    @Test
    void assess_json_everyLineHasTheContractFields() throws IOException {
        Path file = write("cases.json", "[" + SADDLE_NUMBNESS + ", " + DESK_RUNNER + "]");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        assertEquals(TriageCommand.OK, result.exit(), result::toString);
        assertEquals(2, result.lines().size(), result::toString);
        for (JsonNode line : result.json()) {
            for (String field : List.of("input", "id", "disposition", "timeframe", "likelySource", "cuesFor",
                    "cuesAgainst", "redFlags", "unanswered", "alsoConsider", "referral", "selfCare", "safetyNet",
                    "reasons", "ruleBaseVersion", "bilateralLegSymptomsPolicy")) {
                assertTrue(line.has(field), () -> "no " + field + " in " + line);
            }
            assertAll(
                    () -> assertTrue(line.get("disposition").asText().matches("EMERGENCY|URGENT|ROUTINE|SELF_CARE")),
                    () -> assertTrue(line.get("likelySource").asText().matches("PIRIFORMIS|SPINAL|UNCLEAR")),
                    () -> assertTrue(line.get("ruleBaseVersion").isTextual()),
                    () -> assertTrue(line.get("reasons").size() > 0, line::toString));
            for (String list : List.of("cuesFor", "cuesAgainst", "redFlags", "unanswered", "alsoConsider", "referral",
                    "selfCare", "safetyNet", "reasons")) {
                assertTrue(line.get(list).isArray(), () -> list + " is not an array in " + line);
            }
            line.get("redFlags").forEach(flag -> assertAll(
                    () -> assertTrue(flag.get("code").isTextual()),
                    () -> assertTrue(flag.get("level").isTextual()),
                    () -> assertTrue(flag.get("text").isTextual())));
            line.get("reasons").forEach(reason -> assertAll(
                    () -> assertTrue(reason.get("ruleId").isTextual()),
                    () -> assertTrue(reason.get("rule").isTextual()),
                    () -> assertTrue(reason.get("source").isTextual()),
                    () -> assertTrue(reason.get("findings").isArray())));
        }
    }

    @Test
    void assess_json_namesFindingsByTheirCodes() throws IOException {
        Path file = write("bare.json", "{\"id\": \"bare\", \"age\": 40, \"findings\": {\"buttock_pain\": true}}");

        JsonNode line = Cli.run("assess", "--json", file.toString()).json().get(0);

        assertTrue(line.get("unanswered").size() > 0, line::toString);
        line.get("unanswered").forEach(code -> assertTrue(code.asText().matches("[a-z_]+"), code::toString));
        assertTrue(line.get("unanswered").toString().contains("\"saddle_numbness\""), line::toString);
    }

    @Test
    void assess_json_caudaEquinaSignIsAnEmergencyRedFlag() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        JsonNode line = Cli.run("assess", "--json", file.toString()).json().get(0);

        assertAll(
                () -> assertEquals("ces", line.get("id").asText()),
                () -> assertEquals("EMERGENCY", line.get("disposition").asText()),
                () -> assertEquals("SPINAL", line.get("likelySource").asText()),
                () -> assertTrue(line.get("redFlags").size() > 0),
                () -> assertEquals("EMERGENCY", line.get("redFlags").get(0).get("level").asText()));
    }

    @Test
    void assess_json_keepsInputOrderAcrossFilesAndArrays() throws IOException {
        Path first = write("z-first.json", "[{\"id\": \"c\", \"age\": 30}, {\"id\": \"a\", \"age\": 31}]");
        Path second = write("a-second.json", "{\"id\": \"b\", \"age\": 32}");
        Path third = write("m-third.json", "[{\"id\": \"e\", \"age\": 33}, {\"id\": \"d\", \"age\": 34}]");

        Cli.Result result = Cli.run("assess", "--json", first.toString(), second.toString(), third.toString());

        assertEquals(List.of("c", "a", "b", "e", "d"), result.json().stream().map(n -> n.get("id").asText()).toList());
        assertEquals(List.of(first + "[0]", first + "[1]", second.toString(), third + "[0]", third + "[1]"),
                result.json().stream().map(n -> n.get("input").asText()).toList());
    }

    @Test
    void assess_json_caseWithoutId_hasNullId() throws IOException {
        Path file = write("anon.json", "{\"age\": 30}");

        JsonNode line = Cli.run("assess", "--json", file.toString()).json().get(0);

        assertTrue(line.has("id") && line.get("id").isNull(), line::toString);
    }

    // --- bilateral leg symptoms policy ----------------------------------------------------------------------------

    /** New symptoms in both legs for 5 days, every other screening question answered no. */
    private static final String NEW_BILATERAL = """
            {"id": "both-legs", "age": 45, "durationDays": 5, "findings": {%s}}"""
            .formatted(SCREENED.replace("\"bilateral_leg_symptoms\": false", "\"bilateral_leg_symptoms\": true"));

    @Test
    void assess_newBilateralLegSymptoms_areAnEmergencyByDefault_andThePolicyIsRecorded() throws IOException {
        Path file = write("both.json", NEW_BILATERAL);

        JsonNode line = Cli.run("assess", "--json", file.toString()).json().get(0);

        assertAll(
                () -> assertEquals("EMERGENCY", line.get("disposition").asText(), line::toString),
                () -> assertEquals("EMERGENCY", line.get("bilateralLegSymptomsPolicy").asText(), line::toString));
    }

    @Test
    void assess_bilateralPolicyUrgent_sendsNewBilateralLegSymptomsToAClinicianTodayWithEmergencySafetyNet()
            throws IOException {
        Path file = write("both.json", NEW_BILATERAL);

        Cli.Result result = Cli.run("assess", "--json", "--bilateral-policy", "urgent", file.toString());

        JsonNode line = result.json().get(0);
        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals("URGENT", line.get("disposition").asText(), line::toString),
                () -> assertEquals("URGENT", line.get("bilateralLegSymptomsPolicy").asText(), line::toString),
                () -> assertTrue(line.get("reasons").toString().contains("\"CES-09\""), line::toString),
                () -> assertTrue(line.get("reasons").toString().contains("\"SN-05\""), line::toString),
                () -> assertTrue(line.get("safetyNet").toString().contains("Do not wait for that appointment"),
                        line::toString));
    }

    @Test
    void assess_bilateralPolicyUrgent_stillSendsOtherCaudaEquinaSignsToEmergencyCare() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        JsonNode line = Cli.run("assess", "--json", "--bilateral-policy", "URGENT", file.toString()).json().get(0);

        assertEquals("EMERGENCY", line.get("disposition").asText(), line::toString);
    }

    @Test
    void assess_bilateralPolicyUrgent_isShownInTheReport() throws IOException {
        Path file = write("both.json", NEW_BILATERAL);

        String report = Cli.run("assess", "--bilateral-policy", "urgent", file.toString()).out();

        assertTrue(report.contains("new symptoms in both legs on their own: URGENT"), report);
    }

    @Test
    void assess_unknownBilateralPolicy_isUsageErrorNamingTheChoices() throws IOException {
        Path file = write("both.json", NEW_BILATERAL);

        Cli.Result result = Cli.run("assess", "--bilateral-policy", "routine", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertTrue(result.err().contains("--bilateral-policy"), result::toString),
                () -> assertTrue(result.err().contains("EMERGENCY, URGENT"), result::toString),
                () -> assertEquals("", result.out()));
    }

    // --- bad input -----------------------------------------------------------------------------------------------

    @Test
    void assess_unknownCode_reportsErrorAndAssessesOthers() throws IOException {
        Path bad = write("1-bad.json", "{\"id\": \"typo\", \"age\": 30, \"findings\": {\"bladder_dysfuntion\": true}}");
        Path good = write("2-good.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--json", bad.toString(), good.toString());

        List<JsonNode> lines = result.json();
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertEquals(2, lines.size()),
                () -> assertEquals("typo", lines.get(0).get("id").asText()),
                () -> assertEquals(bad + ": unknown finding code 'bladder_dysfuntion' (did you mean "
                        + "'bladder_dysfunction'?)", lines.get(0).get("error").asText()),
                () -> assertFalse(lines.get(0).has("disposition")),
                () -> assertEquals("EMERGENCY", lines.get(1).get("disposition").asText()),
                () -> assertTrue(result.err().contains("1 of 2 cases could not be assessed"), result::toString));
        assertNoStackTrace(result);
    }

    @Test
    void assess_malformedJson_reportsTheFileAndAssessesOtherFiles() throws IOException {
        Path bad = write("1-bad.json", "{\"id\": \"x\", \"age\": 30,\n\"findings\": {\"fever\" true}}");
        Path good = write("2-good.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--json", bad.toString(), good.toString());

        List<JsonNode> lines = result.json();
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(lines.get(0).get("id").isNull(), result::toString),
                () -> assertTrue(lines.get(0).get("error").asText().startsWith(bad + ": malformed JSON at line 2, "
                        + "column 22 (in findings.fever): "), result::toString),
                () -> assertEquals("ces", lines.get(1).get("id").asText()));
        assertNoStackTrace(result);
    }

    @Test
    void assess_outOfRangeAgeAndPainScore_areRejectedWithTheirValues() throws IOException {
        Path file = write("ranges.json", """
                [{"id": "old", "age": 130}, {"id": "pain", "age": 30, "painScore": 11}, {"id": "ok", "age": 30}]""");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        List<JsonNode> lines = result.json();
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit()),
                () -> assertEquals(file + "[0]: age must be between 0 and 120, was 130",
                        lines.get(0).get("error").asText()),
                () -> assertEquals(file + "[1]: painScore must be between 0 and 10, was 11",
                        lines.get(1).get("error").asText()),
                () -> assertTrue(lines.get(2).has("disposition"), result::toString));
    }

    @Test
    void assess_pregnantMale_isRejected() throws IOException {
        Path file = write("male.json", "{\"id\": \"m\", \"age\": 30, \"sex\": \"male\", \"pregnant\": true}");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        assertEquals(TriageCommand.CASE_REJECTED, result.exit());
        assertEquals(file + ": pregnant must not be true when sex is male", result.json().get(0).get("error").asText());
    }

    @Test
    void assess_duplicateKey_isRejected() throws IOException {
        Path file = write("dup.json", "{\"id\": \"d\", \"age\": 30, \"age\": 80}");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        assertEquals(TriageCommand.CASE_REJECTED, result.exit());
        assertEquals(file + ": duplicate field 'age' at line 1, column 24; give each field once",
                result.json().get(0).get("error").asText());
    }

    @Test
    void assess_nonIntegerAge_isRejected() throws IOException {
        Path file = write("frac.json", "{\"id\": \"f\", \"age\": 34.5}");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        assertEquals(TriageCommand.CASE_REJECTED, result.exit());
        assertEquals(file + ": age must be a whole number, was 34.5", result.json().get(0).get("error").asText());
    }

    @Test
    void assess_hugeAge_isOutOfRangeWithoutStackTrace() throws IOException {
        Path file = write("huge.json", "{\"id\": \"h\", \"age\": 123456789012345678901234567890}");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        assertEquals(TriageCommand.CASE_REJECTED, result.exit());
        assertEquals(file + ": age is out of range, was 123456789012345678901234567890",
                result.json().get(0).get("error").asText());
        assertNoStackTrace(result);
    }

    @Test
    void assess_arrayWithOneBadElement_assessesTheOthersAndExits1() throws IOException {
        Path file = write("batch.json", """
                [{"id": "a", "age": 30}, {"id": "b", "age": 30, "sex": "mal"}, {"id": "c", "age": 30}]""");

        Cli.Result result = Cli.run("assess", "--json", file.toString());

        List<JsonNode> lines = result.json();
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit()),
                () -> assertEquals(3, lines.size()),
                () -> assertTrue(lines.get(0).has("disposition")),
                () -> assertEquals(file + "[1]: sex must be one of female, male, other, was 'mal' (did you mean 'male'?)",
                        lines.get(1).get("error").asText()),
                () -> assertEquals("b", lines.get(1).get("id").asText()),
                () -> assertTrue(lines.get(2).has("disposition")));
    }

    @Test
    void assess_badInputInReportMode_isMarkedNotAssessed() throws IOException {
        Path file = write("old.json", "{\"id\": \"old\", \"age\": 130}");

        Cli.Result result = Cli.run("assess", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit()),
                () -> assertTrue(result.out().contains("NOT ASSESSED"), result::toString),
                () -> assertTrue(result.out().contains("age must be between 0 and 120, was 130"), result::toString));
    }

    // --- one line per case ---------------------------------------------------------------------------------------

    /** The example saddle-numbness case and its row of the examples' expectations.csv, which the sources set. */
    private Path folderWithTheSaddleNumbnessExample(String otherExpectation) throws IOException {
        Path examples = Path.of("cases");
        String row = Files.readAllLines(examples.resolve("expectations.csv")).stream()
                .filter(line -> line.startsWith("saddle-numbness.json,")).findFirst().orElseThrow();
        Files.createDirectories(dir.resolve("cases"));
        Files.copy(examples.resolve("saddle-numbness.json"), dir.resolve("cases/saddle-numbness.json"));
        write("cases/unscreened.json", "{\"id\": \"unscreened\", \"age\": 30, \"findings\": {\"buttock_pain\": true}}");
        write("cases/expectations.csv", "file,disposition,likelySource,basis\n" + row + "\n" + otherExpectation + "\n");
        return dir.resolve("cases");
    }

    @Test
    void assess_folder_printsOneLinePerCaseSayingWhetherItIsAsExpected_thenTheTotals() throws IOException {
        // self-care needs every screening question answered (SAFETY.md), so this expectation cannot be met
        Path cases = folderWithTheSaddleNumbnessExample("unscreened.json,SELF_CARE,PIRIFORMIS,cannot be met");

        Cli.Result result = Cli.run("assess", cases.toString());
        List<String> lines = result.out().lines().toList();

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals("", result.err()),
                () -> assertEquals(5, lines.size(), result::toString),
                () -> assertEquals("case                                      result     source      "
                        + "expected (expectations.csv)", lines.get(0)),
                () -> assertEquals("saddle-numbness                           EMERGENCY  SPINAL      yes",
                        lines.get(1)),
                () -> assertTrue(lines.get(2).startsWith("unscreened  "), result::toString),
                () -> assertTrue(lines.get(2).endsWith("  NO: expected SELF_CARE PIRIFORMIS"), result::toString),
                () -> assertTrue(lines.get(3).startsWith("2 cases: 1 EMERGENCY, 1 "), result::toString),
                () -> assertTrue(lines.get(3).endsWith("; 1 as expected, 1 not"), result::toString),
                () -> assertEquals("Full report of a case: assess FILE; of every case: assess --report PATH...",
                        lines.get(4)));
    }

    @Test
    void assess_severalFilesWithoutExpectations_printLinesWithoutAComparison() throws IOException {
        Path first = write("one/ces.json", SADDLE_NUMBNESS);
        Path second = write("two/runner.json", DESK_RUNNER);

        Cli.Result result = Cli.run("assess", first.toString(), second.toString());
        List<String> lines = result.out().lines().toList();

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals(5, lines.size(), result::toString),
                () -> assertTrue(lines.get(1).matches("ces +EMERGENCY +[A-Z]+"), lines.get(1)),
                () -> assertTrue(lines.get(2).matches("runner +[A-Z_]+ +[A-Z]+"), lines.get(2)),
                () -> assertTrue(lines.get(3).matches("2 cases: [^;]+"), lines.get(3)));
    }

    @Test
    void assess_folderWithReport_printsTheFullReportOfEveryCase() throws IOException {
        Path cases = folderWithTheSaddleNumbnessExample("unscreened.json,ROUTINE,UNCLEAR,any");

        Cli.Result result = Cli.run("assess", "--report", cases.toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Case saddle-numbness ("
                        + cases.resolve("saddle-numbness.json") + ")"), result::toString),
                () -> assertTrue(result.out().contains("Case unscreened (" + cases.resolve("unscreened.json") + ")"),
                        result::toString),
                () -> assertFalse(result.out().contains("as expected"), result::toString));
    }

    @Test
    void assess_folderWithABadCase_marksItsLineNotAssessedAndCountsIt() throws IOException {
        write("cases/a.json", SADDLE_NUMBNESS);
        write("cases/b.json", "{\"id\": \"old\", \"age\": 130}");

        Cli.Result result = Cli.run("assess", dir.resolve("cases").toString());
        List<String> lines = result.out().lines().toList();

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(lines.get(2).matches("old +NOT ASSESSED: .*age must be between 0 and 120, was 130"),
                        lines.get(2)),
                () -> assertTrue(lines.get(3).endsWith("; 1 not assessed"), lines.get(3)),
                () -> assertTrue(result.err().contains("see the lines marked NOT ASSESSED"), result::toString));
    }

    @Test
    void assess_brokenExpectations_areNamedAndTheCasesStillAssessed() throws IOException {
        write("cases/a.json", SADDLE_NUMBNESS);
        write("cases/expectations.csv", "file,disposition\n");

        Cli.Result result = Cli.run("assess", dir.resolve("cases").toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals("triage assess: expectations not compared: " + dir.resolve("cases/expectations.csv")
                        + " line 1: the header must be file,disposition,likelySource,basis\n", result.err()),
                () -> assertTrue(result.out().lines().anyMatch(l -> l.matches("ces +EMERGENCY +[A-Z]+")),
                        result::toString));
    }

    @Test
    void assess_reportWithJson_isUsageError() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--report", "--json", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertTrue(result.err().startsWith("triage assess: --report and --json exclude each other: "
                        + "choose the report or the JSON lines"), result::toString),
                () -> assertEquals("", result.out()));
    }

    // --- inputs --------------------------------------------------------------------------------------------------

    @Test
    void assess_directory_readsItsJsonFilesSortedByNameAndIgnoresOthers() throws IOException {
        write("cases/b.json", "{\"id\": \"b\", \"age\": 30}");
        write("cases/a.json", "{\"id\": \"a\", \"age\": 30}");
        write("cases/c.JSON", "{\"id\": \"c\", \"age\": 30}");
        write("cases/expectations.csv", "file,disposition\n");
        write("cases/README.md", "# cases\n");
        write("cases/nested/d.json", "{\"id\": \"d\", \"age\": 30}");

        Cli.Result result = Cli.run("assess", "--json", dir.resolve("cases").toString());

        assertEquals(TriageCommand.OK, result.exit(), result::toString);
        assertEquals(List.of("a", "b", "c"), result.json().stream().map(n -> n.get("id").asText()).toList());
    }

    @Test
    void assess_stdin_readsCasesFromStandardInput() {
        Cli.Result result = Cli.runWithStdin("[" + SADDLE_NUMBNESS + ", {\"id\": \"two\", \"age\": 50}]",
                "assess", "--json", "-");

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals(List.of("ces", "two"), result.json().stream().map(n -> n.get("id").asText()).toList()),
                () -> assertEquals("<stdin>[0]", result.json().get(0).get("input").asText()));
    }

    @Test
    void assess_stdinWithBadJson_reportsStdin() {
        Cli.Result result = Cli.runWithStdin("{", "assess", "--json", "-");

        assertEquals(TriageCommand.CASE_REJECTED, result.exit());
        assertTrue(result.json().get(0).get("error").asText().startsWith("<stdin>: malformed JSON"), result::toString);
    }

    @Test
    void assess_stdinTwice_isUsageError() {
        Cli.Result result = Cli.run("assess", "-", "-");

        assertEquals(TriageCommand.USAGE, result.exit());
        assertTrue(result.err().contains("standard input (-) can be read only once"), result::toString);
    }

    @Test
    void assess_missingFile_isUsageErrorBeforeAnyCase() throws IOException {
        Path good = write("good.json", SADDLE_NUMBNESS);
        Path missing = dir.resolve("missing.json");

        Cli.Result result = Cli.run("assess", good.toString(), missing.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit()),
                () -> assertEquals("", result.out()),
                () -> assertTrue(result.err().startsWith("triage assess: no such file or folder: " + missing),
                        result::toString));
    }

    @Test
    void assess_folderWithoutCases_isUsageError() throws IOException {
        write("empty/README.md", "nothing here");

        Cli.Result result = Cli.run("assess", dir.resolve("empty").toString());

        assertEquals(TriageCommand.USAGE, result.exit());
        assertTrue(result.err().contains("folder " + dir.resolve("empty") + " holds no .json case file"),
                result::toString);
    }

    @Test
    void assess_noPath_isUsageError() {
        Cli.Result result = Cli.run("assess");

        assertEquals(TriageCommand.USAGE, result.exit());
        assertTrue(result.err().contains("PATH"), result::toString);
    }

    @Test
    void assess_unknownOption_isUsageErrorWithSuggestion() throws IOException {
        Path good = write("good.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--jsn", good.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit()),
                () -> assertEquals("", result.out()),
                () -> assertTrue(result.err().contains("--jsn"), result::toString),
                () -> assertTrue(result.err().contains("--json"), result::toString));
    }

    // --- rule base -----------------------------------------------------------------------------------------------

    @Test
    void assess_rulesFolder_usesThoseRules() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--json", "--rules", "src/test/resources/rules/minimal",
                file.toString());

        JsonNode line = result.json().get(0);
        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertEquals("EMERGENCY", line.get("disposition").asText()),
                () -> assertEquals("UNCLEAR", line.get("likelySource").asText()),
                () -> assertTrue(line.get("ruleBaseVersion").asText().startsWith("local+"), line::toString),
                () -> assertTrue(line.get("reasons").toString().contains("\"TEST-02\""), line::toString));
    }

    @Test
    void assess_brokenRules_printsEachProblemWithItsLocationAndExits3() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--rules", "src/test/resources/rules/broken", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.RULE_BASE, result.exit(), result::toString),
                () -> assertEquals("", result.out()),
                () -> assertTrue(result.err().lines().anyMatch(l -> l.startsWith(
                        Path.of("src/test/resources/rules/broken/broken.drl") + ":10:") && l.contains("NoSuchFact")),
                        result::toString));
        assertNoStackTrace(result);
    }

    @Test
    void assess_missingRulesFolder_isUsageError() throws IOException {
        Path file = write("ces.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--rules", dir.resolve("nope").toString(), file.toString());

        assertEquals(TriageCommand.USAGE, result.exit(), result::toString);
        assertTrue(result.err().contains("--rules: rules folder " + dir.resolve("nope")), result::toString);
    }

    // --- next questions ------------------------------------------------------------------------------------------

    @Test
    void assess_json_saysWhetherTheCaseIsCompleteAndWhatToAskNext() throws IOException {
        Path file = write("cases.json", "[" + SADDLE_NUMBNESS + ", {\"id\": \"new\", \"age\": 40}]");

        List<JsonNode> lines = Cli.run("assess", "--json", file.toString()).json();

        JsonNode emergency = lines.get(0);
        JsonNode fresh = lines.get(1);
        JsonNode first = fresh.get("nextQuestions").get(0);
        assertAll(
                () -> assertTrue(emergency.get("complete").asBoolean(), emergency::toString),
                () -> assertEquals(0, emergency.get("nextQuestions").size(), emergency::toString),
                () -> assertFalse(fresh.get("complete").asBoolean(), fresh::toString),
                () -> assertEquals("saddle_numbness", first.get("code").asText()),
                () -> assertTrue(first.get("text").asText().endsWith("?"), first::toString),
                () -> assertFalse(first.get("why").asText().isBlank(), first::toString),
                () -> assertEquals("EMERGENCY_SCREEN", first.get("priority").asText()));
    }

    @Test
    void assess_jsonWithoutNextQuestions_givesTheSameAssessmentWithoutThem() throws IOException {
        Path file = write("cases.json", "[" + SADDLE_NUMBNESS + ", {\"id\": \"new\", \"age\": 40}]");

        Cli.Result with = Cli.run("assess", "--json", file.toString());
        Cli.Result without = Cli.run("assess", "--json", "--no-next-questions", file.toString());

        assertEquals(TriageCommand.OK, without.exit(), without::toString);
        assertEquals(2, without.json().size(), without::toString);
        for (int i = 0; i < 2; i++) {
            ObjectNode expected = with.json().get(i).deepCopy();
            expected.remove(List.of("complete", "nextQuestions", "nextScreen"));
            assertEquals(expected, without.json().get(i));
        }
    }

    @Test
    void assess_noNextQuestionsWithoutJson_isUsageError() throws IOException {
        Path file = write("new.json", "{\"id\": \"new\", \"age\": 40}");

        Cli.Result result = Cli.run("assess", "--no-next-questions", file.toString());

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertTrue(result.err().startsWith("triage assess: --no-next-questions works only with --json: "
                        + "the report never lists next questions"), result::toString),
                () -> assertEquals("", result.out()));
    }

    @Test
    void assess_report_isUnchangedByTheNextQuestions() throws IOException {
        Path file = write("new.json", "{\"id\": \"new\", \"age\": 40}");

        Cli.Result result = Cli.run("assess", file.toString());

        assertFalse(result.out().contains("nextQuestions"), result::toString);
    }

    // --- hostile input, round two ------------------------------------------------------------------------------

    @Test
    void assess_emptyPath_isAUsageErrorNotTheWorkingFolder() {
        Cli.Result result = Cli.run("assess", "");

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit(), result::toString),
                () -> assertEquals("", result.out()),
                () -> assertTrue(result.err().startsWith("triage assess: a PATH is empty (''); give a case file, a "
                        + "folder or - for standard input"), result::toString));
    }

    @Test
    void assess_folderEntriesThatAreNotCaseFiles_eachGetAnErrorLineAndExit1() throws IOException {
        Path good = write("cases/a.json", SADDLE_NUMBNESS);
        Files.createDirectory(dir.resolve("cases/b.json"));
        Files.createSymbolicLink(dir.resolve("cases/c.json"), dir.resolve("cases/nowhere.json"));
        Files.createSymbolicLink(dir.resolve("cases/d.json"), dir.resolve("cases/d.json"));

        Cli.Result result = Cli.run("assess", "--json", "--no-next-questions", dir.resolve("cases").toString());

        Path cases = dir.resolve("cases");
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertEquals(good.toString(), result.json().get(0).get("input").asText()),
                () -> assertEquals(List.of(
                        cases.resolve("b.json") + ": a folder, not a case file (folders inside a folder are not read)",
                        cases.resolve("c.json") + ": a symbolic link to a file that does not exist",
                        cases.resolve("d.json") + ": a loop of symbolic links"),
                        result.json().stream().skip(1).map(line -> line.get("error").asText()).toList()));
    }

    @Test
    void assess_manyRejectedCasesInOneFile_showsTheFirst100AndCountsTheRest() throws IOException {
        Path ones = write("ones.json", "[" + "1,".repeat(249) + "1]");
        Path good = write("good.json", SADDLE_NUMBNESS);

        Cli.Result result = Cli.run("assess", "--json", "--no-next-questions", ones.toString(), good.toString());

        List<JsonNode> lines = result.json();
        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertEquals(102, lines.size(), result::toString),
                () -> assertEquals(ones + "[99]: expected a case object, found a number",
                        lines.get(99).get("error").asText()),
                () -> assertEquals(ones + ": 150 more cases of this input could not be assessed; only the first 100 "
                        + "errors of an input are shown", lines.get(100).get("error").asText()),
                () -> assertEquals(good.toString(), lines.get(101).get("input").asText()),
                () -> assertTrue(result.err().contains("250 of 251 cases could not be assessed"), result::toString));
    }

    @Test
    void assess_standardOutputThatFails_stopsTheBatchAtOnceWithExit4() throws IOException {
        Path first = write("a.json", SADDLE_NUMBNESS);
        Path second = write("b.json", SADDLE_NUMBNESS);
        java.io.Writer full = new java.io.Writer() { // like /dev/full: every write fails
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();

        int exit = TriageCommand.commandLine(new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintWriter(full),
                new java.io.PrintWriter(err, true)).execute("assess", "--json", first.toString(), second.toString());

        assertEquals(TriageCommand.OUTPUT, exit, err::toString);
        assertEquals("triage assess: cannot write to standard output (the disk may be full, or the reading end of a "
                + "pipe was closed); stopped after 1 case", err.toString().strip());
    }
}
