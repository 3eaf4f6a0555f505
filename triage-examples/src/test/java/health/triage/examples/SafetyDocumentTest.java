package health.triage.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SAFETY.md at the repository root names only tests that exist, and names one for every hazard. */
class SafetyDocumentTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([A-Za-z0-9_]+))?`");

    @Test
    void safetyLog_namesOnlyTestsThatExist() throws IOException {
        String log = Files.readString(ROOT.resolve("SAFETY.md"));
        List<String> missing = new ArrayList<>();
        int names = 0;
        for (Matcher m = TEST.matcher(log); m.find(); names++) {
            Optional<Path> file = testClass(m.group(1));
            if (file.isEmpty()) {
                missing.add(m.group() + ": no test class " + m.group(1));
            } else if (m.group(2) != null && !Files.readString(file.get()).matches(
                    "(?s).*[\\s>]" + Pattern.quote(m.group(2)) + "\\(.*")) {
                missing.add(m.group() + ": no method " + m.group(2) + " in " + file.get());
            }
        }
        assertTrue(names > 20, "SAFETY.md names " + names + " tests");
        assertEquals(List.of(), missing);
    }

    @Test
    void safetyLog_namesATestForEveryHazard() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("SAFETY.md")).stream()
                .filter(line -> line.matches("\\| \\d+ \\|.*")).toList();
        assertTrue(rows.size() >= 10, "hazards: " + rows.size());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertTrue(TEST.matcher(cells[cells.length - 1]).find(), () -> "no test for hazard " + row);
        }
    }

    private static Optional<Path> testClass(String name) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            return files.filter(p -> p.getFileName().toString().equals(name + ".java"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "test"))
                    .filter(p -> !p.toString().contains("target"))
                    .findFirst();
        }
    }
}
