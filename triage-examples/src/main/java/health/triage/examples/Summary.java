package health.triage.examples;

import health.triage.Assessment;
import health.triage.Disposition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The short view of a batch of cases, as {@code assess} prints it for a folder or several cases: one line per case
 * (its id, or where it is when it has none; the disposition; the likely source; and, where the case file's folder has
 * an {@code expectations.csv}, whether both are what it expects), then a totals line.
 */
final class Summary {

    private static final String FORMAT = "%-40s  %-9s  %-10s  %s";

    private final Consumer<String> warn;
    private final Map<Path, Map<String, ExampleExpectations.Expectation>> expectations = new HashMap<>();
    private final Map<Disposition, Integer> dispositions = new EnumMap<>(Disposition.class);
    private int total;
    private int expected;
    private int differ;
    private int notAssessed;

    /** @param warn where to say that an expectations file cannot be used (it is then ignored) */
    Summary(Consumer<String> warn) {
        this.warn = warn;
    }

    /** The column titles. */
    static String header() {
        return String.format(FORMAT, "case", "result", "source", "expected (expectations.csv)").stripTrailing();
    }

    /** The line of an assessed case; {@code file} is the case file it came from, or null for standard input. */
    String line(String where, Path file, String id, Assessment assessment) {
        total++;
        dispositions.merge(assessment.disposition(), 1, Integer::sum);
        ExampleExpectations.Expectation row = expectation(file);
        String check = "";
        if (row != null && row.disposition() == assessment.disposition()
                && row.likelySource() == assessment.likelySource()) {
            expected++;
            check = "yes";
        } else if (row != null) {
            differ++;
            check = "NO: expected " + row.disposition() + " " + row.likelySource();
        }
        return String.format(FORMAT, name(where, id), assessment.disposition(), assessment.likelySource(), check)
                .stripTrailing();
    }

    /** The line of a case that could not be assessed: {@code error} says why. */
    String notAssessed(String where, String id, String error) {
        total++;
        notAssessed++;
        return String.format("%-40s  NOT ASSESSED: %s", name(where, id), error);
    }

    /** The totals line, such as {@code 104 cases: 8 EMERGENCY, ...; 104 as expected, 0 not}. */
    String totals() {
        StringBuilder line = new StringBuilder().append(total).append(total == 1 ? " case: " : " cases: ");
        line.append(dispositions.isEmpty() ? "none assessed" : dispositions.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (expected + differ > 0) {
            line.append("; ").append(expected).append(" as expected, ").append(differ).append(" not");
        }
        if (notAssessed > 0) {
            line.append("; ").append(notAssessed).append(" not assessed");
        }
        return line.toString();
    }

    private static String name(String where, String id) {
        return Printable.of(id != null ? id : where);
    }

    private ExampleExpectations.Expectation expectation(Path file) {
        if (file == null || file.getFileName() == null) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        Map<String, ExampleExpectations.Expectation> rows = expectations.computeIfAbsent(folder, this::read);
        return rows.get(file.getFileName().toString());
    }

    private Map<String, ExampleExpectations.Expectation> read(Path folder) {
        Path csv = folder.resolve(ExampleExpectations.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            return Map.of();
        }
        try {
            return ExampleExpectations.read(csv);
        } catch (IOException | IllegalArgumentException e) {
            warn.accept("expectations not compared: " + Printable.message(e instanceof IOException
                    ? csv + " cannot be read: " + CaseFiles.reason((IOException) e) : e.getMessage()));
            return Map.of();
        }
    }
}
