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
 */
record Settings(String host, int port, int maxRequestBytes, Duration requestTimeout, Duration idleTimeout,
                Duration drainTimeout, List<String> fhirServers) {

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
