package health.triage.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input: the corpus in {@code src/test/resources/hostile} (truncated JSON, wrong types, nulls, duplicate
 * keys, byte order marks, invalid UTF-8, huge numbers, deep nesting, long texts, too many findings, control
 * characters, binary) and generated monsters of several megabytes. Each bad input gives one clear error that names
 * the field or the place, never a stack trace and never a hang, and every other case of the batch is still assessed.
 */
class HostileInputTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final String ASSESSED = "(assessed)";
    private static final String STRICT = "; text must be strictly encoded (no overlong forms, encoded surrogates or "
            + "code points beyond U+10FFFF)";
    private static final String GOOD = "{\"id\": \"good\", \"age\": 40, \"findings\": {\"buttock_pain\": true}}";

    /** What must come of every case of the corpus: its error, word for word, or assessed. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("binary.json", "binary.json: not valid UTF-16BE at byte offset 216: the bytes D8 D9 DA DB are not a character" + STRICT),
            entry("bom-only.json", "bom-only.json: the file is empty; expected a case object or an array of case objects"),
            entry("bom-twice.json", ASSESSED),
            entry("bom-utf16le.json", ASSESSED),
            entry("bom-utf8.json", ASSESSED),
            entry("control-characters.json[0]", "control-characters.json[0]: unknown finding code '\\u001B[2Jfever'"),
            entry("control-characters.json[1]", "control-characters.json[1]: age must be between 0 and 120, was 300"),
            entry("control-characters.json[2]", ASSESSED),
            entry("deep-nesting.json", "deep-nesting.json: nested too deeply in findings: more than 100 levels of arrays or objects"),
            entry("duplicate-keys.json[0]", "duplicate-keys.json[0]: duplicate field 'age' at line 2, column 32; give each field once"),
            entry("duplicate-keys.json[1]", "duplicate-keys.json[1]: duplicate field 'findings.saddle_numbness' at line 3, column 74; give each field once"),
            entry("duplicate-keys.json[2]", "duplicate-keys.json[2]: duplicate field 'findings' at line 4, column 66; give each field once"),
            entry("duplicate-keys.json[3]", ASSESSED),
            entry("empty.json", "empty.json: the file is empty; expected a case object or an array of case objects"),
            entry("huge-numbers.json[0]", "huge-numbers.json[0]: age must be a whole number, was 1e400"),
            entry("huge-numbers.json[1]", "huge-numbers.json[1]: age is out of range, was 99999999999999999999999"),
            entry("huge-numbers.json[2]", "huge-numbers.json[2]: durationDays is out of range, was -99999999999"),
            entry("huge-numbers.json[3]", "huge-numbers.json[3]: painScore must be a whole number, was 1E+1"),
            entry("huge-numbers.json[4]", "huge-numbers.json[4]: age is out of range, was 123456789012345678901234567890\u2026 (50 digits)"),
            entry("huge-numbers.json[5]", ASSESSED),
            entry("invalid-utf8-in-key.json", "invalid-utf8-in-key.json: not valid UTF-8 at byte offset 29: the byte 80 is not a character" + STRICT),
            entry("invalid-utf8-in-text.json", "invalid-utf8-in-text.json: not valid UTF-8 at byte offset 11: the byte C3 is not a character" + STRICT),
            entry("long-field-name.json[0]", "long-field-name.json[0]: a field name in findings is too long: more than 1000 characters"),
            entry("long-field-name.json[1]", ASSESSED),
            entry("long-text.json[0]", "long-text.json[0]: id is too long: more than 1000 characters"),
            entry("long-text.json[1]", ASSESSED),
            entry("many-findings.json[0]", "many-findings.json[0]: findings has more than 100 entries; a case has " + health.triage.TriageCase.FIELDS.size() + " fields and " + health.triage.Finding.values().length + " finding codes"),
            entry("many-findings.json[1]", ASSESSED),
            entry("not-json.json", "not-json.json: malformed JSON at line 1, column 3: Unrecognized token 'id': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
            entry("null-file.json", "null-file.json: expected a case object or an array of case objects, found null"),
            entry("nulls.json[0]", "nulls.json[0]: age is required"),
            entry("nulls.json[1]", "nulls.json[1]: findings.fever must be true or false, was null (leave it out when it was not asked)"),
            entry("nulls.json[2]", "nulls.json[2]: expected a case object, found null"),
            entry("nulls.json[3]", ASSESSED),
            entry("number-of-1500-digits.json", "number-of-1500-digits.json: age is out of range: a number of more than 1000 digits"),
            entry("top-level-string.json", "top-level-string.json: expected a case object or an array of case objects, found a string"),
            entry("trailing-content.json", "trailing-content.json: unexpected content after the case at line 1, column 75; a file holds one case object or one array of them"),
            entry("truncated-after-key.json", "truncated-after-key.json: malformed JSON at line 1, column 34 (in findings.fever): Unexpected end-of-input within/between Object entries"),
            entry("truncated-array.json", "truncated-array.json: malformed JSON at line 1, column 97 (in [1].age): Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 75)"),
            entry("truncated-in-string.json", "truncated-in-string.json: malformed JSON at line 1, column 24 (in id): Unexpected character ('a' (code 97)): was expecting comma to separate Object entries"),
            entry("wrong-types.json[0]", "wrong-types.json[0]: age must be a whole number, was '34'"),
            entry("wrong-types.json[1]", "wrong-types.json[1]: sex must be a string, was 1"),
            entry("wrong-types.json[2]", "wrong-types.json[2]: pregnant must be true or false, was 'yes'"),
            entry("wrong-types.json[3]", "wrong-types.json[3]: durationDays must be a whole number, was 1.5"),
            entry("wrong-types.json[4]", "wrong-types.json[4]: painScore must be a whole number, was true"),
            entry("wrong-types.json[5]", "wrong-types.json[5]: findings must be an object of finding code to true or false, was an array"),
            entry("wrong-types.json[6]", "wrong-types.json[6]: findings.fever must be true or false, was 'true'"),
            entry("wrong-types.json[7]", "wrong-types.json[7]: findings.fever must be true or false, was an object"),
            entry("wrong-types.json[8]", "wrong-types.json[8]: id must be a string, was 42"),
            entry("wrong-types.json[9]", ASSESSED)
    );

    @TempDir
    Path dir;

    private static List<CaseReader.Read> read(String name, byte[] content) {
        return assertTimeoutPreemptively(QUICKLY, () -> CaseReader.read(name, content));
    }

    private static String outcome(CaseReader.Read read) {
        return read instanceof CaseReader.Rejected rejected ? rejected.error() : ASSESSED;
    }

    private static void assertNoStackTrace(Cli.Result result) {
        assertAll(
                () -> assertFalse(result.err().contains("\tat "), result::toString),
                () -> assertFalse(result.err().contains("Exception"), result::toString),
                () -> assertFalse(result.out().contains("Exception"), result::toString),
                () -> assertFalse(result.err().contains("internal error"), result::toString));
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    // --- the checked-in corpus -----------------------------------------------------------------------------------

    @Test
    void corpus_everyCase_givesItsOneClearErrorOrIsAssessed() throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        for (Path file : corpus()) {
            for (CaseReader.Read read : read(file.getFileName().toString(), Files.readAllBytes(file))) {
                actual.put(read.where(), outcome(read));
            }
        }

        assertEquals(new java.util.TreeMap<>(EXPECTED), new java.util.TreeMap<>(actual));
    }

    @Test
    void corpus_asOneBatch_reportsEachBadCaseOnceAndAssessesAllOthers() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);

        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> Cli.run("assess", "--json", CORPUS.toString(), good.toString()));

        assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString);
        assertNoStackTrace(result);
        Map<String, String> actual = new LinkedHashMap<>();
        result.json().forEach(line -> actual.put(line.get("input").asText(),
                line.has("error") ? line.get("error").asText() : ASSESSED));
        Map<String, String> expected = new LinkedHashMap<>();
        EXPECTED.forEach((where, outcome) -> expected.put(CORPUS.resolve(where).toString(),
                outcome.equals(ASSESSED) ? ASSESSED : CORPUS.resolve(outcome).toString()));
        expected.put(good.toString(), ASSESSED);
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
        long rejected = EXPECTED.values().stream().filter(o -> !o.equals(ASSESSED)).count();
        assertEquals(List.of("triage assess: " + rejected + " of " + expected.size()
                + " cases could not be assessed; see the lines with \"error\""), result.err().lines().toList());
    }

    @Test
    void corpus_asAReport_marksEachBadCaseNotAssessedWithoutAStackTrace() {
        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> Cli.run("assess", "--report", CORPUS.toString()));

        assertNoStackTrace(result);
        long rejected = EXPECTED.values().stream().filter(o -> !o.equals(ASSESSED)).count();
        assertEquals(rejected, result.out().lines().filter(l -> l.startsWith("NOT ASSESSED")).count(), result::toString);
        assertFalse(result.out().contains("\u001b"), "a terminal escape from the input reached the report");
    }

    // --- generated monsters --------------------------------------------------------------------------------------

    @Test
    void multiMegabyteText_isOneErrorNamingTheField() {
        byte[] json = ("{\"id\": \"" + "x".repeat(3_000_000) + "\", \"age\": 30}").getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of(new CaseReader.Rejected("big.json", null,
                "big.json: id is too long: more than 1000 characters")), read("big.json", json));
    }

    @Test
    void multiMegabyteText_inAnArray_rejectsOnlyItsCaseNamingTheField() {
        byte[] json = ("[" + GOOD + ", {\"age\": 30, \"findings\": {\"fever\": \"" + "y".repeat(3_000_000) + "\"}}, "
                + GOOD + "]").getBytes(StandardCharsets.UTF_8);

        List<CaseReader.Read> cases = read("big.json", json);

        assertAll(
                () -> assertEquals(3, cases.size()),
                () -> assertTrue(cases.get(0) instanceof CaseReader.Valid),
                () -> assertEquals(new CaseReader.Rejected("big.json[1]", null,
                        "big.json[1]: findings.fever is too long: more than 1000 characters"), cases.get(1)),
                () -> assertTrue(cases.get(2) instanceof CaseReader.Valid));
    }

    @Test
    void enormousFindingsMap_isOneErrorNamingTheField() {
        StringBuilder json = new StringBuilder("{\"id\": \"many\", \"age\": 30, \"findings\": {");
        for (int i = 0; i < 150_000; i++) {
            json.append(i == 0 ? "" : ", ").append("\"code_").append(i).append("\": true");
        }
        json.append("}}");

        assertEquals(List.of(new CaseReader.Rejected("many.json", "many", "many.json: findings has more than 100 "
                        + "entries; a case has " + health.triage.TriageCase.FIELDS.size() + " fields and " + health.triage.Finding.values().length + " finding codes")),
                read("many.json", json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestingAMillionLevelsDeep_isOneError() {
        byte[] json = ("[" + GOOD + ", " + "[".repeat(1_000_000) + "]".repeat(1_000_000) + "]")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of(new CaseReader.Rejected("deep.json", null,
                "deep.json: nested too deeply in [1]: more than 100 levels of arrays or objects")), read("deep.json", json));
    }

    @Test
    void fileBeyondTheSizeLimit_isRejectedUnreadAndTheBatchGoesOn() throws IOException {
        Path huge = dir.resolve("1-huge.json");
        try (var out = Files.newOutputStream(huge)) {
            out.write(("[" + GOOD).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                out.write(spaces);
            }
            out.write("]".getBytes(StandardCharsets.UTF_8));
        }
        Path good = Files.writeString(dir.resolve("2-good.json"), GOOD);

        Cli.Result result = assertTimeoutPreemptively(QUICKLY, () -> Cli.run("assess", "--json", dir.toString()));

        assertNoStackTrace(result);
        assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString);
        assertEquals(huge + ": the file is larger than the limit of 4 MiB (4194304 bytes) for a case file; split it "
                + "into smaller files", result.json().get(0).get("error").asText());
        assertEquals(good.toString(), result.json().get(1).get("input").asText());
        assertFalse(result.json().get(1).has("error"), result::toString);
    }

    @Test
    void standardInputBeyondTheSizeLimit_isRejected() {
        String stdin = "[" + GOOD + " ".repeat(CaseReader.MAX_FILE_BYTES) + "]";

        Cli.Result result = assertTimeoutPreemptively(QUICKLY, () -> Cli.runWithStdin(stdin, "assess", "--json", "-"));

        assertNoStackTrace(result);
        assertEquals("<stdin>: the file is larger than the limit of 4 MiB (4194304 bytes) for a case file; split it "
                + "into smaller files", result.json().get(0).get("error").asText());
    }

    @Test
    void fileOfExactlyTheLimit_isRead() throws IOException {
        byte[] content = (GOOD + " ".repeat(CaseReader.MAX_FILE_BYTES - GOOD.length()))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(CaseReader.MAX_FILE_BYTES, content.length);

        try (InputStream in = new ByteArrayInputStream(content)) {
            List<CaseReader.Read> cases = new java.util.ArrayList<>();
            CaseReader.of("limit.json", in).forEach(cases::add);
            assertTrue(cases.get(0) instanceof CaseReader.Valid);
        }
    }

    // --- the shared corpus of control, bidi and line-break characters, fed to every place that prints input ------

    @Test
    void corpus_fedToEveryPlaceThatPrintsInput_neverReachesAnOutputRaw() throws IOException {
        Path cases = Files.createDirectory(dir.resolve("cases"));
        int n = 0;
        for (String text : HostileText.CORPUS) {
            StringBuilder quoted = new StringBuilder("\"");
            text.chars().forEach(c -> quoted.append(String.format("\\u%04x", c))); // any text, even half a pair
            quoted.append('"');
            // as an id (report heading, JSON id, rule book), as an unknown code and as a sex (error messages)
            Files.writeString(cases.resolve("c" + n + ".json"), "[{\"id\": " + quoted + ", \"age\": 45, \"findings\": "
                    + "{\"saddle_numbness\": true}}, {\"id\": " + quoted + ", \"age\": 30, \"findings\": {" + quoted
                    + ": true}}, {\"age\": 30, \"sex\": " + quoted + "}]");
            // as a file name (errors, report headings), where the file system allows it
            if (text.indexOf('\u0000') < 0 && text.indexOf('/') < 0 && text.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)) {
                Files.writeString(cases.resolve("f" + n + text + ".json"), "{\"age\": 300}");
                Files.createSymbolicLink(cases.resolve("l" + n + text + ".json"), cases.resolve("nowhere"));
            }
            n++;
        }

        List<Cli.Result> runs = new java.util.ArrayList<>();
        runs.add(Cli.run("assess", "--report", cases.toString()));
        runs.add(Cli.run("assess", cases.toString()));
        runs.add(Cli.run("assess", "--json", "--no-next-questions", cases.toString()));
        runs.add(Cli.run("rulebook", "--cases", cases.toString()));
        runs.add(Cli.run("rulebook", "--format", "html", "--cases", cases.toString()));
        for (String text : HostileText.CORPUS) {
            runs.add(Cli.run("assess", "/no/such/" + text.replace("\u0000", "") + ".json")); // usage error
            runs.add(Cli.run("assess", "--jsn" + text));                                    // unknown option
            runs.add(Cli.runWithStdin(text + "\n", "interview"));                            // echo, or an error
        }

        assertEquals(5 + 3 * HostileText.CORPUS.size(), runs.size());
        for (Cli.Result run : runs) {
            assertAll(
                    () -> assertEquals(-1, HostileText.firstUnsafe(run.out(), "\n"), run::toString),
                    () -> assertEquals(-1, HostileText.firstUnsafe(run.err(), "\n"), run::toString));
            assertNoStackTrace(run);
        }
        assertTrue(runs.get(0).out().contains("Case a\\u001B[2J\\u001B[31mb"), "the report shows the escapes");
        assertTrue(runs.get(1).out().contains("a\\u001B[2J\\u001B[31mb"), "the line per case shows the escapes");
        assertTrue(runs.get(2).out().contains("a\\u001B]0;pwned\\u0007b"), "JSON escapes them");
    }
}
