package health.triage.bench;

import health.triage.Disposition;
import health.triage.LikelySource;
import health.triage.TriageCase;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed mix every latency and throughput benchmark cycles through: the example cases of
 * {@code triage-examples/cases}, in the order of {@code expectations.csv}, copied onto the benchmark classpath at
 * build time. Each case is expected to give the disposition and likely source written in that file.
 */
public final class Mix {

    private static final String FOLDER = "/health/triage/bench/cases/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One example case and the outcome written for it by hand in {@code expectations.csv}. */
    public record Example(String file, TriageCase triageCase, Disposition disposition, LikelySource likelySource) {
    }

    private Mix() {
    }

    /** Every example case, in the order of {@code expectations.csv}. */
    public static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = resource("expectations.csv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine(); // header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",", 4);
                examples.add(new Example(columns[0], read(columns[0]), Disposition.valueOf(columns[1]),
                        LikelySource.valueOf(columns[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (examples.isEmpty()) {
            throw new IllegalStateException("no example case on the classpath under " + FOLDER);
        }
        return List.copyOf(examples);
    }

    /** The cases of the mix, in order. */
    public static TriageCase[] cases() {
        return examples().stream().map(Example::triageCase).toArray(TriageCase[]::new);
    }

    private static TriageCase read(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return TriageCase.fromFields(JSON.readValue(in, new TypeReference<Map<String, Object>>() { }));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Mix.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("missing benchmark resource " + FOLDER + name);
        }
        return in;
    }
}
