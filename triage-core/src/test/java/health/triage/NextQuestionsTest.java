package health.triage;

import health.triage.internal.Assessments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NextQuestionsTest {

    private static final Assessment ASSESSMENT = Assessments.of(null, Disposition.ROUTINE, LikelySource.UNCLEAR,
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "test");

    private static Question question(Finding finding, Question.Priority priority) {
        return new Question(finding, "Patient?", "Clinician?", "Why.", priority, "Because.");
    }

    @Test
    void first_isTheMostPressingQuestion() {
        Question fever = question(Finding.FEVER, Question.Priority.DISPOSITION);
        NextQuestions next = new NextQuestions(ASSESSMENT,
                List.of(fever, question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE)), false,
                Optional.empty());

        assertEquals(Optional.of(fever), next.first());
    }

    @Test
    void first_noQuestion_isEmpty() {
        assertEquals(Optional.empty(), new NextQuestions(ASSESSMENT, List.of(), true, Optional.empty()).first());
    }

    @Test
    void new_completeWithAQuestionThatCouldChangeTheDisposition_isRejected() {
        List<Question> questions = List.of(question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE),
                question(Finding.FEVER, Question.Priority.DISPOSITION));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NextQuestions(ASSESSMENT, questions, true, Optional.empty()));

        assertEquals("complete must be false while question 'fever' (DISPOSITION) still needs an answer",
                e.getMessage());
    }

    @Test
    void new_completeWithAnUnansweredScreeningQuestion_isRejected() {
        List<Question> questions = List.of(question(Finding.NIGHT_SWEATS, Question.Priority.SCREENING));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NextQuestions(ASSESSMENT, questions, true, Optional.empty()));

        assertEquals("complete must be false while question 'night_sweats' (SCREENING) still needs an answer",
                e.getMessage());
    }

    @Test
    void new_completeWithANextScreen_isRejected() {
        Question fever = question(Finding.FEVER, Question.Priority.SCREENING);
        Optional<Screen> screen = Optional.of(new Screen(Screen.Kind.SINGLE, "Fever?", List.of(fever)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NextQuestions(ASSESSMENT, List.of(), true, screen));

        assertEquals("complete must be false while there is a next screen", e.getMessage());
    }

    @Test
    void new_nullScreen_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new NextQuestions(ASSESSMENT, List.of(), false, null));

        assertEquals("nextScreen must not be null (use Optional.empty())", e.getMessage());
    }

    @Test
    void new_completeWithOnlySourceQuestions_isAccepted() {
        NextQuestions next = new NextQuestions(ASSESSMENT,
                List.of(question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE)), true, Optional.empty());

        assertEquals(1, next.questions().size());
    }

    @Test
    void questions_areACopy() {
        List<Question> questions = new ArrayList<>(List.of(question(Finding.FEVER, Question.Priority.DISPOSITION)));
        NextQuestions next = new NextQuestions(ASSESSMENT, questions, false, Optional.empty());

        questions.clear();

        assertEquals(1, next.questions().size());
        assertThrows(UnsupportedOperationException.class, () -> next.questions().clear());
    }

    @Test
    void new_nullAssessment_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new NextQuestions(null, List.of(), true, Optional.empty()));

        assertEquals("assessment must not be null", e.getMessage());
    }
}
