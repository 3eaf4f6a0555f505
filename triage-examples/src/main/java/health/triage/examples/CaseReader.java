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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    /** An input that can be opened more than once: a file, or bytes in memory. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * The result of checking a whole input before any of its cases is assessed.
     *
     * @param cases    how many cases (valid or not) it holds
     * @param rejected why the input is rejected as a whole, or {@code null} when its cases can be read
     */
    record Checked(int cases, Rejected rejected) {
    }

    /**
     * The cases in a file's content, in order.
     *
     * @param name    how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @param content the raw bytes (UTF-8, or UTF-16/32 with or without a byte order mark)
     */
    static List<Read> read(String name, byte[] content) {
        Source source = () -> new ByteArrayInputStream(content);
        Checked checked = check(name, source);
        if (checked.rejected() != null) {
            return List.of(checked.rejected());
        }
        List<Read> cases = new ArrayList<>(checked.cases());
        stream(name, source, cases::add);
        return cases;
    }

    /**
     * Reads a whole input once without keeping its cases, to count them and to find what rejects the input as a
     * whole (malformed JSON, content after the case or array, a reader limit), before any case is assessed. Memory
     * use does not grow with the size of the input.
     */
    static Checked check(String name, Source source) {
        return walk(name, source, null);
    }

    /**
     * Gives each case of an input to {@code sink} as soon as it is read, in order, holding one case at a time. Call
     * {@link #check} first: an input that is rejected as a whole gives its cases up to the problem, then the
     * rejection.
     */
    static void stream(String name, Source source, Consumer<Read> sink) {
        Checked checked = walk(name, source, sink);
        if (checked.rejected() != null) {
            sink.accept(checked.rejected());
        }
    }

    /** Reads the input; gives each case to {@code sink} unless it is null (then the cases are only checked). */
    private static Checked walk(String name, Source source, Consumer<Read> sink) {
        int count = 0;
        JsonParser open = null;
        try (InputStream in = source.open(); JsonParser parser = JSON.createParser(in)) {
            open = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return rejected(count, new Rejected(name, null,
                        name + ": the file is empty; expected a case object or an array of case objects"));
            }
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    Read read = element(sink == null ? name : name + "[" + count + "]", parser, true, sink != null);
                    count++;
                    if (sink != null) {
                        sink.accept(read);
                    }
                }
            } else {
                Read read = element(name, parser, false, sink != null);
                count++;
                if (sink != null) {
                    sink.accept(read);
                }
            }
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                return rejected(count, new Rejected(name, null, name + ": unexpected content after the "
                        + (first == JsonToken.START_ARRAY ? "array" : "case") + " at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + "; a file holds one case object or one array of them"));
            }
            return new Checked(count, null);
        } catch (StreamConstraintsException e) {
            return rejected(count, new Rejected(name, null, name + ": " + beyondLimit(e, open)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return rejected(count, new Rejected(name, null, name + ": malformed JSON" + where + ": " + clean(e)));
        } catch (IOException e) {
            return rejected(count, new Rejected(name, null, name + ": cannot be read: " + e.getMessage()));
        }
    }

    private static Checked rejected(int count, Rejected rejected) {
        return new Checked(count, rejected);
    }

    /**
     * Reads the value at the parser's current token as one case; without {@code build}, only reads it through (the
     * result is then not to be used).
     */
    private static Read element(String where, JsonParser parser, boolean inArray, boolean build) throws IOException {
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
        if (!build) {
            return null;
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
