package health.triage;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A rule base that cannot be used: it does not compile, or a rule lacks its id or source. */
public final class RuleBaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem, located in the rule text.
     *
     * @param file    the DRL file name
     * @param line    1-based line, or 0 when unknown
     * @param column  1-based column, or 0 when unknown
     * @param message what is wrong
     */
    public record Problem(String file, int line, int column, String message) {
        public Problem {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /** {@code file:line:column: message}. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public RuleBaseException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file and line order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return "the rule base has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
