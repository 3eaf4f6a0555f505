package health.triage.examples.rulebook;

import java.util.ArrayList;
import java.util.List;

/**
 * The little Markdown the project's statements use (headings, paragraphs, "- " lists, **bold**, `code`,
 * [links](...)) as HTML, so the rule book can embed them without an external library.
 */
final class MiniMarkdown {

    private MiniMarkdown() {
    }

    static String toHtml(String markdown) {
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        boolean inList = false;
        for (String line : (markdown + "\n").split("\\R")) {
            String trimmed = line.strip();
            boolean item = trimmed.startsWith("- ");
            boolean continuation = inList && !item && !trimmed.isEmpty() && line.startsWith("  ");
            if (trimmed.isEmpty() || item || trimmed.startsWith("#")) {
                flush(html, paragraph, inList);
            }
            if (continuation) {
                paragraph.add(trimmed);
                continue;
            }
            if (inList && !item) {
                html.append("</ul>\n");
                inList = false;
            }
            if (trimmed.startsWith("#")) {
                int level = Math.min(6, trimmed.indexOf(' ') + 2);
                html.append("<h").append(level).append('>').append(inline(trimmed.substring(trimmed.indexOf(' ') + 1)))
                        .append("</h").append(level).append(">\n");
            } else if (item) {
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                paragraph.add(trimmed.substring(2));
            } else if (!trimmed.isEmpty()) {
                paragraph.add(trimmed);
            }
        }
        flush(html, paragraph, inList);
        if (inList) {
            html.append("</ul>\n");
        }
        return html.toString();
    }

    private static void flush(StringBuilder html, List<String> paragraph, boolean inList) {
        if (paragraph.isEmpty()) {
            return;
        }
        String tag = inList ? "li" : "p";
        html.append('<').append(tag).append('>').append(inline(String.join(" ", paragraph))).append("</").append(tag)
                .append(">\n");
        paragraph.clear();
    }

    /** Escapes the text, then turns **bold**, `code` and [text](link) into HTML (links become plain text). */
    static String inline(String text) {
        return Html.escape(text)
                .replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>")
                .replaceAll("`([^`]+)`", "<code>$1</code>")
                .replaceAll("\\[([^\\]]+)]\\(([^)]+)\\)", "$1");
    }
}
