package health.triage.service;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin resource sharing for browser clients (the CDS Hooks sandbox, an SDC form renderer in a page) on the
 * CDS Hooks and FHIR endpoints only ({@code /cds-services*}, {@code /fhir/*}), for the configured origins only
 * ({@code --cors-origin}; none by default). A request from an allowed origin gets
 * {@code Access-Control-Allow-Origin} with that origin; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) from it is answered 204 with the methods and headers CDS Hooks and SDC
 * clients send ({@code Content-Type}, {@code Authorization}). Any other origin gets no {@code Access-Control-*}
 * header, so the browser blocks it; no credentials (cookies) are ever allowed.
 */
final class Cors {

    static final String METHODS = "GET, POST, OPTIONS";
    static final String HEADERS = "Content-Type, Authorization, Accept";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** True for the paths browser clients may call across origins. */
    static boolean covers(String path) {
        return path.equals("/cds-services") || path.startsWith("/cds-services/") || path.startsWith("/fhir/");
    }

    /**
     * Adds the CORS headers the request earns; the answer to a preflight, which the caller sends as it is, or empty
     * when the request goes on to its endpoint.
     */
    Optional<Reply> apply(Request request, Response response, String path) {
        if (origins.isEmpty() || !covers(path)) {
            return Optional.empty();
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        boolean preflight = HttpMethod.OPTIONS.is(request.getMethod())
                && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (allowed) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        if (!preflight) {
            return Optional.empty();
        }
        if (!allowed) {
            return Optional.of(Reply.json(403, JsonBodies.error("origin not allowed")));
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        return Optional.of(new Reply(204, Reply.JSON, ""));
    }
}
