package health.triage.service;

import health.triage.BilateralLegSymptomsPolicy;
import health.triage.TriageEngine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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

    @Option(names = "--fhir-server", paramLabel = "URL", description = "A FHIR server (URL prefix) the CDS service "
            + "may fetch a missing prefetch from with the client's access token; repeat for several. Without one, a "
            + "missing prefetch is answered 412.")
    List<String> fhirServers = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL", description = "The service's base URL as clients reach it, "
            + "such as https://triage.example.org (behind a proxy); the FHIR base is URL/fhir, named in the "
            + "questionnaire's SDC adaptive extension and the CapabilityStatement. Default: not named.")
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

    private final CountDownLatch stopped = new CountDownLatch(1);

    private Settings.Interop interop() {
        try {
            return new Settings.Interop(publicUrl, corsOrigins, Duration.ofDays(maxAnswerAgeDays));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TriageServiceCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BilateralLegSymptomsPolicy policy;
        try {
            policy = BilateralLegSymptomsPolicy.valueOf(bilateralPolicy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--bilateral-policy must be emergency "
                    + "or urgent, was '" + bilateralPolicy + "'");
        }
        Settings settings = new Settings(host, port, maxRequestBytes, Duration.ofSeconds(requestTimeoutSeconds),
                Duration.ofSeconds(idleTimeoutSeconds), Duration.ofSeconds(drainTimeoutSeconds), fhirServers)
                .with(interop());
        long start = System.nanoTime();
        TriageEngine engine = TriageEngine.builder().bilateralLegSymptomsPolicy(policy).build();
        TriageServer server = TriageServer.start(engine, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            engine.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("triage-service listening on http://{}:{} (rule base {}, started in {} ms)", host, server.port(),
                engine.ruleBaseVersion(), (System.nanoTime() - start) / 1_000_000);
        stopped.await();
        return 0;
    }
}
