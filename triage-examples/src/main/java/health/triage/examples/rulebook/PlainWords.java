package health.triage.examples.rulebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rule's {@code when} and {@code then} parts as plain sentences, for clinicians. It knows the vocabulary
 * the rules are written in (answers, the person, conclusions); anything it does not recognise is shown as written,
 * so nothing is ever hidden.
 */
public final class PlainWords {

    private static final Pattern BINDING = Pattern.compile("^\\$\\w+\\s*:\\s*");
    private static final Pattern PATTERN = Pattern.compile("^(not\\s+|exists\\s+)?(\\w+)\\s*\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern COLLECT = Pattern.compile(
            "^List\\s*\\(\\s*size\\s*(>=|<=|<|>|==)\\s*([^)]*?)\\s*\\)\\s*from\\s+collect\\s*\\(\\s*Cue\\s*\\(\\s*pointsTo\\s*==\\s*LikelySource\\.(\\w+)\\s*\\)\\s*\\)$",
            Pattern.DOTALL);
    private static final Pattern COLLECT_ANY = Pattern.compile(
            "^List\\s*\\(\\s*size\\s*(>=|<=|<|>|==)\\s*(\\d+)\\s*\\)\\s*from\\s+collect\\s*\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern ACCUMULATE = Pattern.compile(
            "^accumulate\\s*\\(\\s*Cue\\s*\\(\\s*pointsTo\\s*==\\s*LikelySource\\.(\\w+)\\s*,\\s*\\$\\w+\\s*:\\s*weight\\s*\\)\\s*;"
                    + "\\s*\\$\\w+\\s*:\\s*sum\\s*\\([^)]*\\)\\s*(,\\s*\\$\\w+\\s*:\\s*count\\s*\\([^)]*\\)\\s*)?;\\s*\\$(\\w+)\\s*(>=|<=|<|>|==)\\s*(\\$?\\w+)\\s*\\)$",
            Pattern.DOTALL);
    /** {@code accumulate( Fact( ... ); $n : count( 1 ) [; $n >= 4] )}: how many facts match. */
    private static final Pattern ACCUMULATE_COUNT = Pattern.compile(
            "^accumulate\\s*\\(\\s*([^;]*?)\\s*;\\s*\\$(\\w+)\\s*:\\s*count\\s*\\(\\s*1\\s*\\)\\s*"
                    + "(?:;\\s*\\$\\w+\\s*(>=|<=|<|>|==)\\s*(\\d+)\\s*)?\\)$",
            Pattern.DOTALL);
    /** An {@code Answer( ... )} pattern (its constraints in group 1), or a {@code Finding.X} elsewhere. */
    private static final Pattern ANSWER_OR_FINDING = Pattern.compile(
            "\\bAnswer\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)|Finding\\.(?!Role\\.)[A-Z_]+\\b");
    /** A finding named in a pattern: {@code Finding.X}, or a code (every string an {@code Answer} pattern holds). */
    private static final Pattern FINDING_NAMED = Pattern.compile("Finding\\.(?!Role\\.)([A-Z_]+)\\b|\"([^\"]*)\"");
    private static final Pattern INSERT = Pattern.compile("insert\\s*\\(\\s*new\\s+(\\w+)\\s*\\((.*)\\)\\s*\\)\\s*;?",
            Pattern.DOTALL);

    private PlainWords() {
    }

    /** The rule's conditions, one sentence per pattern; "Always" for a rule with no condition. */
    public static List<String> conditions(String when) {
        List<String> sentences = new ArrayList<>();
        for (String pattern : topLevel(stripComments(when))) {
            sentences.add(condition(pattern));
        }
        return sentences.isEmpty() ? List.of("Always (no condition)") : sentences;
    }

    /** One fact a rule concludes: its type and its arguments as written. */
    record Inserted(String type, List<String> arguments) {
    }

    /** The rule's conclusions, one sentence per fact it concludes. */
    public static List<String> conclusions(String then) {
        List<String> sentences = new ArrayList<>();
        for (String statement : statements(stripComments(then))) {
            Matcher insert = INSERT.matcher(statement);
            sentences.add(insert.matches() ? conclusion(insert.group(1), arguments(insert.group(2))) : statement);
        }
        return sentences;
    }

    /** The facts a rule's {@code then} part inserts. */
    static List<Inserted> inserted(String then) {
        List<Inserted> facts = new ArrayList<>();
        for (String statement : statements(stripComments(then))) {
            Matcher insert = INSERT.matcher(statement);
            if (insert.matches()) {
                facts.add(new Inserted(insert.group(1), arguments(insert.group(2))));
            }
        }
        return facts;
    }

    /**
     * The finding codes a rule's conditions mention, such as {@code saddle_numbness}, in order: the codes its
     * {@code Answer} patterns test ({@code code == "saddle_numbness"}, {@code code in ( ... )}) and any
     * {@code Finding.SADDLE_NUMBNESS}.
     */
    public static List<String> findings(String when) {
        List<String> codes = new ArrayList<>();
        Matcher m = ANSWER_OR_FINDING.matcher(when);
        while (m.find()) {
            Matcher named = FINDING_NAMED.matcher(m.group(1) != null ? m.group(1) : m.group());
            while (named.find()) {
                String code = named.group(1) != null ? named.group(1).toLowerCase(Locale.ROOT) : named.group(2);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private static String condition(String text) {
        String pattern = BINDING.matcher(text.strip()).replaceFirst("");
        List<String> alternatives = alternatives(pattern);
        if (alternatives.size() > 1) {
            return "either " + String.join("; or ", alternatives.stream().map(PlainWords::condition).toList());
        }
        Matcher members = CONCEPT_MEMBERS.matcher(pattern);
        if (members.matches()) {
            List<String> codes = new ArrayList<>();
            Matcher code = QUOTED_CODE.matcher(members.group(1));
            while (code.find()) {
                codes.add(code.group(1));
            }
            return "the answers to its member findings, each yes, no or not asked: " + String.join(", ", codes);
        }
        Matcher group = GROUP.matcher(pattern);
        if (group.matches() && closesAtEnd(pattern, pattern.indexOf('('))) {
            List<String> parts = topLevel(group.group(2)).stream()
                    .map(part -> part.replaceFirst("^and\\s+", "")).toList();
            if (parts.size() > 1) {
                String all = "all of: " + String.join("; and ", parts.stream().map(PlainWords::condition).toList());
                return group.group(1) == null ? all : "NOT: " + all;
            }
        }
        Matcher sum = ACCUMULATE.matcher(pattern);
        if (sum.matches()) {
            String other = sum.group(5).startsWith("$") ? "the weight of the " + sum.group(5).substring(1) + " cues"
                    : sum.group(5);
            String cues = sum.group(3).equals("cues") ? "the number of cues pointing to " + sum.group(1)
                    : "the weight of the cues pointing to " + sum.group(1);
            return cues + " is " + operator(sum.group(4)) + " " + other;
        }
        Matcher counted = ACCUMULATE_COUNT.matcher(pattern);
        if (counted.matches()) {
            String what = "the number of facts matching (" + condition(counted.group(1)) + "), called " + counted.group(2);
            return counted.group(3) == null ? what : what + ", is " + operator(counted.group(3)) + " " + counted.group(4);
        }
        Matcher any = COLLECT_ANY.matcher(pattern);
        if (any.matches() && !COLLECT.matcher(pattern).matches()) {
            return "the number of facts matching (" + condition(any.group(3)) + ") is " + operator(any.group(1)) + " "
                    + any.group(2) + " (all of them are listed)";
        }
        Matcher collect = COLLECT.matcher(pattern);
        if (collect.matches()) {
            return "the number of cues pointing to " + collect.group(3) + " is " + operator(collect.group(1)) + " "
                    + count(collect.group(2));
        }
        Matcher m = PATTERN.matcher(pattern);
        if (!m.matches()) {
            return "as written: " + pattern;
        }
        String modifier = m.group(1) == null ? "" : m.group(1).strip();
        String type = m.group(2);
        List<String> constraints = topLevelCommas(m.group(3));
        String sentence = switch (type) {
            case "Answer" -> answer(constraints);
            case "Concept" -> concept(constraints);
            case "Patient" -> "the person: " + String.join(", ", constraints.stream()
                    .map(PlainWords::expression).filter(s -> !s.isEmpty()).toList());
            case "Triage" -> "the decision: " + String.join(", ", constraints.stream()
                    .map(PlainWords::expression).filter(s -> !s.isEmpty()).toList());
            case "RedFlag" -> constraints.isEmpty() ? "a red flag was raised"
                    : "red flag " + expression(constraints.get(0)).replace("code is ", "") + " was raised";
            case "Mimic" -> constraints.isEmpty() ? "a strong pattern of another condition was found"
                    : "the strong pattern " + expression(constraints.get(0)).replace("code is ", "") + " was found";
            case "Unanswered" -> "a screening question was not answered" + described(constraints);
            case "SelfCarePlan" -> "a self-care plan is safe for this person" + described(constraints);
            case "SourceVerdict" -> "the likely source" + described(constraints);
            case "Stratification" -> "a STarT Back risk was scored" + described(constraints);
            case "StratifiedCare" -> "the case follows its STarT Back risk to physiotherapy" + described(constraints);
            case "Policy" -> "the engine's policy for new symptoms in both legs is " + String.join(", ",
                    constraints.stream().map(c -> c.replaceAll(".*BilateralLegSymptomsPolicy\\.", "")).toList());
            case "OpenQuestion" -> "the engine marked an unanswered question that could still change a self-care result";
            case "Cue" -> "a cue " + String.join(", ", constraints.stream().map(PlainWords::expression)
                    .filter(x -> !x.isEmpty()).toList()).replace("pointsTo is ", "pointing to ")
                    .replace("LikelySource.", "");
            default -> "as written: " + pattern;
        };
        return switch (modifier) {
            case "not" -> "NOT: " + sentence;
            case "exists" -> "at least one: " + sentence;
            default -> sentence;
        };
    }

    /** A {@code Concept( name == "x", present )} pattern: the concept by name, as docs/VOCABULARY.md lists it. */
    private static String concept(List<String> constraints) {
        String name = "";
        List<String> state = new java.util.ArrayList<>();
        for (String constraint : constraints) {
            Matcher named = CONCEPT_NAME.matcher(constraint.strip());
            if (named.matches()) {
                name = named.group(1);
            } else {
                state.add(switch (constraint.strip()) {
                    case "present" -> "present (some member finding is yes)";
                    case "absent" -> "absent (every member finding answered no)";
                    case "unknown" -> "not known (no member yes, some not asked)";
                    default -> expression(constraint);
                });
            }
        }
        return "concept " + name + " (docs/VOCABULARY.md, Concepts): " + String.join(", ", state);
    }

    /** The members of a concept: {@code List() from collect( Answer( code in ( "a", "b" ) ) )}. */
    private static final Pattern CONCEPT_MEMBERS = Pattern.compile(
            "List\\(\\s*\\)\\s+from\\s+collect\\(\\s*Answer\\(\\s*code\\s+(?:==|in)\\s+(.*)\\)\\s*\\)");
    private static final Pattern QUOTED_CODE = Pattern.compile("\"([a-z0-9_]+)\"");
    /** A bracketed group of patterns joined by {@code and}, perhaps negated: {@code not ( A and B )}. */
    private static final Pattern GROUP = Pattern.compile("(not\\s*)?\\((.*)\\)");

    /** Whether the bracket opened at {@code open} closes at the end of {@code text}. */
    private static boolean closesAtEnd(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }

    private static final Pattern CONCEPT_NAME = Pattern.compile("name\\s*==\\s*\"([a-z0-9_]+)\"");

    private static String answer(List<String> constraints) {
        String subject = "an answer";
        String state = "";
        List<String> other = new ArrayList<>();
        for (String raw : constraints) {
            String c = BINDING.matcher(raw.strip()).replaceFirst("").strip();
            if (c.equals("present")) {
                state = "yes";
            } else if (c.equals("absent")) {
                state = "no";
            } else if (c.equals("unknown")) {
                state = "not asked";
            } else if (c.startsWith("code ==") || c.startsWith("finding ==")) {
                subject = code(c.substring(c.indexOf("==") + 2));
            } else if (c.startsWith("finding.role ==")) {
                subject = "any finding whose role is " + c.substring("finding.role ==".length()).strip()
                        .replace("Finding.Role.", "").toLowerCase(Locale.ROOT).replace('_', ' ');
            } else if (c.startsWith("code in") || c.startsWith("finding in")) {
                subject = "any of " + list(c.substring(c.indexOf(" in") + 3));
            } else if (c.startsWith("this !=")) {
                other.add("a different one from the answer before");
            } else if (!c.equals("finding")) {
                other.add(expression(c));
            }
        }
        return subject + (state.isEmpty() ? "" : ": " + state) + (other.isEmpty() ? "" : " (" + String.join(", ", other) + ")");
    }

    private static String conclusion(String type, List<String> args) {
        return switch (type) {
            case "RedFlag" -> "red flag " + text(arg(args, 0)) + " (" + constant(arg(args, 1)) + "): " + text(arg(args, 2));
            case "Urgency" -> "disposition at least " + constant(arg(args, 0));
            case "Unanswered" -> "list the question as unanswered; disposition at least " + constant(arg(args, 1));
            case "SourceVerdict" -> "likely source " + constant(arg(args, 0));
            case "Cue" -> args.size() > 3
                    ? "cue for " + constant(arg(args, 0)) + " (weight " + arg(args, 2).strip() + "): " + text(arg(args, 3))
                    : "cue for " + constant(arg(args, 0)) + ": " + text(arg(args, 2));
            case "Mimic" -> "strong pattern " + text(arg(args, 0));
            case "AlsoConsider" -> "also consider " + text(arg(args, 0)) + ": " + text(arg(args, 1));
            case "Referral" -> "refer to " + text(arg(args, 0)) + ": " + text(arg(args, 1));
            case "SelfCareStep" -> "self-care step \"" + text(arg(args, 1)) + "\": " + text(arg(args, 2))
                    + " Precaution: " + text(arg(args, 3));
            case "SafetyNet" -> "safety-net (seek care: " + constant(arg(args, 0)) + "): " + text(arg(args, 1));
            case "SelfCarePlan" -> "the " + text(arg(args, 0)) + " self-care plan is safe"
                    + ("true".equals(arg(args, 1).strip()) ? ", as advice while waiting to be seen" : "");
            case "Stratification" -> "STarT Back risk " + constant(arg(args, 1))
                    + " (with the number of items and of psychosocial items agreed)";
            case "StratifiedCare" -> "the case follows its STarT Back risk (" + text(arg(args, 0)).replace("$", "")
                    + ") to physiotherapy";
            default -> "new " + type + "(" + String.join(", ", args) + ")";
        };
    }

    /** A constraint on the person or the decision, in words. */
    private static String expression(String raw) {
        String e = BINDING.matcher(raw.strip()).replaceFirst("").strip();
        if (e.matches("\\w+")) {
            return ""; // a bare binding such as "$durationDays : durationDays" only names a value
        }
        Matcher in = Pattern.compile("^(\\w+)\\s+in\\s*\\((.*)\\)$", Pattern.DOTALL).matcher(e);
        if (in.matches()) {
            return words(in.group(1)) + " is " + String.join(" or ", constants(in.group(2)));
        }
        return e.replaceAll("Disposition\\.|LikelySource\\.|Stratification\\.Risk\\.|Finding\\.Role\\.", "")
                .replaceAll("\"([^\"]*)\"", "$1")
                .replace("durationDays", "duration in days")
                .replace("likelySource", "likely source")
                .replaceAll("\\s*==\\s*null", " not given")
                .replaceAll("\\s*!=\\s*null", " given")
                .replaceAll("\\s*!=\\s*true", " is not true")
                .replaceAll("\\s*==\\s*true", " is true")
                .replaceAll("\\s*==\\s*", " is ")
                .replaceAll("\\s*!=\\s*", " is not ")
                .replace(">=", "≥").replace("<=", "≤")
                .replace("&&", "and").replace("||", "or")
                .replaceAll("\\s+", " ").strip();
    }

    /** The constraints of a pattern in words, in parentheses, or nothing when it has none. */
    private static String described(List<String> constraints) {
        List<String> words = constraints.stream().map(PlainWords::expression).filter(x -> !x.isEmpty()).toList();
        return words.isEmpty() ? "" : " (" + String.join(", ", words) + ")";
    }

    private static String count(String value) {
        Matcher other = Pattern.compile("^\\$(\\w+)\\.size(\\(\\))?$").matcher(value.strip());
        return other.matches() ? "the number of " + other.group(1) + " cues" : value.strip();
    }

    private static String operator(String op) {
        return switch (op) {
            case ">=" -> "at least";
            case "<=" -> "at most";
            case "<" -> "fewer than";
            case ">" -> "more than";
            default -> "exactly";
        };
    }

    private static String list(String parenthesised) {
        return String.join(", ", constants(parenthesised));
    }

    private static List<String> constants(String parenthesised) {
        String inner = parenthesised.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return topLevelCommas(inner).stream().map(PlainWords::constant).toList();
    }

    private static String code(String constant) {
        return constant(constant);
    }

    /** {@code Finding.SADDLE_NUMBNESS} as {@code saddle_numbness}; {@code Disposition.URGENT} as {@code URGENT}. */
    private static String constant(String raw) {
        String c = raw.strip();
        if (c.startsWith("Finding.")) {
            return c.substring("Finding.".length()).toLowerCase(Locale.ROOT);
        }
        int dot = c.lastIndexOf('.');
        return dot >= 0 && c.matches("[A-Z]\\w*(\\.[A-Z]\\w*)*\\.[A-Z_]+") ? c.substring(dot + 1) : text(c);
    }

    private static String words(String identifier) {
        return identifier.equals("likelySource") ? "likely source" : identifier;
    }

    private static String text(String raw) {
        String t = raw.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index) : "";
    }

    private static List<String> arguments(String inner) {
        return topLevelCommas(inner);
    }

    /** Drops // comments that are outside string literals. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            boolean quoted = false;
            int cut = line.length();
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    cut = i;
                    break;
                }
            }
            out.append(line, 0, cut).append('\n');
        }
        return out.toString();
    }

    /** The top-level patterns of a when part: each ends where its brackets close and no "from" follows. */
    private static List<String> topLevel(String when) {
        List<String> patterns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < when.length(); i++) {
            char ch = when.charAt(i);
            current.append(ch);
            if (ch == '"' && (i == 0 || when.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
                if (depth == 0 && !when.substring(i + 1).stripLeading().startsWith("from")) {
                    patterns.add(current.toString().strip().replaceAll("\\s+", " "));
                    current.setLength(0);
                }
            }
        }
        if (!current.toString().isBlank()) {
            patterns.add(current.toString().strip().replaceAll("\\s+", " "));
        }
        return patterns;
    }

    /** The statements of a then part, split at top-level semicolons. */
    private static List<String> statements(String then) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < then.length(); i++) {
            char ch = then.charAt(i);
            if (ch == '"' && (i == 0 || then.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            current.append(ch);
            if (!quoted && ch == ';') {
                statements.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip().replaceAll("\\s+", " "));
        }
        return statements;
    }

    /** Splits at commas that are outside brackets and string literals. */
    /** The alternatives of a parenthesised "( A or B )" group, or the pattern alone. */
    private static List<String> alternatives(String pattern) {
        String p = pattern.strip();
        if (!p.startsWith("(") || !p.endsWith(")")) {
            return List.of(p);
        }
        String inner = p.substring(1, p.length() - 1);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && inner.startsWith(" or ", i)) {
                parts.add(inner.substring(start, i).strip());
                start = i + 4;
            }
        }
        parts.add(inner.substring(start).strip());
        return parts.size() > 1 ? parts : List.of(p);
    }

    private static List<String> topLevelCommas(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                parts.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }
}
