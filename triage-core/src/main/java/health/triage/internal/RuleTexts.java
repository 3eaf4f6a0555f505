package health.triage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits DRL text into its rules, as written: where each rule starts and ends, its stage and its {@code when} and
 * {@code then} parts. Used to show rules to clinicians and to build a rule base without one rule.
 */
public final class RuleTexts {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*$");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\s*(//.*)?$");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\s*(//.*)?$");
    private static final Pattern GROUP = Pattern.compile("ruleflow-group\\s+\"([^\"]+)\"");

    /**
     * One rule's text.
     *
     * @param name       the rule name
     * @param file       the file it is in
     * @param firstLine  1-based line of {@code rule "..."}
     * @param lastLine   1-based line of its {@code end}
     * @param stage      {@code findings}, or the ruleflow-group it names
     * @param conditions the lines between {@code when} and {@code then}
     * @param conclusion the lines between {@code then} and {@code end}
     */
    public record RuleText(String name, String file, int firstLine, int lastLine, String stage, String conditions,
                           String conclusion) {
    }

    private RuleTexts() {
    }

    /** Every rule of every file, by rule name, in file and line order. */
    public static Map<String, RuleText> of(RuleFiles files) {
        Map<String, RuleText> rules = new LinkedHashMap<>();
        files.files().forEach((file, text) -> split(file, text).forEach(rule -> rules.put(rule.name(), rule)));
        return rules;
    }

    static List<RuleText> split(String file, String text) {
        List<RuleText> rules = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher start = RULE.matcher(lines[i]);
            if (!start.matches()) {
                i++;
                continue;
            }
            int first = i;
            int when = -1;
            int then = -1;
            String stage = "findings";
            while (i < lines.length && !(i > first && END.matcher(lines[i]).matches())) {
                if (when < 0 && WHEN.matcher(lines[i]).matches()) {
                    when = i;
                } else if (when >= 0 && then < 0 && THEN.matcher(lines[i]).matches()) {
                    then = i;
                }
                Matcher group = GROUP.matcher(lines[i]);
                if (when < 0 && group.find()) {
                    stage = group.group(1);
                }
                i++;
            }
            int last = Math.min(i, lines.length - 1);
            String conditions = when >= 0 && then > when ? join(lines, when + 1, then) : "";
            String conclusion = then >= 0 ? join(lines, then + 1, last) : "";
            rules.add(new RuleText(start.group(1).replace("\\\"", "\""), file, first + 1, last + 1, stage,
                    conditions, conclusion));
            i++;
        }
        return rules;
    }

    /** The comment lines a file opens with, without the comment markers; paragraphs kept. */
    public static String headerComment(String text) {
        List<String> comment = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("//")) {
                break;
            }
            comment.add(trimmed.substring(2).strip());
        }
        return String.join("\n", comment).strip();
    }

    private static String join(String[] lines, int from, int to) {
        List<String> part = new ArrayList<>(List.of(lines).subList(from, to));
        int indent = part.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", part.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).strip();
    }
}
