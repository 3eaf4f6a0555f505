package health.triage.service;

import health.triage.BilateralLegSymptomsPolicy;
import health.triage.TriageEngine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar triage-service.jar --port 8080}: builds the engine once and serves CDS Hooks, the FHIR
 * questionnaire with SDC {@code $next-question}, and the command line's JSON, until stopped (Ctrl-C or SIGTERM
 * finishes the requests in flight first).
 */
@Command(name = "triage-service", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the buttock, hip and leg pain triage over HTTP: CDS Hooks (GET /cds-services, "
                + "POST /cds-services/" + CdsHooks.SERVICE_ID + "), the FHIR R4 questionnaire and SDC adaptive "
                + "$next-question (/fhir/Questionnaire/...), the command line's JSON (POST /assess) and GET /health.",
                "Stateless: run as many copies as needed behind a load balancer."})
public final class TriageServiceCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TriageServiceCommand.class);

    @Option(names = "--port", description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--host", description = "Address to listen on; 0.0.0.0 for every interface (behind a TLS proxy "
            + "or load balancer). Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(names = "--max-request-bytes", description = "Largest request body; larger gets 413. Default: "
            + "${DEFAULT-VALUE}.")
    int maxRequestBytes = 1024 * 1024;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "Longest time to read and answer a "
            + "request (408 or 503 beyond it). Default: ${DEFAULT-VALUE}.")
    int requestTimeoutSeconds = 10;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "How long a connection may stay silent. "
            + "Default: ${DEFAULT-VALUE}.")
    int idleTimeoutSeconds = 30;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", description = "How long a shutdown waits for requests "
            + "in flight. Default: ${DEFAULT-VALUE}.")
    int drainTimeoutSeconds = 10;

    @Option(names = "--fhir-server", paramLabel = "URL", description = "A FHIR server the CDS service may fetch a "
            + "missing prefetch from with the client's access token, such as https://ehr.example/fhir: a request's "
            + "fhirServer must have the same scheme, host and port and this path or one below it; repeat for "
            + "several. Without one, a missing prefetch is answered 412.")
    List<String> fhirServers = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL", description = "The service's base URL as clients reach it, "
            + "such as https://triage.example.org (behind a proxy): an absolute http or https URL with no user name, "
            + "query or fragment. The FHIR base is URL/fhir, named in the questionnaire's SDC adaptive extension and "
            + "the CapabilityStatement; CDS cards link below it. Without it the FHIR base is not named and cards "
            + "carry no link (never one built from the client's Host or X-Forwarded-* headers).")
    String publicUrl;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "A browser origin, such as "
            + "https://sandbox.cds-hooks.org, allowed to call /cds-services and /fhir/ across origins (CORS); repeat "
            + "for several. Default: none.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-answer-age", paramLabel = "DAYS", description = "Questionnaire answers given longer ago "
            + "than this get a 'triage could not run' card instead of a triage card. Default: ${DEFAULT-VALUE}.")
    int maxAnswerAgeDays = 7;

    @Option(names = "--bilateral-policy", paramLabel = "emergency|urgent", description = "How new symptoms in both "
            + "legs on their own are sent on, as in the command line. Default: emergency.")
    String bilateralPolicy = "emergency";

    @Option(names = "--fhir-timeout", paramLabel = "SECONDS", description = "Longest time a fetch from a FHIR "
            + "server may take, connecting and reading included (never beyond the request's own time). Default: "
            + "${DEFAULT-VALUE}.")
    int fhirTimeoutSeconds = 5;

    @Option(names = "--max-connections-per-client", paramLabel = "N", description = "Most connections one client "
            + "address may hold open; more are closed at once. Behind a proxy, raise it to what the proxy opens. "
            + "Default: ${DEFAULT-VALUE}.")
    int maxConnectionsPerClient = Settings.MAX_CONNECTIONS_PER_CLIENT;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Exit codes: 0 stopped on request (SIGTERM or Ctrl-C), 1 could not start, 2 a usage error. */
    public static void main(String[] args) {
        CommandLine command = new CommandLine(new TriageServiceCommand());
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("triage-service: " + e.getMessage());
            return 1;
        });
        System.exit(command.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CommandLine usage = spec.commandLine();
        BilateralLegSymptomsPolicy policy;
        try {
            policy = BilateralLegSymptomsPolicy.valueOf(bilateralPolicy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(usage, "--bilateral-policy must be emergency "
                    + "or urgent, was '" + bilateralPolicy + "'");
        }
        Settings settings;
        try {
            settings = new Settings(host, port, maxRequestBytes, seconds("--request-timeout", requestTimeoutSeconds),
                    seconds("--idle-timeout", idleTimeoutSeconds), seconds("--drain-timeout", drainTimeoutSeconds),
                    fhirServers, seconds("--fhir-timeout", fhirTimeoutSeconds), maxConnectionsPerClient,
                    new Settings.Interop(publicUrl, corsOrigins, days("--max-answer-age", maxAnswerAgeDays)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(usage, optionWords(e.getMessage()));
        }
        long start = System.nanoTime();
        TriageEngine engine = TriageEngine.builder().bilateralLegSymptomsPolicy(policy).build();
        TriageServer server;
        try {
            server = TriageServer.start(engine, settings);
        } catch (Exception e) {
            engine.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                engine.close();
            }
            stopped.countDown();
        };
        // SIGTERM and Ctrl-C stop the service gracefully and it exits 0 (a stop on request is no failure); any other
        // end of the JVM still finishes the requests in flight through the shutdown hook
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> stopped.countDown());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
        LOG.info("triage-service listening on http://{}:{} (rule base {}, started in {} ms)", host, server.port(),
                engine.ruleBaseVersion(), (System.nanoTime() - start) / 1_000_000);
        stopped.await();
        stop.run();
        return 0;
    }

    private static Duration seconds(String option, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 second, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private static Duration days(String option, int days) {
        if (days < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 day, was " + days);
        }
        return Duration.ofDays(days);
    }

    /** A setting's message in the command line's words: its option name, not the record component. */
    private static String optionWords(String message) {
        return message.replaceFirst("^port ", "--port ").replaceFirst("^maxRequestBytes ", "--max-request-bytes ")
                .replaceFirst("^maxConnectionsPerClient ", "--max-connections-per-client ")
                .replaceFirst("^publicUrl ", "--public-url ")
                .replaceFirst("^a CORS origin ", "--cors-origin: a CORS origin ");
    }
}
