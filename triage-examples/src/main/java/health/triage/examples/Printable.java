package health.triage.examples;

/**
 * The one place that decides which characters of input text may reach a terminal or a document as they are. Every
 * place that prints or writes text taken from input (reports, errors, usage messages, interview echoes, JSON Lines,
 * the rule book in Markdown and HTML) passes it through here, then applies its own format's escaping on top.
 *
 * <p>Unsafe are: C0 and C1 control characters and DEL (terminal escapes such as ESC [2J start with one), format
 * characters (bidi overrides such as U+202E, zero-width characters), the line and paragraph separators U+2028 and
 * U+2029, lone surrogates, and the specials from U+FFF0. They are shown as backslash-u escapes, such as
 * <code>&#92;u001B</code>, so that a reader sees them and they cannot act.
 */
public final class Printable {

    /** The longest error or usage message shown; longer ones are cut with an ellipsis. */
    public static final int MAX_MESSAGE_CHARS = 1_000;

    private Printable() {
    }

    /** Whether a code point must never be written raw. */
    public static boolean unsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED && codePoint >= 0xFFF0 && codePoint <= 0xFFFF;
    }

    /** The text on one line: every unsafe character, line breaks included, as a backslash-u escape. */
    public static String of(String text) {
        return escape(text, false);
    }

    /** The text with every unsafe character escaped but its line breaks ({@code \n}) kept: for multi-line text. */
    public static String keepingLineBreaks(String text) {
        return escape(text, true);
    }

    /**
     * An error or usage message: {@link #of(String)}, cut to {@value #MAX_MESSAGE_CHARS} characters so that one
     * message is one bounded line whatever the input.
     */
    public static String message(String text) {
        String line = of(text);
        if (line.length() <= MAX_MESSAGE_CHARS) {
            return line;
        }
        int end = MAX_MESSAGE_CHARS - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "\u2026";
    }

    private static String escape(String text, boolean keepLineBreaks) {
        int first = 0;
        while (first < text.length()) { // most text has nothing to escape: return it as it is
            int cp = text.codePointAt(first);
            if (unsafe(cp) && !(keepLineBreaks && cp == '\n')) {
                break;
            }
            first += Character.charCount(cp);
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        text.substring(first).codePoints().forEach(cp -> {
            if (unsafe(cp) && !(keepLineBreaks && cp == '\n')) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
