package health.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask next for a partial case, and whether the assessment is complete. Immutable.
 *
 * <p>The questions are ranked: unanswered emergency-screen questions first, then questions whose answer could change
 * the disposition, then the screening questions the assessment lists as unanswered, then questions whose answer could
 * change only the likely source; questions that could change none of these are left out. When the case is an
 * emergency the interview is over: no questions, and complete.
 *
 * @param assessment the assessment of the case as it stands
 * @param questions  the questions worth asking, most pressing first
 * @param complete   {@code true} when no unanswered question could change the disposition and no screening question
 *                   is unanswered (or the case is an emergency): the one meaning of "complete" that the interview,
 *                   the report and the JSON share
 * @param nextScreen what to show next when questions are grouped into screens; empty when complete (or when only
 *                   questions about the likely source, or answered "don't know", are left). The groups are data
 *                   ({@code health/triage/screens.properties}); which group comes next follows the ranking of the
 *                   questions: the emergency screen first, then where it hurts, then the group of the highest-ranked
 *                   question that could change the disposition or is an unanswered screening question. A screen
 *                   lists every finding of its group not yet answered (nor answered "don't know"); a finding in no
 *                   group, or the only one of its group left, is a {@link Screen.Kind#SINGLE} screen. The
 *                   {@linkplain Finding#examinationOnly() examination-only} findings are shown only when the case says a
 *                   clinician examined the person ({@link TriageCase#examined()} {@code true}): while that is not
 *                   known and one of them is among the {@code questions}, ask "Has a clinician examined you for this
 *                   pain?" first (yes: {@code examined(true)}; no: {@code examined(false)}; don't know: leave it
 *                   unknown and add {@link Finding#examinationOnlyFindings()} to the "don't know" answers).
 */
public record NextQuestions(Assessment assessment, List<Question> questions, boolean complete,
                            Optional<Screen> nextScreen) {

    public NextQuestions {
        Objects.requireNonNull(assessment, "assessment must not be null");
        questions = List.copyOf(questions);
        Objects.requireNonNull(nextScreen, "nextScreen must not be null (use Optional.empty())");
        if (complete && nextScreen.isPresent()) {
            throw new IllegalArgumentException("complete must be false while there is a next screen");
        }
        if (complete) {
            questions.stream()
                    .filter(q -> q.priority() != Question.Priority.LIKELY_SOURCE)
                    .findFirst()
                    .ifPresent(q -> {
                        throw new IllegalArgumentException("complete must be false while question '" + q.code()
                                + "' (" + q.priority() + ") still needs an answer");
                    });
        }
    }

    /** The most pressing question, or empty when none is worth asking. */
    public Optional<Question> first() {
        return questions.stream().findFirst();
    }
}
