package health.triage.examples.rulebook;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision flow of a rule base, derived from the rules' text: which findings raise which red flags and
 * patterns, and which flags and patterns lead to which disposition.
 *
 * @param findings the findings (and case fields) that some rule of the findings or source stage tests
 * @param flags    the red flags, patterns, screening gaps and likely sources those rules conclude, each with the
 *                 disposition it asks for at least
 * @param links    finding to flag, with the rule ids behind each link
 */
public record FlowDiagram(List<String> findings, Map<String, Disposition> flags, Map<Link, List<String>> links) {

    /** A link from a finding to a flag or pattern. */
    public record Link(String finding, String flag) {
    }

    private static final Pattern LEVEL = Pattern.compile("Disposition\\.([A-Z_]+)");

    static FlowDiagram of(List<RuleInfo> rules) {
        Map<String, Disposition> flags = new TreeMap<>();
        Map<Link, List<String>> links = new LinkedHashMap<>();
        Set<String> findings = new LinkedHashSet<>();
        for (RuleInfo rule : rules) {
            if (rule.stage().equals("advice")) {
                continue;
            }
            List<String> inputs = inputs(rule.conditions());
            Optional<Disposition> urgency = Optional.empty();
            List<String> targets = new ArrayList<>();
            for (PlainWords.Inserted fact : PlainWords.inserted(rule.conclusion())) {
                String args = String.join(", ", fact.arguments());
                Optional<Disposition> level = level(args);
                switch (fact.type()) {
                    case "RedFlag" -> targets.add(flag(flags, "red flag: " + firstString(args), level));
                    case "Unanswered" -> targets.add(flag(flags, "unanswered screening question ("
                            + level.map(Enum::name).orElse("?") + ")", level));
                    case "Mimic" -> targets.add(flag(flags, "pattern: " + firstString(args), Optional.empty()));
                    case "SourceVerdict", "Cue" -> targets.add(flag(flags, "likely source: " + constant(args),
                            Optional.empty()));
                    case "Urgency" -> urgency = level;
                    default -> { }
                }
            }
            if (targets.isEmpty() && urgency.isPresent()) {
                targets.add(flag(flags, rule.id() + ": " + shortName(rule.name()), urgency));
            } else if (urgency.isPresent()) {
                for (String target : targets) {
                    flag(flags, target, urgency);
                }
            }
            for (String target : targets) {
                for (String input : inputs) {
                    findings.add(input);
                    links.computeIfAbsent(new Link(input, target), k -> new ArrayList<>()).add(rule.id());
                }
            }
        }
        List<String> ordered = findings.stream().sorted(Comparator.comparingInt(FlowDiagram::order)).toList();
        return new FlowDiagram(ordered, flags, links);
    }

    /** The flags and patterns in diagram order: most urgent first, then by name. */
    public List<String> orderedFlags() {
        return flags.keySet().stream()
                .sorted(Comparator.comparing((String f) -> Optional.ofNullable(flags.get(f)).map(Enum::ordinal).orElse(9))
                        .thenComparing(f -> f))
                .toList();
    }

    private static String flag(Map<String, Disposition> flags, String name, Optional<Disposition> level) {
        Disposition current = flags.get(name);
        flags.put(name, level.map(l -> current == null ? l : Disposition.mostUrgent(current, l)).orElse(current));
        return name;
    }

    /** The findings and case fields a rule's conditions test. */
    private static List<String> inputs(String conditions) {
        List<String> inputs = new ArrayList<>(PlainWords.findings(conditions));
        String words = PlainWords.stripComments(conditions);
        if (words.contains("Patient")) {
            if (words.matches("(?s).*\\bage\\b.*")) {
                inputs.add("age");
            }
            if (words.contains("durationDays")) {
                inputs.add("durationDays");
            }
            if (words.contains("pregnant")) {
                inputs.add("pregnant");
            }
        }
        if (words.contains("RedFlag(")) {
            inputs.add("(a red flag)");
        }
        if (words.contains("Mimic(")) {
            inputs.add("(a strong pattern)");
        }
        return inputs;
    }

    private static int order(String input) {
        return Finding.lookup(input).map(Enum::ordinal).orElse(1000 + input.hashCode() % 100);
    }

    private static Optional<Disposition> level(String args) {
        Matcher m = LEVEL.matcher(args);
        return m.find() ? Optional.of(Disposition.valueOf(m.group(1))) : Optional.empty();
    }

    private static String firstString(String args) {
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(args);
        return m.find() ? m.group(1) : args.strip();
    }

    private static String constant(String args) {
        Matcher m = Pattern.compile("LikelySource\\.([A-Z_]+)").matcher(args);
        return m.find() ? m.group(1) : args.strip().toLowerCase(Locale.ROOT);
    }

    private static String shortName(String name) {
        return name.length() > 48 ? name.substring(0, 47) + "…" : name;
    }
}
