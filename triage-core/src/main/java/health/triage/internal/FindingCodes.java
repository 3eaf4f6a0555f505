package health.triage.internal;

import health.triage.Finding;
import health.triage.RuleBaseException.Problem;
import health.triage.Suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the finding codes that rules test: {@code Answer( code == "saddle_numbness" )} and
 * {@code Answer( code in ( "fever", "limp" ) )}. Rules name findings by their vocabulary code, a {@code String} (so
 * that Drools hashes the tests), and a mistyped code would compile and silently never match; so every code an
 * {@code Answer} pattern tests must be in the vocabulary, or the rule base does not build.
 */
public final class FindingCodes {

    private static final Pattern ANSWER = Pattern.compile("\\bAnswer\\s*\\(");
    private static final Pattern EQUALS = Pattern.compile("\\bcode\\s*(?:==|!=)\\s*(\"[^\"]*\")");
    private static final Pattern IN = Pattern.compile("\\bcode\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final List<String> CODES = Arrays.stream(Finding.values()).map(Finding::code).toList();
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private FindingCodes() {
    }

    /** One problem per code that an {@code Answer} pattern tests and the vocabulary does not have. */
    static List<Problem> unknown(RuleFiles files) {
        List<Problem> problems = new ArrayList<>();
        files.files().forEach((file, text) -> unknown(file, text, problems));
        return problems;
    }

    private static void unknown(String file, String text, List<Problem> problems) {
        List<RuleTexts.RuleText> rules = RuleTexts.split(file, text);
        for (Literal literal : literals(text)) {
            if (Finding.lookup(literal.code()).isEmpty()) {
                problems.add(problem(file, text, literal, rules));
            }
        }
    }

    /**
     * A code as an {@code Answer} pattern tests it.
     *
     * @param code   the code, without its quotes
     * @param offset where its opening quote is in the text
     */
    public record Literal(String code, int offset) {
    }

    /** The codes that the {@code Answer} patterns of some DRL text test, in order; comments are skipped. */
    public static List<Literal> literals(String text) {
        String code = withoutComments(text);
        List<Literal> literals = new ArrayList<>();
        Matcher answer = ANSWER.matcher(code);
        while (answer.find()) {
            int open = answer.end() - 1;
            String pattern = code.substring(open, closing(code, open));
            Matcher equals = EQUALS.matcher(pattern);
            while (equals.find()) {
                literals.add(literal(pattern, open, equals.start(1), equals.end(1)));
            }
            Matcher in = IN.matcher(pattern);
            while (in.find()) {
                Matcher quoted = QUOTED.matcher(in.group(1));
                while (quoted.find()) {
                    literals.add(literal(pattern, open, in.start(1) + quoted.start(), in.start(1) + quoted.end()));
                }
            }
        }
        literals.sort(Comparator.comparingInt(Literal::offset));
        return literals;
    }

    private static Literal literal(String pattern, int patternOffset, int start, int end) {
        return new Literal(pattern.substring(start + 1, end - 1), patternOffset + start);
    }

    private static Problem problem(String file, String text, Literal literal, List<RuleTexts.RuleText> rules) {
        int offset = literal.offset();
        String given = literal.code();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int at = line;
        String rule = rules.stream().filter(r -> r.firstLine() <= at && at <= r.lastLine()).findFirst()
                .map(r -> "rule \"" + r.name() + "\" tests ").orElse("a pattern tests ");
        return new Problem(file, line, offset - lineStart + 1, rule + "unknown finding code '" + given + "'"
                + Suggestions.didYouMean(given, CODES) + ", which no answer would ever match");
    }

    /** The offset just past the bracket that closes the one at {@code open}, string literals skipped. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** The text with its comments blanked out, so that every offset stays where it was. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        boolean quoted = false;
        for (int i = 0; i < out.length(); i++) {
            char ch = out.charAt(i);
            if (ch == '"' && (i == 0 || out.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (ch == '\n') {
                quoted = false;
            } else if (!quoted && ch == '/' && i + 1 < out.length() && out.charAt(i + 1) == '/') {
                while (i < out.length() && out.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
                i--;
            } else if (!quoted && ch == '/' && i + 1 < out.length() && out.charAt(i + 1) == '*') {
                int end = out.indexOf("*/", i + 2);
                end = end < 0 ? out.length() : end + 2;
                for (; i < end; i++) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
                i--;
            }
        }
        return out.toString();
    }
}
