package health.triage.service;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a service listens and what it accepts.
 *
 * @param host                     the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port                     the port; 0 picks a free one
 * @param maxRequestBytes          the largest request body accepted; a larger one gets 413
 * @param requestTimeout           the longest time from a request's arrival (its headers read) to its answer: waiting,
 *                                 reading the body and working it out; beyond it the client gets 408 (body too slow)
 *                                 or 503 (work too slow)
 * @param idleTimeout              how long a connection may stay silent, mid-request or between requests
 * @param drainTimeout             how long a shutdown waits for requests in flight
 * @param fhirServers              FHIR servers the CDS service may fetch missing prefetch from, each an http or https
 *                                 URL compared as a parsed origin and path ({@link TrustedFhirServer}); empty: never
 *                                 fetch, answer 412
 * @param fhirTimeout              the longest time a fetch from a FHIR server may take, connecting included (never
 *                                 beyond the request's own deadline)
 * @param maxConnectionsPerClient  the most connections one client address may hold open; more are closed at once
 * @param interop                  how the service presents itself to browsers, SDC clients and EHRs
 */
record Settings(String host, int port, int maxRequestBytes, Duration requestTimeout, Duration idleTimeout,
                Duration drainTimeout, List<String> fhirServers, Duration fhirTimeout, int maxConnectionsPerClient,
                Interop interop) {

    /**
     * How the service presents itself to standard clients.
     *
     * @param publicUrl     the service's base URL as clients reach it (such as {@code https://triage.example.org}),
     *                      configured, never taken from a request: the FHIR base is {@code publicUrl/fhir} (named in
     *                      the questionnaire's adaptive extension and the CapabilityStatement) and cards link below
     *                      it. An absolute http or https URL with no user name, query or fragment. Null: not
     *                      configured (the questionnaire is marked adaptive without naming the server, cards carry
     *                      no link)
     * @param corsOrigins   the browser origins (such as {@code https://sandbox.cds-hooks.org}) allowed to call the
     *                      CDS Hooks and FHIR endpoints; empty: none
     * @param maxAnswerAge  answers given longer ago than this get a warning card instead of a triage card
     */
    record Interop(String publicUrl, List<String> corsOrigins, Duration maxAnswerAge) {

        static final Interop DEFAULTS = new Interop(null, List.of(), Duration.ofDays(7));

        Interop {
            if (publicUrl != null) {
                if (TrustedFhirServer.read(publicUrl).isEmpty()) {
                    throw new IllegalArgumentException("publicUrl must be an absolute http or https URL with no user "
                            + "name, query or fragment, such as https://triage.example; was '"
                            + Text.shown(publicUrl) + "'");
                }
                URI uri = URI.create(publicUrl);
                publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
                publicUrl = uri.getScheme().toLowerCase(Locale.ROOT) + publicUrl.substring(uri.getScheme().length());
            }
            corsOrigins = List.copyOf(corsOrigins);
            for (String origin : corsOrigins) {
                if (!origin.matches("https?://[^/?#\\s]+")) {
                    throw new IllegalArgumentException("a CORS origin must be scheme://host[:port] with no path, was '"
                            + Text.shown(origin) + "'");
                }
            }
            requirePositive("maxAnswerAge", maxAnswerAge);
        }

        /** The FHIR base URL, or null when the public URL is not configured. */
        String fhirBase() {
            return publicUrl == null ? null : publicUrl + "/fhir";
        }
    }

    /** Settings with the default fetch timeout, connection bound and {@link Interop}. */
    Settings(String host, int port, int maxRequestBytes, Duration requestTimeout, Duration idleTimeout,
             Duration drainTimeout, List<String> fhirServers) {
        this(host, port, maxRequestBytes, requestTimeout, idleTimeout, drainTimeout, fhirServers, FHIR_TIMEOUT,
                MAX_CONNECTIONS_PER_CLIENT, Interop.DEFAULTS);
    }

    /** The deepest nesting of JSON arrays and objects accepted in a CDS Hooks or FHIR request body. */
    static final int MAX_JSON_DEPTH = 64;

    /** Connections one client address may hold open, by default. */
    static final int MAX_CONNECTIONS_PER_CLIENT = 64;

    /** The longest fetch from a FHIR server, by default. */
    static final Duration FHIR_TIMEOUT = Duration.ofSeconds(5);

    Settings {
        Objects.requireNonNull(host, "host must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxRequestBytes < 1_024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + maxRequestBytes);
        }
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("drainTimeout", drainTimeout);
        requirePositive("fhirTimeout", fhirTimeout);
        fhirServers = List.copyOf(fhirServers);
        fhirServers.forEach(TrustedFhirServer::parse);
        if (maxConnectionsPerClient < 1) {
            throw new IllegalArgumentException("maxConnectionsPerClient must be at least 1, was "
                    + maxConnectionsPerClient);
        }
        Objects.requireNonNull(interop, "interop must not be null");
    }

    /** These settings with another {@link Interop}. */
    Settings with(Interop other) {
        return new Settings(host, port, maxRequestBytes, requestTimeout, idleTimeout, drainTimeout, fhirServers,
                fhirTimeout, maxConnectionsPerClient, other);
    }

    /** The defaults of the command line, on the given port. */
    static Settings defaults(int port) {
        return new Settings("127.0.0.1", port, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(10), List.of());
    }

    /** {@link #fhirServers()}, parsed. */
    List<TrustedFhirServer> trustedFhirServers() {
        return fhirServers.stream().map(TrustedFhirServer::parse).toList();
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
