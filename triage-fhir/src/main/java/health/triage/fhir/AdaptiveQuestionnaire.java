package health.triage.fhir;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.Screen;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.UriType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SDC adaptive questionnaire ({@code Questionnaire/$next-question}, HL7 Structured Data Capture): given a
 * QuestionnaireResponse with its contained adaptive Questionnaire, appends the next screen of questions to that
 * Questionnaire, or completes the response when nothing more needs asking.
 *
 * <p>Each call adds one screen, as {@link NextQuestions#nextScreen()} groups the questions (the emergency screen
 * first, then where it hurts, then the group of the highest-ranked question): several findings become a
 * {@code group} item (linkId {@code screen-N}) of yes/no questions under the screen's question, one finding a single
 * question. The first call asks about the person (age, required; sex; pregnancy, shown by {@code enableWhen} at 12
 * to 55 years when the sex is not male; how long; how bad). A question asked but left unanswered, whether the client
 * sends it back without an answer or leaves it out, is "don't know": the finding stays unknown and is not asked
 * again. The
 * response is completed as soon as the case is an emergency, when the assessment is complete, or when only
 * questions answered "don't know" could still change it; the completed questionnaire ends with a display item
 * saying the outcome.
 *
 * <p>The completed response carries the assessment: a contained {@link GuidanceResponse} (id {@value #ASSESSMENT_ID})
 * referenced by the extension {@value #ASSESSMENT}, with the resources it references (output parameters, care plan,
 * referrals) beside it in {@code contained}, since FHIR does not allow contained resources to contain others.
 *
 * <p>The server keeps nothing between calls: every call works from the response it is given.
 */
public final class AdaptiveQuestionnaire {

    /** The name of the input and output parameters of {@code $next-question}. */
    public static final String IN = "questionnaire-response";
    public static final String OUT = "return";
    /** The extension on a completed response that references its contained assessment. */
    public static final String ASSESSMENT = "http://triage.health/fhir/StructureDefinition/triage-assessment";
    /** The id of the contained GuidanceResponse. */
    public static final String ASSESSMENT_ID = "assessment";
    /** The link id of the display item that says the outcome. */
    public static final String OUTCOME = "outcome";
    /** The link id prefix of a screen's group item. */
    public static final String SCREEN = "screen-";

    static final String CONTAINED_ID = "adaptive";
    static final String TITLE = "Buttock, hip and leg pain triage";
    private static final List<String> PERSON = List.of("age", "sex", "pregnant", "durationDays", "painScore",
            "examined");
    private static final int YOUNGEST_ASKED_PREGNANCY = 12;
    private static final int OLDEST_ASKED_PREGNANCY = 55;
    /** Contained ids the assessment uses; the adaptive questionnaire must have another. */
    private static final Set<String> RESERVED = Set.of(ASSESSMENT_ID, "output", "plan");

    private final TriageEngine engine;

    /** An adaptive questionnaire asking the questions {@code engine} ranks; build the engine once and share it. */
    public AdaptiveQuestionnaire(TriageEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine must not be null");
    }

    /**
     * A new, empty adaptive response to start an interview with: its contained questionnaire has no items yet.
     */
    public static QuestionnaireResponse start() {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setStatus(QuestionnaireResponseStatus.INPROGRESS);
        response.addContained(newAdaptive());
        response.setQuestionnaire("#" + CONTAINED_ID);
        return response;
    }

    private static Questionnaire newAdaptive() {
        Questionnaire adaptive = new Questionnaire();
        adaptive.setId(CONTAINED_ID);
        adaptive.setTitle(TITLE);
        adaptive.setStatus(PublicationStatus.ACTIVE);
        adaptive.addExtension(TriageQuestionnaire.ADAPTIVE, new BooleanType(true));
        adaptive.addDerivedFrom(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);
        return adaptive;
    }

    /**
     * Answers the questions of an adaptive response that are asked but not yet answered with what a recorded case
     * says, grouped as the contained questionnaire groups them; a question the case does not answer is added without
     * an answer ("don't know"). For replaying a recorded case through the interview, as the tests do.
     */
    public static void answerFrom(QuestionnaireResponse response, TriageCase recorded) {
        Objects.requireNonNull(response, "response must not be null");
        Map<String, Object> values = QuestionnaireResponses.values(Objects.requireNonNull(recorded,
                "recorded must not be null"));
        Set<String> present = new HashSet<>();
        linkIds(response.getItem(), present);
        for (QuestionnaireItemComponent item : adaptive(response).getItem()) {
            if (item.getType() == QuestionnaireItemType.DISPLAY || present.contains(item.getLinkId())) {
                continue;
            }
            if (item.getType() == QuestionnaireItemType.GROUP) {
                QuestionnaireResponseItemComponent group = response.addItem().setLinkId(item.getLinkId())
                        .setText(item.getText());
                item.getItem().stream().filter(q -> q.getType() != QuestionnaireItemType.DISPLAY)
                        .forEach(q -> group.addItem(answer(q, values)));
            } else {
                response.addItem(answer(item, values));
            }
        }
    }

    private static QuestionnaireResponseItemComponent answer(QuestionnaireItemComponent question,
                                                             Map<String, Object> values) {
        Object value = values.get(question.getLinkId());
        return value == null ? new QuestionnaireResponseItemComponent().setLinkId(question.getLinkId())
                .setText(question.getText()) : QuestionnaireResponses.answer(question.getLinkId(), value);
    }

    private static void linkIds(List<QuestionnaireResponseItemComponent> items, Set<String> into) {
        for (QuestionnaireResponseItemComponent item : items) {
            into.add(item.getLinkId());
            linkIds(item.getItem(), into);
        }
    }

    /** The {@code $next-question} input parameters for a response. */
    public static Parameters input(QuestionnaireResponse response) {
        Parameters in = new Parameters();
        in.addParameter().setName(IN).setResource(response);
        return in;
    }

    /**
     * The response of {@code $next-question}'s input parameters: exactly one parameter {@value #IN}.
     *
     * @throws IllegalArgumentException naming the parameters given, when there is not exactly that one
     */
    public static QuestionnaireResponse response(Parameters in) {
        Objects.requireNonNull(in, "in must not be null");
        List<ParametersParameterComponent> given = in.getParameter();
        if (given.size() != 1 || !IN.equals(given.get(0).getName())
                || !(given.get(0).getResource() instanceof QuestionnaireResponse response)) {
            throw new IllegalArgumentException("the input must be exactly one parameter '" + IN
                    + "' holding a QuestionnaireResponse, was " + given.stream()
                    .map(p -> "'" + p.getName() + "'").collect(Collectors.joining(", ", "[", "]")));
        }
        return response;
    }

    /**
     * {@code $next-question} called with its input parameters: the updated response (the operation's one output,
     * {@value #OUT}, which FHIR returns bare).
     *
     * @throws IllegalArgumentException as {@link #response(Parameters)} and
     *                                  {@link #nextQuestion(QuestionnaireResponse)}
     */
    public QuestionnaireResponse nextQuestion(Parameters in) {
        return nextQuestion(response(in));
    }

    /**
     * {@code $next-question}: the response with the next screen appended to its contained questionnaire, or
     * completed with its assessment ({@link #assessment(QuestionnaireResponse)}). The response given is changed and
     * returned.
     *
     * @throws IllegalArgumentException naming the item, when the response is not an adaptive response to this
     *                                  questionnaire, is already completed, or an answer is wrong (as
     *                                  {@link QuestionnaireResponses} says)
     */
    public QuestionnaireResponse nextQuestion(QuestionnaireResponse response) {
        Objects.requireNonNull(response, "response must not be null");
        next(response).ifPresent(next -> attach(response, next));
        return response;
    }

    /** The assessment a completed response carries, or empty while the interview goes on. */
    public static Optional<GuidanceResponse> assessment(QuestionnaireResponse response) {
        Extension extension = response.getExtensionByUrl(ASSESSMENT);
        if (extension == null || !(extension.getValue() instanceof Reference reference)) {
            return Optional.empty();
        }
        return response.getContained().stream()
                .filter(r -> r instanceof GuidanceResponse && reference.getReference() != null
                        && reference.getReference().equals("#" + r.getIdElement().getIdPart()))
                .map(r -> (GuidanceResponse) r)
                .findFirst();
    }

    /**
     * The definition of the extension {@value #ASSESSMENT} (a differential; validators generate the snapshot), as a
     * server publishes it at {@code StructureDefinition/triage-assessment}.
     */
    public static StructureDefinition assessmentExtension() {
        StructureDefinition definition = new StructureDefinition();
        definition.setId("triage-assessment");
        definition.setUrl(ASSESSMENT);
        definition.setVersion(TriageQuestionnaire.VERSION);
        definition.setName("TriageAssessment");
        definition.setTitle("Triage assessment of an adaptive response");
        definition.setStatus(PublicationStatus.ACTIVE);
        definition.setDescription("On a QuestionnaireResponse completed by $next-question: the triage assessment, a "
                + "GuidanceResponse contained in the same response.");
        definition.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        definition.setKind(StructureDefinition.StructureDefinitionKind.COMPLEXTYPE);
        definition.setAbstract(false);
        definition.addContext().setType(StructureDefinition.ExtensionContextType.ELEMENT)
                .setExpression("QuestionnaireResponse");
        definition.setType("Extension");
        definition.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
        definition.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
        List<ElementDefinition> elements = definition.getDifferential().getElement();
        elements.add(element("Extension").setShort("Triage assessment")
                .setDefinition("The triage assessment of the completed response.").setMin(0).setMax("1"));
        elements.add(element("Extension.extension").setMax("0"));
        elements.add(element("Extension.url").setFixed(new UriType(ASSESSMENT)));
        ElementDefinition value = element("Extension.value[x]").setMin(1);
        value.addType().setCode("Reference").addTargetProfile("http://hl7.org/fhir/StructureDefinition/"
                + "GuidanceResponse");
        elements.add(value);
        return definition;
    }

    private static ElementDefinition element(String path) {
        ElementDefinition element = new ElementDefinition().setPath(path);
        element.setId(path);
        return element;
    }

    /** The assessment as a contained GuidanceResponse, its own contained resources beside it. */
    private static void attach(QuestionnaireResponse response, NextQuestions next) {
        Reference subject = response.hasSubject() ? response.getSubject() : null;
        GuidanceResponse guidance = AssessmentResources.guidanceResponse(next, subject);
        List<Resource> parts = new ArrayList<>(guidance.getContained());
        guidance.getContained().clear();
        guidance.setId(ASSESSMENT_ID);
        response.addContained(guidance);
        parts.forEach(response::addContained);
        response.addExtension(ASSESSMENT, new Reference("#" + ASSESSMENT_ID));
    }

    /** Adds the next screen to the response's questionnaire, or completes it; the result when completed. */
    private Optional<NextQuestions> next(QuestionnaireResponse response) {
        Questionnaire adaptive = adaptive(response);
        if (response.getStatus() == QuestionnaireResponseStatus.COMPLETED) {
            throw new IllegalArgumentException("status is completed: the interview is over; start a new response");
        }
        QuestionnaireResponses.Answers answers = QuestionnaireResponses.answers(response);
        Map<String, QuestionnaireItemComponent> asked = new LinkedHashMap<>();
        questions(adaptive.getItem(), asked);
        for (String linkId : answers.values().keySet()) {
            if (!asked.containsKey(linkId)) {
                throw new IllegalArgumentException("item '" + linkId + "' was answered but not asked; answer only "
                        + "the items of the contained questionnaire");
            }
        }
        response.setStatus(QuestionnaireResponseStatus.INPROGRESS);
        if (!asked.containsKey("age")) {
            PERSON.forEach(linkId -> adaptive.addItem(person(linkId)));
            return Optional.empty();
        }
        TriageCase triageCase = answers.triageCase(null);
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        asked.keySet().stream().filter(linkId -> !answers.values().containsKey(linkId))
                .forEach(linkId -> Finding.lookup(linkId).ifPresent(dontKnow::add));
        NextQuestions next = engine.nextQuestions(triageCase, dontKnow);
        List<Question> screen = next.nextScreen().map(Screen::questions).orElse(List.of()).stream()
                .filter(q -> !asked.containsKey(q.code()))
                .toList();
        if (next.assessment().disposition() != Disposition.EMERGENCY && !next.complete() && !screen.isEmpty()) {
            Set<String> shown = new HashSet<>(asked.keySet());
            screen.forEach(q -> shown.add(q.code()));
            List<QuestionnaireItemComponent> items = screen.stream()
                    .map(q -> followUp(TriageQuestionnaire.question(q.code()), shown)).toList();
            if (items.size() == 1) {
                adaptive.addItem(items.get(0));
            } else {
                long groups = adaptive.getItem().stream().filter(i -> i.getType() == QuestionnaireItemType.GROUP)
                        .count();
                QuestionnaireItemComponent group = adaptive.addItem().setLinkId(SCREEN + (groups + 1))
                        .setText(next.nextScreen().get().text()).setType(QuestionnaireItemType.GROUP);
                items.forEach(group::addItem);
            }
            return Optional.empty();
        }
        adaptive.addItem(new QuestionnaireItemComponent().setLinkId(OUTCOME).setType(QuestionnaireItemType.DISPLAY)
                .setText(outcome(next, dontKnow)));
        response.setStatus(QuestionnaireResponseStatus.COMPLETED);
        return Optional.of(next);
    }

    /** True for the link id of a screen's group item in an adaptive questionnaire. */
    static boolean isScreen(String linkId) {
        return linkId.startsWith(SCREEN);
    }

    /** A question of the person; pregnancy is shown at 12 to 55 years, when the sex is not male. */
    private static QuestionnaireItemComponent person(String linkId) {
        QuestionnaireItemComponent item = TriageQuestionnaire.question(linkId);
        if (linkId.equals("pregnant")) {
            item.setEnableBehavior(Questionnaire.EnableWhenBehavior.ALL);
            item.addEnableWhen().setQuestion("age").setOperator(Questionnaire.QuestionnaireItemOperator
                    .GREATER_OR_EQUAL).setAnswer(new IntegerType(YOUNGEST_ASKED_PREGNANCY));
            item.addEnableWhen().setQuestion("age").setOperator(Questionnaire.QuestionnaireItemOperator
                    .LESS_OR_EQUAL).setAnswer(new IntegerType(OLDEST_ASKED_PREGNANCY));
        }
        return item;
    }

    /** A follow-up keeps its {@code enableWhen} only when the question it follows is shown too. */
    private static QuestionnaireItemComponent followUp(QuestionnaireItemComponent item, Set<String> shown) {
        item.getEnableWhen().removeIf(when -> !shown.contains(when.getQuestion()));
        return item;
    }

    /** The questions (not groups, not display items) of a questionnaire's items, by link id. */
    private static void questions(List<QuestionnaireItemComponent> items,
                                  Map<String, QuestionnaireItemComponent> into) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getType() == QuestionnaireItemType.GROUP) {
                questions(item.getItem(), into);
            } else if (item.getType() != QuestionnaireItemType.DISPLAY) {
                into.put(item.getLinkId(), item);
            }
        }
    }

    /** The response's contained adaptive questionnaire, checked; one is added to a response that has none. */
    private static Questionnaire adaptive(QuestionnaireResponse response) {
        List<Questionnaire> contained = new ArrayList<>();
        for (Resource resource : response.getContained()) {
            if (resource instanceof Questionnaire q) {
                contained.add(q);
            }
        }
        if (contained.isEmpty() && !response.hasQuestionnaire() && !response.hasItem()) {
            Questionnaire adaptive = newAdaptive();
            response.addContained(adaptive);
            response.setQuestionnaire("#" + CONTAINED_ID);
            return adaptive;
        }
        String reference = response.getQuestionnaire();
        Questionnaire adaptive = contained.stream()
                .filter(q -> reference != null && reference.equals("#" + q.getIdElement().getIdPart()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("questionnaire must name the contained adaptive "
                        + "Questionnaire ('#" + CONTAINED_ID + "'), was '" + reference + "'"));
        String id = adaptive.getIdElement().getIdPart();
        if (RESERVED.contains(id) || id.startsWith("referral-")) {
            throw new IllegalArgumentException("the contained Questionnaire's id '" + id + "' is kept for the "
                    + "assessment; use another, such as '" + CONTAINED_ID + "'");
        }
        boolean derived = adaptive.getDerivedFrom().stream().map(CanonicalType::getValue)
                .anyMatch(url -> url != null && (url.equals(TriageQuestionnaire.URL)
                        || url.equals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION)));
        if (!derived) {
            throw new IllegalArgumentException("the contained Questionnaire must be derivedFrom '"
                    + TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION + "'");
        }
        if (!adaptive.hasTitle()) {
            adaptive.setTitle(TITLE);
        }
        if (!adaptive.hasExtension(TriageQuestionnaire.ADAPTIVE)) {
            adaptive.addExtension(TriageQuestionnaire.ADAPTIVE, new BooleanType(true));
        }
        return adaptive;
    }

    /** The outcome in plain words, shown as the last item of the completed questionnaire. */
    private static String outcome(NextQuestions next, Set<Finding> dontKnow) {
        Assessment a = next.assessment();
        StringBuilder text = new StringBuilder(a.disposition().code().replace('_', ' ')).append(": ")
                .append(a.timeframe());
        a.redFlags().stream().filter(flag -> flag.level() == a.disposition())
                .forEach(flag -> text.append(' ').append(flag.text()));
        if (!next.complete() && a.disposition() != Disposition.EMERGENCY) {
            text.append(" The assessment is not complete: ").append(dontKnow.size() == 1 ? "one answer was"
                    : dontKnow.size() + " answers were").append(" not known and could still change how urgent this "
                    + "is; a clinician should ask about ").append(dontKnow.size() == 1 ? "it." : "them.");
        }
        return text.append(" Decision support, not a diagnosis.").toString();
    }
}
