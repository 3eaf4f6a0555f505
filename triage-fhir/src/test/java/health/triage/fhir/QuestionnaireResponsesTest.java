package health.triage.fhir;

import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionnaireResponsesTest {

    @Test
    void fromCase_everyExampleCase_validatesAndReadsBackAsTheSameCase() {
        for (Map.Entry<String, TriageCase> example : ExampleCases.all().entrySet()) {
            QuestionnaireResponse response = QuestionnaireResponses.fromCase(example.getValue());
            assertEquals(example.getValue(), QuestionnaireResponses.toCase(response), example.getKey());
        }
        TriageCase first = ExampleCases.all().values().iterator().next();
        assertEquals(List.of(), R4Validator.errors(QuestionnaireResponses.fromCase(first)));
    }

    @Test
    void fromCase_validatesAgainstTheQuestionnaire_withEveryField() {
        TriageCase full = TriageCase.builder(30).id("p-1").sex(Sex.FEMALE).pregnant(false).durationDays(20)
                .painScore(4).present(Finding.BUTTOCK_PAIN).absent(Finding.screeningQuestions()).build();
        QuestionnaireResponse response = QuestionnaireResponses.fromCase(full);
        assertEquals(List.of(), R4Validator.errors(response));
        assertEquals(full, QuestionnaireResponses.toCase(response));
    }

    @Test
    void selfUserCase_examinedNo_validatesAndReadsBack() {
        TriageCase selfUser = TriageCase.builder(30).sex(Sex.FEMALE).painScore(4).examined(false)
                .present(Finding.BUTTOCK_PAIN).build();
        QuestionnaireResponse response = QuestionnaireResponses.fromCase(selfUser);
        assertEquals(List.of(), R4Validator.errors(response));
        assertEquals(selfUser, QuestionnaireResponses.toCase(response));
    }

    @Test
    void toCase_examinationFindingWhenExaminedIsNo_isAnErrorNamingTheItem() {
        QuestionnaireResponse response = response(item("age", new IntegerType(40)),
                item("examined", new BooleanType(false)), item("neuro_deficit", new BooleanType(false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuestionnaireResponses.toCase(response));
        assertEquals("findings.neuro_deficit must be left out when examined is false, was false: only a clinician "
                + "examining the person can answer it", e.getMessage());
    }

    @Test
    void toCase_unansweredItem_isUnknownNeverNo() {
        QuestionnaireResponse response = response(item("age", new IntegerType(40)), item("fever", null),
                item("buttock_pain", new BooleanType(false)));
        TriageCase read = QuestionnaireResponses.toCase(response);
        assertEquals(Map.of(Finding.BUTTOCK_PAIN, false), read.findings());
        assertTrue(read.answer(Finding.FEVER).isEmpty());
    }

    @Test
    void toCase_answerWithOnlyADataAbsentReason_isUnknown_andACodingWithoutACodeIsAnError() {
        BooleanType declined = new BooleanType();
        declined.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                new org.hl7.fhir.r4.model.CodeType("asked-declined"));
        Coding noCode = new Coding();
        noCode.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                new org.hl7.fhir.r4.model.CodeType("unknown"));
        TriageCase read = QuestionnaireResponses.toCase(response(item("age", new IntegerType(40)),
                item("fever", declined), item("sex", noCode)));
        assertTrue(read.answer(Finding.FEVER).isEmpty());
        assertEquals(null, read.sex(), "the sex stays unknown");
        assertError("item 'sex' has a valueCoding without a code; give the code of one of the answer options",
                response(item("age", new IntegerType(40)), item("sex", new Coding(TriageQuestionnaire.GENDER_SYSTEM,
                        null, null))));
    }

    @Test
    void toCase_flatItemsWithoutGroups_areReadToo() {
        TriageCase read = QuestionnaireResponses.toCase(response(item("age", new IntegerType(40)),
                item("sex", new Coding(TriageQuestionnaire.GENDER_SYSTEM, "male", null)),
                item("saddle_numbness", new BooleanType(true))));
        assertEquals(TriageCase.builder(40).sex(Sex.MALE).present(Finding.SADDLE_NUMBNESS).build(), read);
    }

    @Test
    void toCase_unknownLinkId_suggestsTheNearest() {
        assertError("unknown item linkId 'fevr' (did you mean 'fever'?)",
                response(item("age", new IntegerType(40)), item("fevr", new BooleanType(true))));
        assertError("unknown item linkId 'agee' (did you mean 'age'?)", response(item("agee", new IntegerType(40))));
    }

    @Test
    void toCase_wrongAnswerType_namesTheItemTheTypeAndTheValue() {
        assertError("item 'fever' must be answered with valueBoolean (true or false), was valueString 'yes'",
                response(item("age", new IntegerType(40)), item("fever", new StringType("yes"))));
        assertError("item 'age' must be answered with valueInteger (a whole number), was valueString '40'",
                response(item("age", new StringType("40"))));
        assertError("item 'sex' must be answered with valueCoding (one of the answer options), was valueBoolean "
                + "'true'", response(item("age", new IntegerType(40)), item("sex", new BooleanType(true))));
    }

    @Test
    void toCase_outOfRangeValues_areTheLibrarysMessages() {
        assertError("age must be between 0 and 120, was 130", response(item("age", new IntegerType(130))));
        assertError("painScore must be between 0 and 10, was 11",
                response(item("age", new IntegerType(40)), item("painScore", new IntegerType(11))));
        assertError("sex must be one of female, male, other, was 'unknown'", response(item("age", new IntegerType(40)),
                item("sex", new Coding(TriageQuestionnaire.GENDER_SYSTEM, "unknown", null))));
        assertError("pregnant must not be true when sex is male", response(item("age", new IntegerType(40)),
                item("sex", new Coding(TriageQuestionnaire.GENDER_SYSTEM, "male", null)),
                item("pregnant", new BooleanType(true))));
    }

    @Test
    void toCase_repeatedItemOrSeveralAnswers_areErrors() {
        assertError("item 'fever' is given twice; give each item once", response(item("age", new IntegerType(40)),
                item("fever", new BooleanType(true)), item("fever", new BooleanType(false))));
        QuestionnaireResponse twoAnswers = response(item("age", new IntegerType(40)), item("fever", new BooleanType(true)));
        twoAnswers.getItem().get(1).addAnswer().setValue(new BooleanType(false));
        assertError("item 'fever' must have at most one answer, has 2", twoAnswers);
    }

    @Test
    void toCase_missingAgeOrAnotherQuestionnaire_areErrors() {
        assertError("item 'age' is required: the age in whole years", response(item("fever", new BooleanType(true))));
        QuestionnaireResponse other = response(item("age", new IntegerType(40)));
        other.setQuestionnaire("http://example.org/Questionnaire/phq-9");
        assertError("questionnaire must be 'http://triage.health/fhir/Questionnaire/buttock-leg-pain-triage' "
                + "(version " + Finding.VOCABULARY_VERSION + "), was 'http://example.org/Questionnaire/phq-9'", other);
    }

    @Test
    void toCase_answerToAGroup_isAnError() {
        assertError("item 'emergency-screen' is a group and takes no answer",
                response(item("age", new IntegerType(40)), item("emergency-screen", new BooleanType(true))));
    }

    private static void assertError(String message, QuestionnaireResponse response) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuestionnaireResponses.toCase(response));
        assertEquals(message, e.getMessage());
    }

    private static QuestionnaireResponse response(QuestionnaireResponse.QuestionnaireResponseItemComponent... items) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(TriageQuestionnaire.URL);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            response.addItem(item);
        }
        return response;
    }

    private static QuestionnaireResponse.QuestionnaireResponseItemComponent item(String linkId, Type value) {
        QuestionnaireResponse.QuestionnaireResponseItemComponent item =
                new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(linkId);
        if (value != null) {
            item.addAnswer().setValue(value);
        }
        return item;
    }
}
