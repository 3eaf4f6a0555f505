package health.triage.examples;

import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads case files: one JSON case object, or a JSON array of case objects. Each case becomes a {@link TriageCase}
 * or an error that names where it is ({@code cases/a.json}, or {@code cases/a.json[2]} for the element at 0-based
 * position 2 of an array) and what is wrong with it.
 *
 * <p>Reading is strict: a duplicate key, content after the case, a fraction or a number out of range for a whole
 * number field, {@code null} for a finding, and every unknown field or code are errors. The JSON is turned into
 * plain maps, lists, numbers, booleans and strings and handed to {@link TriageCase#fromFields(Map)}, so the
 * validation messages are the library's own. A syntax error rejects the whole file (its elements cannot be told
 * apart any more); any other error rejects only the case it is in.
 */
final class CaseReader {

    private static final int SHOWN_DIGITS = 30;

    private static final JsonFactory JSON = JsonFactory.builder()
            // never echo case content into locations of error messages
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** One case read from the input: either valid, or rejected with a reason. */
    sealed interface Read permits Valid, Rejected {
        /** Where the case is: the file, plus {@code [n]} inside an array. */
        String where();

        /** The case's id when it could be read, otherwise {@code null}. */
        String id();
    }

    /** A case that passed every check. */
    record Valid(String where, TriageCase triageCase) implements Read {
        @Override
        public String id() {
            return triageCase.id();
        }
    }

    /** A case that cannot be assessed; {@code error} starts with {@code where}. */
    record Rejected(String where, String id, String error) implements Read {
    }

    private CaseReader() {
    }

    /**
     * The cases in a file's content, in order.
     *
     * @param name    how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @param content the raw bytes (UTF-8, or UTF-16/32 with or without a byte order mark)
     */
    static List<Read> read(String name, byte[] content) {
        List<Read> cases = new ArrayList<>();
        JsonParser open = null;
        try (JsonParser parser = JSON.createParser(content)) {
            open = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return List.of(new Rejected(name, null,
                        name + ": the file is empty; expected a case object or an array of case objects"));
            }
            if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    cases.add(element(name + "[" + index + "]", parser, true));
                    index++;
                }
            } else {
                cases.add(element(name, parser, false));
            }
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                return List.of(new Rejected(name, null, name + ": unexpected content after the "
                        + (first == JsonToken.START_ARRAY ? "array" : "case") + " at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + "; a file holds one case object or one array of them"));
            }
            return cases;
        } catch (StreamConstraintsException e) {
            return List.of(new Rejected(name, null, name + ": " + beyondLimit(e, open)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return List.of(new Rejected(name, null, name + ": malformed JSON" + where + ": " + clean(e)));
        } catch (IOException e) {
            return List.of(new Rejected(name, null, name + ": cannot be read: " + e.getMessage()));
        }
    }

    /** Reads the value at the parser's current token as one case. */
    private static Read element(String where, JsonParser parser, boolean inArray) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            String found = describe(parser.currentToken());
            parser.skipChildren();
            return new Rejected(where, null, where + ": expected a case object"
                    + (inArray ? "" : " or an array of case objects") + ", found " + found);
        }
        Values values = new Values();
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) values.value(parser, "");
        String id = fields.get("id") instanceof String text ? text : null;
        if (values.problem != null) {
            return new Rejected(where, id, where + ": " + values.problem);
        }
        try {
            return new Valid(where, TriageCase.fromFields(fields));
        } catch (IllegalArgumentException e) {
            return new Rejected(where, id, where + ": " + e.getMessage());
        }
    }

    /**
     * Turns JSON into plain Java values, noting the first duplicate key instead of failing at once, so that the
     * rest of the file can still be read.
     */
    private static final class Values {
        private String problem;

        Object value(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                        String key = parser.currentName();
                        JsonLocation at = parser.currentTokenLocation();
                        String keyPath = path.isEmpty() ? key : path + "." + key;
                        parser.nextToken();
                        Object v = value(parser, keyPath);
                        if (map.containsKey(key)) {
                            note("duplicate field '" + keyPath + "' at line " + at.getLineNr() + ", column "
                                    + at.getColumnNr() + "; give each field once");
                        } else {
                            map.put(key, v);
                        }
                    }
                    return map;
                }
                case START_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                        list.add(value(parser, path));
                    }
                    return list;
                }
                case VALUE_STRING -> {
                    return parser.getText();
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return parser.getBooleanValue();
                }
                case VALUE_NULL -> {
                    return null;
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> parser.getIntValue();
                        case LONG -> parser.getLongValue();
                        default -> parser.getBigIntegerValue();
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return new Fraction(parser.getText());
                }
                default -> throw new IllegalStateException("unexpected JSON token " + token + " at " + path);
            }
        }

        private void note(String message) {
            if (problem == null) {
                problem = message;
            }
        }
    }

    /**
     * A JSON number written with a fraction or an exponent. It is never a whole number for a case, even when its
     * value is (34.0); it keeps the text as written so that messages quote it exactly.
     */
    static final class Fraction extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;

        Fraction(String text) {
            this.text = text;
        }

        @Override
        public int intValue() {
            return (int) doubleValue();
        }

        @Override
        public long longValue() {
            return (long) doubleValue();
        }

        @Override
        public float floatValue() {
            return (float) doubleValue();
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public String toString() {
            return text.length() > SHOWN_DIGITS ? text.substring(0, SHOWN_DIGITS) + "…" : text;
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    /** A safety limit of the JSON reader was exceeded: say which, in the input's words. */
    private static String beyondLimit(StreamConstraintsException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        String field = parser == null ? null : parser.getParsingContext().getCurrentName();
        if (message.startsWith("Number value length")) {
            return (field == null ? "a number" : field) + " is out of range: a number of more than "
                    + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits";
        }
        if (message.startsWith("Document nesting depth")) {
            return "nested too deeply: more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels of arrays "
                    + "or objects";
        }
        return "too large to read: " + message.replaceAll(",? from `[^`]*`", "");
    }

    /** Jackson's message without its location suffix (we give the location ourselves). */
    private static String clean(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable input";
        }
        // "(start marker at [Source: REDACTED (...); line: 1, column: 1])" -> "(start marker at line 1, column 1)"
        message = message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*?; line: (\\d+)\\]", "line $1");
        return message.strip();
    }
}
