package health.triage.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AnswerLinesTest {

    private static AnswerLines lines(String text) {
        return new AnswerLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static AnswerLines lines(byte[] bytes) {
        return new AnswerLines(new ByteArrayInputStream(bytes));
    }

    /** A stream that never ends: {@code b} forever. */
    private static InputStream endless(byte b) {
        return new InputStream() {
            @Override
            public int read() {
                return b & 0xFF;
            }
        };
    }

    @Test
    void next_linesEndedByLfCrLfOrCr_areReadOneByOneAndStripped() throws Exception {
        AnswerLines lines = lines("34\r\n f \ry\nn");

        assertAll(
                () -> assertEquals("34", lines.next("age")),
                () -> assertEquals("f", lines.next("sex")),
                () -> assertEquals("y", lines.next("q1")),
                () -> assertEquals("n", lines.next("q2")),
                () -> assertNull(lines.next("q3")));
    }

    @Test
    void next_afterTheEnd_isNullEveryTime() throws Exception {
        AnswerLines lines = lines("");

        assertNull(lines.next("age"));
        assertNull(lines.next("sex"));
    }

    @Test
    void next_answerLongerThanTheLimit_isCutWithAnEllipsisAndTheRestOfTheLineDropped() throws Exception {
        AnswerLines lines = lines("y" + " ".repeat(1_500) + "x\nn\n");

        assertEquals("y" + " ".repeat(999) + "\u2026", lines.next("q1"), "a cut line never equals an answer");
        assertEquals("n", lines.next("q2"));
    }

    @Test
    void next_answerOfManyBytesPerCharacter_isCutBetweenCharacters() throws Exception {
        String answer = lines("\u00e9".repeat(3_000) + "\n").next("q1");

        assertEquals("\u00e9".repeat(1_000) + "\u2026", answer);
    }

    @Test
    void next_nulByte_isNotAnswersNamingItsOffset() {
        AnswerLines lines = lines(new byte[] {'3', '4', '\n', 0, 0});

        AnswerLines.NotAnswers e = assertThrows(AnswerLines.NotAnswers.class, () -> {
            lines.next("age");
            lines.next("sex");
        });
        assertEquals("standard input holds the control byte 0x00 at byte offset 3, which no keyboard sends; it does "
                + "not look like typed answers", e.getMessage());
    }

    @Test
    void next_endlessLineWithoutNulBytes_stopsAfterTheLineLimit() {
        AnswerLines lines = new AnswerLines(endless((byte) 'x'));

        AnswerLines.NotAnswers e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(AnswerLines.NotAnswers.class, () -> lines.next("age")));
        assertEquals("standard input has a line of more than 65536 bytes; it does not look like typed answers",
                e.getMessage());
    }

    @Test
    void next_endlessZeroBytes_stopsAtTheFirst() {
        AnswerLines lines = new AnswerLines(endless((byte) 0));

        assertThrows(AnswerLines.NotAnswers.class, () -> lines.next("age"));
    }

    @Test
    void next_overlongUtf8_isNotAnswersNamingTheByteOffset() {
        // "y" then an overlong encoding of 'f' (C1 A6): a validator upstream would not see the same text
        AnswerLines lines = lines(new byte[] {'y', '\n', (byte) 0xC1, (byte) 0xA6, '\n'});

        AnswerLines.NotAnswers e = assertThrows(AnswerLines.NotAnswers.class, () -> {
            lines.next("q1");
            lines.next("q2");
        });
        assertEquals("standard input is not valid UTF-8 at byte offset 2: the byte C1 is not a character; text "
                + "must be strictly encoded (no overlong forms, encoded surrogates or code points beyond U+10FFFF); "
                + "it does not look like typed answers", e.getMessage());
    }

    @Test
    void next_sameQuestionMoreThanTenTimes_isNotAnswers() throws Exception {
        AnswerLines lines = lines("x\n".repeat(20));
        for (int i = 0; i < AnswerLines.MAX_TRIES; i++) {
            assertEquals("x", lines.next("age"));
        }

        AnswerLines.NotAnswers e = assertThrows(AnswerLines.NotAnswers.class, () -> lines.next("age"));
        assertEquals("the same question was asked 10 times in a row without an answer it understood; standard input "
                + "does not look like a person answering", e.getMessage());
    }

    @Test
    void next_anotherQuestion_startsTheCountAgain() throws Exception {
        AnswerLines lines = lines("x\n".repeat(30));
        for (int i = 0; i < 3 * AnswerLines.MAX_TRIES; i++) {
            assertEquals("x", lines.next(i < 10 ? "age" : i < 20 ? "sex" : "q1"));
        }
    }

    @Test
    void next_escapeSequenceFromAKeyboard_isAnAnswerForTheInterviewToShow() throws Exception {
        assertEquals("\u001b[A", lines("\u001b[A\n").next("age"));
    }
}
