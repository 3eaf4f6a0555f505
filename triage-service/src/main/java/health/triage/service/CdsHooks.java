package health.triage.service;

import health.triage.Assessment;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.QuestionnaireResponses;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The CDS Hooks 2.0 service {@value #SERVICE_ID} for the {@code patient-view} hook: discovery, and a call that
 * assesses the patient's latest completed triage questionnaire response and answers with one card.
 *
 * <p>Prefetch: {@code patient} (the Patient) and {@code triageResponse} (a search for the patient's latest completed
 * QuestionnaireResponse to the triage questionnaire). When the client did not prefetch {@code triageResponse}, the
 * service fetches it from {@code fhirServer} with the given {@code fhirAuthorization}, but only from a FHIR server
 * it is configured to trust ({@link Settings#fhirServers()}); otherwise it answers 412 Precondition Failed, as the
 * specification asks. A {@code null} prefetch (the client found nothing) gives no card. An {@code OperationOutcome}
 * with an error in the prefetch (the client could not get the data), a response that is not finished, and answers
 * older than {@link Settings.Interop#maxAnswerAge()} give a "triage could not run" card instead of a triage card.
 */
final class CdsHooks {

    static final String SERVICE_ID = "buttock-leg-pain-triage";
    static final String HOOK = "patient-view";
    static final String PATIENT = "patient";
    static final String TRIAGE_RESPONSE = "triageResponse";
    private static final String MISSING = "prefetch." + TRIAGE_RESPONSE + " is missing";
    static final String SEARCH = "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire="
            + TriageQuestionnaire.URL + "&status=completed&_sort=-authored&_count=1";

    /** A request the service must refuse, with its HTTP status. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A FHIR resource id, as FHIR R4 defines it (the {@code id} datatype). */
    private static final java.util.regex.Pattern FHIR_ID = java.util.regex.Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /** An OAuth 2.0 bearer token (RFC 6750, b64token): nothing a header could not carry. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "[A-Za-z0-9\\-._~+/]{1,8192}=*");

    private final TriageEngine engine;
    private final List<TrustedFhirServer> trusted;
    private final FhirFetch fetcher;
    private final Settings.Interop interop;

    CdsHooks(TriageEngine engine, Settings settings, FhirFetch fetcher) {
        this.engine = engine;
        this.trusted = settings.trustedFhirServers();
        this.fetcher = fetcher;
        this.interop = settings.interop();
    }

    /** {@code GET /cds-services}. */
    static String discovery() {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        ObjectNode service = body.putArray("services").addObject();
        service.put("hook", HOOK);
        service.put("title", "Buttock, hip and leg pain triage");
        service.put("description", "Triage of buttock, hip and back-of-leg pain from the patient's latest completed "
                + "triage questionnaire (" + TriageQuestionnaire.URL + "): how urgently to be seen, red flags, "
                + "likely source, referral and self-care, each traced to a rule and its source. Decision support, "
                + "not a diagnosis.");
        service.put("id", SERVICE_ID);
        ObjectNode prefetch = service.putObject("prefetch");
        prefetch.put(PATIENT, "Patient/{{context.patientId}}");
        prefetch.put(TRIAGE_RESPONSE, SEARCH);
        service.put("usageRequirements", "Needs the patient's completed triage QuestionnaireResponse (questionnaire "
                + TriageQuestionnaire.URL + "), prefetched or readable from the FHIR server with the access token.");
        return JsonBodies.write(body);
    }

    /**
     * {@code POST /cds-services/{id}}: the cards for a hook request. A missing prefetch is fetched without holding
     * the calling thread; the assessment then runs on {@code work}. Cancelling the future aborts a fetch. Cards link
     * to the questionnaire below the configured {@link Settings.Interop#publicUrl()} only, never below a URL taken
     * from the request.
     *
     * @throws Refused                  with 412 when the triage response is missing and cannot be fetched (also
     *                                  through the future)
     * @throws IllegalArgumentException naming the field, when the request is not a valid patient-view call (also
     *                                  through the future)
     */
    CompletableFuture<ObjectNode> call(byte[] body, long deadlineNanos, Executor work) {
        JsonNode request = JsonBodies.tree(body);
        if (!request.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object");
        }
        String hook = text(request, "hook", "hook");
        if (!HOOK.equals(hook)) {
            throw new IllegalArgumentException("hook must be '" + HOOK + "', was '" + shown(hook) + "'");
        }
        String hookInstance = text(request, "hookInstance", "hookInstance");
        JsonNode context = request.get("context");
        if (context == null || !context.isObject()) {
            throw new IllegalArgumentException("context is required: an object with patientId and userId");
        }
        String patientId = text(context, "patientId", "context.patientId");
        if (!FHIR_ID.matcher(patientId).matches() || patientId.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("context.patientId must be a FHIR id (1 to 64 letters, digits, '-' "
                    + "or '.'), was '" + shown(patientId) + "'");
        }
        text(context, "userId", "context.userId");
        JsonNode prefetch = request.path("prefetch");
        if (!prefetch.isMissingNode() && !prefetch.isNull() && !prefetch.isObject()) {
            throw new IllegalArgumentException("prefetch must be an object of prefetched resources by key");
        }
        checkPatient(prefetch.get(PATIENT), patientId);
        String fhirServer = request.path("fhirServer").isTextual() ? request.path("fhirServer").asText() : null;
        if (prefetch.isObject() && prefetch.has(TRIAGE_RESPONSE)) {
            return CompletableFuture.completedFuture(assess(prefetch.get(TRIAGE_RESPONSE), patientId, fhirServer,
                    hookInstance));
        }
        CompletableFuture<byte[]> fetching = fetch(request, patientId, deadlineNanos);
        CompletableFuture<ObjectNode> cards = fetching.handle((bytes, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw cause instanceof FhirFetch.Failed f ? new Refused(f.busy ? 503 : 412, f.busy
                        ? "the service is fetching from FHIR servers for too many requests now; try again"
                        : MISSING + ", and " + f.getMessage()) : new CompletionException(cause);
            }
            return bytes;
        }).thenApplyAsync(bytes -> {
            JsonNode fetched;
            try {
                fetched = JsonBodies.tree(bytes);
            } catch (IllegalArgumentException e) {
                throw new Refused(412, MISSING + ", and fhirServer's answer is not valid JSON");
            }
            return assess(fetched, patientId, fhirServer, hookInstance);
        }, work);
        cards.whenComplete((done, failure) -> {
            if (failure != null) {
                fetching.cancel(true); // a deadline or a failure: abort the exchange if it still runs
            }
        });
        return cards;
    }

    /**
     * The card for the prefetched or fetched triage data: "triage could not run" for an OperationOutcome with an
     * error, an unfinished response or stale answers; 400 for a response about another patient or questionnaire.
     */
    private ObjectNode assess(JsonNode triage, String patientId, String fhirServer, String hookInstance) {
        Optional<String> failed = failure(triage);
        if (failed.isPresent()) {
            return CdsCards.couldNotRun(failed.get(), "Check that the triage questionnaire's answers can be read "
                    + "from the record, then open the record again.", hookInstance, engine.ruleBaseVersion());
        }
        Optional<QuestionnaireResponse> latest = latest(triage);
        if (latest.isEmpty()) {
            return CdsCards.none();
        }
        checkResponse(latest.get(), patientId, fhirServer);
        QuestionnaireResponse.QuestionnaireResponseStatus status = latest.get().getStatus();
        if (!USABLE.contains(status)) {
            return CdsCards.couldNotRun("the questionnaire is not finished (status "
                    + (status == null ? "missing" : status.toCode()) + ")", "Ask the patient to finish the triage "
                    + "questionnaire; answers in progress are never assessed.", hookInstance,
                    engine.ruleBaseVersion());
        }
        Date authored = latest.get().getAuthored();
        Duration maxAge = interop.maxAnswerAge();
        if (authored != null && authored.toInstant().isBefore(Instant.now().minus(maxAge))) {
            return CdsCards.couldNotRun("the answers are from " + CdsCards.day(authored) + ", older than "
                    + maxAge.toDays() + " days", "Ask the patient the triage questions again: old answers may no "
                    + "longer describe the pain, and an old result must not be acted on.", hookInstance,
                    engine.ruleBaseVersion());
        }
        TriageCase triageCase;
        try {
            triageCase = QuestionnaireResponses.toCase(latest.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("prefetch." + TRIAGE_RESPONSE + ": " + e.getMessage(), e);
        }
        Assessment assessment = engine.assess(triageCase);
        return CdsCards.response(assessment, patientId, hookInstance, interop.publicUrl(), authored);
    }

    /** The statuses of a response whose answers are final: completed, or amended after completion. */
    private static final Set<QuestionnaireResponse.QuestionnaireResponseStatus> USABLE = EnumSet.of(
            QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED,
            QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);

    /**
     * Why the prefetch says the EHR could not supply the data: an OperationOutcome with an error, on its own or in
     * the search Bundle (CDS Hooks: services should check prefetch for OperationOutcomes); empty otherwise.
     */
    private static Optional<String> failure(JsonNode triage) {
        if (triage == null || triage.isNull()) {
            return Optional.empty();
        }
        List<JsonNode> outcomes = new ArrayList<>();
        if (triage.path("resourceType").asText("").equals("OperationOutcome")) {
            outcomes.add(triage);
        }
        for (JsonNode entry : triage.path("entry")) {
            if (entry.path("resource").path("resourceType").asText("").equals("OperationOutcome")) {
                outcomes.add(entry.path("resource"));
            }
        }
        for (JsonNode outcome : outcomes) {
            for (JsonNode issue : outcome.path("issue")) {
                String severity = issue.path("severity").asText("");
                if (severity.equals("error") || severity.equals("fatal")) {
                    String code = issue.path("code").asText("");
                    return Optional.of("the record system could not supply the questionnaire answers ("
                            + (code.matches("[a-z-]{1,30}") ? code : "error") + ")");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code POST /cds-services/{id}/feedback}: checks the shape and counts the items; the content (card ids,
     * outcomes, comments) is never logged.
     *
     * @throws IllegalArgumentException when the body is not {@code {"feedback": [...]}}
     */
    int feedback(byte[] body) {
        JsonNode request = JsonBodies.tree(body);
        if (!request.isObject() || !request.path("feedback").isArray()) {
            throw new IllegalArgumentException("feedback is required: an array of {card, outcome, ...}");
        }
        return request.get("feedback").size();
    }

    /** The latest final response in a prefetched response or Bundle, or else the latest other; empty for none. */
    private static Optional<QuestionnaireResponse> latest(JsonNode triage) {
        if (triage == null || triage.isNull()) {
            return Optional.empty();
        }
        String type = triage.path("resourceType").asText("");
        byte[] json = JsonBodies.write(triage).getBytes(StandardCharsets.UTF_8);
        String field = "prefetch." + TRIAGE_RESPONSE;
        if (type.equals("QuestionnaireResponse")) {
            return Optional.of(read(QuestionnaireResponse.class, json, field));
        }
        if (!type.equals("Bundle")) {
            throw new IllegalArgumentException(field + " must be a QuestionnaireResponse or a Bundle of them, was "
                    + (type.isEmpty() ? "no FHIR resource" : "a " + shown(type)));
        }
        Bundle bundle = read(Bundle.class, json, field);
        List<QuestionnaireResponse> responses = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof QuestionnaireResponse)
                .map(r -> (QuestionnaireResponse) r)
                .filter(r -> r.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR)
                .toList();
        Comparator<QuestionnaireResponse> byAuthored = Comparator.comparing(QuestionnaireResponse::getAuthored,
                Comparator.nullsFirst(Comparator.<Date>naturalOrder()));
        Optional<QuestionnaireResponse> completed = responses.stream().filter(r -> USABLE.contains(r.getStatus()))
                .max(byAuthored);
        return completed.isPresent() ? completed : responses.stream().max(byAuthored);
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(Class<T> type, byte[] json,
                                                                                   String field) {
        try {
            return FhirFormat.read(type, json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /**
     * The triage response fetched from the client's FHIR server, when it is one this service trusts: the same scheme,
     * host and port as a configured server, and its path or one below it ({@link TrustedFhirServer}).
     */
    private CompletableFuture<byte[]> fetch(JsonNode request, String patientId, long deadlineNanos) {
        JsonNode server = request.get("fhirServer");
        JsonNode authorization = request.get("fhirAuthorization");
        if (server == null || server.isNull() || authorization == null || !authorization.isObject()) {
            throw new Refused(412, MISSING + ", and no fhirServer with fhirAuthorization was given to fetch it");
        }
        Optional<TrustedFhirServer> requested = server.isTextual() ? TrustedFhirServer.read(server.asText())
                : Optional.empty();
        if (requested.isEmpty() || trusted.stream().noneMatch(t -> t.trusts(requested.get()))) {
            throw new Refused(412, MISSING + ", and fhirServer is not one this service is configured to fetch from");
        }
        JsonNode tokenNode = authorization.get("access_token");
        if (tokenNode == null || !tokenNode.isTextual() || tokenNode.asText().isEmpty()) {
            throw new IllegalArgumentException("fhirAuthorization.access_token is required");
        }
        String token = tokenNode.asText();
        if (!TOKEN.matcher(token).matches()) { // never quote it: it is a secret
            throw new IllegalArgumentException("fhirAuthorization.access_token holds characters a bearer token "
                    + "cannot have (RFC 6750: letters, digits and -._~+/ then '=' padding), or is longer than 8192");
        }
        String query = SEARCH.replace("{{context.patientId}}", patientId); // a FHIR id: nothing to encode
        return fetcher.get(requested.get().resolve(query), token, deadlineNanos);
    }

    private static void checkPatient(JsonNode patient, String patientId) {
        if (patient != null && !patient.isNull()) {
            String id = patient.path("id").asText("");
            if (!patient.path("resourceType").asText("").equals("Patient") || !id.equals(patientId)) {
                throw new IllegalArgumentException("prefetch." + PATIENT + " must be the Patient '" + shown(patientId)
                        + "' of the context, was " + shown(patient.path("resourceType").asText("?")) + " '"
                        + shown(id) + "'");
            }
        }
    }

    /**
     * Only a response about the context's patient is assessed: one whose subject is {@code Patient/{id}} (or the same
     * reference absolute on the client's FHIR server), to the triage questionnaire; anything else is refused (400),
     * since it could be anyone's (a response with no subject, a subject known only by identifier, or on another
     * server). Its status is checked after this: an unfinished one gets the "triage could not run" card.
     */
    private static void checkResponse(QuestionnaireResponse response, String patientId, String fhirServer) {
        String field = "prefetch." + TRIAGE_RESPONSE;
        String subject = response.getSubject().getReference();
        String relative = "Patient/" + patientId;
        Optional<TrustedFhirServer> server = fhirServer == null ? Optional.empty() : TrustedFhirServer.read(fhirServer);
        boolean ours = relative.equals(subject) || server.isPresent() && subject != null
                && TrustedFhirServer.read(subject).map(s -> s.equals(server.get().below("Patient", patientId)))
                .orElse(false);
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException(field + " has no subject reference; only a response whose subject is '"
                    + relative + "' is assessed for this patient");
        }
        if (!ours) {
            throw new IllegalArgumentException(field + " is about '" + shown(subject) + "', not the context's "
                    + "patient '" + relative + "'");
        }
        String questionnaire = response.getQuestionnaire();
        if (questionnaire == null || !(questionnaire.equals(TriageQuestionnaire.URL)
                || questionnaire.equals(TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION))) {
            throw new IllegalArgumentException(field + ".questionnaire must be '" + TriageQuestionnaire.URL + "', was '"
                    + shown(questionnaire) + "'");
        }
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String shown(String text) {
        return Text.shown(text);
    }
}
