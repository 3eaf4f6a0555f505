package health.triage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an interview shows next: one question on its own, or several findings as one list ("tick any that apply").
 * Grouping is how the questions are shown, never what they mean: every finding of a screen is still answered yes, no
 * or "don't know". Immutable.
 *
 * <p>An {@link Kind#ANY_OF} screen is answered by ticking the findings that apply (each answered yes), marking those
 * the person is not sure about (each left unknown, as a "don't know"), and leaving the others unticked (each answered
 * no); "none of these" answers every finding no. A {@link Kind#SINGLE} screen is answered yes, no or don't know.
 *
 * @param kind      one question, or a list to tick
 * @param text      what the screen asks: the patient wording of a single question, or the question above a list
 * @param questions the findings shown, as questions (wording, why it is asked, why now), in the order they are listed
 */
public record Screen(Kind kind, String text, List<Question> questions) {

    /** How a screen is shown and answered. */
    public enum Kind {
        /** One finding asked on its own: yes, no or don't know. */
        SINGLE,
        /** Several findings as one list: tick any that apply, "none of these", or not sure about each. */
        ANY_OF;

        /** The name in JSON: {@code single} or {@code any_of}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Screen {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(text, "text must not be null");
        questions = List.copyOf(Objects.requireNonNull(questions, "questions must not be null"));
        if (kind == Kind.SINGLE && questions.size() != 1) {
            throw new IllegalArgumentException("a single screen has exactly one question, was " + questions.size());
        }
        if (kind == Kind.ANY_OF && questions.size() < 2) {
            throw new IllegalArgumentException("an any_of screen lists at least two questions, was "
                    + questions.size());
        }
        HashSet<Finding> seen = new HashSet<>();
        for (Question question : questions) {
            if (!seen.add(question.finding())) {
                throw new IllegalArgumentException("finding '" + question.code() + "' is listed twice on one screen");
            }
        }
    }

    /** The findings shown, in the order they are listed. */
    public List<Finding> findings() {
        return questions.stream().map(Question::finding).toList();
    }
}
