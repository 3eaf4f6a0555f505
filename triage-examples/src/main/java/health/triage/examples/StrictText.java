package health.triage.examples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Decodes input bytes strictly: a byte sequence that is not a character of the encoding (an overlong UTF-8 form, an
 * encoded surrogate, a code point beyond U+10FFFF, a cut-off sequence) is an error naming its byte offset, never
 * replaced or guessed. So the text the library sees is the text a byte-level check upstream sees.
 */
final class StrictText {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    /** Bytes that are not text in their encoding. */
    static final class MalformedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        MalformedException(String message, long offset) {
            super(message);
            this.offset = offset;
        }

        /** The 0-based byte offset of the first byte that is not text. */
        long offset() {
            return offset;
        }
    }

    private StrictText() {
    }

    /**
     * The characters of a JSON file: UTF-8, or UTF-16 or UTF-32 (found from a byte order mark or from the zero bytes
     * of the first character, as RFC 4627 describes), without leading byte order marks.
     *
     * @throws MalformedException naming the encoding and the byte offset of the first malformed sequence
     */
    static char[] decode(byte[] content) throws MalformedException {
        int skip = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (starts(content, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = UTF_32BE;
            skip = 4;
        } else if (starts(content, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = UTF_32LE;
            skip = 4;
        } else if (starts(content, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (starts(content, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (content.length >= 4 && content[0] == 0 && content[1] == 0 && content[2] == 0) {
            charset = UTF_32BE;
        } else if (content.length >= 4 && content[1] == 0 && content[2] == 0 && content[3] == 0) {
            charset = UTF_32LE;
        } else if (content.length >= 2 && content[0] == 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (content.length >= 2 && content[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        char[] text = decode(content, skip, content.length - skip, charset, 0);
        int marks = 0;
        while (marks < text.length && text[marks] == '\uFEFF') { // a UTF-8 mark, or a mark repeated
            marks++;
        }
        return marks == 0 ? text : Arrays.copyOfRange(text, marks, text.length);
    }

    /**
     * The characters of {@code length} bytes from {@code offset}, decoded strictly.
     *
     * @param base the byte offset of {@code bytes[0]} in the whole input, for the error message
     * @throws MalformedException naming the encoding and the byte offset (from the start of the input) of the first
     *                            malformed sequence
     */
    static char[] decode(byte[] bytes, int offset, int length, Charset charset, long base) throws MalformedException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int bad = Math.min(Math.max(result.length(), 1), offset + length - at);
            long where = base + at;
            throw new MalformedException("not valid " + charset.name() + " at byte offset " + where + ": the "
                    + (bad == 1 ? "byte " : "bytes ") + HexFormat.ofDelimiter(" ").withUpperCase()
                    .formatHex(bytes, at, at + bad) + (bad == 1 ? " is" : " are") + " not a character; text must be "
                    + "strictly encoded (no overlong forms, encoded surrogates or code points beyond U+10FFFF)", where);
        }
        out.flip();
        char[] chars = new char[out.remaining()];
        out.get(chars);
        return chars;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
