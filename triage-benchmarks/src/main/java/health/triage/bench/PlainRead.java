package health.triage.bench;

import health.triage.TriageCase;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cold-start baseline: a plain JVM that reads the same case file as {@code triage assess}, validates it into a
 * {@link TriageCase} and prints the hand-coded decision as one JSON line. No rules engine.
 */
public final class PlainRead {

    private PlainRead() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> fields = json.readValue(Files.readAllBytes(Path.of(args[0])), new TypeReference<>() { });
        TriageCase c = TriageCase.fromFields(fields);
        HandCoded.Decision d = HandCoded.decide(c);
        System.out.println(json.writeValueAsString(Map.of("id", String.valueOf(c.id()),
                "disposition", d.disposition().name(), "likelySource", d.likelySource().name())));
    }
}
