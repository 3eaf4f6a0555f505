package health.triage.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A FHIR server the CDS service may send a clinician's access token to, compared as a parsed URL, never as text: the
 * scheme, host and port must be equal, and the path must be the configured path or lie below it, segment by segment.
 * A URL with user information, a query, a fragment, an empty, {@code .} or {@code ..} segment, or a percent-encoded
 * character in its path is never trusted, so nothing a client writes can move the request (and the token) to another
 * host, port or path.
 *
 * @param scheme   {@code http} or {@code https}, lower case
 * @param host     the host name or address, lower case
 * @param port     the port, the scheme's default when the URL has none
 * @param segments the path's segments, such as {@code [fhir]} for {@code https://ehr.example/fhir}
 */
record TrustedFhirServer(String scheme, String host, int port, List<String> segments) {

    TrustedFhirServer {
        Objects.requireNonNull(scheme, "scheme must not be null");
        Objects.requireNonNull(host, "host must not be null");
        segments = List.copyOf(segments);
    }

    /**
     * A configured server, such as {@code https://ehr.example/fhir}.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    static TrustedFhirServer parse(String url) {
        return read(url).orElseThrow(() -> new IllegalArgumentException("--fhir-server must be an absolute http or "
                + "https URL with a host and no user name, query, fragment, '.' or '..' segment or percent sign, "
                + "such as https://ehr.example/fhir; was '" + Text.shown(url) + "'"));
    }

    /**
     * The server a request names, when its URL is well-formed by the same rules; empty when it is not.
     */
    static Optional<TrustedFhirServer> read(String url) {
        if (url == null || url.isEmpty() || url.length() > 2_000 || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || url.indexOf('%') >= 0 || url.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getHost() == null
                || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> segments = trimmed.isEmpty() ? List.of() : List.of(trimmed.substring(1).split("/", -1));
        if (!trimmed.isEmpty() && !trimmed.startsWith("/")
                || segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new TrustedFhirServer(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, segments));
    }

    /** Whether a server a request names is this one or a path below it. */
    boolean trusts(TrustedFhirServer requested) {
        return scheme.equals(requested.scheme) && host.equals(requested.host) && port == requested.port
                && requested.segments.size() >= segments.size()
                && requested.segments.subList(0, segments.size()).equals(segments);
    }

    /** The server's URL with more path segments, such as {@code Patient/p1} below it. */
    TrustedFhirServer below(String... more) {
        List<String> longer = new java.util.ArrayList<>(segments);
        longer.addAll(List.of(more));
        return new TrustedFhirServer(scheme, host, port, longer);
    }

    /** The URL of a search or read relative to this server, such as {@code QuestionnaireResponse?subject=...}. */
    URI resolve(String relative) {
        return URI.create(scheme + "://" + host + ":" + port + "/" + String.join("/", segments)
                + (segments.isEmpty() ? "" : "/") + relative);
    }

    @Override
    public String toString() {
        return resolve("").toString();
    }
}
