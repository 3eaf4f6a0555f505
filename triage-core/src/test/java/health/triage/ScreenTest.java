package health.triage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScreenTest {

    private static Question question(Finding finding) {
        return new Question(finding, "Patient?", "Clinician?", "Why.", Question.Priority.DISPOSITION, "Because.");
    }

    @Test
    void findings_areTheFindingsOfTheQuestionsInTheirOrder() {
        Screen screen = new Screen(Screen.Kind.ANY_OF, "Any of these?",
                List.of(question(Finding.NIGHT_SWEATS), question(Finding.FEVER)));

        assertEquals(List.of(Finding.NIGHT_SWEATS, Finding.FEVER), screen.findings());
    }

    @Test
    void kind_codeIsTheJsonName() {
        assertAll(
                () -> assertEquals("single", Screen.Kind.SINGLE.code()),
                () -> assertEquals("any_of", Screen.Kind.ANY_OF.code()));
    }

    @Test
    void new_singleWithTwoQuestions_isRejected() {
        List<Question> two = List.of(question(Finding.FEVER), question(Finding.NIGHT_SWEATS));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Screen(Screen.Kind.SINGLE, "Fever?", two));

        assertEquals("a single screen has exactly one question, was 2", e.getMessage());
    }

    @Test
    void new_anyOfWithOneQuestion_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Screen(Screen.Kind.ANY_OF, "Any of these?", List.of(question(Finding.FEVER))));

        assertEquals("an any_of screen lists at least two questions, was 1", e.getMessage());
    }

    @Test
    void new_findingListedTwice_isRejected() {
        List<Question> twice = List.of(question(Finding.FEVER), question(Finding.FEVER));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Screen(Screen.Kind.ANY_OF, "Any of these?", twice));

        assertEquals("finding 'fever' is listed twice on one screen", e.getMessage());
    }

    @Test
    void new_nulls_areRejectedNamingTheField() {
        List<Question> one = List.of(question(Finding.FEVER));
        assertAll(
                () -> assertEquals("kind must not be null", assertThrows(NullPointerException.class,
                        () -> new Screen(null, "Fever?", one)).getMessage()),
                () -> assertEquals("text must not be null", assertThrows(NullPointerException.class,
                        () -> new Screen(Screen.Kind.SINGLE, null, one)).getMessage()),
                () -> assertEquals("questions must not be null", assertThrows(NullPointerException.class,
                        () -> new Screen(Screen.Kind.SINGLE, "Fever?", null)).getMessage()));
    }

    @Test
    void questions_areACopy() {
        List<Question> questions = new ArrayList<>(List.of(question(Finding.FEVER)));
        Screen screen = new Screen(Screen.Kind.SINGLE, "Fever?", questions);

        questions.clear();

        assertEquals(1, screen.questions().size());
        assertThrows(UnsupportedOperationException.class, () -> screen.questions().clear());
    }
}
