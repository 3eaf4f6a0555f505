package health.triage.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads a person's answers, one per line, from standard input, which may not be a person at all: a binary file, a
 * stream without line breaks ({@code /dev/zero}), random bytes, or the wrong pipe. Bounded in memory and time
 * whatever it reads:
 *
 * <ul>
 *   <li>an answer is at most {@value #MAX_ANSWER_CHARS} characters: the rest of a longer line is dropped, and the
 *   answer ends with an ellipsis, so that it never equals a valid answer;</li>
 *   <li>a line of more than {@value #MAX_LINE_BYTES} bytes, a NUL or another control byte that no keyboard sends, or
 *   bytes that are not strict UTF-8 mean the input is not typed answers;</li>
 *   <li>the same question asked more than {@value #MAX_TRIES} times in a row (each answer not understood, or a
 *   request for help) means nobody is answering.</li>
 * </ul>
 *
 * <p>Then {@link #next(String)} throws {@link NotAnswers} with the reason: the interview stops with an error and
 * makes no assessment from such input. Line breaks are {@code \n}, {@code \r\n} or {@code \r}; bytes are read only
 * as far as the line being read, so a person at a terminal is never waited for early.
 */
final class AnswerLines {

    /** The longest answer kept, in characters. */
    static final int MAX_ANSWER_CHARS = 1_000;
    /** The longest line read, in bytes, before the input is taken as not typed. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** How many times in a row one question is asked before the input is taken as nobody answering. */
    static final int MAX_TRIES = 10;

    /** The input is not a person's answers; the message says why, in plain words. */
    static final class NotAnswers extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnswers(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final byte[] line = new byte[MAX_ANSWER_CHARS * 4]; // a character is at most four bytes
    private int position;
    private int limit;
    private long offset; // of buffer[0] in the whole input
    private boolean afterCarriageReturn;
    private boolean ended;
    private String lastQuestion;
    private int tries;

    AnswerLines(InputStream in) {
        this.in = Objects.requireNonNull(in, "in must not be null");
    }

    /**
     * The next answer to {@code question}, stripped of surrounding white space, or {@code null} at the end of the
     * input (and on every call after it).
     *
     * @param question what was asked; asking the same question more than {@value #MAX_TRIES} times in a row fails
     * @throws NotAnswers when the input is not a person's answers, or cannot be read
     */
    String next(String question) throws NotAnswers {
        if (question.equals(lastQuestion)) {
            if (++tries > MAX_TRIES) {
                throw new NotAnswers("the same question was asked " + MAX_TRIES + " times in a row without an "
                        + "answer it understood; standard input does not look like a person answering");
            }
        } else {
            lastQuestion = question;
            tries = 1;
        }
        if (ended) {
            return null;
        }
        int kept = 0;
        long length = 0;
        long start = -1;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                if (length == 0) {
                    return null;
                }
                break;
            }
            byte b = buffer[position];
            if (start < 0) {
                start = offset + position;
            }
            position++;
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b == '\n') {
                    start = -1;
                    continue; // the second half of \r\n
                }
            }
            if (b == '\n' || b == '\r') {
                afterCarriageReturn = b == '\r';
                break;
            }
            if (notTyped(b)) {
                throw new NotAnswers(String.format("standard input holds the control byte 0x%02X at byte offset %d, "
                        + "which no keyboard sends; it does not look like typed answers", b & 0xFF,
                        offset + position - 1));
            }
            if (++length > MAX_LINE_BYTES) {
                throw new NotAnswers("standard input has a line of more than " + MAX_LINE_BYTES + " bytes; it does "
                        + "not look like typed answers");
            }
            if (kept < line.length) {
                line[kept++] = b;
            }
        }
        return answer(kept, length > kept, start < 0 ? offset + position : start);
    }

    /** The kept bytes of a line as text, strictly decoded; a line cut short ends with an ellipsis. */
    private String answer(int kept, boolean cut, long start) throws NotAnswers {
        int end = kept;
        if (cut) { // do not split the character at the cut
            while (end > 0 && (line[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (line[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        String text;
        try {
            text = new String(StrictText.decode(line, 0, end, StandardCharsets.UTF_8, start));
        } catch (StrictText.MalformedException e) {
            throw new NotAnswers("standard input is " + e.getMessage() + "; it does not look like typed answers");
        }
        if (cut || text.codePointCount(0, text.length()) > MAX_ANSWER_CHARS) {
            text = text.substring(0, text.offsetByCodePoints(0, Math.min(MAX_ANSWER_CHARS,
                    text.codePointCount(0, text.length())))) + "\u2026";
        }
        return text.strip();
    }

    /** A control byte that typing does not produce: anything below a space but tab, backspace, escape and line breaks. */
    private static boolean notTyped(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' && b != '\b' && b != 0x1B;
    }

    private boolean fill() throws NotAnswers {
        offset += limit;
        position = 0;
        limit = 0;
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new NotAnswers("standard input cannot be read: " + CaseFiles.reason(e));
        }
    }
}
