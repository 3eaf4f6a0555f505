package health.triage.examples.rulebook;

import health.triage.Disposition;
import health.triage.Finding;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rule book as one self-contained HTML page: inline style and an inline SVG diagram, nothing fetched. */
public final class HtmlWriter {

    private static final int ROW = 22;
    private static final int TOP = 40;
    private static final Map<Disposition, String> COLOURS = Map.of(Disposition.EMERGENCY, "#b71c1c",
            Disposition.URGENT, "#e65100", Disposition.ROUTINE, "#1565c0", Disposition.SELF_CARE, "#2e7d32");

    private HtmlWriter() {
    }

    public static String write(RuleBook book) {
        StringBuilder h = new StringBuilder(200_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Rule book — buttock, hip and leg pain triage ").append(Html.escape(book.version()))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Rule book: buttock, hip and leg pain triage</h1>\n<p class=\"meta\">Rule base <code>")
                .append(Html.escape(book.version())).append("</code> · ")
                .append(book.concerns().stream().mapToInt(c -> c.rules().size()).sum()).append(" rules in ")
                .append(book.concerns().size()).append(" files · generated from the rule base itself; every ")
                .append("assessment reports the same version.</p>\n");
        contents(h, book);
        h.append("<section id=\"intended-use\">\n<h2>Intended use</h2>\n")
                .append(MiniMarkdown.toHtml(book.intendedUse().replaceFirst("^# .*\\R", ""))).append("</section>\n");
        vocabulary(h);
        bibliography(h, book);
        h.append("<section id=\"flow\">\n<h2>Decision flow</h2>\n<p>Left: the findings and case fields the rules test. ")
                .append("Middle: the red flags, patterns, screening gaps and likely sources they conclude. Right: the ")
                .append("disposition each asks for at least. The final disposition is the most urgent one reached. ")
                .append("Hover over a line to see the rules behind it.</p>\n");
        diagram(h, book.flow());
        h.append("</section>\n");
        h.append("<section id=\"rules\">\n<h2>The rules, by clinical concern</h2>\n<p>Each rule reads as a sentence a ")
                .append("clinician can agree or disagree with. <em>When</em> and <em>Then</em> restate the rule text in ")
                .append("plain words; the text as written is under each rule. A finding is <em>yes</em> (asked, present), ")
                .append("<em>no</em> (asked, absent) or <em>not asked</em> (unknown, never taken as no). Example cases: ")
                .append(book.exampleCaseCount()).append(" were run.</p>\n");
        for (RuleBook.Concern concern : book.concerns()) {
            concern(h, concern);
        }
        h.append("</section>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void contents(StringBuilder h, RuleBook book) {
        h.append("<nav><h2>Contents</h2>\n<ol>\n<li><a href=\"#intended-use\">Intended use</a></li>\n")
                .append("<li><a href=\"#vocabulary\">Vocabulary</a></li>\n<li><a href=\"#bibliography\">Sources</a></li>\n")
                .append("<li><a href=\"#flow\">Decision flow</a></li>\n<li><a href=\"#rules\">The rules</a>\n<ol>\n");
        for (RuleBook.Concern concern : book.concerns()) {
            h.append("<li><a href=\"#").append(anchor(concern.file())).append("\">").append(Html.escape(concern.title()))
                    .append("</a> (").append(concern.rules().size()).append(")</li>\n");
        }
        h.append("</ol></li>\n</ol>\n</nav>\n");
    }

    private static void vocabulary(StringBuilder h) {
        h.append("<section id=\"vocabulary\">\n<h2>Vocabulary</h2>\n<p>Each finding is answered yes, no, or left out ")
                .append("when not asked. Case fields: <code>age</code> (0–120, required), <code>sex</code>, ")
                .append("<code>pregnant</code>, <code>durationDays</code>, <code>painScore</code> (0–10).</p>\n");
        for (Finding.Group group : Finding.Group.values()) {
            h.append("<h3>").append(Html.escape(group.title())).append("</h3>\n<table>\n<tr><th>code</th><th>“yes” means</th></tr>\n");
            for (Finding finding : Finding.values()) {
                if (finding.group() == group) {
                    h.append("<tr><td><code>").append(finding.code()).append("</code></td><td>")
                            .append(Html.escape(finding.definition())).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void bibliography(StringBuilder h, RuleBook book) {
        h.append("<section id=\"bibliography\">\n<h2>Sources</h2>\n<p>Rules cite these documents by file name and section ")
                .append("heading.</p>\n<ol class=\"sources\">\n");
        for (RuleBook.Source source : book.bibliography()) {
            h.append("<li><strong>").append(Html.escape(source.title())).append("</strong> <code>")
                    .append(Html.escape(source.key())).append("</code><br>").append(Html.escape(source.about()))
                    .append("<br><span class=\"cited\">").append(source.citedBy().isEmpty() ? "Not cited by any rule."
                            : "Cited by " + source.citedBy().size() + " rules: " + source.citedBy().stream()
                            .map(id -> "<a href=\"#rule-" + anchor(id) + "\">" + id + "</a>")
                            .collect(Collectors.joining(", ")))
                    .append("</span></li>\n");
        }
        h.append("</ol>\n</section>\n");
    }

    private static void concern(StringBuilder h, RuleBook.Concern concern) {
        h.append("<section class=\"concern\" id=\"").append(anchor(concern.file())).append("\">\n<h3>")
                .append(Html.escape(concern.title())).append("</h3>\n<p class=\"meta\"><code>")
                .append(Html.escape(concern.file())).append("</code> · stage: ").append(concern.stage()).append("</p>\n")
                .append("<p class=\"desc\">").append(Html.escape(concern.description()).replace("\n\n", "<br><br>"))
                .append("</p>\n");
        for (RuleBook.Entry entry : concern.rules()) {
            var rule = entry.rule();
            h.append("<article class=\"rule\" id=\"rule-").append(anchor(rule.id())).append("\">\n<h4><span class=\"id\">")
                    .append(Html.escape(rule.id())).append("</span> ").append(Html.escape(rule.name())).append("</h4>\n")
                    .append("<div class=\"cols\"><div><b>When</b><ul>");
            entry.conditions().forEach(c -> h.append("<li>").append(Html.escape(c)).append("</li>"));
            h.append("</ul></div><div><b>Then</b><ul>");
            entry.conclusions().forEach(c -> h.append("<li>").append(Html.escape(c)).append("</li>"));
            h.append("</ul></div></div>\n<p><b>Source</b> ").append(Html.escape(rule.source())).append("</p>\n<p><b>Example cases</b> ")
                    .append(entry.exampleCases().isEmpty() ? "<em>none of the example cases</em>"
                            : Html.escape(String.join(", ", entry.exampleCases())))
                    .append("</p>\n<details><summary>Rule text as written (").append(Html.escape(rule.file())).append(':')
                    .append(rule.line()).append(", stage ").append(rule.stage()).append(")</summary><pre>when\n")
                    .append(Html.escape(indent(rule.conditions()))).append("\nthen\n").append(Html.escape(indent(rule.conclusion())))
                    .append("</pre></details>\n</article>\n");
        }
        h.append("</section>\n");
    }

    private static void diagram(StringBuilder h, FlowDiagram flow) {
        List<String> left = flow.findings();
        List<String> middle = flow.orderedFlags();
        List<Disposition> right = List.of(Disposition.values());
        int rows = Math.max(left.size(), middle.size());
        int height = TOP + rows * ROW + 20;
        int leftX = 10;
        int leftW = 230;
        int midX = 470;
        int midW = 330;
        int rightX = 1010;
        int rightW = 130;
        h.append("<svg class=\"flow\" viewBox=\"0 0 1150 ").append(height).append("\" width=\"1150\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"Decision flow: findings to red flags and patterns to dispositions\">\n")
                .append("<text x=\"").append(leftX).append("\" y=\"20\" class=\"head\">Findings</text>")
                .append("<text x=\"").append(midX).append("\" y=\"20\" class=\"head\">Red flags, patterns, sources</text>")
                .append("<text x=\"").append(rightX).append("\" y=\"20\" class=\"head\">Disposition</text>\n");
        double midStep = (double) (rows * ROW) / Math.max(1, middle.size());
        double rightStep = (double) (rows * ROW) / right.size();
        for (Map.Entry<FlowDiagram.Link, List<String>> link : flow.links().entrySet()) {
            int from = left.indexOf(link.getKey().finding());
            int to = middle.indexOf(link.getKey().flag());
            double y1 = TOP + from * ROW + 9;
            double y2 = TOP + to * midStep + 9;
            path(h, leftX + leftW, y1, midX, y2, colour(flow.flags().get(link.getKey().flag())),
                    link.getKey().finding() + " → " + link.getKey().flag() + " (" + String.join(", ", link.getValue()) + ")");
        }
        for (int i = 0; i < middle.size(); i++) {
            Disposition level = flow.flags().get(middle.get(i));
            if (level != null) {
                double y1 = TOP + i * midStep + 9;
                double y2 = TOP + right.indexOf(level) * rightStep + rightStep / 2;
                path(h, midX + midW, y1, rightX, y2, colour(level), middle.get(i) + " → " + level);
            }
        }
        for (int i = 0; i < left.size(); i++) {
            box(h, leftX, TOP + i * ROW, leftW, left.get(i), "#555", left.get(i));
        }
        for (int i = 0; i < middle.size(); i++) {
            Disposition level = flow.flags().get(middle.get(i));
            box(h, midX, TOP + i * midStep, midW, middle.get(i), colour(level),
                    middle.get(i) + (level == null ? "" : " — at least " + level));
        }
        for (int i = 0; i < right.size(); i++) {
            double y = TOP + i * rightStep + rightStep / 2 - 14;
            h.append("<g><title>").append(Html.escape(right.get(i).timeframe())).append("</title><rect x=\"").append(rightX)
                    .append("\" y=\"").append(fmt(y)).append("\" width=\"").append(rightW).append("\" height=\"28\" rx=\"5\" fill=\"")
                    .append(colour(right.get(i))).append("\"/><text x=\"").append(rightX + 8).append("\" y=\"").append(fmt(y + 19))
                    .append("\" class=\"disp\">").append(right.get(i).name()).append("</text></g>\n");
        }
        h.append("</svg>\n");
    }

    private static void path(StringBuilder h, double x1, double y1, double x2, double y2, String colour, String title) {
        double mid = (x1 + x2) / 2;
        h.append("<path class=\"link\" d=\"M").append(fmt(x1)).append(',').append(fmt(y1)).append(" C").append(fmt(mid))
                .append(',').append(fmt(y1)).append(' ').append(fmt(mid)).append(',').append(fmt(y2)).append(' ').append(fmt(x2))
                .append(',').append(fmt(y2)).append("\" stroke=\"").append(colour).append("\"><title>").append(Html.escape(title))
                .append("</title></path>\n");
    }

    private static void box(StringBuilder h, int x, double y, int width, String label, String colour, String title) {
        h.append("<g><title>").append(Html.escape(title)).append("</title><rect x=\"").append(x).append("\" y=\"")
                .append(fmt(y)).append("\" width=\"").append(width).append("\" height=\"18\" rx=\"3\" fill=\"#fff\" stroke=\"")
                .append(colour).append("\"/><text x=\"").append(x + 5).append("\" y=\"").append(fmt(y + 13)).append("\">")
                .append(Html.escape(label.length() > 52 ? label.substring(0, 51) + "…" : label)).append("</text></g>\n");
    }

    private static String colour(Disposition level) {
        return level == null ? "#888" : COLOURS.get(level);
    }

    private static String fmt(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    private static String indent(String text) {
        return text.isEmpty() ? "" : "    " + text.replace("\n", "\n    ");
    }

    static String anchor(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0;
                   color: #1b1b1b; background: #fafafa; line-height: 1.45; }
            main { max-width: 1180px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 1.8em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 2em; }
            .meta { color: #555; font-size: 0.92em; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
            pre { background: #f0f0f0; padding: 10px; overflow-x: auto; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; background: #fff; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            nav ol ol { columns: 2; }
            .sources li { margin-bottom: 0.8em; }
            .cited { font-size: 0.9em; color: #444; }
            .concern { margin-top: 1.5em; }
            .desc { white-space: normal; color: #333; }
            .rule { background: #fff; border: 1px solid #ddd; border-left: 4px solid #1565c0; border-radius: 4px;
                    padding: 8px 14px; margin: 12px 0; }
            .rule h4 { margin: 4px 0 8px; font-size: 1.05em; }
            .rule .id { font-family: ui-monospace, Menlo, Consolas, monospace; background: #e3eaf5; padding: 1px 6px;
                        border-radius: 3px; margin-right: 6px; }
            .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .cols ul { margin: 4px 0; padding-left: 20px; }
            .rule p { margin: 6px 0; }
            svg.flow { background: #fff; border: 1px solid #ddd; max-width: 100%; height: auto; }
            svg.flow text { font-size: 11px; fill: #222; }
            svg.flow text.head { font-size: 13px; font-weight: bold; }
            svg.flow text.disp { font-size: 12px; font-weight: bold; fill: #fff; }
            svg.flow path.link { fill: none; stroke-width: 1.2; opacity: 0.45; }
            svg.flow path.link:hover { stroke-width: 3; opacity: 1; }
            @media print { nav, details { display: none; } .rule { break-inside: avoid; } }
            """;
}
