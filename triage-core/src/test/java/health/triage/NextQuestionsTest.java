package health.triage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NextQuestionsTest {

    private static final Assessment ASSESSMENT = new Assessment(null, Disposition.ROUTINE, LikelySource.UNCLEAR,
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "test");

    private static Question question(Finding finding, Question.Priority priority) {
        return new Question(finding, "Patient?", "Clinician?", "Why.", priority, "Because.");
    }

    @Test
    void first_isTheMostPressingQuestion() {
        Question fever = question(Finding.FEVER, Question.Priority.DISPOSITION);
        NextQuestions next = new NextQuestions(ASSESSMENT,
                List.of(fever, question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE)), false);

        assertEquals(Optional.of(fever), next.first());
    }

    @Test
    void first_noQuestion_isEmpty() {
        assertEquals(Optional.empty(), new NextQuestions(ASSESSMENT, List.of(), true).first());
    }

    @Test
    void new_completeWithAQuestionThatCouldChangeTheDisposition_isRejected() {
        List<Question> questions = List.of(question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE),
                question(Finding.FEVER, Question.Priority.DISPOSITION));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NextQuestions(ASSESSMENT, questions, true));

        assertEquals("complete must be false while question 'fever' (DISPOSITION) could change the disposition",
                e.getMessage());
    }

    @Test
    void new_completeWithOnlySourceQuestions_isAccepted() {
        NextQuestions next = new NextQuestions(ASSESSMENT,
                List.of(question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE)), true);

        assertEquals(1, next.questions().size());
    }

    @Test
    void questions_areACopy() {
        List<Question> questions = new ArrayList<>(List.of(question(Finding.FEVER, Question.Priority.DISPOSITION)));
        NextQuestions next = new NextQuestions(ASSESSMENT, questions, false);

        questions.clear();

        assertEquals(1, next.questions().size());
        assertThrows(UnsupportedOperationException.class, () -> next.questions().clear());
    }

    @Test
    void new_nullAssessment_isRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new NextQuestions(null, List.of(), true));

        assertEquals("assessment must not be null", e.getMessage());
    }
}
