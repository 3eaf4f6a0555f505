package health.triage.examples;

import health.triage.Finding;
import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>Limits, so that no input can exhaust memory or time: a case file (or standard input) holds at most
 * {@value #MAX_FILE_BYTES} bytes (4 MiB); a text value or field name at most {@value #MAX_TEXT_CHARS} characters; a
 * number at most {@value #MAX_NUMBER_DIGITS} digits; arrays and objects nest at most {@value #MAX_DEPTH} levels; an
 * object inside a case has at most {@value #MAX_ENTRIES} entries (a case has 7 fields and the vocabulary fewer than
 * 100 finding codes). Anything beyond a limit is one error naming the field. Error messages show control and
 * invisible formatting characters of the input as backslash-u escapes (such as <code>&#92;u001B</code>), so that they cannot act on a terminal.
 */
final class CaseReader {

    /** The largest case file read: 4 MiB. */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** The longest text value or field name, in characters. */
    static final int MAX_TEXT_CHARS = 1_000;
    /** The most digits of a number. */
    static final int MAX_NUMBER_DIGITS = 1_000;
    /** The deepest nesting of arrays and objects. */
    static final int MAX_DEPTH = 100;
    /** The most entries of one object inside a case (such as {@code findings}). */
    static final int MAX_ENTRIES = 100;

    private static final int SHOWN_DIGITS = 30;

    private static final JsonFactory JSON = JsonFactory.builder()
            // never echo case content into locations of error messages
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_FILE_BYTES)
                    // a backstop that stops reading a huge text early; the limit itself is checked per case below
                    .maxStringLength(10 * MAX_TEXT_CHARS)
                    .maxNameLength(10 * MAX_TEXT_CHARS)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
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
     * The cases of an input, read up to the limit of {@value #MAX_FILE_BYTES} bytes: a larger input is one rejected
     * case, and is not read further.
     *
     * @param name how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @throws IOException when the input cannot be read
     */
    static List<Read> read(String name, InputStream in) throws IOException {
        byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
        if (content.length > MAX_FILE_BYTES) {
            return List.of(tooLarge(name));
        }
        return read(name, content);
    }

    private static Rejected tooLarge(String name) {
        return new Rejected(name, null, name + ": the file is larger than the limit of 4 MiB (" + MAX_FILE_BYTES
                + " bytes) for a case file; split it into smaller files");
    }

    /**
     * The cases in a file's content, in order.
     *
     * @param name    how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @param content the raw bytes (UTF-8, or UTF-16/32 with or without a byte order mark)
     */
    static List<Read> read(String name, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            return List.of(tooLarge(name));
        }
        List<Read> cases = new ArrayList<>();
        JsonParser open = null;
        int bom = startsWithUtf8ByteOrderMark(content) ? 3 : 0; // read here, so that a lone mark is an empty file
        try (JsonParser parser = JSON.createParser(content, bom, content.length - bom)) {
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
            JsonToken extra;
            JsonLocation at;
            try {
                extra = parser.nextToken();
                at = parser.currentTokenLocation();
            } catch (JsonProcessingException e) { // such as a stray '}': still content after the case
                extra = JsonToken.NOT_AVAILABLE;
                at = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
            }
            if (extra != null) {
                return List.of(new Rejected(name, null, name + ": unexpected content after the "
                        + (first == JsonToken.START_ARRAY ? "array" : "case") + " at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + "; a file holds one case object or one array of them"));
            }
            return cases;
        } catch (StreamConstraintsException e) {
            return List.of(new Rejected(name, null, printable(name + ": " + beyondLimit(e, open))));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String field = open == null ? "" : path(open.getParsingContext());
            return List.of(new Rejected(name, null, printable(name + ": malformed JSON" + where
                    + (field.isEmpty() ? "" : " (in " + field + ")") + ": " + clean(e))));
        } catch (IOException e) {
            return List.of(new Rejected(name, null, printable(name + ": cannot be read: " + e.getMessage())));
        }
    }

    private static boolean startsWithUtf8ByteOrderMark(byte[] content) {
        return content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF;
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
            return new Rejected(where, id, printable(where + ": " + values.problem));
        }
        try {
            return new Valid(where, TriageCase.fromFields(fields));
        } catch (IllegalArgumentException e) {
            return new Rejected(where, id, printable(where + ": " + e.getMessage()));
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
                    int entries = 0;
                    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                        String key = parser.currentName();
                        JsonLocation at = parser.currentTokenLocation();
                        if (key.length() > MAX_TEXT_CHARS) {
                            note("a field name" + (path.isEmpty() ? "" : " in " + path) + " is too long: more than "
                                    + MAX_TEXT_CHARS + " characters");
                            key = key.substring(0, 40) + "…";
                        }
                        String keyPath = path.isEmpty() ? key : path + "." + key;
                        parser.nextToken();
                        Object v = value(parser, keyPath);
                        if (++entries > MAX_ENTRIES) {
                            note((path.isEmpty() ? "the case" : path) + " has more than " + MAX_ENTRIES
                                    + " entries; a case has " + TriageCase.FIELDS.size() + " fields and "
                                    + Finding.values().length + " finding codes");
                        } else if (map.containsKey(key)) {
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
                        Object element = value(parser, path);
                        if (list.size() < MAX_ENTRIES) { // no array belongs in a case: keep only enough to say so
                            list.add(element);
                        }
                    }
                    return list;
                }
                case VALUE_STRING -> {
                    if (parser.getTextLength() > MAX_TEXT_CHARS) {
                        note((path.isEmpty() ? "a text value" : path) + " is too long: more than " + MAX_TEXT_CHARS
                                + " characters");
                        return null;
                    }
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
        String field = parser == null ? "" : path(parser.getParsingContext());
        if (message.startsWith("Number value length")) {
            return (field.isEmpty() ? "a number" : field) + " is out of range: a number of more than "
                    + MAX_NUMBER_DIGITS + " digits";
        }
        if (message.startsWith("String value length")) {
            return (field.isEmpty() ? "a text value" : field) + " is too long: more than " + MAX_TEXT_CHARS
                    + " characters";
        }
        if (message.startsWith("Name length")) {
            return "a field name" + (field.isEmpty() ? "" : " in " + field) + " is too long: more than "
                    + MAX_TEXT_CHARS + " characters";
        }
        if (message.startsWith("Document nesting depth")) {
            return "nested too deeply" + (field.isEmpty() ? "" : " in " + field) + ": more than " + MAX_DEPTH
                    + " levels of arrays or objects";
        }
        if (message.startsWith("Document length")) {
            return tooLarge("").error().substring(2);
        }
        return "too large to read: " + message.replaceAll(",? from `[^`]*`", "");
    }

    /**
     * Where the parser is, as a path such as {@code findings.fever} or {@code [2].id}: the field names from the case
     * down, with the position in a top-level array first.
     */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray() && c.getParent() != null && c.getParent().inRoot()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && out.length() > 0) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }

    /**
     * The text with control and invisible formatting characters (such as terminal escapes or right-to-left
     * overrides) written as backslash-u escapes, so that an error message shows them instead of acting on them.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED && cp >= 0xFFF0) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
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
