package health.triage.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * FHIR R4 JSON in and out, with one shared {@link FhirContext} (it is thread-safe and costly to build). Reading is
 * strict, as the library's own JSON reader is: an unknown element, a value of the wrong type or a resource of another
 * type is an error, never skipped.
 */
public final class FhirFormat {

    private static final FhirContext CONTEXT = FhirContext.forR4();

    private FhirFormat() {
    }

    /** The shared FHIR R4 context, for apps and tests that need HAPI FHIR's own tools (client, validator). */
    public static FhirContext context() {
        return CONTEXT;
    }

    /**
     * A resource of the given type read from FHIR JSON.
     *
     * @throws IllegalArgumentException saying what is wrong, when the text is not FHIR JSON of that type
     */
    public static <T extends IBaseResource> T read(Class<T> type, byte[] json) {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(json, "json must not be null");
        try {
            return parser().parseResource(type, new String(json, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a FHIR R4 " + type.getSimpleName() + " in JSON: "
                    + withoutCode(e.getMessage()), e);
        }
    }

    /** A resource as compact FHIR JSON. */
    public static String write(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(Objects.requireNonNull(resource,
                "resource must not be null"));
    }

    /**
     * An OperationOutcome with one error: the FHIR way to say why a request was refused.
     *
     * @param code    the issue type, such as {@link OperationOutcome.IssueType#INVALID}
     * @param message the reason, in the words the library uses for the same problem
     */
    public static OperationOutcome error(OperationOutcome.IssueType code, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(message);
        return outcome;
    }

    private static IParser parser() {
        return CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** HAPI's message without its "HAPI-1234: " catalogue prefix, which means nothing to the caller. */
    private static String withoutCode(String message) {
        String text = String.valueOf(message).replaceAll("HAPI-\\d+: ", "");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
