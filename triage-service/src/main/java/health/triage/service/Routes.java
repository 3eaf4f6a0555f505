package health.triage.service;

import health.triage.Assessment;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.examples.CaseJson;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The endpoints. Each request is read with a deadline ({@link Settings#requestTimeout()}), worked out on a bounded
 * pool of worker threads and answered; bad input gets 400 with a message naming the field, never a stack trace. The
 * log gets one line per request: method, endpoint, status and milliseconds, never the body, query or any case
 * content.
 */
final class Routes extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    static final String ASSESS_INPUT = "<request>";

    /** The endpoints, by method and path. */
    enum Route {
        HEALTH("GET", "/health"),
        DISCOVERY("GET", "/cds-services"),
        CDS_CALL("POST", "/cds-services/" + CdsHooks.SERVICE_ID),
        FEEDBACK("POST", "/cds-services/" + CdsHooks.SERVICE_ID + "/feedback"),
        QUESTIONNAIRE("GET", "/fhir/Questionnaire/" + TriageQuestionnaire.ID),
        NEXT_QUESTION("POST", "/fhir/Questionnaire/$next-question"),
        METADATA("GET", "/fhir/metadata"),
        EXTENSION("GET", "/fhir/StructureDefinition/triage-assessment"),
        ASSESS("POST", "/assess");

        final String method;
        final String path;

        Route(String method, String path) {
            this.method = method;
            this.path = path;
        }

        static Optional<Route> of(String path) {
            return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst();
        }
    }

    private final TriageEngine engine;
    private final Settings settings;
    private final ExecutorService work;
    private final CdsHooks cdsHooks;
    private final FhirEndpoints fhir;
    private final Cors cors;
    private final String discovery;
    private final String health;

    Routes(TriageEngine engine, Settings settings, ExecutorService work) {
        this.engine = engine;
        this.settings = settings;
        this.work = work;
        this.cdsHooks = new CdsHooks(engine, settings);
        this.fhir = new FhirEndpoints(engine, settings.interop());
        this.cors = new Cors(settings.interop().corsOrigins());
        this.discovery = CdsHooks.discovery();
        ObjectNode up = JsonBodies.MAPPER.createObjectNode();
        up.put("status", "UP");
        up.put("ruleBaseVersion", engine.ruleBaseVersion());
        up.put("vocabularyVersion", Finding.VOCABULARY_VERSION);
        up.put("questionnaire", TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);
        this.health = JsonBodies.write(up);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        long deadline = start + settings.requestTimeout().toNanos();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Optional<Route> route = Route.of(path);
        Optional<Reply> preflight = cors.apply(request, response, path);
        Reply reply;
        if (preflight.isPresent()) {
            reply = preflight.get();
        } else if (route.isEmpty() && path.startsWith("/fhir/")) {
            reply = new Reply(404, Reply.FHIR_JSON, FhirEndpoints.notFound(path));
        } else if (route.isEmpty()) {
            reply = Reply.json(404, JsonBodies.error("no such endpoint; the service answers GET /health, "
                    + "GET /cds-services, POST /cds-services/" + CdsHooks.SERVICE_ID + ", GET /fhir/Questionnaire/"
                    + TriageQuestionnaire.ID + ", POST /fhir/Questionnaire/$next-question and POST /assess"));
        } else if (!route.get().method.equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, route.get().method);
            reply = refusal(route.get(), 405, route.get().path + " answers " + route.get().method + " only");
        } else {
            reply = answer(route.get(), request, deadline);
        }
        if (reply.status() == 408) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType() + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, reply.body(), callback);
        LOG.info("{} {} {} {} ms", method, route.map(r -> r.path).orElse("(unknown path)"), reply.status(),
                (System.nanoTime() - start) / 1_000_000);
        return true;
    }

    private Reply answer(Route route, Request request, long deadline) {
        return switch (route) {
            case HEALTH -> Reply.json(200, health);
            case DISCOVERY -> Reply.json(200, discovery);
            case QUESTIONNAIRE -> new Reply(200, Reply.FHIR_JSON, fhir.questionnaire());
            case METADATA -> new Reply(200, Reply.FHIR_JSON, fhir.capabilities());
            case EXTENSION -> new Reply(200, Reply.FHIR_JSON, fhir.assessmentExtension());
            case CDS_CALL, FEEDBACK, NEXT_QUESTION, ASSESS -> {
                byte[] body;
                try {
                    body = Content.Source.asByteArrayAsync(request, settings.maxRequestBytes())
                            .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    yield refusal(route, 408, "the request body did not arrive within "
                            + settings.requestTimeout().toSeconds() + " s");
                } catch (ExecutionException e) {
                    yield refusal(route, 413, "the request body is larger than the limit of "
                            + settings.maxRequestBytes() + " bytes, or could not be read");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield refusal(route, 503, "the service is stopping");
                }
                String baseUrl = request.getHttpURI().getScheme() + "://" + request.getHttpURI().getAuthority();
                String nextQuestions = Request.extractQueryParameters(request).getValue("nextQuestions");
                yield work(route, () -> post(route, body, nextQuestions, baseUrl, deadline), deadline);
            }
        };
    }

    /** Works out a POST on the worker pool, within the deadline. */
    private Reply work(Route route, Supplier<Reply> task, long deadline) {
        Future<Reply> result;
        try {
            result = work.submit(task::get);
        } catch (RejectedExecutionException e) {
            return refusal(route, 503, "the service is busy or stopping; try again");
        }
        try {
            return result.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return refusal(route, 503, "the answer was not ready within " + settings.requestTimeout().toSeconds()
                    + " s; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return refusal(route, 503, "the service is stopping");
        } catch (ExecutionException e) {
            LOG.warn("{} failed: {}", route.path, e.getCause().getClass().getName()); // no case content
            return refusal(route, 500, "the rule base failed on this request");
        }
    }

    private Reply post(Route route, byte[] body, String nextQuestions, String baseUrl, long deadline) {
        try {
            return switch (route) {
                case ASSESS -> assess(body, nextQuestions);
                case CDS_CALL -> Reply.json(200, JsonBodies.write(cdsHooks.call(body, baseUrl, deadline)));
                case FEEDBACK -> {
                    LOG.info("feedback: {} item(s)", cdsHooks.feedback(body)); // never the content
                    yield Reply.json(200, "{}");
                }
                case NEXT_QUESTION -> {
                    JsonBodies.check(body);
                    yield new Reply(200, Reply.FHIR_JSON, fhir.nextQuestion(body));
                }
                default -> throw new IllegalStateException("not a POST endpoint: " + route);
            };
        } catch (CdsHooks.Refused e) {
            return refusal(route, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            return refusal(route, 400, e.getMessage());
        }
    }

    /** {@code POST /assess}: the command line's {@code assess --json} line for one case. */
    private Reply assess(byte[] body, String nextQuestions) {
        if (nextQuestions != null && !nextQuestions.equals("true") && !nextQuestions.equals("false")) {
            throw new IllegalArgumentException("nextQuestions must be true or false, was '"
                    + (nextQuestions.length() > 40 ? nextQuestions.substring(0, 40) + "…" : nextQuestions) + "'");
        }
        TriageCase triageCase;
        try {
            triageCase = CaseJson.readOne(ASSESS_INPUT, body);
        } catch (CaseJson.RejectedCase e) {
            return Reply.json(400, CaseJson.error(ASSESS_INPUT, e.id(), e.getMessage()));
        }
        if ("false".equals(nextQuestions)) {
            Assessment assessment = engine.assess(triageCase);
            return Reply.json(200, CaseJson.line(ASSESS_INPUT, assessment));
        }
        NextQuestions next = engine.nextQuestions(triageCase);
        return Reply.json(200, CaseJson.line(ASSESS_INPUT, next));
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** A refusal in the endpoint's own error format. */
    static Reply refusal(Route route, int status, String message) {
        return switch (route) {
            case ASSESS -> Reply.json(status, CaseJson.error(ASSESS_INPUT, null, ASSESS_INPUT + ": " + message));
            case NEXT_QUESTION, QUESTIONNAIRE, METADATA, EXTENSION -> new Reply(status, Reply.FHIR_JSON,
                    FhirFormat.write(FhirFormat.error(status == 400 ? OperationOutcome.IssueType.INVALID
                            : status == 405 ? OperationOutcome.IssueType.NOTSUPPORTED
                            : status == 413 ? OperationOutcome.IssueType.TOOLONG
                            : status == 408 || status == 503 ? OperationOutcome.IssueType.TIMEOUT
                            : OperationOutcome.IssueType.EXCEPTION, message)));
            default -> Reply.json(status, JsonBodies.error(message));
        };
    }
}
