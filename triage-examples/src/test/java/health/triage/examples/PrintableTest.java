package health.triage.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrintableTest {

    @Test
    void unsafe_controlsFormatCharactersSeparatorsAndSurrogates_butNotLettersOrEmoji() {
        assertAll(
                () -> assertTrue(Printable.unsafe(0x1B)),
                () -> assertTrue(Printable.unsafe(0x7F)),
                () -> assertTrue(Printable.unsafe(0x9B)),
                () -> assertTrue(Printable.unsafe(0x202E)),
                () -> assertTrue(Printable.unsafe(0x200B)),
                () -> assertTrue(Printable.unsafe(0x2028)),
                () -> assertTrue(Printable.unsafe(0xD800)),
                () -> assertTrue(Printable.unsafe(0xFFFF)),
                () -> assertFalse(Printable.unsafe('a')),
                () -> assertFalse(Printable.unsafe('\u00e9')),
                () -> assertFalse(Printable.unsafe('\u2014')),
                () -> assertFalse(Printable.unsafe(0x1F600)));
    }

    @Test
    void of_everyTextOfTheCorpus_isOneLineWithoutAnUnsafeCharacter() {
        for (String text : HostileText.CORPUS) {
            String shown = Printable.of(text);
            assertEquals(-1, HostileText.firstUnsafe(shown, ""), shown);
        }
    }

    @Test
    void of_writesEachUnsafeCharacterAsABackslashUEscape() {
        assertEquals("a\\u001B[2Jb\\u000Ac\\u202Ed\\uD800e", Printable.of("a\u001b[2Jb\nc\u202ed\ud800e"));
        assertEquals("\ud83d\ude00 caf\u00e9", Printable.of("\ud83d\ude00 caf\u00e9"));
    }

    @Test
    void of_textWithNothingToEscape_isReturnedAsItIs() {
        String text = "plain text";
        assertSame(text, Printable.of(text));
    }

    @Test
    void keepingLineBreaks_keepsNewlinesOnly() {
        assertEquals("a\nb\\u000Dc\\u2028d", Printable.keepingLineBreaks("a\nb\rc\u2028d"));
    }

    @Test
    void message_isCutToTheLimitWithAnEllipsis() {
        String message = Printable.message("x".repeat(5_000));

        assertEquals(Printable.MAX_MESSAGE_CHARS, message.length());
        assertTrue(message.endsWith("\u2026"));
        assertEquals("short", Printable.message("short"));
    }
}
