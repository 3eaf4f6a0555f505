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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final TriageEngine engine;
    private final Settings settings;
    private final HttpClient http;

    CdsHooks(TriageEngine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
     * {@code POST /cds-services/{id}}: the cards for a hook request.
     *
     * @param baseUrl the service's own base URL, for links in cards
     * @throws Refused                  with 412 when the triage response is missing and cannot be fetched
     * @throws IllegalArgumentException naming the field, when the request is not a valid patient-view call
     */
    ObjectNode call(byte[] body, String baseUrl, long deadlineNanos) {
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
        text(context, "userId", "context.userId");
        JsonNode prefetch = request.path("prefetch");
        checkPatient(prefetch.get(PATIENT), patientId);
        JsonNode triage = prefetch.isObject() && prefetch.has(TRIAGE_RESPONSE) ? prefetch.get(TRIAGE_RESPONSE)
                : fetch(request, patientId, deadlineNanos);
        Optional<String> failed = failure(triage);
        if (failed.isPresent()) {
            return CdsCards.couldNotRun(failed.get(), "Check that the triage questionnaire's answers can be read "
                    + "from the record, then open the record again.", hookInstance, engine.ruleBaseVersion());
        }
        Optional<QuestionnaireResponse> latest = latest(triage);
        if (latest.isEmpty()) {
            return CdsCards.none();
        }
        checkSubject(latest.get(), patientId);
        QuestionnaireResponse.QuestionnaireResponseStatus status = latest.get().getStatus();
        if (!USABLE.contains(status)) {
            return CdsCards.couldNotRun("the questionnaire is not finished (status "
                    + (status == null ? "missing" : status.toCode()) + ")", "Ask the patient to finish the triage "
                    + "questionnaire; answers in progress are never assessed.", hookInstance,
                    engine.ruleBaseVersion());
        }
        Date authored = latest.get().getAuthored();
        Duration maxAge = settings.interop().maxAnswerAge();
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
        return CdsCards.response(assessment, patientId, hookInstance, baseUrl, authored);
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

    /** The triage response fetched from the client's FHIR server, when it is one this service trusts. */
    private JsonNode fetch(JsonNode request, String patientId, long deadlineNanos) {
        String fhirServer = request.path("fhirServer").asText("");
        JsonNode authorization = request.get("fhirAuthorization");
        String missing = "prefetch." + TRIAGE_RESPONSE + " is missing";
        if (fhirServer.isEmpty() || authorization == null || !authorization.isObject()) {
            throw new Refused(412, missing + ", and no fhirServer with fhirAuthorization was given to fetch it");
        }
        if (settings.fhirServers().stream().noneMatch(fhirServer::startsWith)) {
            throw new Refused(412, missing + ", and fhirServer is not one this service is configured to fetch from");
        }
        String token = authorization.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("fhirAuthorization.access_token is required");
        }
        String query = SEARCH.replace("{{context.patientId}}", URLEncoder.encode(patientId, StandardCharsets.UTF_8));
        URI uri = URI.create((fhirServer.endsWith("/") ? fhirServer : fhirServer + "/") + query);
        long remaining = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        HttpRequest get = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMillis(remaining))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new Refused(412, missing + ", and fhirServer answered HTTP " + response.statusCode());
                }
                byte[] bundle = in.readNBytes(settings.maxRequestBytes() + 1);
                if (bundle.length > settings.maxRequestBytes()) {
                    throw new Refused(412, missing + ", and fhirServer's answer is larger than "
                            + settings.maxRequestBytes() + " bytes");
                }
                return JsonBodies.tree(bundle);
            }
        } catch (IOException e) {
            throw new Refused(412, missing + ", and fhirServer could not be reached (" + e.getClass().getSimpleName()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "interrupted while fetching from fhirServer");
        }
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

    /** A response about another patient must never be assessed for this one. */
    private static void checkSubject(QuestionnaireResponse response, String patientId) {
        String subject = response.getSubject().getReference();
        if (subject != null && !subject.equals("Patient/" + patientId) && !subject.endsWith("/Patient/" + patientId)) {
            throw new IllegalArgumentException("prefetch." + TRIAGE_RESPONSE + " is about '" + shown(subject)
                    + "', not the context's patient 'Patient/" + shown(patientId) + "'");
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
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
