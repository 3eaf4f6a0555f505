package health.triage.fhir;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SDC adaptive questionnaire ({@code Questionnaire/$next-question}, HL7 Structured Data Capture): given a
 * QuestionnaireResponse with its contained adaptive Questionnaire, appends the next question to that Questionnaire,
 * or completes the response when nothing more needs asking.
 *
 * <p>The order is the command line interview's: first the person (age, required; sex, how long, how bad), then
 * pregnancy when it applies, then one question at a time as {@link TriageEngine#nextQuestions(TriageCase, Set)} ranks
 * them (the emergency screen first), leaving out those that could only change the likely source. A question the
 * client sends back without an answer is "don't know": the finding stays unknown and is not asked again. The
 * response is completed as soon as the case is an emergency, when the assessment is complete, or when only
 * questions answered "don't know" could still change it; the completed response's questionnaire ends with a
 * display item saying the outcome, and the output {@link Parameters} carry the assessment as a
 * {@link org.hl7.fhir.r4.model.GuidanceResponse} in a second parameter, {@code assessment}.
 *
 * <p>The server keeps nothing between calls: every call works from the response it is given.
 */
public final class AdaptiveQuestionnaire {

    /** The name of the input and output parameters of {@code $next-question}. */
    public static final String IN = "questionnaire-response";
    public static final String OUT = "return";
    /** The extra output parameter holding the assessment once the response is completed. */
    public static final String ASSESSMENT = "assessment";
    /** The link id of the display item that says the outcome. */
    public static final String OUTCOME = "outcome";

    static final String CONTAINED_ID = "adaptive";
    private static final List<String> PERSON = List.of("age", "sex", "durationDays", "painScore", "examined");
    private static final int YOUNGEST_ASKED_PREGNANCY = 12;
    private static final int OLDEST_ASKED_PREGNANCY = 55;

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
        Questionnaire adaptive = new Questionnaire();
        adaptive.setId(CONTAINED_ID);
        adaptive.setStatus(PublicationStatus.ACTIVE);
        adaptive.addDerivedFrom(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);
        response.addContained(adaptive);
        response.setQuestionnaire("#" + CONTAINED_ID);
        return response;
    }

    /**
     * Answers the questions of an adaptive response that are asked but not yet answered with what a recorded case
     * says; a question the case does not answer is added without an answer ("don't know"). For replaying a recorded
     * case through the interview, as the tests do.
     */
    public static void answerFrom(QuestionnaireResponse response, TriageCase recorded) {
        Objects.requireNonNull(response, "response must not be null");
        Map<String, Object> values = QuestionnaireResponses.values(Objects.requireNonNull(recorded,
                "recorded must not be null"));
        Set<String> answered = response.getItem().stream().map(QuestionnaireResponseItemComponent::getLinkId)
                .collect(Collectors.toSet());
        for (QuestionnaireItemComponent question : adaptive(response).getItem()) {
            String linkId = question.getLinkId();
            if (question.getType() == QuestionnaireItemType.DISPLAY || answered.contains(linkId)) {
                continue;
            }
            Object value = values.get(linkId);
            response.addItem(value == null ? new QuestionnaireResponseItemComponent().setLinkId(linkId)
                    .setText(question.getText()) : QuestionnaireResponses.answer(linkId, value));
        }
    }

    /** The {@code $next-question} input parameters for a response. */
    public static Parameters input(QuestionnaireResponse response) {
        Parameters in = new Parameters();
        in.addParameter().setName(IN).setResource(response);
        return in;
    }

    /**
     * {@code $next-question}: the output parameters for the input parameters.
     *
     * @throws IllegalArgumentException naming the parameter or item, when the input is not one adaptive response to
     *                                  this questionnaire or an answer is wrong (as {@link QuestionnaireResponses} says)
     */
    public Parameters nextQuestion(Parameters in) {
        Objects.requireNonNull(in, "in must not be null");
        List<ParametersParameterComponent> given = in.getParameter();
        if (given.size() != 1 || !IN.equals(given.get(0).getName())
                || !(given.get(0).getResource() instanceof QuestionnaireResponse response)) {
            throw new IllegalArgumentException("the input must be exactly one parameter '" + IN
                    + "' holding a QuestionnaireResponse, was " + given.stream()
                    .map(p -> "'" + p.getName() + "'").collect(Collectors.joining(", ", "[", "]")));
        }
        Parameters out = new Parameters();
        Optional<NextQuestions> done = next(response);
        out.addParameter().setName(OUT).setResource(response);
        Reference subject = response.hasSubject() ? response.getSubject() : null;
        done.ifPresent(next -> out.addParameter().setName(ASSESSMENT)
                .setResource(AssessmentResources.guidanceResponse(next, subject)));
        return out;
    }

    /** Adds the next question to the response's questionnaire, or completes it; the result when completed. */
    private Optional<NextQuestions> next(QuestionnaireResponse response) {
        Questionnaire adaptive = adaptive(response);
        if (response.getStatus() == QuestionnaireResponseStatus.COMPLETED) {
            throw new IllegalArgumentException("status is completed: the interview is over; start a new response");
        }
        QuestionnaireResponses.Answers answers = QuestionnaireResponses.answers(response);
        Set<String> asked = adaptive.getItem().stream().map(QuestionnaireItemComponent::getLinkId)
                .collect(Collectors.toSet());
        for (String linkId : answers.values().keySet()) {
            if (!asked.contains(linkId)) {
                throw new IllegalArgumentException("item '" + linkId + "' was answered but not asked; answer only "
                        + "the items of the contained questionnaire");
            }
        }
        response.setStatus(QuestionnaireResponseStatus.INPROGRESS);
        if (!asked.contains("age")) {
            PERSON.forEach(linkId -> adaptive.addItem(TriageQuestionnaire.question(linkId)));
            return Optional.empty();
        }
        TriageCase triageCase = answers.triageCase(null);
        if (!asked.contains("pregnant") && triageCase.sex() != null && triageCase.sex() != Sex.MALE
                && triageCase.age() >= YOUNGEST_ASKED_PREGNANCY && triageCase.age() <= OLDEST_ASKED_PREGNANCY) {
            adaptive.addItem(TriageQuestionnaire.question("pregnant"));
            return Optional.empty();
        }
        NextQuestions next = engine.nextQuestions(triageCase, answers.dontKnow());
        Optional<Question> question = next.questions().stream()
                .filter(q -> q.priority() != Question.Priority.LIKELY_SOURCE)
                .findFirst();
        if (next.assessment().disposition() != Disposition.EMERGENCY && !next.complete() && question.isPresent()) {
            adaptive.addItem(TriageQuestionnaire.question(question.get().code()));
            return Optional.empty();
        }
        adaptive.addItem(new QuestionnaireItemComponent().setLinkId(OUTCOME).setType(QuestionnaireItemType.DISPLAY)
                .setText(outcome(next, answers.dontKnow())));
        response.setStatus(QuestionnaireResponseStatus.COMPLETED);
        return Optional.of(next);
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
            QuestionnaireResponse fresh = start();
            Questionnaire adaptive = (Questionnaire) fresh.getContained().get(0);
            response.addContained(adaptive);
            response.setQuestionnaire(fresh.getQuestionnaire());
            return adaptive;
        }
        String reference = response.getQuestionnaire();
        Questionnaire adaptive = contained.stream()
                .filter(q -> reference != null && reference.equals("#" + q.getIdElement().getIdPart()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("questionnaire must name the contained adaptive "
                        + "Questionnaire ('#" + CONTAINED_ID + "'), was '" + reference + "'"));
        boolean derived = adaptive.getDerivedFrom().stream().map(CanonicalType::getValue)
                .anyMatch(url -> url != null && (url.equals(TriageQuestionnaire.URL)
                        || url.equals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION)));
        if (!derived) {
            throw new IllegalArgumentException("the contained Questionnaire must be derivedFrom '"
                    + TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION + "'");
        }
        return adaptive;
    }

    /** The outcome in plain words, shown as the last item of the completed questionnaire. */
    private static String outcome(NextQuestions next, Set<Finding> dontKnow) {
        Assessment a = next.assessment();
        StringBuilder text = new StringBuilder(a.disposition().code()).append(": ").append(a.timeframe());
        a.redFlags().stream().filter(flag -> flag.level() == a.disposition())
                .forEach(flag -> text.append(' ').append(flag.text()));
        if (!next.complete() && a.disposition() != Disposition.EMERGENCY) {
            text.append(" The assessment is not complete: the answers to ").append(dontKnow.stream()
                    .map(Finding::code).collect(Collectors.joining(", "))).append(" were not known and could still "
                    + "change how urgent this is; a clinician should ask them.");
        }
        return text.append(" Decision support, not a diagnosis.").toString();
    }
}
