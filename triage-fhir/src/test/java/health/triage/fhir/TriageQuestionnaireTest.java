package health.triage.fhir;

import health.triage.Finding;
import health.triage.QuestionWording;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageQuestionnaireTest {

    @Test
    void questionnaire_validatesAgainstFhirR4() {
        assertEquals(List.of(), R4Validator.errors(TriageQuestionnaire.questionnaire()));
    }

    @Test
    void questionnaire_hasTheCanonicalUrlAndTheVocabularyVersion() {
        Questionnaire questionnaire = TriageQuestionnaire.questionnaire();
        assertEquals("http://triage.health/fhir/Questionnaire/buttock-leg-pain-triage", questionnaire.getUrl());
        assertEquals(Finding.VOCABULARY_VERSION, questionnaire.getVersion());
        assertEquals("buttock-leg-pain-triage", questionnaire.getIdElement().getIdPart());
    }

    @Test
    void startBackItem9_namesTheToolsFiveOptionsAndWhichAnswerYes() {
        String text = questions(TriageQuestionnaire.questionnaire()).get("startback_very_bothersome").getText();

        assertEquals("Overall, how bothersome has your back pain been in the last 2 weeks? (Not at all, Slightly, "
                + "Moderately, Very much, Extremely: answer yes for very much, extremely, no for not at all, slightly, "
                + "moderately)", text);
    }

    @Test
    void everyFinding_isOneBooleanQuestionWithItsPatientWordingAndWhyAsHelp() {
        Map<String, QuestionnaireItemComponent> questions = questions(TriageQuestionnaire.questionnaire());
        for (Finding finding : Finding.values()) {
            QuestionnaireItemComponent item = questions.get(finding.code());
            assertEquals(QuestionnaireItemType.BOOLEAN, item.getType(), finding.code());
            assertTrue(item.getText().startsWith(QuestionWording.of(finding).patient()), item.getText());
            assertFalse(item.getRequired(), finding.code() + ": unknown is allowed, never taken as no");
            assertEquals(QuestionWording.of(finding).why(), item.getItemFirstRep().getText());
            assertEquals(QuestionnaireItemType.DISPLAY, item.getItemFirstRep().getType());
        }
    }

    @Test
    void questions_areTheFindingsAndTheCaseFieldsEachOnce() {
        List<String> linkIds = new ArrayList<>();
        TriageQuestionnaire.questionnaire().getItem().forEach(group -> group.getItem()
                .forEach(item -> linkIds.add(item.getLinkId())));
        List<String> expected = new ArrayList<>(List.of("age", "sex", "pregnant", "durationDays", "painScore",
                "examined"));
        Arrays.stream(Finding.values()).map(Finding::code).forEach(expected::add);
        assertEquals(new HashSet<>(expected), new HashSet<>(linkIds));
        assertEquals(expected.size(), linkIds.size(), "no link id twice");
    }

    @Test
    void emergencyScreen_isTheFirstGroup_inTheOrderItIsAsked() {
        QuestionnaireItemComponent first = TriageQuestionnaire.questionnaire().getItem().get(0);
        assertEquals(QuestionnaireItemType.GROUP, first.getType());
        assertEquals(Finding.EMERGENCY_SCREEN.stream().map(Finding::code).toList(),
                first.getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList());
    }

    @Test
    void numbers_areIntegerItems_onlyTheAgeRequired_sexIsAChoiceOfTheCaseCodes() {
        Map<String, QuestionnaireItemComponent> questions = questions(TriageQuestionnaire.questionnaire());
        for (String field : List.of("age", "durationDays", "painScore")) {
            assertEquals(QuestionnaireItemType.INTEGER, questions.get(field).getType(), field);
        }
        assertTrue(questions.get("age").getRequired());
        assertFalse(questions.get("painScore").getRequired());
        assertEquals(QuestionnaireItemType.BOOLEAN, questions.get("pregnant").getType());
        assertEquals(List.of("female", "male", "other"), questions.get("sex").getAnswerOption().stream()
                .map(o -> ((Coding) o.getValue()).getCode()).toList());
        assertEquals("10", questions.get("painScore")
                .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/maxValue").getValue().primitiveValue());
    }

    @Test
    void questionnaire_isANewCopyOnEachCall() {
        Questionnaire a = TriageQuestionnaire.questionnaire();
        Questionnaire b = TriageQuestionnaire.questionnaire();
        assertNotSame(a, b);
        a.getItem().clear();
        assertFalse(TriageQuestionnaire.questionnaire().getItem().isEmpty());
        assertEquals(FhirFormat.write(b), FhirFormat.write(TriageQuestionnaire.questionnaire()));
    }

    private static Map<String, QuestionnaireItemComponent> questions(Questionnaire questionnaire) {
        return questionnaire.getItem().stream().flatMap(group -> group.getItem().stream())
                .collect(Collectors.toMap(QuestionnaireItemComponent::getLinkId, item -> item));
    }
}
