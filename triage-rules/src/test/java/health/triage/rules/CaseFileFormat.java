package health.triage.rules;

import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import net.jqwik.api.SampleReportingFormat;

/**
 * Prints a case in jqwik's report of a failing property as a case file: the JSON that {@code triage assess} reads,
 * with the vocabulary's field names ({@link TriageCase#toFields()}). Copy it into a file to replay the failure.
 */
public final class CaseFileFormat implements SampleReportingFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The case as the JSON of a case file. */
    public static String caseFile(TriageCase c) {
        try {
            return JSON.writeValueAsString(c.toFields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a case as JSON", e); // plain maps: cannot happen
        }
    }

    @Override
    public boolean appliesTo(Object value) {
        return value instanceof TriageCase;
    }

    @Override
    public Object report(Object value) {
        return SampleReportingFormat.plainLabel("case file:\n" + caseFile((TriageCase) value));
    }
}
