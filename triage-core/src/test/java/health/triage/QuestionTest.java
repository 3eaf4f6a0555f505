package health.triage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuestionTest {

    @Test
    void code_isTheFindingsCode() {
        Question q = new Question(Finding.SADDLE_NUMBNESS, "P?", "C?", "W.", Question.Priority.EMERGENCY_SCREEN, "R.");

        assertEquals("saddle_numbness", q.code());
    }

    @Test
    void new_nullPart_isRejectedByName() {
        assertEquals("finding must not be null", assertThrows(NullPointerException.class,
                () -> new Question(null, "P?", "C?", "W.", Question.Priority.DISPOSITION, "R.")).getMessage());
        assertEquals("patientText must not be null", assertThrows(NullPointerException.class,
                () -> new Question(Finding.FEVER, null, "C?", "W.", Question.Priority.DISPOSITION, "R.")).getMessage());
        assertEquals("priority must not be null", assertThrows(NullPointerException.class,
                () -> new Question(Finding.FEVER, "P?", "C?", "W.", null, "R.")).getMessage());
        assertEquals("rankReason must not be null", assertThrows(NullPointerException.class,
                () -> new Question(Finding.FEVER, "P?", "C?", "W.", Question.Priority.DISPOSITION, null)).getMessage());
    }

    @Test
    void priority_ranksTheEmergencyScreenFirstThenDispositionScreeningAndSource_andSameScreenLast() {
        assertEquals(java.util.List.of(Question.Priority.EMERGENCY_SCREEN, Question.Priority.DISPOSITION,
                Question.Priority.SCREENING, Question.Priority.LIKELY_SOURCE, Question.Priority.SAME_SCREEN),
                java.util.List.of(Question.Priority.values()));
    }
}
