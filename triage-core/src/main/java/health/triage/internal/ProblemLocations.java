package health.triage.internal;

import health.triage.RuleBaseException.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a compiler message at the line and 1-based column of the DRL text it is about. Drools gives every message a
 * line but never a column: the parser's 0-based character position is only in its text ({@code [ERR 102] Line
 * 9:4 ...}), expression errors give no line at all, and Java errors in a {@code then} part point at the rule's
 * first line. So the column (and, where missing, the line) is found by looking for the name the message is about
 * in the rule's text. A message that names nothing findable keeps its line, at the line's first character.
 */
final class ProblemLocations {

    /** ANTLR's own position: a 1-based line and a 0-based character position. */
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    /** MVEL's position: the line and the 0-based start of the pattern holding the expression. */
    private static final Pattern MVEL_LINE = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");
    private static final Pattern EXPRESSION = Pattern.compile("^Unable to Analyse Expression (.+?):\\s*$",
            Pattern.MULTILINE);

    /** Message shapes and how to find what each one is about: group 1 is a name, searched as a whole word. */
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("unable to resolve method using strict-mode: [\\w.$]*?\\.(\\w+)\\(\\)"),
            Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'"),
            Pattern.compile("Field Reader does not exist for declaration '(\\$?\\w+)'"),
            Pattern.compile("^Rule Compilation error (\\$?\\w+) cannot be resolved"),
            Pattern.compile("^Rule Compilation error The method (\\w+)\\("),
            Pattern.compile("^Rule Compilation error Syntax error on token \"([\\w$]+)\""));
    private static final Pattern CONSTRUCTOR = Pattern.compile("^Rule Compilation error The constructor (\\w+)\\(");
    private static final Pattern DUPLICATE_RULE = Pattern.compile("^Duplicate rule name: ");

    private ProblemLocations() {
    }

    /**
     * Every problem at its best location in {@code texts} (DRL file name to text). Drools reports an expression it
     * cannot analyse once, without a line, however often it is written: such a problem is reported at every place
     * the expression is written.
     */
    static List<Problem> locate(List<Problem> problems, Map<String, String> texts) {
        List<Problem> located = new ArrayList<>();
        for (Problem problem : problems) {
            String text = texts.get(problem.file());
            if (text == null) {
                located.add(problem);
            } else {
                located.addAll(locate(problem, text));
            }
        }
        return located;
    }

    /** One problem at its best location in its file's text; one per place, for an expression without a line. */
    static List<Problem> locate(Problem problem, String text) {
        String message = problem.message();
        String[] lines = text.split("\\R", -1);
        Matcher parser = PARSER.matcher(message);
        if (parser.find()) {
            return List.of(at(problem, Integer.parseInt(parser.group(1)), Integer.parseInt(parser.group(2)) + 1));
        }
        int line = problem.line();
        Matcher mvelLine = MVEL_LINE.matcher(message);
        if (line <= 0 && mvelLine.find()) {
            line = Integer.parseInt(mvelLine.group(1));
        }
        Matcher expression = EXPRESSION.matcher(message);
        if (line <= 0 && expression.find()) {
            List<int[]> places = findAll(lines, Pattern.compile(Pattern.quote(expression.group(1).strip())), 1,
                    lines.length);
            if (!places.isEmpty()) {
                return places.stream().map(place -> locate(problem, lines, place[0])).toList();
            }
        }
        return List.of(locate(problem, lines, line));
    }

    /** The problem at the name it is about, looked for from {@code line} to the end of its rule. */
    private static Problem locate(Problem problem, String[] lines, int line) {
        Pattern name = nameOf(problem.message());
        if (name != null) {
            int from = line > 0 ? line : 1;
            int to = line > 0 ? endOfRule(lines, line) : lines.length;
            List<int[]> places = findAll(lines, name, from, to);
            if (!places.isEmpty()) {
                return at(problem, places.get(0)[0], places.get(0)[1]);
            }
        }
        if (line <= 0 || line > lines.length) {
            return at(problem, Math.max(line, 0), 0);
        }
        String first = lines[line - 1];
        return at(problem, line, first.length() - first.stripLeading().length() + 1);
    }

    /** A pattern for what the message is about, or null when it names nothing to look for. */
    private static Pattern nameOf(String message) {
        for (Pattern shape : NAMES) {
            Matcher matcher = shape.matcher(message);
            if (matcher.find()) {
                return word(matcher.group(1));
            }
        }
        Matcher constructor = CONSTRUCTOR.matcher(message);
        if (constructor.find()) {
            return Pattern.compile("\\bnew\\s+(" + Pattern.quote(constructor.group(1)) + ")\\s*\\(");
        }
        if (DUPLICATE_RULE.matcher(message).find()) {
            return Pattern.compile("^\\s*(rule)\\b");
        }
        return null;
    }

    /** A whole word (a {@code $} counts as part of a word), as group 1. */
    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w$])(" + Pattern.quote(name) + ")(?![\\w$])");
    }

    /**
     * The line and 1-based column of every match in lines {@code from..to} (1-based, inclusive), outside comments;
     * group 1 of the pattern, when it has one, marks the place.
     */
    private static List<int[]> findAll(String[] lines, Pattern pattern, int from, int to) {
        List<int[]> places = new ArrayList<>();
        for (int i = Math.max(from, 1); i <= Math.min(to, lines.length); i++) {
            Matcher matcher = pattern.matcher(withoutComment(lines[i - 1]));
            while (matcher.find()) {
                places.add(new int[] {i, (matcher.groupCount() > 0 ? matcher.start(1) : matcher.start()) + 1});
            }
        }
        return places;
    }

    /** The line up to a {@code //} comment that is not inside a string. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** The last line of the rule that contains {@code line}, or the last line of the text when it is in none. */
    private static int endOfRule(String[] lines, int line) {
        for (RuleTexts.RuleText rule : RuleTexts.split("", String.join("\n", lines))) {
            if (rule.firstLine() <= line && line <= rule.lastLine()) {
                return rule.lastLine();
            }
        }
        return lines.length;
    }

    private static Problem at(Problem problem, int line, int column) {
        return new Problem(problem.file(), line, column, problem.message());
    }
}
