package health.triage.fhir;

import health.triage.TriageCase;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The example cases of triage-examples/cases, read as the library reads loosely typed fields. */
final class ExampleCases {

    static final Path FOLDER = Path.of("..", "triage-examples", "cases");

    private ExampleCases() {
    }

    /** Every example case, by file name, in file-name order. */
    static Map<String, TriageCase> all() {
        ObjectMapper json = new ObjectMapper();
        Map<String, TriageCase> cases = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = json.readValue(file.toFile(), Map.class);
                cases.put(file.getFileName().toString(), TriageCase.fromFields(fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.size() < 20) {
            throw new IllegalStateException("expected the example cases in " + FOLDER.toAbsolutePath());
        }
        return cases;
    }
}
