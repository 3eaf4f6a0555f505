package health.triage.examples;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.SelfCareStep;
import health.triage.TriageCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A readable report of one assessment, for a clinician: the decision first, then what it rests on. Plain text,
 * wrapped to {@value #WIDTH} columns; every line ends with {@code \n}.
 */
final class Report {

    static final int WIDTH = 100;
    private static final int LABEL = 16;
    private static final String DASH = " \u2014 ";
    private static final String RULE = "=".repeat(WIDTH);

    private final StringBuilder out = new StringBuilder();

    private Report() {
    }

    /** The report for an assessed case read from {@code input}. */
    static String of(String input, TriageCase triageCase, Assessment a) {
        Report r = new Report();
        r.heading(a.caseId(), input);
        r.field("Person", person(triageCase));
        r.field("Answered yes", codes(triageCase, true));
        r.field("Answered no", codes(triageCase, false));
        r.blank();

        r.field("DISPOSITION", a.disposition().code() + DASH + a.timeframe());
        r.list("  because", byRule(a.decisiveReasons()), reason -> reason.ruleId() + DASH + reason.rule(),
                "no rule names this level on its own");
        r.field("Likely source", a.likelySource().name());
        r.list("  cues for", a.cuesFor(), cue -> cue.finding().code() + ": " + cue.text(), "none");
        r.list("  cues against", a.cuesAgainst(), cue -> cue.finding().code() + " (points to "
                + cue.pointsTo().name() + "): " + cue.text(), "none");
        a.stratification().ifPresent(s -> r.field("Stratification", s.tool() + " risk " + s.risk().name()
                + " (" + s.total() + " of 9 items agreed, " + s.psychosocial() + " of 5 psychosocial)"));
        if (!a.stratificationUnanswered().isEmpty()) {
            r.field("Stratification", "STarT Back not scored: " + a.stratificationUnanswered().size()
                    + " of its 9 items unanswered");
        }
        r.blank();

        r.list("Red flags", a.redFlags(), Report::redFlag, "none found");
        if (a.unanswered().isEmpty()) {
            r.field("Screening", "complete: every screening question was answered");
        } else if (a.disposition() == Disposition.EMERGENCY) {
            // an emergency ends the interview at once: no answer can lower it, so these are not "to ask first"
            r.list("Screening stopped at the emergency: not asked (no answer to them could lower it)",
                    a.unanswered(), f -> f.code() + DASH + f.definition(), "");
        } else {
            r.list("Screening incomplete: unanswered screening questions (ask these before relying on this result)",
                    a.unanswered(),
                    f -> f.code() + DASH + f.definition(), "");
        }
        r.list("Also consider", a.alsoConsider(), Report::alsoConsider, "nothing else suggested");
        r.list("Referral", a.referrals(), Report::referral, "none");
        r.selfCare(a.selfCare(), a.disposition() == Disposition.SELF_CARE ? "Self-care plan"
                : "Self-care while waiting to be seen");
        r.list("Safety-net", a.safetyNet(), Report::safetyNet, "none");
        r.blank();

        r.list("Reasons (rule id" + DASH + "rule" + DASH + "source" + DASH + "findings used)",
                byRule(a.reasons()), Report::reason, "none");
        r.field("Rule base", a.ruleBaseVersion());
        r.field("Policy", "new symptoms in both legs on their own: " + a.bilateralLegSymptomsPolicy().name()
                + (a.bilateralLegSymptomsPolicy() == BilateralLegSymptomsPolicy.DEFAULT ? " (default)" : ""));
        r.blank();
        return r.out.toString();
    }

    /** The report block for a case that could not be assessed. */
    static String rejected(String input, String id, String error) {
        Report r = new Report();
        r.heading(id, input);
        r.field("NOT ASSESSED", error);
        r.blank();
        return r.out.toString();
    }

    private void heading(String id, String input) {
        out.append(RULE).append('\n');
        // the id and the path come from the input: one line, control characters and line breaks shown
        wrap(Printable.of("Case " + (id == null ? "(no id)" : id) + "   (" + input + ")"), "", "  ");
        out.append(RULE).append('\n');
    }

    /** A label and its value, the value aligned at {@link #LABEL} columns and wrapped below itself. */
    private void field(String label, String value) {
        String pad = " ".repeat(LABEL);
        String head = label.length() < LABEL ? label + " ".repeat(LABEL - label.length()) : label + "  ";
        wrap(value, head, pad);
    }

    /** A short list inline when empty; otherwise its label on a line of its own and one item per line. */
    private <T> void list(String label, List<T> items, Function<T, String> show, String none) {
        if (items.isEmpty()) {
            field(label, none);
            return;
        }
        out.append(label).append('\n');
        String indent = label.startsWith(" ") ? "    " : "  ";
        for (T item : items) {
            wrap(show.apply(item), indent + "- ", indent + "  ");
        }
    }

    private void selfCare(List<SelfCareStep> steps, String label) {
        if (steps.isEmpty()) {
            field("Self-care", "none for this case");
            return;
        }
        out.append(label).append('\n');
        int number = 1;
        for (SelfCareStep step : steps) {
            String head = "  " + number++ + ". ";
            String pad = " ".repeat(head.length());
            wrap(step.title(), head, pad);
            wrap(step.howTo(), pad, pad);
            wrap("Take care: " + step.precaution(), pad, pad);
        }
    }

    private void blank() {
        out.append('\n');
    }

    /**
     * Appends text word-wrapped to {@link #WIDTH}: the first line after {@code first}, the others after {@code rest}.
     * Every text of a report passes here, so none of its control characters reaches a terminal (error messages, and
     * the rules of a {@code --rules} folder, come from input too).
     */
    private void wrap(String text, String first, String rest) {
        for (String paragraph : Printable.keepingLineBreaks(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder(first);
            int start = line.length();
            for (String word : paragraph.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(rest);
                    start = line.length();
                }
                if (line.length() > start) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            first = rest;
        }
    }

    private static String person(TriageCase c) {
        List<String> parts = new ArrayList<>();
        parts.add("age " + c.age());
        if (c.sex() != null) {
            parts.add(c.sex().code());
        }
        if (c.pregnant() != null) {
            parts.add(c.pregnant() ? "pregnant" : "not pregnant");
        }
        parts.add(c.durationDays() == null ? "duration not given"
                : "symptoms for " + c.durationDays() + (c.durationDays() == 1 ? " day" : " days"));
        parts.add(c.painScore() == null ? "pain score not given" : "pain " + c.painScore() + "/10");
        parts.add(c.examined() == null ? "examination not known" : c.examined() ? "examined by a clinician"
                : "not examined (what the person reported)");
        return String.join(", ", parts);
    }

    private static String codes(TriageCase c, boolean present) {
        String codes = c.findings().entrySet().stream()
                .filter(e -> e.getValue() == present)
                .map(Map.Entry::getKey)
                .map(Finding::code)
                .collect(Collectors.joining(", "));
        return codes.isEmpty() ? "none" : codes;
    }

    private static String redFlag(RedFlag flag) {
        return "[" + flag.level().code() + "] " + flag.code() + ": " + flag.text()
                + (flag.evidence().isEmpty() ? "" : " (because of: " + String.join(", ", flag.evidence()) + ")");
    }

    private static String alsoConsider(AlsoConsider also) {
        return also.condition() + ": " + also.why();
    }

    private static String referral(Referral referral) {
        return referral.whom() + ": " + referral.why();
    }

    private static String safetyNet(SafetyNet net) {
        return "[" + net.seekCare().code() + "] " + net.text();
    }

    /**
     * The reasons with the firings of one rule merged into one line, their findings joined, in the order the rules
     * first appear. (A rule that fires once per unanswered question would otherwise repeat itself.)
     */
    private static List<Reason> byRule(List<Reason> reasons) {
        Map<String, List<Reason>> byId = new LinkedHashMap<>();
        reasons.forEach(reason -> byId.computeIfAbsent(reason.ruleId(), id -> new ArrayList<>()).add(reason));
        return byId.values().stream()
                .map(firings -> {
                    Reason first = firings.get(0);
                    List<String> findings = firings.stream().flatMap(r -> r.findings().stream()).distinct().toList();
                    return new Reason(first.ruleId(), first.rule(), first.source(), findings, first.raises());
                })
                .toList();
    }

    private static String reason(Reason reason) {
        String findings = reason.findings().isEmpty() ? "no findings" : String.join(", ", reason.findings());
        return reason.ruleId() + DASH + reason.rule() + DASH + reason.source() + DASH + findings;
    }
}
