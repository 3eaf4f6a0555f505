package health.triage.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A README.md code snippet that lives in a test method, between the lines {@code // README-<name>:begin} and
 * {@code // README-<name>:end}, so that the README shows code that compiles and runs.
 */
final class ReadmeSnippet {

    private ReadmeSnippet() {
    }

    /** Fails unless README.md contains the snippet {@code name} of the test class, as written there. */
    static void assertReadmeShows(Class<?> test, String name) throws IOException {
        String source = Files.readString(Path.of("src/test/java/" + test.getName().replace('.', '/') + ".java"));
        String begin = "// README-" + name + ":begin";
        String snippet = source.substring(source.indexOf(begin) + begin.length() + 1,
                        source.indexOf("        // README-" + name + ":end")).lines()
                .map(line -> line.length() > 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertTrue(Files.readString(Path.of("../README.md")).contains(snippet),
                "README.md must contain the " + name + " snippet of " + test.getSimpleName() + ":\n" + snippet);
    }
}
