package health.triage.examples;

import health.triage.Finding;
import health.triage.TriageCase;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads case files: one JSON case object, or a JSON array of case objects. Each case becomes a {@link TriageCase}
 * or an error that names where it is ({@code cases/a.json}, or {@code cases/a.json[2]} for the element at 0-based
 * position 2 of an array) and what is wrong with it. Cases are handed on one at a time as they are read, so memory
 * holds the file and one case, however many cases (or rejections) the file has.
 *
 * <p>Reading is strict: malformed UTF-8 (overlong forms, encoded surrogates, code points beyond U+10FFFF) is an error
 * naming the byte offset; a duplicate key, content after the case, a fraction or a number out of range for a whole
 * number field, {@code null} for a finding, text holding half of a surrogate pair, and every unknown field or code
 * are errors. The JSON is turned into plain maps, lists, numbers, booleans and strings and handed to
 * {@link TriageCase#fromFields(Map)}, so the validation messages are the library's own. A file that is not valid
 * JSON (or UTF-8) is rejected as a whole before any of its cases is handed on (its elements cannot be told apart);
 * any other error rejects only the case it is in.
 *
 * <p>Limits, so that no input can exhaust memory or time: a case file (or standard input) holds at most
 * {@value #MAX_FILE_BYTES} bytes (4 MiB); a text value or field name at most {@value #MAX_TEXT_CHARS} characters; a
 * number at most {@value #MAX_NUMBER_DIGITS} digits; arrays and objects nest at most {@value #MAX_DEPTH} levels; an
 * object inside a case has at most {@value #MAX_ENTRIES} entries (a case has 8 fields and the vocabulary fewer than
 * 100 finding codes). A file beyond the size or nesting limit is one error; a case beyond another limit is one error
 * naming the field, and the file's other cases are still read. Error messages pass through {@link Printable}, so that
 * control characters of the input cannot act on a terminal, and are at most {@value Printable#MAX_MESSAGE_CHARS}
 * characters long.
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
    private static final String TOO_LARGE = "the file is larger than the limit of 4 MiB (" + MAX_FILE_BYTES
            + " bytes) for a case file; split it into smaller files";
    private static final int SHOWN_NAME_CHARS = 40;

    private static final JsonFactory JSON = JsonFactory.builder()
            // never echo case content into locations of error messages
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // long field names are rejected per case; never keep them in a symbol table
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            // the text, name and number limits are checked per case below, so that a value beyond one rejects only
            // its case; the reader's own limits are the file size, which bounds them all
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_FILE_BYTES)
                    .maxStringLength(MAX_FILE_BYTES)
                    .maxNameLength(MAX_FILE_BYTES)
                    .maxNumberLength(MAX_FILE_BYTES)
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
     * The cases of one input, checked as a whole (encoding, JSON syntax, size and nesting) and counted, but not yet
     * turned into cases: {@link #forEach(Consumer)} reads them one at a time.
     */
    static final class Cases {
        private final String name;
        private final char[] text;
        private final Rejected whole;
        private final int size;
        private final boolean array;

        private Cases(String name, char[] text, Rejected whole, int size, boolean array) {
            this.name = name;
            this.text = text;
            this.whole = whole;
            this.size = size;
            this.array = array;
        }

        /** Whether the input is a JSON array (of any length, even none) rather than one case object. */
        boolean array() {
            return array;
        }

        /** How many cases (valid or rejected) {@link #forEach(Consumer)} hands on. */
        int size() {
            return size;
        }

        /** Reads the cases in order, handing each to {@code each} as soon as it is read. */
        void forEach(Consumer<Read> each) {
            if (whole != null) {
                each.accept(whole);
                return;
            }
            try (JsonParser parser = JSON.createParser(text)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    each.accept(element(name, parser, false));
                    return;
                }
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    each.accept(element(name + "[" + index + "]", parser, true));
                    index++;
                }
            } catch (IOException e) { // checked as a whole before: cannot happen
                throw new IllegalStateException("a checked case file could not be read again", e);
            }
        }
    }

    /**
     * The cases of an input, read up to the limit of {@value #MAX_FILE_BYTES} bytes: a larger input is one rejected
     * case, and is not read further.
     *
     * @param name how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @throws IOException when the input cannot be read
     */
    static Cases of(String name, InputStream in) throws IOException {
        return of(name, in.readNBytes(MAX_FILE_BYTES + 1));
    }

    /**
     * The cases in a file's content.
     *
     * @param name    how to name the input in errors, such as {@code cases/a.json} or {@code <stdin>}
     * @param content the raw bytes (UTF-8, or UTF-16/32 with or without a byte order mark)
     */
    static Cases of(String name, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            return rejected(name, TOO_LARGE);
        }
        char[] text;
        try {
            text = StrictText.decode(content);
        } catch (StrictText.MalformedException e) {
            return rejected(name, e.getMessage());
        }
        return checked(name, text);
    }

    /** The cases of a small input, such as one example file, as a list. */
    static List<Read> read(String name, byte[] content) {
        List<Read> cases = new ArrayList<>();
        of(name, content).forEach(cases::add);
        return cases;
    }

    /** An input that is one rejected case: {@code name: why}. */
    static Cases rejected(String name, String why) {
        return rejected(name, why, false);
    }

    private static Cases rejected(String name, String why, boolean array) {
        return new Cases(name, null, new Rejected(name, null, Printable.message(name + ": " + why)), 1, array);
    }

    /**
     * Checks the whole file without keeping any of it: one JSON value, an object or a non-empty array, within the
     * limits of the reader; counts its cases.
     */
    private static Cases checked(String name, char[] text) {
        JsonParser open = null;
        try (JsonParser parser = JSON.createParser(text)) {
            open = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return rejected(name, "the file is empty; expected a case object or an array of case objects");
            }
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                return rejected(name, "expected a case object or an array of case objects, found " + describe(first));
            }
            int size = 1;
            if (first == JsonToken.START_ARRAY) {
                size = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) {
                        throw new JsonParseException(parser, "Unexpected end-of-input: expected close marker for Array");
                    }
                    parser.skipChildren(); // reads every token to the end of the element, keeping none
                    size++;
                }
            } else {
                parser.skipChildren();
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
                return rejected(name, "unexpected content after the " + (first == JsonToken.START_ARRAY ? "array"
                        : "case") + " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + "; a file holds one case object or one array of them");
            }
            if (size == 0) {
                return rejected(name, "the file holds an empty array; expected at least one case object", true);
            }
            return new Cases(name, text, null, size, first == JsonToken.START_ARRAY);
        } catch (StreamConstraintsException e) {
            return rejected(name, beyondLimit(e, open));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String field = open == null ? "" : path(open.getParsingContext());
            return rejected(name, "malformed JSON" + where + (field.isEmpty() ? "" : " (in " + field + ")") + ": "
                    + clean(e));
        } catch (IOException e) {
            return rejected(name, "cannot be read: " + e.getMessage());
        }
    }


    /** Reads the value at the parser's current token as one case. */
    private static Read element(String where, JsonParser parser, boolean inArray) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            String found = describe(parser.currentToken());
            parser.skipChildren();
            return new Rejected(where, null, Printable.message(where + ": expected a case object"
                    + (inArray ? "" : " or an array of case objects") + ", found " + found));
        }
        Values values = new Values();
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) values.value(parser, "");
        String id = fields.get("id") instanceof String text ? text : null;
        if (values.problem != null) {
            return new Rejected(where, id, Printable.message(where + ": " + values.problem));
        }
        try {
            return new Valid(where, TriageCase.fromFields(fields));
        } catch (IllegalArgumentException e) {
            return new Rejected(where, id, Printable.message(where + ": " + e.getMessage()));
        }
    }

    /**
     * Turns JSON into plain Java values, noting the first problem (a duplicate key, a value beyond a limit, text
     * that is not valid Unicode) instead of failing at once, so that the rest of the file can still be read.
     */
    private static final class Values {
        private String problem;

        Object value(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token.isNumeric() && parser.getTextLength() > MAX_NUMBER_DIGITS
                    && parser.getTextLength() - (parser.getText().startsWith("-") ? 1 : 0) > MAX_NUMBER_DIGITS) {
                note((path.isEmpty() ? "a number" : path) + " is out of range: a number of more than "
                        + MAX_NUMBER_DIGITS + " digits");
                return null;
            }
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    int entries = 0;
                    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                        String key = parser.currentName();
                        JsonLocation at = parser.currentTokenLocation();
                        if (tooLong(key)) {
                            note("a field name" + (path.isEmpty() ? "" : " in " + path) + " is too long: more than "
                                    + MAX_TEXT_CHARS + " characters");
                            key = shortName(key);
                        } else {
                            unicode(key, path.isEmpty() ? "a field name" : "a field name in " + path);
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
                    String text = parser.getText();
                    if (tooLong(text)) {
                        note((path.isEmpty() ? "a text value" : path) + " is too long: more than " + MAX_TEXT_CHARS
                                + " characters");
                        return null;
                    }
                    unicode(text, path.isEmpty() ? "a text value" : path);
                    return text;
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

        /** Whether text is beyond the limit, counting characters (an emoji is one, not two UTF-16 units). */
        private static boolean tooLong(String text) {
            return text.length() > MAX_TEXT_CHARS && text.codePointCount(0, text.length()) > MAX_TEXT_CHARS;
        }

        /** Notes text holding half of a surrogate pair (written as a JSON escape): it is not a character. */
        private void unicode(String text, String what) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    note(what + " holds " + String.format("\\u%04X", (int) c) + ", half of a surrogate pair, which "
                            + "is not a character; text must be valid Unicode");
                    return;
                }
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
            return TOO_LARGE;
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
                parts.add(0, shortName(c.getCurrentName()));
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

    /** A field name as messages show it: at most {@value #SHOWN_NAME_CHARS} characters. */
    private static String shortName(String name) {
        return name.length() <= SHOWN_NAME_CHARS ? name
                : name.substring(0, Character.isHighSurrogate(name.charAt(SHOWN_NAME_CHARS - 1)) ? SHOWN_NAME_CHARS - 1
                : SHOWN_NAME_CHARS) + "\u2026";
    }

    /**
     * Jackson's message in the input's words: without its location suffix (we give the location ourselves) and
     * without advice to enable parser features, which a person writing a case file cannot follow.
     */
    static String clean(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable input";
        }
        // "(start marker at [Source: REDACTED (...); line: 1, column: 1])" -> "(start marker at line 1, column 1)"
        message = message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*?; line: (\\d+)\\]", "line $1");
        Matcher token = NON_STANDARD_TOKEN.matcher(message);
        if (token.find()) {
            return "'" + token.group(1) + "' is not a JSON value; a number is written with digits only";
        }
        Matcher control = CONTROL_CHARACTER.matcher(message);
        if (control.find()) {
            return "a control character (code " + control.group(1) + ") must be escaped in a JSON string, such as "
                    + "\\n for a line break";
        }
        if (message.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        if (message.contains("numbers to have plus signs")) {
            return "a number must not start with '+' in JSON";
        }
        if (message.contains("trailing comma") || message.contains("ALLOW_TRAILING_COMMA")) {
            return "a comma must be followed by another value in JSON";
        }
        // any other advice to enable a feature: drop it
        return message.replaceAll(":? *\\(?(enable|not recognized)[^)]*(Feature|JsonReadFeature)[^)]*\\)?.*$", "")
                .strip();
    }

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, "
            + "code (\\d+)\\)\\)");
    private static final Pattern NON_STANDARD_TOKEN = Pattern.compile("^Non-standard token '([^']*)'");
}
