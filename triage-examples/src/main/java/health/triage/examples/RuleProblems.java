package health.triage.examples;

import health.triage.AlsoConsider;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.RuleBaseException.Problem;
import health.triage.SafetyNet;
import health.triage.SelfCareStep;
import health.triage.Sex;
import health.triage.facts.Answer;
import health.triage.facts.Mimic;
import health.triage.facts.Patient;
import health.triage.facts.SelfCarePlan;
import health.triage.facts.SourceVerdict;
import health.triage.facts.Triage;
import health.triage.facts.Unanswered;
import health.triage.facts.Urgency;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The problems of a rule base that does not compile, for the person who edits the rules: each as
 * {@code file:line:column: message} (the file as a path into the rules folder, so that editors can open it), the
 * message in plain words where Drools' wording is known, followed by Drools' own words so that nothing is lost.
 */
final class RuleProblems {

    private static final String DASH = " \u2014 ";

    /** The types a rule can name, by simple name: facts it matches, conclusions it inserts, and value types. */
    private static final Map<String, Class<?>> TYPES = types(Answer.class, Patient.class, Triage.class, RedFlag.class,
            Cue.class, Mimic.class, Urgency.class, Unanswered.class, SourceVerdict.class, SelfCarePlan.class,
            AlsoConsider.class, Referral.class, SelfCareStep.class, SafetyNet.class, Finding.class, Disposition.class,
            LikelySource.class, Sex.class);
    private static final List<String> FACTS = List.of("Answer", "Patient", "Triage", "RedFlag", "Cue", "Mimic",
            "Urgency", "Unanswered", "SourceVerdict", "SelfCarePlan");

    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ (.*)$", Pattern.DOTALL);
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"(.*)\"");
    private static final Pattern INPUT = Pattern.compile("input '(.*?)'");
    private static final Pattern EXPECTING = Pattern.compile(" expecting (.+?)(?: in |$)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("^Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern EXPRESSION = Pattern.compile(
            "^Unable to Analyse Expression (.+?):\\s*\\R\\[Error: (.*?)\\]", Pattern.DOTALL);
    private static final Pattern STRICT = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern FIELD_READER = Pattern.compile(
            "^Field Reader does not exist for declaration '(\\$?\\w+)' in '(.*?)' in the rule '(.*)'$");
    private static final Pattern JAVA = Pattern.compile("^Rule Compilation error (.*)$", Pattern.DOTALL);
    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: (.*)$");
    private static final Pattern CRASH = Pattern.compile(
            "^rule \"(.*)\": Drools failed while compiling this rule: (.*)$", Pattern.DOTALL);

    private final Path rulesDirectory;
    private final Map<String, Optional<String>> texts = new LinkedHashMap<>();

    /** Problems of the rules in {@code rulesDirectory}, or of the built-in rule base when it is null. */
    RuleProblems(Path rulesDirectory) {
        this.rulesDirectory = rulesDirectory;
    }

    /** The lines that describe one problem: {@code file:line:column: message}, then Drools' words, indented. */
    List<String> describe(Problem problem) {
        String original = problem.message().strip();
        String plain = plainWords(problem, original);
        List<String> lines = new ArrayList<>();
        if (plain == null) {
            List<String> own = original.lines().filter(l -> !l.isBlank() && !l.strip().equals("^")).toList();
            lines.add(location(problem) + ": " + own.get(0));
            own.subList(1, own.size()).forEach(l -> lines.add("    " + l.strip()));
        } else {
            lines.add(location(problem) + ": " + plain);
            List<String> own = original.lines().filter(l -> !l.isBlank() && !l.strip().equals("^")).toList();
            lines.add("    Drools: " + own.get(0));
            own.subList(1, own.size()).forEach(l -> lines.add("            " + l.strip()));
        }
        return lines.stream().map(Printable::of).toList(); // file names and rule text of a --rules folder are input
    }

    /**
     * {@code file:line:column}, with the file as a path into the rules folder when it is one of its files. The
     * column counts from 1; Drools' own words count it from 0.
     */
    private String location(Problem problem) {
        String file = problem.file();
        if (rulesDirectory != null && file.endsWith(".drl")) {
            Path path = rulesDirectory.resolve(Path.of(file).getFileName());
            if (Files.isRegularFile(path)) {
                file = path.toString();
            }
        }
        return file + ":" + problem.line() + ":" + problem.column();
    }

    /** The message in plain words, or null when Drools' wording is not one this class knows. */
    private String plainWords(Problem problem, String message) {
        Matcher parser = PARSER.matcher(message);
        if (parser.matches()) {
            return parserError(problem, parser.group(1));
        }
        Matcher objectType = OBJECT_TYPE.matcher(message);
        if (objectType.find()) {
            String type = objectType.group(1);
            return "unknown fact type '" + type + "' (check spelling and imports)" + nearest(type, FACTS, "")
                    + "; a rule can match " + String.join(", ", FACTS);
        }
        Matcher expression = EXPRESSION.matcher(message);
        if (expression.find()) {
            return expressionError(expression.group(1).strip(), expression.group(2).strip());
        }
        Matcher fieldReader = FIELD_READER.matcher(message);
        if (fieldReader.matches()) {
            String binding = fieldReader.group(2);
            String field = binding.substring(binding.indexOf(':') + 1).strip();
            return "rule \"" + fieldReader.group(3) + "\": " + fieldReader.group(1) + " cannot be bound to '" + field
                    + "', which is not a field of this fact";
        }
        Matcher java = JAVA.matcher(message);
        if (java.matches()) {
            return javaError(problem, java.group(1).strip());
        }
        Matcher duplicate = DUPLICATE_RULE.matcher(message);
        if (duplicate.matches()) {
            return "two rules are named \"" + duplicate.group(1) + "\": each rule needs a name of its own";
        }
        Matcher crash = CRASH.matcher(message);
        if (crash.matches()) {
            return withHint("rule \"" + crash.group(1) + "\": Drools could not read this rule (it failed with "
                    + crash.group(2).strip() + ")" + DASH + "look for a missing comma between the values of a "
                    + "'new ...( ... )', or a missing bracket or quote", problem.file());
        }
        return null;
    }

    /** ANTLR's messages: the parser stopped at a word it did not expect. */
    private String parserError(Problem problem, String rest) {
        Matcher inRule = IN_RULE.matcher(rest);
        String rule = inRule.find() ? "rule \"" + inRule.group(1) + "\": " : "";
        Matcher input = INPUT.matcher(rest);
        String token = input.find() ? input.group(1) : null;
        Matcher expecting = EXPECTING.matcher(rest);
        String expected = expecting.find() ? " (Drools expected " + expecting.group(1).strip() + ")" : "";
        if (token == null) {
            return null;
        }
        if (token.isEmpty() || token.equals("<eof>")) {
            return withHint(rule + "the file ends before the rule does" + DASH + "is a closing quote, a closing "
                    + "bracket or 'end' missing?", problem.file());
        }
        String missingEnd = missingEnd(problem, inRule.reset().find() ? inRule.group(1) : null);
        if (missingEnd != null) {
            return rule + missingEnd;
        }
        if (rest.startsWith("mismatched input")) {
            if (token.equals("=")) {
                return rule + "unexpected '='" + DASH + "to compare, write '==' (a single '=' is not a comparison)";
            }
            return withHint(rule + "unexpected '" + token + "'" + expected + DASH + "is a closing bracket, comma or "
                    + "quote missing just before it?", problem.file());
        }
        if (rest.startsWith("no viable alternative")) {
            return withHint(rule + "cannot make sense of '" + token + "' here" + DASH + "check its spelling, and the "
                    + "brackets, commas and quotes just before it", problem.file());
        }
        if (rest.startsWith("extraneous input")) {
            return withHint(rule + "'" + token + "' is not expected here" + expected + DASH + "remove it, or check "
                    + "what comes just before it", problem.file());
        }
        return null;
    }

    /**
     * When the parser stopped after the start of another rule, the rule it names never ended: words about it, or
     * null.
     */
    private String missingEnd(Problem problem, String ruleName) {
        List<String> lines = lines(problem.file());
        if (ruleName == null || lines.isEmpty() || problem.line() <= 0) {
            return null;
        }
        Pattern start = Pattern.compile("^\\s*rule\\s+\"");
        int named = -1;
        for (int i = 0; i < Math.min(problem.line(), lines.size()); i++) {
            if (lines.get(i).strip().startsWith("rule \"" + ruleName + "\"")) {
                named = i;
            } else if (named >= 0 && start.matcher(lines.get(i)).find()) {
                return "this rule (line " + (named + 1) + ") has no 'end' before the next rule starts on line "
                        + (i + 1) + DASH + "add 'end' on a line of its own after its then part";
            }
        }
        return null;
    }

    /** MVEL's messages about a condition in a {@code when} part. */
    private static String expressionError(String expression, String error) {
        Matcher strict = STRICT.matcher(error);
        if (!strict.find()) {
            return "cannot understand the condition '" + expression + "': " + error;
        }
        String owner = strict.group(1).substring(strict.group(1).lastIndexOf('.') + 1);
        String name = strict.group(2);
        Class<?> type = TYPES.get(owner);
        if (Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*\\.").matcher(expression).find()) {
            return "unknown name '" + name + "' in '" + expression + "'" + nearest(name, TYPES.keySet(), "")
                    + " (check spelling and imports)";
        }
        if (type != null && type.isEnum()) {
            return unknownConstant(type, name);
        }
        if (type != null && type.isRecord()) {
            List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            return owner + " has no field '" + name + "'" + nearest(name, fields, "") + "; its fields are "
                    + String.join(", ", fields);
        }
        return "cannot understand the condition '" + expression + "': " + owner + " has no '" + name + "'";
    }

    /** Java's messages about a {@code then} part; several, one a line, are each put in words. */
    private String javaError(Problem problem, String errors) {
        List<String> each = errors.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> syntax = each.stream().filter(l -> l.startsWith("Syntax error")).map(RuleProblems::syntaxError)
                .toList();
        List<String> words = new ArrayList<>();
        if (!syntax.isEmpty()) {
            words.add("the then part does not read as Java: " + String.join("; ", syntax) + DASH
                    + "check the brackets, commas and quotes, and the ';' after each insert( ... )");
        }
        each.stream().filter(l -> !l.startsWith("Syntax error")).forEach(l -> words.add(javaMessage(problem, l)));
        return String.join("; and ", words);
    }

    /** ECJ's syntax messages. */
    private static String syntaxError(String error) {
        Matcher m;
        if ((m = Pattern.compile("^Syntax error on token \"(.+?)\", delete this token$").matcher(error)).matches()) {
            return "'" + m.group(1) + "' is not expected there (is a comma missing just before it?)";
        }
        if ((m = Pattern.compile("^Syntax error on token \"(.+?)\", (.+?) expected(?: after this token)?$")
                .matcher(error)).matches()) {
            return m.group(2) + " is expected around '" + m.group(1) + "'";
        }
        if ((m = Pattern.compile("^Syntax error, insert \"(.+?)\" to complete (\\w+)$").matcher(error)).matches()) {
            return "a '" + m.group(1) + "' is missing";
        }
        return error;
    }

    /** One of Java's messages about a {@code then} part. */
    private String javaMessage(Problem problem, String error) {
        Matcher m;
        if ((m = Pattern.compile("^(\\w+) cannot be resolved to a type$").matcher(error)).matches()) {
            return "unknown type '" + m.group(1) + "' in the then part (check spelling and imports)"
                    + nearest(m.group(1), TYPES.keySet(), "");
        }
        if ((m = Pattern.compile("^(\\$?\\w+) cannot be resolved to a variable$").matcher(error)).matches()) {
            return "'" + m.group(1) + "' is not known in the then part" + DASH + "bind it in the when part (such as "
                    + "'$durationDays : durationDays') or check its spelling";
        }
        if ((m = Pattern.compile("^(\\w+) cannot be resolved or is not a field$").matcher(error)).matches()) {
            String name = m.group(1);
            String line = line(problem);
            Matcher qualified = Pattern.compile("(\\w+)\\s*\\.\\s*" + Pattern.quote(name) + "(?![\\w$])").matcher(line);
            if (qualified.find() && TYPES.containsKey(qualified.group(1)) && TYPES.get(qualified.group(1)).isEnum()) {
                Class<?> type = TYPES.get(qualified.group(1));
                if (Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name))) {
                    return "'" + name + "' is read on its own, without its '" + type.getSimpleName() + ".' (this "
                            + "follows from the problem before it)";
                }
                return unknownConstant(type, name);
            }
            return "unknown name '" + name + "' in the then part (check its spelling)";
        }
        if ((m = Pattern.compile("^The method (\\w+)\\((.*?)\\) is undefined for the type Rule_.*$").matcher(error))
                .matches()) {
            return "unknown action '" + m.group(1) + "(...)' in the then part" + nearest(m.group(1),
                    List.of("insert"), "") + "; a rule concludes with insert( new ... );";
        }
        if ((m = Pattern.compile("^The constructor (\\w+)\\((.*?)\\) is undefined$").matcher(error)).matches()) {
            Class<?> type = TYPES.get(m.group(1));
            String takes = type != null && type.isRecord() ? m.group(1) + " takes (" + Arrays.stream(
                    type.getRecordComponents())
                    .filter(c -> !(type == RedFlag.class && c.getName().equals("evidence"))) // the engine adds it
                    .map(c -> c.getType().getSimpleName() + " " + c.getName())
                    .collect(Collectors.joining(", ")) + ") in that order" : "check its values";
            return "'new " + m.group(1) + "( ... )' is given (" + m.group(2) + ")" + DASH + takes;
        }
        if ((m = Pattern.compile("^Type mismatch: cannot convert from (.+) to (.+)$").matcher(error)).matches()) {
            return "in the then part, a " + m.group(1) + " is given where a " + m.group(2) + " is needed";
        }
        return "the then part does not compile: " + error;
    }

    private static String unknownConstant(Class<?> type, String name) {
        List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        String simple = type.getSimpleName();
        if (type == Finding.class) {
            return "unknown finding " + simple + "." + name + nearest(name, constants, simple + ".")
                    + "; every finding is listed in docs/VOCABULARY.md (as a lower-case code)";
        }
        return "unknown " + simple + " " + simple + "." + name + nearest(name, constants, simple + ".") + "; "
                + simple + " is one of " + String.join(", ", constants);
    }

    /** The sentence, followed by where the file's brackets and quotes suggest the cause when they do not add up. */
    private String withHint(String sentence, String file) {
        String hint = hint(file);
        return hint.isEmpty() ? sentence : sentence + (sentence.endsWith("?") ? " " : ". ") + hint;
    }

    /**
     * Where the text of the file suggests the cause: the first quote not closed on its line, or the first bracket
     * that is never closed or closes nothing. Empty when the brackets and quotes add up.
     */
    private String hint(String file) {
        List<String> lines = lines(file);
        Deque<int[]> open = new ArrayDeque<>();
        boolean blockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (blockComment) {
                    if (c == '*' && j + 1 < line.length() && line.charAt(j + 1) == '/') {
                        blockComment = false;
                        j++;
                    }
                } else if (c == '/' && j + 1 < line.length() && line.charAt(j + 1) == '/') {
                    break;
                } else if (c == '/' && j + 1 < line.length() && line.charAt(j + 1) == '*') {
                    blockComment = true;
                    j++;
                } else if (c == '"') {
                    int close = closingQuote(line, j + 1);
                    if (close < 0) {
                        return "Look at line " + (i + 1) + ", column " + (j + 1) + ": this quote is not closed on "
                                + "its line.";
                    }
                    j = close;
                } else if (c == '(' || c == '[' || c == '{') {
                    open.push(new int[] {c, i + 1, j + 1});
                } else if (c == ')' || c == ']' || c == '}') {
                    char wanted = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty()) {
                        return "Look at line " + (i + 1) + ", column " + (j + 1) + ": this '" + c
                                + "' closes no bracket.";
                    }
                    int[] last = open.pop();
                    if (last[0] != wanted) {
                        return "Look at line " + last[1] + ", column " + last[2] + ": this '" + (char) last[0]
                                + "' is closed by the '" + c + "' on line " + (i + 1) + ", column " + (j + 1) + ".";
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            int[] first = open.peekLast();
            return "Look at line " + first[1] + ", column " + first[2] + ": this '" + (char) first[0]
                    + "' is never closed.";
        }
        return "";
    }

    private static int closingQuote(String line, int from) {
        for (int k = from; k < line.length(); k++) {
            if (line.charAt(k) == '\\') {
                k++;
            } else if (line.charAt(k) == '"') {
                return k;
            }
        }
        return -1;
    }

    private String line(Problem problem) {
        List<String> lines = lines(problem.file());
        return problem.line() > 0 && problem.line() <= lines.size() ? lines.get(problem.line() - 1) : "";
    }

    /** The lines of a file of the rules folder, or none when it cannot be read. */
    private List<String> lines(String file) {
        return texts.computeIfAbsent(file, name -> {
            if (rulesDirectory == null || !name.endsWith(".drl")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(rulesDirectory.resolve(Path.of(name).getFileName()),
                        StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }).map(text -> text.lines().toList()).orElse(List.of());
    }

    /** " (did you mean X?)" for the closest candidate when it is a plausible typo of {@code given}, else "". */
    static String nearest(String given, Collection<String> candidates, String prefix) {
        String lower = given.toLowerCase(Locale.ROOT);
        Function<String, Integer> distance = c -> distance(lower, c.toLowerCase(Locale.ROOT));
        return candidates.stream()
                .filter(c -> !c.equals(given))
                .min(Comparator.comparing(distance).thenComparing(Comparator.naturalOrder()))
                .filter(best -> distance.apply(best) <= Math.max(2, best.length() / 3))
                .map(best -> " (did you mean " + prefix + best + "?)")
                .orElse("");
    }

    /** Levenshtein edit distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, Class<?>> types(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getSimpleName(), type);
        }
        return Map.copyOf(byName);
    }
}
