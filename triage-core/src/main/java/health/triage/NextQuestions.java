package health.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask next for a partial case, and whether the assessment is complete. Immutable.
 *
 * <p>The questions are ranked: unanswered emergency-screen questions first, then questions whose answer could change
 * the disposition, then questions whose answer could change only the likely source; questions that could change
 * neither are left out. When the case is an emergency the interview is over: no questions, and complete.
 *
 * @param assessment the assessment of the case as it stands
 * @param questions  the questions worth asking, most pressing first
 * @param complete   {@code true} when no unanswered question could change the disposition
 */
public record NextQuestions(Assessment assessment, List<Question> questions, boolean complete) {

    public NextQuestions {
        Objects.requireNonNull(assessment, "assessment must not be null");
        questions = List.copyOf(questions);
        if (complete) {
            questions.stream()
                    .filter(q -> q.priority() != Question.Priority.LIKELY_SOURCE)
                    .findFirst()
                    .ifPresent(q -> {
                        throw new IllegalArgumentException("complete must be false while question '" + q.code()
                                + "' (" + q.priority() + ") could change the disposition");
                    });
        }
    }

    /** The most pressing question, or empty when none is worth asking. */
    public Optional<Question> first() {
        return questions.stream().findFirst();
    }
}
