package health.triage.examples;

import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReaderTest {

    private static List<CaseReader.Read> read(String json) {
        return CaseReader.read("in.json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The error of the only case in {@code json}, which must be rejected. */
    private static String onlyError(String json) {
        List<CaseReader.Read> cases = read(json);
        assertEquals(1, cases.size(), () -> "cases: " + cases);
        return assertInstanceOf(CaseReader.Rejected.class, cases.get(0)).error();
    }

    @Test
    void read_fullCase_givesEveryField() {
        List<CaseReader.Read> cases = read("""
                {"id": "c1", "age": 34, "sex": "female", "pregnant": false, "durationDays": 21, "painScore": 6,
                 "findings": {"buttock_pain": true, "saddle_numbness": false}}""");

        TriageCase expected = TriageCase.builder(34).id("c1").sex(Sex.FEMALE).pregnant(false).durationDays(21)
                .painScore(6).present(Finding.BUTTOCK_PAIN).absent(Finding.SADDLE_NUMBNESS).build();
        CaseReader.Valid valid = assertInstanceOf(CaseReader.Valid.class, cases.get(0));
        assertAll(
                () -> assertEquals(1, cases.size()),
                () -> assertEquals("in.json", valid.where()),
                () -> assertEquals(expected, valid.triageCase()));
    }

    @Test
    void read_missingFinding_staysUnknown() {
        CaseReader.Valid valid = assertInstanceOf(CaseReader.Valid.class,
                read("{\"age\": 50, \"findings\": {\"fever\": false}}").get(0));

        assertAll(
                () -> assertEquals(false, valid.triageCase().answer(Finding.FEVER).orElseThrow()),
                () -> assertTrue(valid.triageCase().answer(Finding.SADDLE_NUMBNESS).isEmpty()));
    }

    @Test
    void read_array_namesEachElementByIndex() {
        List<CaseReader.Read> cases = read("[{\"id\": \"a\", \"age\": 30}, {\"id\": \"b\", \"age\": 31}]");

        assertEquals(List.of("in.json[0]", "in.json[1]"), cases.stream().map(CaseReader.Read::where).toList());
        assertEquals(List.of("a", "b"), cases.stream().map(CaseReader.Read::id).toList());
    }

    @Test
    void read_arrayWithOneBadElement_rejectsOnlyThatElement() {
        List<CaseReader.Read> cases = read("""
                [{"id": "a", "age": 30}, {"id": "b", "age": 31, "findings": {"fevr": true}}, {"id": "c", "age": 32}]""");

        assertAll(
                () -> assertInstanceOf(CaseReader.Valid.class, cases.get(0)),
                () -> assertEquals(new CaseReader.Rejected("in.json[1]", "b",
                        "in.json[1]: unknown finding code 'fevr' (did you mean 'fever'?)"), cases.get(1)),
                () -> assertInstanceOf(CaseReader.Valid.class, cases.get(2)));
    }

    @Test
    void read_emptyArray_isRejectedSoThatNoFileIsPassedOverSilently() {
        assertEquals("in.json: the file holds an empty array; expected at least one case object", onlyError("[ ]"));
    }

    @Test
    void read_unknownFindingCode_suggestsNearest() {
        assertEquals("in.json: unknown finding code 'sadle_numbness' (did you mean 'saddle_numbness'?)",
                onlyError("{\"age\": 30, \"findings\": {\"sadle_numbness\": true}}"));
    }

    @Test
    void read_unknownField_suggestsNearest() {
        assertEquals("in.json: unknown field 'painscore' (did you mean 'painScore'?)",
                onlyError("{\"age\": 30, \"painscore\": 3}"));
    }

    @Test
    void read_ageOutOfRange_namesFieldAndValue() {
        assertEquals("in.json: age must be between 0 and 120, was 121", onlyError("{\"age\": 121}"));
        assertEquals("in.json: age must be between 0 and 120, was -3", onlyError("{\"age\": -3}"));
    }

    @Test
    void read_painScoreOutOfRange_namesFieldAndValue() {
        assertEquals("in.json: painScore must be between 0 and 10, was 11",
                onlyError("{\"age\": 30, \"painScore\": 11}"));
    }

    @Test
    void read_pregnantMale_isRejected() {
        assertEquals("in.json: pregnant must not be true when sex is male",
                onlyError("{\"age\": 30, \"sex\": \"male\", \"pregnant\": true}"));
    }

    @Test
    void read_missingAge_isRejected() {
        assertEquals("in.json: age is required", onlyError("{\"id\": \"x\"}"));
    }

    @Test
    void read_fractionalAge_isNotAWholeNumber() {
        assertEquals("in.json: age must be a whole number, was 34.5", onlyError("{\"age\": 34.5}"));
    }

    @Test
    void read_wholeValueWrittenAsFraction_isStillRejected() {
        assertEquals("in.json: age must be a whole number, was 34.0", onlyError("{\"age\": 34.0}"));
        assertEquals("in.json: age must be a whole number, was 3.4e1", onlyError("{\"age\": 3.4e1}"));
    }

    @Test
    void read_ageAsText_isWrongType() {
        assertEquals("in.json: age must be a whole number, was '34'", onlyError("{\"age\": \"34\"}"));
    }

    @Test
    void read_ageBeyondLong_isOutOfRange() {
        assertEquals("in.json: age is out of range, was 99999999999999999999999",
                onlyError("{\"age\": 99999999999999999999999}"));
    }

    @Test
    void read_durationBeyondInt_isOutOfRange() {
        assertEquals("in.json: durationDays is out of range, was 9999999999",
                onlyError("{\"age\": 30, \"durationDays\": 9999999999}"));
    }

    @Test
    void read_hugeNumber_isShortenedInTheMessage() {
        String digits = "1".repeat(200);
        assertEquals("in.json: painScore is out of range, was " + "1".repeat(30) + "… (200 digits)",
                onlyError("{\"age\": 30, \"painScore\": " + digits + "}"));
    }

    @Test
    void read_numberBeyondTheReadersLimit_isOutOfRange() {
        assertEquals("in.json: age is out of range: a number of more than 1000 digits",
                onlyError("{\"age\": " + "9".repeat(2000) + "}"));
    }

    @Test
    void read_nestingBeyondTheReadersLimit_isRejected() {
        assertEquals("in.json: nested too deeply in findings: more than 100 levels of arrays or objects",
                onlyError("{\"age\": 30, \"findings\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
    }

    @Test
    void read_nullFinding_saysLeaveItOut() {
        assertEquals("in.json: findings.fever must be true or false, was null (leave it out when it was not asked)",
                onlyError("{\"age\": 30, \"findings\": {\"fever\": null}}"));
    }

    @Test
    void read_examinedNotABoolean_namesTheFieldAndValue() {
        assertEquals("in.json: examined must be true or false, was 'no'",
                onlyError("{\"age\": 30, \"examined\": \"no\"}"));
    }

    @Test
    void read_examinationFindingOnACaseNobodyExamined_isAnErrorNamingTheFinding() {
        assertEquals("in.json: findings.neuro_deficit must be left out when examined is false, was false: only a "
                        + "clinician examining the person can answer it",
                onlyError("{\"age\": 30, \"examined\": false, \"findings\": {\"neuro_deficit\": false}}"));
    }

    @Test
    void read_selfReportedTendernessOnACaseNobodyExamined_isAccepted() {
        List<CaseReader.Read> read = CaseReader.read("in.json", ("{\"age\": 30, \"examined\": false, \"findings\": "
                + "{\"deep_buttock_tenderness\": true}}").getBytes(StandardCharsets.UTF_8));

        assertEquals(1, read.size());
        assertTrue(read.get(0) instanceof CaseReader.Valid valid && Boolean.FALSE.equals(valid.triageCase().examined()),
                read::toString);
    }

    @Test
    void read_findingAsNumber_isWrongType() {
        assertEquals("in.json: findings.fever must be true or false, was 1",
                onlyError("{\"age\": 30, \"findings\": {\"fever\": 1}}"));
    }

    @Test
    void read_duplicateKey_isRejectedWithItsLocation() {
        assertEquals("in.json: duplicate field 'age' at line 1, column 13; give each field once",
                onlyError("{\"age\": 30, \"age\": 31}"));
    }

    @Test
    void read_duplicateFinding_namesTheFinding() {
        assertEquals("in.json: duplicate field 'findings.fever' at line 2, column 30; give each field once",
                onlyError("{\"age\": 30,\n \"findings\": {\"fever\": true, \"fever\": false}}"));
    }

    @Test
    void read_duplicateKeyInOneElement_keepsTheIdAndRejectsOnlyThatElement() {
        List<CaseReader.Read> cases = read("[{\"id\": \"a\", \"age\": 30, \"age\": 31}, {\"id\": \"b\", \"age\": 40}]");

        assertAll(
                () -> assertEquals("a", cases.get(0).id()),
                () -> assertInstanceOf(CaseReader.Rejected.class, cases.get(0)),
                () -> assertInstanceOf(CaseReader.Valid.class, cases.get(1)));
    }

    @Test
    void read_malformedJson_rejectsTheFileWithItsLocation() {
        List<CaseReader.Read> cases = read("[{\"id\": \"a\", \"age\": 30},\n {\"age\": }]");

        CaseReader.Rejected rejected = assertInstanceOf(CaseReader.Rejected.class, cases.get(0));
        assertAll(
                () -> assertEquals(1, cases.size()),
                () -> assertNull(rejected.id()),
                () -> assertEquals("in.json", rejected.where()),
                () -> assertTrue(rejected.error().startsWith("in.json: malformed JSON at line 2, column 10 (in [1].age): "),
                        rejected.error()));
    }

    @Test
    void read_truncatedJson_isMalformed() {
        String error = onlyError("{\"age\": 30,");
        assertTrue(error.startsWith("in.json: malformed JSON at line 1, column "), error);
    }

    @Test
    void read_malformedJsonMessage_doesNotLeakJacksonInternals() {
        String error = onlyError("[{\"age\": 30, \"findings\": {]}]");
        assertAll(
                () -> assertEquals("in.json: malformed JSON at line 1, column 27 (in [0].findings): Unexpected close "
                        + "marker ']': expected '}' (for Object starting at line 1, column 26)", error),
                () -> assertTrue(!error.contains("Source:") && !error.contains("REDACTED"), error));
    }

    @Test
    void read_strayCloseMarkerAfterTheArray_isContentAfterTheArray() {
        assertEquals("in.json: unexpected content after the array at line 2, column 1; a file holds one case object "
                + "or one array of them", onlyError("[{\"age\": 30}]\n]"));
    }

    @Test
    void read_trailingContent_isRejected() {
        assertEquals("in.json: unexpected content after the case at line 1, column 13; a file holds one case object "
                + "or one array of them", onlyError("{\"age\": 30} {\"age\": 31}"));
    }

    @Test
    void read_trailingContentAfterArray_isRejected() {
        assertEquals("in.json: unexpected content after the array at line 2, column 1; a file holds one case object "
                + "or one array of them", onlyError("[{\"age\": 30}]\n{\"age\": 31}"));
    }

    @Test
    void read_emptyFile_isRejected() {
        assertEquals("in.json: the file is empty; expected a case object or an array of case objects",
                onlyError("  \n"));
    }

    @Test
    void read_topLevelString_isRejected() {
        assertEquals("in.json: expected a case object or an array of case objects, found a string",
                onlyError("\"age\""));
    }

    @Test
    void read_arrayElementNotAnObject_isRejected() {
        List<CaseReader.Read> cases = read("[{\"age\": 30}, 5, [1]]");

        assertAll(
                () -> assertInstanceOf(CaseReader.Valid.class, cases.get(0)),
                () -> assertEquals("in.json[1]: expected a case object, found a number",
                        ((CaseReader.Rejected) cases.get(1)).error()),
                () -> assertEquals("in.json[2]: expected a case object, found an array",
                        ((CaseReader.Rejected) cases.get(2)).error()));
    }

    @Test
    void read_idOfRejectedCase_isKeptWhenItIsText() {
        List<CaseReader.Read> cases = read("[{\"id\": \"x\", \"age\": 300}, {\"id\": 7, \"age\": 300}]");

        assertEquals("x", cases.get(0).id());
        assertNull(cases.get(1).id());
    }

    @Test
    void read_utf8ByteOrderMark_isAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"age\": 30}".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(json, 0, content, bom.length, json.length);

        assertInstanceOf(CaseReader.Valid.class, CaseReader.read("in.json", content).get(0));
    }

    @Test
    void read_overlongUtf8InACode_isRejectedWithTheByteOffset_notReadAsFever() {
        byte[] content = {'{', '"', 'a', 'g', 'e', '"', ':', '3', '0', ',', '"', 'f', 'i', 'n', 'd', 'i', 'n', 'g', 's',
            '"', ':', '{', '"', (byte) 0xC1, (byte) 0xA6, 'e', 'v', 'e', 'r', '"', ':', 't', 'r', 'u', 'e', '}', '}'};

        List<CaseReader.Read> cases = CaseReader.read("in.json", content);

        assertEquals(List.of(new CaseReader.Rejected("in.json", null, "in.json: not valid UTF-8 at byte offset 23: "
                + "the byte C1 is not a character; text must be strictly encoded (no overlong forms, encoded "
                + "surrogates or code points beyond U+10FFFF)")), cases);
    }

    @Test
    void read_halfOfASurrogatePairWrittenAsAnEscape_rejectsTheCaseSoThatIdsSurviveOutput() {
        assertEquals("in.json: id holds \\uD800, half of a surrogate pair, which is not a character; text must be "
                + "valid Unicode", onlyError("{\"id\": \"x\\ud800y\", \"age\": 30}"));
    }

    @Test
    void read_idOf600Emoji_countsCharactersNotUtf16Units() {
        String id = "\ud83d\ude00".repeat(600);

        CaseReader.Valid valid = assertInstanceOf(CaseReader.Valid.class,
                read("{\"id\": \"" + id + "\", \"age\": 30}").get(0));
        assertEquals(id, valid.id());
    }

    @Test
    void read_numberBeyondTheDigitLimitInAnArray_rejectsOnlyItsCase() {
        List<CaseReader.Read> cases = read("[{\"age\": 30}, {\"age\": " + "9".repeat(1_001) + "}, {\"age\": 31}]");

        assertAll(
                () -> assertEquals(3, cases.size()),
                () -> assertEquals(new CaseReader.Rejected("in.json[1]", null,
                        "in.json[1]: age is out of range: a number of more than 1000 digits"), cases.get(1)),
                () -> assertInstanceOf(CaseReader.Valid.class, cases.get(2)));
    }

    @Test
    void read_nonStandardJson_isExplainedWithoutAdviceToEnableParserFeatures() {
        assertEquals("in.json: malformed JSON at line 1, column 12 (in age): 'NaN' is not a JSON value; a number is "
                + "written with digits only", onlyError("{\"age\": NaN}"));
        assertEquals("in.json: malformed JSON at line 1, column 2: comments are not allowed in JSON",
                onlyError("{/* x */ \"age\": 30}"));
        assertEquals("in.json: malformed JSON at line 1, column 10 (in age): a number must not start with '+' in JSON",
                onlyError("{\"age\": +30}"));
    }

    @Test
    void read_cases_areCountedBeforeTheyAreRead() {
        CaseReader.Cases cases = CaseReader.of("in.json", "[{\"age\": 30}, 1, {}]".getBytes(StandardCharsets.UTF_8));

        assertEquals(3, cases.size());
    }
}
