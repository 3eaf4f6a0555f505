package health.triage.service;

/**
 * An HTTP answer: status, media type and body.
 *
 * @param status      the HTTP status code
 * @param contentType the media type of the body
 * @param body        the body text (UTF-8 on the wire)
 */
record Reply(int status, String contentType, String body) {

    static final String JSON = "application/json";
    static final String FHIR_JSON = "application/fhir+json";

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body);
    }
}
