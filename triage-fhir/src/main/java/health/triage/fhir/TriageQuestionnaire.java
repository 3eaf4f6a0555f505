package health.triage.fhir;

import health.triage.Finding;
import health.triage.QuestionWording;
import health.triage.Sex;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.ResourceType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.UrlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The triage questionnaire as a FHIR R4 {@link Questionnaire}, generated from the vocabulary ({@link Finding}) and the
 * question wording ({@link QuestionWording}), never written by hand: a finding added to the vocabulary appears in it
 * by itself.
 *
 * <p>Each question's {@code linkId} is a finding code (such as {@code saddle_numbness}, a {@code boolean} item) or a
 * field name of a case ({@code age}, {@code sex}, {@code pregnant}, {@code durationDays}, {@code painScore},
 * {@code examined}). An examination-only finding ({@link Finding#examinationOnly()}) answered in a response whose
 * {@code examined} is no is an error naming the item (no {@code enableWhen} hides them: R4 validators take a
 * {@code !=} condition on an unanswered question as disabled, which would reject every clinician's response that
 * leaves {@code examined} out); the adaptive questionnaire never asks them of a person nobody examined. Items
 * are grouped: the emergency screen first, in the order it is asked, then the person, then one group per topic of
 * the vocabulary. Each question carries a {@code display} child item with the help text (why it is asked). No item
 * is required but the age: an unanswered question is unknown, never no.
 */
public final class TriageQuestionnaire {

    /** The questionnaire's logical id, as served at {@code Questionnaire/buttock-leg-pain-triage}. */
    public static final String ID = "buttock-leg-pain-triage";
    /** The canonical URL that QuestionnaireResponses name in {@code questionnaire}. */
    public static final String URL = "http://triage.health/fhir/Questionnaire/" + ID;
    /** The version: the vocabulary's, which changes whenever a code is added, renamed or redefined. */
    public static final String VERSION = Finding.VOCABULARY_VERSION;
    /** When the questionnaire's content last changed ({@code Questionnaire.date}); change it with the content. */
    public static final String DATE = "2026-12-07";
    /** SDC: the questionnaire is adaptive; the value is the FHIR base serving {@code $next-question}, or true. */
    public static final String ADAPTIVE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/"
            + "sdc-questionnaire-questionnaireAdaptive";
    /** FHIR R4 core: the unit of a numeric answer. */
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String UCUM = "http://unitsofmeasure.org";
    /**
     * Follow-up questions shown only after a yes to the question they follow (enableWhen), by link id. Only
     * follow-ups (role FOLLOW_UP): a screening question is never hidden, since unanswered it keeps the assessment
     * incomplete.
     */
    static final Map<String, String> FOLLOWS = Map.of(
            Finding.LEG_WEAKNESS_RECENT.code(), Finding.LEG_WEAKNESS.code(),
            Finding.BILATERAL_ONSET_RECENT.code(), Finding.BILATERAL_LEG_SYMPTOMS.code());

    /** The coding system of the {@code sex} answers: FHIR's administrative gender, whose codes are ours. */
    static final String GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender";
    static final String EMERGENCY_SCREEN_GROUP = "emergency-screen";
    static final String PERSON_GROUP = "about-you";
    static final String HELP_SUFFIX = ".help";

    private static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    /** The fields of a case asked as questions, in order, by their link ids (the case file's field names). */
    static final List<String> FIELDS = List.of("age", "sex", "pregnant", "durationDays", "painScore", "examined");

    /** Every question, by link id, in questionnaire order. */
    private static final Map<String, QuestionnaireItemComponent> QUESTIONS = questions();
    /** Every group link id. */
    private static final Set<String> GROUPS = groups().stream()
            .map(QuestionnaireItemComponent::getLinkId).collect(Collectors.toUnmodifiableSet());

    private TriageQuestionnaire() {
    }

    /**
     * The questionnaire; a new copy on each call, since FHIR model objects can be changed. It is marked adaptive
     * (SDC {@code questionnaireAdaptive} true) without naming where {@code $next-question} is served.
     */
    public static Questionnaire questionnaire() {
        return questionnaire(null);
    }

    /**
     * The questionnaire as a server publishes it: marked adaptive (SDC {@code questionnaireAdaptive}) with the FHIR
     * base that serves {@code $next-question}, such as {@code https://triage.example.org/fhir}.
     *
     * @param fhirBase the FHIR base URL, or {@code null} to mark it adaptive without naming the server
     */
    public static Questionnaire questionnaire(String fhirBase) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId(ID);
        questionnaire.setUrl(URL);
        questionnaire.setVersion(VERSION);
        questionnaire.setName("ButtockHipLegPainTriage");
        questionnaire.setTitle("Buttock, hip and leg pain triage");
        questionnaire.setStatus(PublicationStatus.ACTIVE);
        questionnaire.setDateElement(new DateTimeType(DATE));
        questionnaire.addExtension(ADAPTIVE, fhirBase == null ? new BooleanType(true) : new UrlType(fhirBase));
        questionnaire.setPublisher("health.triage");
        questionnaire.setDescription("The questions of the buttock, hip and leg pain triage, generated from its "
                + "vocabulary (version " + VERSION + "). Each question's linkId is a finding code or a field of a case; "
                + "leave a question unanswered when it was not asked or the answer is not known: unknown is never no. "
                + "Decision support, not a diagnosis.");
        questionnaire.addSubjectType(ResourceType.PATIENT.toCode());
        groups().forEach(questionnaire::addItem);
        return questionnaire;
    }

    /** A new copy of the question with this link id (with its help item), for an adaptive questionnaire. */
    static QuestionnaireItemComponent question(String linkId) {
        QuestionnaireItemComponent item = QUESTIONS.get(linkId);
        if (item == null) {
            throw new IllegalArgumentException("no question has linkId '" + linkId + "'");
        }
        return item.copy();
    }

    /** The question with this link id, or {@code null}; never change it. */
    static QuestionnaireItemComponent definition(String linkId) {
        return QUESTIONS.get(linkId);
    }

    /** Every question link id, in questionnaire order. */
    static Set<String> questionLinkIds() {
        return QUESTIONS.keySet();
    }

    /** True for the link id of a group. */
    static boolean isGroup(String linkId) {
        return GROUPS.contains(linkId);
    }

    private static List<QuestionnaireItemComponent> groups() {
        List<QuestionnaireItemComponent> groups = new ArrayList<>();
        groups.add(group(EMERGENCY_SCREEN_GROUP, "Emergency screen: please answer these first",
                Finding.EMERGENCY_SCREEN.stream().map(TriageQuestionnaire::finding).toList()));
        groups.add(group(PERSON_GROUP, "About you and the pain",
                FIELDS.stream().map(TriageQuestionnaire::field).map(TriageQuestionnaire::withUnit).toList()));
        for (Finding.Group topic : Finding.Group.values()) {
            List<QuestionnaireItemComponent> items = Arrays.stream(Finding.values())
                    .filter(f -> f.group() == topic && !Finding.EMERGENCY_SCREEN.contains(f))
                    .map(TriageQuestionnaire::finding)
                    .toList();
            if (!items.isEmpty()) {
                groups.add(group(topic.name().toLowerCase(Locale.ROOT).replace('_', '-'), topic.title(), items));
            }
        }
        return groups;
    }

    private static Map<String, QuestionnaireItemComponent> questions() {
        Map<String, QuestionnaireItemComponent> questions = new LinkedHashMap<>();
        for (QuestionnaireItemComponent group : groups()) {
            group.getItem().forEach(item -> questions.put(item.getLinkId(), item));
        }
        return Collections.unmodifiableMap(questions);
    }

    private static QuestionnaireItemComponent group(String linkId, String text,
                                                    List<QuestionnaireItemComponent> items) {
        QuestionnaireItemComponent group = new QuestionnaireItemComponent()
                .setLinkId(linkId).setText(text).setType(QuestionnaireItemType.GROUP);
        items.forEach(group::addItem);
        return group;
    }

    private static QuestionnaireItemComponent finding(Finding finding) {
        QuestionWording.Wording wording = QuestionWording.of(finding);
        QuestionnaireItemComponent item = question(finding.code(), QuestionnaireItemType.BOOLEAN,
                wording.patient() + scale(wording), wording.why());
        String follows = FOLLOWS.get(finding.code());
        if (follows != null) {
            item.addEnableWhen().setQuestion(follows).setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
                    .setAnswer(new BooleanType(true));
        }
        return item;
    }

    /**
     * For a question asked on a scale (STarT Back item 9), the scale's options and which of them answer yes, after
     * the question: the item stays boolean, as a case records it (a yes is "very much" or "extremely"), so responses
     * of vocabulary 2.1 still read; empty for a yes / no question.
     */
    private static String scale(QuestionWording.Wording wording) {
        if (wording.options().isEmpty()) {
            return "";
        }
        java.util.function.Function<Boolean, String> named = yes -> wording.options().stream()
                .filter(o -> o.yes() == yes).map(o -> o.label().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
        return " (" + wording.options().stream().map(QuestionWording.Option::label)
                .collect(java.util.stream.Collectors.joining(", ")) + ": answer yes for " + named.apply(true)
                + ", no for " + named.apply(false) + ")";
    }

    private static QuestionnaireItemComponent field(String name) {
        return switch (name) {
            case "age" -> range(question(name, QuestionnaireItemType.INTEGER, "How old are you, in whole years?",
                    "Some causes of pain, and some warning signs, depend on age; children and older people are "
                            + "assessed differently.").setRequired(true), 0, 120);
            case "sex" -> {
                QuestionnaireItemComponent sex = question(name, QuestionnaireItemType.CHOICE, "What is your sex?",
                        "Used with the pregnancy question and to word the advice.");
                for (Sex value : Sex.values()) {
                    sex.addAnswerOption().setValue(new Coding(GENDER_SYSTEM, value.code(),
                            value.code().substring(0, 1).toUpperCase(Locale.ROOT) + value.code().substring(1)));
                }
                yield sex;
            }
            case "pregnant" -> {
                QuestionnaireItemComponent pregnant = question(name, QuestionnaireItemType.BOOLEAN,
                        "Are you pregnant?", "Pregnancy changes which self-care steps and treatments are safe.");
                pregnant.addEnableWhen().setQuestion("sex")
                        .setOperator(Questionnaire.QuestionnaireItemOperator.NOT_EQUAL)
                        .setAnswer(new Coding(GENDER_SYSTEM, Sex.MALE.code(), "Male"));
                yield pregnant;
            }
            case "durationDays" -> range(question(name, QuestionnaireItemType.INTEGER,
                    "For how many days have you had this pain?",
                    "New symptoms are judged more urgently than long-standing, unchanged ones; leave it out if you "
                            + "are not sure."), 0, null);
            case "painScore" -> range(question(name, QuestionnaireItemType.INTEGER,
                    "How bad is the pain at its worst, from 0 (no pain) to 10 (the worst pain imaginable)?",
                    "Severe pain is never left to self-care alone."), 0, 10);
            case "examined" -> question(name, QuestionnaireItemType.BOOLEAN,
                    "Has a clinician (a doctor, physiotherapist or nurse) examined you for this pain?",
                    "If nobody has, the questions only a clinician can answer are left out and the advice rests on "
                            + "what you report; leave it out if you are not sure.");
            default -> throw new IllegalStateException("no question for the field " + name);
        };
    }

    private static QuestionnaireItemComponent question(String linkId, QuestionnaireItemType type, String text,
                                                       String why) {
        QuestionnaireItemComponent question = new QuestionnaireItemComponent()
                .setLinkId(linkId).setText(text).setType(type);
        QuestionnaireItemComponent help = question.addItem()
                .setLinkId(linkId + HELP_SUFFIX).setText(why).setType(QuestionnaireItemType.DISPLAY);
        help.addExtension(ITEM_CONTROL, new CodeableConcept(new Coding(
                "http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button")));
        return question;
    }

    /** A number of days carries its unit (UCUM {@code d}), so that a form shows it beside the box. */
    private static QuestionnaireItemComponent withUnit(QuestionnaireItemComponent item) {
        if (item.getLinkId().equals("durationDays")) {
            item.addExtension(UNIT, new Coding(UCUM, "d", "day"));
        }
        return item;
    }

    private static QuestionnaireItemComponent range(QuestionnaireItemComponent item, int min, Integer max) {
        item.addExtension(MIN_VALUE, new IntegerType(min));
        if (max != null) {
            item.addExtension(MAX_VALUE, new IntegerType(max));
        }
        return item;
    }
}
