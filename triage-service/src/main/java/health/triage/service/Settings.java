package health.triage.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a service listens and what it accepts.
 *
 * @param host               the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port               the port; 0 picks a free one
 * @param maxRequestBytes    the largest request body accepted; a larger one gets 413
 * @param requestTimeout     the longest time from a request's arrival to its answer: reading the body and working
 *                           it out; beyond it the client gets 408 (body too slow) or 503 (work too slow)
 * @param idleTimeout        how long a connection may stay silent, mid-request or between requests
 * @param drainTimeout       how long a shutdown waits for requests in flight
 * @param fhirServers        URL prefixes of the FHIR servers the CDS service may fetch missing prefetch from
 *                           (empty: never fetch, answer 412)
 * @param interop            how the service presents itself to browsers, SDC clients and EHRs
 */
record Settings(String host, int port, int maxRequestBytes, Duration requestTimeout, Duration idleTimeout,
                Duration drainTimeout, List<String> fhirServers, Interop interop) {

    /**
     * How the service presents itself to standard clients.
     *
     * @param publicUrl     the service's base URL as clients reach it (such as {@code https://triage.example.org}),
     *                      configured, never taken from a request; the FHIR base is {@code publicUrl/fhir}. Null:
     *                      not configured (the questionnaire is marked adaptive without naming the server)
     * @param corsOrigins   the browser origins (such as {@code https://sandbox.cds-hooks.org}) allowed to call the
     *                      CDS Hooks and FHIR endpoints; empty: none
     * @param maxAnswerAge  answers given longer ago than this get a warning card instead of a triage card
     */
    record Interop(String publicUrl, List<String> corsOrigins, Duration maxAnswerAge) {

        static final Interop DEFAULTS = new Interop(null, List.of(), Duration.ofDays(7));

        Interop {
            if (publicUrl != null) {
                if (!publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                    throw new IllegalArgumentException("publicUrl must be an http(s) URL without query, was '"
                            + publicUrl + "'");
                }
                publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            }
            corsOrigins = List.copyOf(corsOrigins);
            for (String origin : corsOrigins) {
                if (!origin.matches("https?://[^/?#\\s]+")) {
                    throw new IllegalArgumentException("a CORS origin must be scheme://host[:port] with no path, was '"
                            + origin + "'");
                }
            }
            requirePositive("maxAnswerAge", maxAnswerAge);
        }

        /** The FHIR base URL, or null when the public URL is not configured. */
        String fhirBase() {
            return publicUrl == null ? null : publicUrl + "/fhir";
        }
    }

    /** Settings with the default {@link Interop}. */
    Settings(String host, int port, int maxRequestBytes, Duration requestTimeout, Duration idleTimeout,
             Duration drainTimeout, List<String> fhirServers) {
        this(host, port, maxRequestBytes, requestTimeout, idleTimeout, drainTimeout, fhirServers, Interop.DEFAULTS);
    }

    /** The deepest nesting of JSON arrays and objects accepted in a CDS Hooks or FHIR request body. */
    static final int MAX_JSON_DEPTH = 64;

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
        fhirServers = List.copyOf(fhirServers);
        Objects.requireNonNull(interop, "interop must not be null");
    }

    /** These settings with another {@link Interop}. */
    Settings with(Interop other) {
        return new Settings(host, port, maxRequestBytes, requestTimeout, idleTimeout, drainTimeout, fhirServers,
                other);
    }

    /** The defaults of the command line, on the given port. */
    static Settings defaults(int port) {
        return new Settings("127.0.0.1", port, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(10), List.of());
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
