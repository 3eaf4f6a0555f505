package health.triage.examples;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictTextTest {

    private static final String STRICT = " not a character; text must be strictly encoded (no overlong forms, "
            + "encoded surrogates or code points beyond U+10FFFF)";

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static String error(byte[] content) {
        return assertThrows(StrictText.MalformedException.class, () -> StrictText.decode(content)).getMessage();
    }

    @Test
    void decode_overlongSurrogateAndBeyondTheLastCodePoint_areErrorsNamingTheByteOffset() {
        assertAll(
                () -> assertEquals("not valid UTF-8 at byte offset 1: the byte C1 is" + STRICT,
                        error(bytes('"', 0xC1, 0xA6, '"'))),   // overlong 'f'
                () -> assertEquals("not valid UTF-8 at byte offset 2: the bytes ED A0 80 are" + STRICT,
                        error(bytes('"', 'x', 0xED, 0xA0, 0x80, '"'))),   // an encoded surrogate (CESU-8)
                () -> assertEquals("not valid UTF-8 at byte offset 0: the byte F4 is" + STRICT,
                        error(bytes(0xF4, 0x90, 0x80, 0x80))));   // U+110000
    }

    @Test
    void decode_utf8WithOrWithoutByteOrderMarks_givesTheTextWithoutThem() throws Exception {
        assertEquals("{}", new String(StrictText.decode(bytes(0xEF, 0xBB, 0xBF, '{', '}'))));
        assertEquals("{}", new String(StrictText.decode(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, '{', '}'))));
        assertEquals("caf\u00e9", new String(StrictText.decode("caf\u00e9".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void decode_utf16AndUtf32_areFoundFromTheMarkOrTheZeroBytes() throws Exception {
        assertAll(
                () -> assertEquals("{}", new String(StrictText.decode(bytes(0xFF, 0xFE, '{', 0, '}', 0)))),
                () -> assertEquals("{}", new String(StrictText.decode(bytes(0, '{', 0, '}')))),
                () -> assertEquals("{}", new String(StrictText.decode(bytes('{', 0, 0, 0, '}', 0, 0, 0)))),
                () -> assertEquals("not valid UTF-16LE at byte offset 2: the bytes 00 D8 7D 00 are" + STRICT,
                        error(bytes('{', 0, 0x00, 0xD8, '}', 0))));
    }
}
