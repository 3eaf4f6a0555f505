package health.triage.examples;

import health.triage.Disposition;
import health.triage.LikelySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The expected outcome of each example case, as kept in a cases folder's {@code expectations.csv}: one row per case
 * file with the columns {@code file,disposition,likelySource,basis} (basis: where the expectation comes from).
 */
final class ExampleExpectations {

    static final String FILE_NAME = "expectations.csv";
    static final List<String> HEADER = List.of("file", "disposition", "likelySource", "basis");

    /**
     * One row.
     *
     * @param line         the row's 1-based line in the file
     * @param file         the case file it is about, relative to the folder
     * @param disposition  the expected disposition
     * @param likelySource the expected likely source
     * @param basis        where the expectation comes from
     */
    record Expectation(int line, String file, Disposition disposition, LikelySource likelySource, String basis) {
    }

    private ExampleExpectations() {
    }

    /**
     * The rows of an expectations file, by case file, in file order. Blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the file and line when the header, a row's number of cells, a
     *                                  disposition, a likely source or a blank basis is wrong, or a case file is
     *                                  named twice
     * @throws IOException              when the file cannot be read
     */
    static Map<String, Expectation> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !HEADER.equals(cells(csv, 1, lines.get(0)))) {
            throw new IllegalArgumentException(csv + " line 1: the header must be " + String.join(",", HEADER));
        }
        Map<String, Expectation> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int number = i + 1;
            String where = csv + " line " + number + ": ";
            List<String> cells = cells(csv, number, lines.get(i));
            if (cells.size() != HEADER.size()) {
                throw new IllegalArgumentException(where + "expected " + HEADER.size() + " cells ("
                        + String.join(",", HEADER) + "), found " + cells.size());
            }
            Expectation row = new Expectation(number, cells.get(0),
                    value(where, "disposition", cells.get(1), Disposition.class),
                    value(where, "likely source", cells.get(2), LikelySource.class), cells.get(3));
            if (row.basis().isBlank()) {
                throw new IllegalArgumentException(where + "no basis: say where the expectation comes from");
            }
            Expectation earlier = rows.put(row.file(), row);
            if (earlier != null) {
                throw new IllegalArgumentException(where + row.file() + " is already named on line " + earlier.line());
            }
        }
        return rows;
    }

    private static <E extends Enum<E>> E value(String where, String what, String cell, Class<E> type) {
        try {
            return Enum.valueOf(type, cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown " + what + " '" + cell + "' (one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")",
                    e);
        }
    }

    /** The cells of one CSV line: comma-separated, double-quoted when they hold commas, "" for a quote. */
    static List<String> cells(Path csv, int number, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(csv + " line " + number + ": a quote is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
