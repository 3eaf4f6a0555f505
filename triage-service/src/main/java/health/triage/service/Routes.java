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
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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
    /** Request bodies held at once take at most a quarter of the heap. */
    private final BodyBudget bodies = new BodyBudget(Runtime.getRuntime().maxMemory() / 4);

    Routes(TriageEngine engine, Settings settings, ExecutorService work, FhirFetch fetcher) {
        this.engine = engine;
        this.settings = settings;
        this.work = work;
        this.cdsHooks = new CdsHooks(engine, settings, fetcher);
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

    /**
     * Answers without blocking the calling thread: GETs at once; a POST's body is read asynchronously (a slow body
     * holds no thread), then worked out on the worker pool. The deadline counts from the request's arrival, so time
     * spent waiting counts too; at the deadline the client gets 408 (body still arriving) or 503, and the read, the
     * queued or running work and any FHIR fetch are cancelled.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long now = System.nanoTime();
        long arrived = now - request.getBeginNanoTime() >= 0 ? request.getBeginNanoTime() : now;
        long deadline = arrived + settings.requestTimeout().toNanos();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Optional<Route> route = Route.of(path);
        Optional<Reply> preflight = cors.apply(request, response, path);
        CompletableFuture<Reply> reply;
        AtomicBoolean close = new AtomicBoolean();
        if (preflight.isPresent()) {
            reply = CompletableFuture.completedFuture(preflight.get());
        } else if (route.isEmpty() && path.startsWith("/fhir/")) {
            reply = CompletableFuture.completedFuture(new Reply(404, Reply.FHIR_JSON, FhirEndpoints.notFound(path)));
        } else if (route.isEmpty()) {
            reply = CompletableFuture.completedFuture(Reply.json(404, JsonBodies.error("no such endpoint; the "
                    + "service answers GET /health, GET /cds-services, POST /cds-services/" + CdsHooks.SERVICE_ID
                    + ", GET /fhir/Questionnaire/" + TriageQuestionnaire.ID + ", POST /fhir/Questionnaire/"
                    + "$next-question and POST /assess")));
        } else if (!route.get().method.equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, route.get().method);
            reply = CompletableFuture.completedFuture(refusal(route.get(), 405, route.get().path + " answers "
                    + route.get().method + " only"));
        } else {
            reply = answer(route.get(), request, deadline, close);
        }
        reply.whenComplete((done, failure) -> {
            Reply sent = done != null ? done : Reply.json(500, JsonBodies.error("the service failed on this request"));
            if (close.get()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            response.setStatus(sent.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, sent.contentType() + "; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            // logged before the answer goes out, so that a client that has its answer finds the request logged
            LOG.info("{} {} {} {} ms", safe(method),
                    route.map(r -> r.path).orElse("(unknown path)"), sent.status(),
                    (System.nanoTime() - arrived) / 1_000_000);
            Content.Sink.write(response, true, sent.body(), callback);
        });
        return true;
    }

    /** A method name for the log: the standard ones as they are, anything else without its text. */
    private static String safe(String method) {
        return method.matches("GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|TRACE|CONNECT") ? method : "(other method)";
    }

    private CompletableFuture<Reply> answer(Route route, Request request, long deadline, AtomicBoolean close) {
        return switch (route) {
            case HEALTH -> CompletableFuture.completedFuture(Reply.json(200, health));
            case DISCOVERY -> CompletableFuture.completedFuture(Reply.json(200, discovery));
            case QUESTIONNAIRE -> CompletableFuture.completedFuture(new Reply(200, Reply.FHIR_JSON,
                    fhir.questionnaire()));
            case METADATA -> CompletableFuture.completedFuture(new Reply(200, Reply.FHIR_JSON, fhir.capabilities()));
            case EXTENSION -> CompletableFuture.completedFuture(new Reply(200, Reply.FHIR_JSON,
                    fhir.assessmentExtension()));
            case CDS_CALL, FEEDBACK, NEXT_QUESTION, ASSESS -> {
                String nextQuestions = Request.extractQueryParameters(request).getValue("nextQuestions");
                BodyBudget.Reading reading = bodies.read(request);
                CompletableFuture<byte[]> body = reading.bytes;
                CompletableFuture<Reply> answer = new CompletableFuture<>();
                AtomicReference<Future<?>> task = new AtomicReference<>();
                AtomicReference<CompletableFuture<Reply>> inner = new AtomicReference<>();
                body.whenComplete((bytes, failure) -> {
                    if (failure != null) {
                        close.set(true); // the framing cannot be trusted
                        answer.complete(unreadable(route, failure));
                        return;
                    }
                    try {
                        task.set(work.submit(() -> {
                            if (answer.isDone() || System.nanoTime() - deadline >= 0) {
                                return; // the deadline has answered already
                            }
                            try {
                                CompletableFuture<Reply> result = post(route, bytes, nextQuestions, deadline);
                                inner.set(result);
                                result.whenComplete((r, e) -> answer.complete(e == null ? r : failed(route, e)));
                            } catch (RuntimeException e) {
                                answer.complete(failed(route, e));
                            }
                        }));
                    } catch (RejectedExecutionException e) {
                        answer.complete(refusal(route, 503, "the service is busy or stopping; try again"));
                    }
                });
                CompletableFuture.delayedExecutor(remainingMillis(deadline), TimeUnit.MILLISECONDS).execute(() -> {
                    if (answer.isDone()) {
                        return;
                    }
                    if (!body.isDone()) {
                        close.set(true);
                        try {
                            request.fail(new TimeoutException("request body too slow")); // stop reading it: the
                            // read fails, which answers 408 below
                        } catch (RuntimeException alreadyEnded) {
                            // the exchange ended meanwhile
                        }
                    }
                    Reply late = body.isDone() && !body.isCompletedExceptionally() ? refusal(route, 503, "the "
                            + "answer was not ready within " + settings.requestTimeout().toSeconds() + " s; try again")
                            : tooSlow(route);
                    if (answer.complete(late)) {
                        Optional.ofNullable(task.get()).ifPresent(t -> t.cancel(true));
                        Optional.ofNullable(inner.get()).ifPresent(f -> f.cancel(true));
                    }
                });
                answer.whenComplete((done, failure) -> reading.release());
                yield answer;
            }
        };
    }

    private Reply tooSlow(Route route) {
        return refusal(route, 408, "the request body did not arrive within " + settings.requestTimeout().toSeconds()
                + " s");
    }

    /**
     * A body that could not be read: too large (413, from the size limit), still arriving at the deadline (408), more
     * than the memory for bodies has room for now (503), or anything else, such as a malformed chunk (400).
     */
    private Reply unreadable(Route route, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return tooSlow(route);
            }
            if (cause instanceof BodyBudget.Spent spent) {
                return refusal(route, 503, spent.getMessage() + "; try again");
            }
            if (cause instanceof HttpException http && http.getCode() == 413) {
                return refusal(route, 413, "the request body is larger than the limit of "
                        + settings.maxRequestBytes() + " bytes");
            }
        }
        return refusal(route, 400, "the request body is not valid HTTP framing (such as a malformed chunk)");
    }

    /** An unexpected failure of the work: a refusal it carries, or 500 naming nothing of the request. */
    private static Reply failed(Route route, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof CdsHooks.Refused refused) {
            return refusal(route, refused.status, refused.getMessage());
        }
        if (cause instanceof IllegalArgumentException bad) {
            return refusal(route, 400, bad.getMessage());
        }
        if (cause instanceof RejectedExecutionException) {
            return refusal(route, 503, "the service is busy or stopping; try again");
        }
        if (cause instanceof CancellationException) {
            return refusal(route, 503, "the answer was cancelled");
        }
        LOG.warn("{} failed: {}", route.path, cause.getClass().getName()); // no case content
        return refusal(route, 500, "the service failed on this request");
    }

    private CompletableFuture<Reply> post(Route route, byte[] body, String nextQuestions, long deadline) {
        try {
            return switch (route) {
                case ASSESS -> CompletableFuture.completedFuture(assess(body, nextQuestions));
                case CDS_CALL -> cdsHooks.call(body, deadline, work)
                        .thenApply(cards -> Reply.json(200, JsonBodies.write(cards)));
                case FEEDBACK -> {
                    LOG.info("feedback: {} item(s)", cdsHooks.feedback(body)); // never the content
                    yield CompletableFuture.completedFuture(Reply.json(200, "{}"));
                }
                case NEXT_QUESTION -> CompletableFuture.completedFuture(new Reply(200, Reply.FHIR_JSON,
                        fhir.nextQuestion(body))); // checks the body as JsonBodies.tree does
                default -> throw new IllegalStateException("not a POST endpoint: " + route);
            };
        } catch (CdsHooks.Refused e) {
            return CompletableFuture.completedFuture(refusal(route, e.status, e.getMessage()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(refusal(route, 400, e.getMessage()));
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
