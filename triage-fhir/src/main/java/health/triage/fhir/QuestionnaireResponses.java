package health.triage.fhir;

import health.triage.Finding;
import health.triage.Suggestions;
import health.triage.TriageCase;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link QuestionnaireResponse}s to the {@link TriageQuestionnaire}, read as a {@link TriageCase} and written from
 * one.
 *
 * <p>Reading is as strict as the command line's reading of a case file: an unknown {@code linkId} (with the nearest
 * valid one suggested), an item given twice, more than one answer, an answer of the wrong type and a value out of
 * range are errors naming the item. An item left unanswered, or left out, is unknown, never no. The case's id is the
 * response's {@code identifier.value}, or else its logical id.
 */
public final class QuestionnaireResponses {

    private static final int SHOWN_CHARS = 40;

    /** The answers of a response, by link id, and the questions it lists without an answer. */
    record Answers(Map<String, Object> values, Set<String> unanswered) {

        /**
         * The findings listed without an answer: asked, and the person did not know. When {@code examined} is listed
         * without an answer, the examination-only findings too: not asked of a person who does not know whether a
         * clinician examined them, and never recorded (docs/POLICY.md "Self-users").
         */
        Set<Finding> dontKnow() {
            Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
            unanswered.forEach(linkId -> Finding.lookup(linkId).ifPresent(dontKnow::add));
            if (unanswered.contains("examined")) {
                dontKnow.addAll(Finding.examinationOnlyFindings());
            }
            return dontKnow;
        }

        /** The case the answers make; throws as {@link TriageCase#fromFields(Map)} does, naming the field. */
        TriageCase triageCase(String id) {
            if (!values.containsKey("age")) {
                throw new IllegalArgumentException("item 'age' is required: the age in whole years");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            Map<String, Object> findings = new LinkedHashMap<>();
            values.forEach((linkId, value) -> {
                if (TriageQuestionnaire.FIELDS.contains(linkId)) {
                    fields.put(linkId, value);
                } else {
                    findings.put(linkId, value);
                }
            });
            fields.put("id", id);
            fields.put("findings", findings);
            return TriageCase.fromFields(fields);
        }
    }

    private QuestionnaireResponses() {
    }

    /**
     * The case a completed (or partly completed) response describes. The case's id is the response's logical id,
     * when it has one.
     *
     * @throws IllegalArgumentException naming the item, when the response names another questionnaire, an item's
     *                                  {@code linkId} is unknown or repeated, an answer has the wrong type or is out
     *                                  of range, or the age is missing
     */
    public static TriageCase toCase(QuestionnaireResponse response) {
        Objects.requireNonNull(response, "response must not be null");
        checkQuestionnaire(response.getQuestionnaire());
        String id = response.getIdentifier().hasValue() ? response.getIdentifier().getValue()
                : response.getIdElement().getIdPart();
        return answers(response).triageCase(id);
    }

    /**
     * A completed response holding exactly what a case records, grouped as in the questionnaire: the inverse of
     * {@link #toCase(QuestionnaireResponse)}. A finding the case does not record is left out (unknown).
     */
    public static QuestionnaireResponse fromCase(TriageCase triageCase) {
        Objects.requireNonNull(triageCase, "case must not be null");
        QuestionnaireResponse response = new QuestionnaireResponse();
        if (triageCase.id() != null) {
            response.getIdentifier().setValue(triageCase.id());
        }
        response.setQuestionnaire(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        Map<String, Object> values = values(triageCase);
        for (QuestionnaireItemComponent group : TriageQuestionnaire.questionnaire().getItem()) {
            QuestionnaireResponseItemComponent answered = new QuestionnaireResponseItemComponent()
                    .setLinkId(group.getLinkId()).setText(group.getText());
            for (QuestionnaireItemComponent question : group.getItem()) {
                Object value = values.get(question.getLinkId());
                if (value != null) {
                    answered.addItem(answer(question.getLinkId(), value));
                }
            }
            if (answered.hasItem()) {
                response.addItem(answered);
            }
        }
        return response;
    }

    /** The answer item for one question, such as {@code fever} answered {@code true}; the text is the question's. */
    static QuestionnaireResponseItemComponent answer(String linkId, Object value) {
        QuestionnaireItemComponent question = TriageQuestionnaire.definition(linkId);
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId)
                .setText(question.getText());
        Type answer = switch (question.getType()) {
            case BOOLEAN -> new BooleanType((Boolean) value);
            case INTEGER -> new IntegerType((Integer) value);
            case CHOICE -> question.getAnswerOption().stream().map(o -> o.getValueCoding())
                    .filter(c -> c.getCode().equals(value)).findFirst().orElseThrow().copy();
            default -> throw new IllegalStateException("no answer type for item " + linkId);
        };
        item.addAnswer().setValue(answer);
        return item;
    }

    /** What a case records, by link id: its fields (sex as its code) and its findings. */
    static Map<String, Object> values(TriageCase triageCase) {
        Map<String, Object> values = new LinkedHashMap<>(triageCase.toFields());
        values.remove("id");
        @SuppressWarnings("unchecked")
        Map<String, Boolean> findings = (Map<String, Boolean>) values.remove("findings");
        values.putAll(findings);
        return values;
    }

    /** The answers of a response, checked item by item; the questionnaire it names is not checked here. */
    static Answers answers(QuestionnaireResponse response) {
        if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
            throw new IllegalArgumentException("status is entered-in-error: this response must not be used");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> unanswered = new LinkedHashSet<>();
        read(response.getItem(), values, unanswered);
        return new Answers(Collections.unmodifiableMap(values), Collections.unmodifiableSet(unanswered));
    }

    /** The questionnaire a response names must be this one (any of its forms), or a contained one ({@code #id}). */
    static void checkQuestionnaire(String questionnaire) {
        if (questionnaire == null || questionnaire.isEmpty() || questionnaire.startsWith("#")
                || questionnaire.equals(TriageQuestionnaire.URL)
                || questionnaire.equals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION)
                || questionnaire.equals("Questionnaire/" + TriageQuestionnaire.ID)) {
            return;
        }
        throw new IllegalArgumentException("questionnaire must be '" + TriageQuestionnaire.URL + "' (version "
                + TriageQuestionnaire.VERSION + "), was '" + shown(questionnaire) + "'");
    }

    private static void read(List<QuestionnaireResponseItemComponent> items, Map<String, Object> values,
                             Set<String> unanswered) {
        for (QuestionnaireResponseItemComponent item : items) {
            String linkId = item.getLinkId();
            if (linkId == null || linkId.isEmpty()) {
                throw new IllegalArgumentException("an item has no linkId");
            }
            if (TriageQuestionnaire.isGroup(linkId) || AdaptiveQuestionnaire.isScreen(linkId)) {
                if (item.hasAnswer()) {
                    throw new IllegalArgumentException("item '" + linkId + "' is a group and takes no answer");
                }
                read(item.getItem(), values, unanswered);
                continue;
            }
            QuestionnaireItemComponent question = TriageQuestionnaire.definition(linkId);
            if (question == null) {
                List<String> known = new ArrayList<>(TriageQuestionnaire.questionLinkIds());
                throw new IllegalArgumentException("unknown item linkId '" + shown(linkId) + "'"
                        + Suggestions.didYouMean(linkId, known));
            }
            if (values.containsKey(linkId) || unanswered.contains(linkId)) {
                throw new IllegalArgumentException("item '" + linkId + "' is given twice; give each item once");
            }
            if (item.hasItem() || item.getAnswer().stream().anyMatch(QuestionnaireResponseItemAnswerComponent::hasItem)) {
                throw new IllegalArgumentException("item '" + linkId + "' must not have nested items");
            }
            List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
            if (answers.size() > 1) {
                throw new IllegalArgumentException("item '" + linkId + "' must have at most one answer, has "
                        + answers.size());
            }
            if (answers.isEmpty() || !answers.get(0).hasValue() || absent(answers.get(0).getValue())) {
                unanswered.add(linkId); // no value, or only a reason why there is none: unknown, never "no"
            } else {
                values.put(linkId, value(linkId, question.getType(), answers.get(0).getValue()));
            }
        }
    }

    private static Object value(String linkId, QuestionnaireItemType type, Type value) {
        switch (type) {
            case BOOLEAN -> {
                if (value instanceof BooleanType b && b.getValue() != null) {
                    return b.getValue();
                }
                throw wrongType(linkId, "valueBoolean (true or false)", value);
            }
            case INTEGER -> {
                if (value instanceof IntegerType i && i.getValue() != null) {
                    return i.getValue();
                }
                throw wrongType(linkId, "valueInteger (a whole number)", value);
            }
            case CHOICE -> {
                if (value instanceof Coding c && c.hasCode()) {
                    if (c.hasSystem() && !TriageQuestionnaire.GENDER_SYSTEM.equals(c.getSystem())) {
                        throw new IllegalArgumentException("item '" + linkId + "' must be coded in "
                                + TriageQuestionnaire.GENDER_SYSTEM + ", was '" + shown(c.getSystem()) + "'");
                    }
                    return c.getCode();
                }
                if (value instanceof Coding) {
                    throw new IllegalArgumentException("item '" + linkId + "' has a valueCoding without a code; "
                            + "give the code of one of the answer options");
                }
                throw wrongType(linkId, "valueCoding (one of the answer options)", value);
            }
            default -> throw new IllegalStateException("no answer type for item " + linkId);
        }
    }

    /**
     * A primitive answer with extensions (such as a data-absent reason) but no value, or a Coding with nothing but
     * extensions: FHIR allows it, and it says the answer is missing, so the question stays unanswered.
     */
    private static boolean absent(Type value) {
        return value.isPrimitive() ? !value.hasPrimitiveValue()
                : value instanceof Coding c && !c.hasCode() && !c.hasSystem() && !c.hasDisplay();
    }

    private static IllegalArgumentException wrongType(String linkId, String expected, Type value) {
        String type = value.fhirType();
        String given = "value" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
        String text = value.isPrimitive() ? " '" + shown(value.primitiveValue()) + "'" : "";
        return new IllegalArgumentException("item '" + linkId + "' must be answered with " + expected + ", was "
                + given + text);
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
    }
}
