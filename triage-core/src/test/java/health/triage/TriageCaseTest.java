package health.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageCaseTest {

    @Test
    void build_notAskedFinding_staysUnknownAndAnsweredNoStaysAbsent() {
        TriageCase c = TriageCase.builder(40).present(Finding.BUTTOCK_PAIN).absent(Finding.FEVER).build();

        assertEquals(Optional.of(true), c.answer(Finding.BUTTOCK_PAIN));
        assertEquals(Optional.of(false), c.answer(Finding.FEVER));
        assertEquals(Optional.empty(), c.answer(Finding.SADDLE_NUMBNESS));
    }

    @Test
    void build_ageOutOfRange_namesFieldAndValue() {
        assertMessage("age must be between 0 and 120, was -3", () -> TriageCase.builder(-3).build());
        assertMessage("age must be between 0 and 120, was 121", () -> TriageCase.builder(121).build());
    }

    @Test
    void build_painScoreOutOfRange_namesFieldAndValue() {
        assertMessage("painScore must be between 0 and 10, was 11", () -> TriageCase.builder(40).painScore(11).build());
        assertMessage("painScore must be between 0 and 10, was -1", () -> TriageCase.builder(40).painScore(-1).build());
    }

    @Test
    void build_negativeDuration_namesFieldAndValue() {
        assertMessage("durationDays must be 0 or more, was -2", () -> TriageCase.builder(40).durationDays(-2).build());
    }

    @Test
    void build_pregnantMale_isRejected() {
        assertMessage("pregnant must not be true when sex is male",
                () -> TriageCase.builder(40).sex(Sex.MALE).pregnant(true).build());
    }

    @Test
    void build_pregnantChildOrPregnantAbove65_isAnInputErrorNamingTheAge() {
        assertMessage("pregnant must not be true at age 5: a pregnancy below 10 or above 65 years is taken as a "
                + "mistake in the age or in pregnant; check both, and leave pregnant out when it is not known",
                () -> TriageCase.builder(5).pregnant(true).build());
        assertMessage("pregnant must not be true at age 66: a pregnancy below 10 or above 65 years is taken as a "
                + "mistake in the age or in pregnant; check both, and leave pregnant out when it is not known",
                () -> TriageCase.builder(66).sex(Sex.FEMALE).pregnant(true).build());
        assertEquals(true, TriageCase.builder(10).pregnant(true).build().pregnant());
        assertEquals(true, TriageCase.builder(65).sex(Sex.OTHER).pregnant(true).build().pregnant());
        assertEquals(false, TriageCase.builder(5).pregnant(false).build().pregnant());
    }

    @Test
    void build_durationLongerThanTheAge_isAnInputErrorNamingTheValue() {
        assertMessage("durationDays must not be longer than the person has lived (at most 12810 days at age 34), was "
                + "2147483647", () -> TriageCase.builder(34).durationDays(Integer.MAX_VALUE).build());
        assertMessage("durationDays must not be longer than the person has lived (at most 366 days at age 0), was 367",
                () -> TriageCase.builder(0).durationDays(367).build());
        assertEquals(366, TriageCase.builder(0).durationDays(366).build().durationDays());
    }

    @Test
    void fromFields_sexInCapitalsOrCutShort_suggestsTheCode() {
        assertMessage("sex must be one of female, male, other, was 'Female' (did you mean 'female'?)",
                () -> TriageCase.fromFields(Map.of("age", 30, "sex", "Female")));
        assertMessage("sex must be one of female, male, other, was 'f' (did you mean 'female'?)",
                () -> TriageCase.fromFields(Map.of("age", 30, "sex", "f")));
        assertMessage("sex must be one of female, male, other, was 'woman'",
                () -> TriageCase.fromFields(Map.of("age", 30, "sex", "woman")));
    }

    @Test
    void build_boundaryValues_areAccepted() {
        TriageCase c = TriageCase.builder(0).painScore(10).durationDays(0).sex(Sex.MALE).pregnant(false).build();
        assertEquals(0, c.age());
        assertEquals(120, TriageCase.builder(120).painScore(0).build().age());
    }

    @Test
    void findings_cannotBeChangedAfterBuilding() {
        Map<Finding, Boolean> findings = new HashMap<>(Map.of(Finding.FEVER, true));
        TriageCase c = new TriageCase(null, 40, null, null, null, null, findings);
        findings.put(Finding.NIGHT_SWEATS, true);

        assertEquals(Map.of(Finding.FEVER, true), c.findings());
        assertThrows(UnsupportedOperationException.class, () -> c.findings().put(Finding.NIGHT_SWEATS, true));
    }

    @Test
    void toBuilder_givesAModifiedCopy() {
        TriageCase original = TriageCase.builder(40).id("a").present(Finding.FEVER).build();
        TriageCase copy = original.toBuilder().unknown(Finding.FEVER).absent(Finding.NIGHT_SWEATS).build();

        assertEquals(Map.of(Finding.FEVER, true), original.findings());
        assertEquals(Map.of(Finding.NIGHT_SWEATS, false), copy.findings());
        assertEquals("a", copy.id());
    }

    @Test
    void fromFields_readsEveryField() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "c1");
        fields.put("age", 52);
        fields.put("sex", "female");
        fields.put("pregnant", false);
        fields.put("durationDays", 20L);
        fields.put("painScore", 6);
        fields.put("findings", Map.of("buttock_pain", true, "fever", false));

        TriageCase c = TriageCase.fromFields(fields);

        assertEquals(new TriageCase("c1", 52, Sex.FEMALE, false, 20, 6,
                Map.of(Finding.BUTTOCK_PAIN, true, Finding.FEVER, false)), c);
        assertEquals(c, TriageCase.fromFields(c.toFields()));
    }

    @Test
    void fromFields_examined_isReadAndWrittenBack_andLeftOutWhenNotKnown() {
        TriageCase selfUser = TriageCase.fromFields(Map.of("age", 40, "examined", false,
                "findings", Map.of("deep_buttock_tenderness", true)));

        assertAll(
                () -> assertEquals(Boolean.FALSE, selfUser.examined()),
                () -> assertEquals(false, selfUser.toFields().get("examined")),
                () -> assertEquals(selfUser, TriageCase.fromFields(selfUser.toFields())),
                () -> assertNull(TriageCase.builder(40).build().examined()),
                () -> assertFalse(TriageCase.builder(40).build().toFields().containsKey("examined")),
                () -> assertEquals(Boolean.TRUE, TriageCase.builder(40).examined(true).build().toBuilder().build()
                        .examined()));
    }

    @Test
    void examinedNotABoolean_namesTheFieldAndValue() {
        assertMessage("examined must be true or false, was 'yes'",
                () -> TriageCase.fromFields(Map.of("age", 40, "examined", "yes")));
    }

    @Test
    void examinationFinding_onACaseNobodyExamined_isAnErrorNamingTheFinding_whetherYesOrNo() {
        assertMessage("findings.neuro_deficit must be left out when examined is false, was false: only a clinician "
                        + "examining the person can answer it",
                () -> TriageCase.builder(40).examined(false).absent(Finding.NEURO_DEFICIT).build());
        assertMessage("findings.straight_leg_raise_positive must be left out when examined is false, was true: only a "
                        + "clinician examining the person can answer it",
                () -> TriageCase.fromFields(Map.of("age", 40, "examined", false,
                        "findings", Map.of("straight_leg_raise_positive", true))));
    }

    @Test
    void applies_isFalseOnlyForExaminationFindingsOfAPersonNobodyExamined() {
        TriageCase selfUser = TriageCase.builder(40).examined(false).build();
        TriageCase unknown = TriageCase.builder(40).build();

        assertAll(
                () -> assertFalse(selfUser.applies(Finding.NEURO_DEFICIT)),
                () -> assertTrue(selfUser.applies(Finding.SIT_BONE_TENDERNESS)),
                () -> assertTrue(selfUser.applies(Finding.LEG_NUMBNESS_TINGLING)),
                () -> assertTrue(unknown.applies(Finding.NEURO_DEFICIT)),
                () -> assertEquals(List.of(Finding.FAIR_TEST_POSITIVE, Finding.STRAIGHT_LEG_RAISE_POSITIVE,
                        Finding.SPINE_TENDERNESS, Finding.NEURO_DEFICIT), Finding.examinationOnlyFindings()));
    }

    @Test
    void fromFields_unknownCode_suggestsNearest() {
        assertMessage("unknown finding code 'bladder_dysfuntion' (did you mean 'bladder_dysfunction'?)",
                () -> TriageCase.fromFields(Map.of("age", 40, "findings", Map.of("bladder_dysfuntion", true))));
    }

    @Test
    void fromFields_unrelatedUnknownCode_suggestsNothing() {
        assertMessage("unknown finding code 'headache'",
                () -> TriageCase.fromFields(Map.of("age", 40, "findings", Map.of("headache", true))));
    }

    @Test
    void fromFields_unknownField_suggestsNearest() {
        assertMessage("unknown field 'painscore' (did you mean 'painScore'?)",
                () -> TriageCase.fromFields(Map.of("age", 40, "painscore", 3)));
    }

    @Test
    void fromFields_missingAge_isRejected() {
        assertMessage("age is required", () -> TriageCase.fromFields(Map.of("sex", "female")));
    }

    @Test
    void fromFields_wrongTypes_nameTheFieldAndValue() {
        assertMessage("age must be a whole number, was 'forty'", () -> TriageCase.fromFields(Map.of("age", "forty")));
        assertMessage("age must be a whole number, was 40.5", () -> TriageCase.fromFields(Map.of("age", 40.5)));
        assertMessage("age is out of range, was 9999999999",
                () -> TriageCase.fromFields(Map.of("age", 9_999_999_999L)));
        assertMessage("age is out of range, was 100000000000000000000000000000… (61 digits)",
                () -> TriageCase.fromFields(Map.of("age", java.math.BigInteger.TEN.pow(60))));
        assertMessage("pregnant must be true or false, was 'yes'",
                () -> TriageCase.fromFields(Map.of("age", 40, "pregnant", "yes")));
        assertMessage("sex must be one of female, male, other, was 'f' (did you mean 'female'?)",
                () -> TriageCase.fromFields(Map.of("age", 40, "sex", "f")));
        assertMessage("id must be a string, was 12", () -> TriageCase.fromFields(Map.of("age", 40, "id", 12)));
        assertMessage("findings must be an object of finding code to true or false, was an array",
                () -> TriageCase.fromFields(Map.of("age", 40, "findings", List.of("fever"))));
    }

    @Test
    void fromFields_findingThatIsNotABoolean_namesIt() {
        assertMessage("findings.fever must be true or false, was 'yes'",
                () -> TriageCase.fromFields(Map.of("age", 40, "findings", Map.of("fever", "yes"))));
        Map<String, Object> nullFinding = new HashMap<>();
        nullFinding.put("fever", null);
        assertMessage("findings.fever must be true or false, was null (leave it out when it was not asked)",
                () -> TriageCase.fromFields(Map.of("age", 40, "findings", nullFinding)));
    }

    @Test
    void fromFields_rangeErrorsComeFromTheRecord() {
        assertMessage("age must be between 0 and 120, was 130", () -> TriageCase.fromFields(Map.of("age", 130)));
        assertMessage("pregnant must not be true when sex is male",
                () -> TriageCase.fromFields(Map.of("age", 30, "sex", "male", "pregnant", true)));
    }

    @Test
    void fromFields_wholeNumbersAtTheEdgeOfTheRange_areAcceptedOrOutOfRange() {
        // the largest int is read as a whole number, then rejected as implausible (not as out of range)
        assertMessage("durationDays must not be longer than the person has lived (at most 11346 days at age 30), was "
                + "2147483647", () -> TriageCase.fromFields(Map.of("age", 30, "durationDays", 2147483647L)));
        assertMessage("durationDays is out of range, was 2147483648",
                () -> TriageCase.fromFields(Map.of("age", 30, "durationDays", 2147483648L)));
        assertMessage("durationDays must be 0 or more, was -2147483648",
                () -> TriageCase.fromFields(Map.of("age", 30, "durationDays", -2147483648L)));
        assertMessage("durationDays is out of range, was -2147483649",
                () -> TriageCase.fromFields(Map.of("age", 30, "durationDays", -2147483649L)));
        assertEquals(7, TriageCase.fromFields(Map.of("age", 30, "painScore", (short) 7)).painScore());
        assertEquals(7, TriageCase.fromFields(Map.of("age", 30, "painScore", (byte) 7)).painScore());
        assertEquals(7, TriageCase.fromFields(Map.of("age", 30, "painScore", java.math.BigInteger.valueOf(7)))
                .painScore());
    }

    @Test
    void fromFields_hugeNumber_showsThirtyDigitsAndTheCount() {
        String thirty = "1".repeat(30);
        assertMessage("age is out of range, was " + thirty,
                () -> TriageCase.fromFields(Map.of("age", new java.math.BigInteger(thirty))));
        assertMessage("age is out of range, was " + thirty + "\u2026 (31 digits)",
                () -> TriageCase.fromFields(Map.of("age", new java.math.BigInteger(thirty + "1"))));
    }

    @Test
    void fromFields_fractionOrOtherNumber_isNotAWholeNumber() {
        assertMessage("age must be a whole number, was 3.5", () -> TriageCase.fromFields(Map.of("age", 3.5)));
        assertMessage("painScore must be a whole number, was 2.0",
                () -> TriageCase.fromFields(Map.of("age", 30, "painScore", 2.0f)));
    }

    @Test
    void fromFields_optionalFieldsLeftOut_areNotGiven() {
        TriageCase c = TriageCase.fromFields(Map.of("age", 30));

        assertEquals(null, c.durationDays());
        assertEquals(null, c.painScore());
        assertEquals(null, c.sex());
        assertEquals(null, c.pregnant());
        assertEquals(null, c.id());
        assertEquals(Map.of(), c.findings());
    }

    @Test
    void fromFields_longTextInAMessage_isShortenedToFortyCharacters() {
        String forty = "x".repeat(40);
        assertMessage("sex must be one of female, male, other, was '" + forty + "'",
                () -> TriageCase.fromFields(Map.of("age", 30, "sex", forty)));
        assertMessage("pregnant must be true or false, was '" + forty + "\u2026'",
                () -> TriageCase.fromFields(Map.of("age", 30, "pregnant", forty + "y")));
        assertMessage("pregnant must be true or false, was an array",
                () -> TriageCase.fromFields(Map.of("age", 30, "pregnant", java.util.Set.of(true))));
    }

    @Test
    void fromFields_textOfExactlyFortyCharacters_isShownWhole() {
        String forty = "y".repeat(40);
        assertMessage("pregnant must be true or false, was '" + forty + "'",
                () -> TriageCase.fromFields(Map.of("age", 30, "pregnant", forty)));
    }

    @Test
    void fromFields_objectWhereAValueIsExpected_isCalledAnObject() {
        assertMessage("id must be a string, was an object",
                () -> TriageCase.fromFields(Map.of("age", 30, "id", Map.of("value", "c1"))));
    }

    @Test
    void toFields_isTheInverseOfFromFields() {
        TriageCase c = TriageCase.builder(61).id("c9").sex(Sex.OTHER).pregnant(false).durationDays(3).painScore(0)
                .present(Finding.FEVER).absent(Finding.NIGHT_SWEATS).build();

        assertEquals(c, TriageCase.fromFields(c.toFields()));
        assertEquals(Map.of("age", 61), TriageCase.builder(61).build().toFields().entrySet().stream()
                .filter(e -> !e.getKey().equals("findings")).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void toBuilder_keepsEveryAnswer() {
        TriageCase c = TriageCase.builder(40).present(Finding.FEVER).absent(Finding.SADDLE_NUMBNESS).build();

        assertEquals(c.findings(), c.toBuilder().build().findings());
    }

    @Test
    void builder_answersChain() {
        TriageCase c = TriageCase.builder(40).answer(Finding.FEVER, true).answer(Finding.NIGHT_SWEATS, false)
                .unknown(Finding.FEVER).build();

        assertEquals(Map.of(Finding.NIGHT_SWEATS, false), c.findings());
    }

    @Test
    void answer_isPresentAbsentOrEmpty() {
        TriageCase c = TriageCase.builder(40).present(Finding.FEVER).absent(Finding.NIGHT_SWEATS).build();

        assertEquals(java.util.Optional.of(true), c.answer(Finding.FEVER));
        assertEquals(java.util.Optional.of(false), c.answer(Finding.NIGHT_SWEATS));
        assertEquals(java.util.Optional.empty(), c.answer(Finding.SADDLE_NUMBNESS));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void build_findingAnsweredPresentThenAbsent_isRejectedNamingTheFinding() {
        assertMessage("finding 'fever' is answered both present and absent; answer(finding, value) replaces an answer, "
                + "unknown(finding) forgets it",
                () -> TriageCase.builder(40).present(Finding.FEVER).absent(Finding.FEVER));
    }

    @Test
    void build_findingAnsweredAbsentThenPresent_isRejectedEvenInsideOneCollection() {
        assertMessage("finding 'saddle_numbness' is answered both present and absent; answer(finding, value) replaces "
                + "an answer, unknown(finding) forgets it",
                () -> TriageCase.builder(40).absent(Finding.screeningQuestions()).present(Finding.SADDLE_NUMBNESS));
    }

    @Test
    void build_sameAnswerTwice_isAccepted() {
        TriageCase c = TriageCase.builder(40).present(Finding.FEVER).present(Finding.FEVER, Finding.FEVER).build();

        assertEquals(Optional.of(true), c.answer(Finding.FEVER));
    }

    @Test
    void answer_replacesAnEarlierAnswerOnPurpose() {
        TriageCase c = TriageCase.builder(40).absent(Finding.FEVER).answer(Finding.FEVER, true).build();

        assertEquals(Optional.of(true), c.answer(Finding.FEVER));
    }

    @Test
    void builder_nullArrayOrCollection_namesTheArgument() {
        assertAll(
                () -> assertNullMessage("present must not be null",
                        () -> TriageCase.builder(40).present((Finding[]) null)),
                () -> assertNullMessage("absent must not be null",
                        () -> TriageCase.builder(40).absent((Finding[]) null)),
                () -> assertNullMessage("absent must not be null (use an empty collection)",
                        () -> TriageCase.builder(40).absent((Collection<Finding>) null)),
                () -> assertNullMessage("unknown must not be null",
                        () -> TriageCase.builder(40).unknown((Finding[]) null)),
                () -> assertNullMessage("present must not contain a null finding",
                        () -> TriageCase.builder(40).present(Finding.FEVER, null)),
                () -> assertNullMessage("absent must not contain a null finding",
                        () -> TriageCase.builder(40).absent(Arrays.asList(Finding.FEVER, null))),
                () -> assertNullMessage("unknown must not contain a null finding",
                        () -> TriageCase.builder(40).unknown((Finding) null)));
    }

    private static void assertNullMessage(String expected, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
