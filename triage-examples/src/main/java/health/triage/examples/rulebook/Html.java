package health.triage.examples.rulebook;

import health.triage.examples.Printable;

/** HTML escaping for text and attribute values; control characters are shown as escapes ({@link Printable}). */
final class Html {

    private Html() {
    }

    static String escape(String raw) {
        String text = Printable.keepingLineBreaks(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
