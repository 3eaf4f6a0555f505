package health.triage.service;

/** Client text quoted in an error message: at most 40 characters (or as many as asked), control and format characters as {@code \\uXXXX}. */
final class Text {

    private Text() {
    }

    static String shown(String text) {
        return shown(text, 40);
    }

    /** Client text with at most {@code max} characters. */
    static String shown(String text, int max) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > max ? text.substring(0, max) : text;
        StringBuilder out = new StringBuilder(cut.length() + 8);
        cut.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() > max ? out + "…" : out.toString();
    }
}
