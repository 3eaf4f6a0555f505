package health.triage.examples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.RuleCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The per-rule cases kept beside the DRL files of a rules folder: every {@code *.cases.json} (an array of cases,
 * each {@code {"rule", "fires", "name", "set", "unset", "expect"}}) written on top of {@code base-case.json}. A row
 * or a file that cannot be read is kept as such, with the reason, so that the other cases still run.
 */
final class RuleCaseFiles {

    static final String BASE = "base-case.json";
    static final String SUFFIX = ".cases.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /**
     * One row of a cases file: a case, or why it cannot be read.
     *
     * @param file     the cases file's name
     * @param row      the row's 1-based position in the file's array, or 0 for the whole file
     * @param ruleCase the case, or null when it cannot be read
     * @param error    why it cannot be read, or null
     */
    record Row(String file, int row, RuleCase ruleCase, String error) {
        /**
         * How a report names the row: the file's name without {@code .cases.json}, and the row's position, such as
         * {@code red-flags-cauda-equina #1}; the whole file by its name.
         */
        String label() {
            return row == 0 ? file : file.substring(0, file.length() - SUFFIX.length()) + " #" + row;
        }
    }

    private RuleCaseFiles() {
    }

    /** Every row of every cases file in the folder, files in name order; empty when the folder holds none. */
    static List<Row> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        if (files.isEmpty()) {
            return List.of();
        }
        Map<String, Object> base;
        try {
            base = JSON.readValue(folder.resolve(BASE).toFile(), OBJECT);
        } catch (IOException e) {
            String why = Files.exists(folder.resolve(BASE))
                    ? BASE + " cannot be read: " + message(e)
                    : "there is no " + BASE + " beside it (every case is written on top of it)";
            return files.stream().map(f -> new Row(f.getFileName().toString(), 0, null, why)).toList();
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(rows(file, base));
        }
        return rows;
    }

    private static List<Row> rows(Path file, Map<String, Object> base) {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of(new Row(name, 0, null, "must be an array of cases: [ {...}, {...} ]"));
            }
            int row = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                row++;
                Map<String, Object> fields = JSON.readValue(parser, OBJECT);
                try {
                    rows.add(new Row(name, row, RuleCase.fromFields(name, base, fields), null));
                } catch (IllegalArgumentException e) {
                    rows.add(new Row(name, row, null, e.getMessage()));
                } catch (ClassCastException e) {
                    rows.add(new Row(name, row, null, name + ": case '" + fields.getOrDefault("name", "(unnamed)")
                            + "': \"set\" must be an object {\"code\": true, ...}, \"unset\" a list [\"code\", ...]"
                            + " and \"expect\" an object"));
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                rows.add(new Row(name, 0, null, "holds something other than a case object at line "
                        + parser.currentLocation().getLineNr() + "; each element must be {...}"));
            }
        } catch (IOException e) {
            rows.add(new Row(name, 0, null, "cannot be read: " + message(e)));
        }
        return rows;
    }

    private static String message(IOException e) {
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return json.getOriginalMessage() + where;
        }
        return e.getMessage();
    }
}
