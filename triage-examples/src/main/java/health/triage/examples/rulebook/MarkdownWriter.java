package health.triage.examples.rulebook;

import health.triage.Finding;
import health.triage.examples.Printable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule book as Markdown, for reading in a repository or a review tool. No control character of the rule base or
 * the example cases reaches the document ({@link Printable}); an example case's id, which is data, is written as
 * literal text, so that it cannot start a heading, a link or HTML.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(RuleBook book) {
        StringBuilder m = new StringBuilder(100_000);
        m.append("# Rule book: buttock, hip and leg pain triage\n\n")
                .append("Rule base `").append(book.version()).append("` · ")
                .append(book.concerns().stream().mapToInt(c -> c.rules().size()).sum()).append(" rules in ")
                .append(book.concerns().size()).append(" files · generated from the rule base itself; every assessment ")
                .append("reports the same version.\n\n");
        m.append("## Intended use\n\n").append(book.intendedUse().replaceFirst("^# .*\\R", "").strip()).append("\n\n");
        m.append("## Vocabulary\n\nEach finding is answered yes, no, or left out when not asked (unknown is never taken ")
                .append("as no). Case fields: `age` (0–120, required), `sex`, `pregnant`, `durationDays`, `painScore` (0–10).\n");
        for (Finding.Group group : Finding.Group.values()) {
            m.append("\n### ").append(group.title()).append("\n\n| code | \"yes\" means |\n|---|---|\n");
            for (Finding finding : Finding.values()) {
                if (finding.group() == group) {
                    m.append("| `").append(finding.code()).append("` | ").append(cell(finding.definition())).append(" |\n");
                }
            }
        }
        m.append("\n## Sources\n\n");
        int n = 1;
        for (RuleBook.Source source : book.bibliography()) {
            m.append(n++).append(". **").append(source.title()).append("** (`").append(source.key()).append("`). ")
                    .append(source.about()).append(source.citedBy().isEmpty() ? " Not cited by any rule.\n"
                            : " Cited by " + source.citedBy().size() + " rules: " + String.join(", ", source.citedBy())
                            + ".\n");
        }
        m.append("\n## Decision flow\n\nWhich findings lead to each red flag, pattern or likely source, and the disposition ")
                .append("it asks for at least. The final disposition is the most urgent one reached.\n\n")
                .append("| red flag, pattern or source | at least | findings (rules) |\n|---|---|---|\n");
        Map<String, TreeSet<String>> inputs = new TreeMap<>();
        book.flow().links().forEach((link, rules) -> inputs.computeIfAbsent(link.flag(), k -> new TreeSet<>())
                .add(link.finding() + " (" + String.join(", ", rules) + ")"));
        for (String flag : book.flow().orderedFlags()) {
            var level = book.flow().flags().get(flag);
            m.append("| ").append(cell(flag)).append(" | ").append(level == null ? "—" : level.name()).append(" | ")
                    .append(cell(String.join("; ", inputs.getOrDefault(flag, new TreeSet<>())))).append(" |\n");
        }
        m.append("\n## The rules, by clinical concern\n\n").append(book.exampleCaseCount())
                .append(" example cases were run to find the cases that exercise each rule.\n");
        for (RuleBook.Concern concern : book.concerns()) {
            m.append("\n### ").append(concern.title()).append("\n\n`").append(concern.file()).append("` · stage: ")
                    .append(concern.stage()).append("\n\n").append(concern.description()).append("\n");
            for (RuleBook.Entry entry : concern.rules()) {
                var rule = entry.rule();
                m.append("\n#### ").append(rule.id()).append(" — ").append(rule.name()).append("\n\n");
                list(m, "When", entry.conditions());
                list(m, "Then", entry.conclusions());
                m.append("- **Source:** ").append(rule.source()).append('\n')
                        .append("- **Example cases:** ").append(entry.exampleCases().isEmpty() ? "none of the example cases"
                                : String.join(", ", entry.exampleCases().stream().map(MarkdownWriter::literal).toList()))
                        .append('\n')
                        .append("- **Written at:** `").append(rule.file()).append(':').append(rule.line()).append("`\n");
            }
        }
        return Printable.keepingLineBreaks(m.toString());
    }

    /**
     * Text from input as literal Markdown on one line: control characters and line breaks shown as escapes, and the
     * characters that make emphasis, code, links, HTML or table cells backslash-escaped.
     */
    static String literal(String text) {
        String line = Printable.of(text);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("\\`*_[]<>&|~#!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void list(StringBuilder m, String label, List<String> items) {
        m.append("- **").append(label).append(":**");
        if (items.size() == 1) {
            m.append(' ').append(items.get(0)).append('\n');
        } else {
            m.append('\n');
            items.forEach(item -> m.append("  - ").append(item).append('\n'));
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
