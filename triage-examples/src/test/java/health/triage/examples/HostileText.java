package health.triage.examples;

import java.util.List;

/**
 * The shared corpus of characters that must never reach a terminal or a document raw: terminal escapes (CSI, OSC,
 * the C1 form of CSI), other C0 and C1 controls, DEL, bidi overrides and isolates, zero-width characters, line and
 * paragraph separators, line breaks, and half of a surrogate pair. Every place that prints or writes text taken from
 * input is fed each of these in its tests.
 */
final class HostileText {

    /** Each entry is one kind of hostile text, with a word before and after it. */
    static final List<String> CORPUS = List.of(
            "a\u001b[2J\u001b[31mb",          // CSI: clear the screen, red
            "a\u001b]0;pwned\u0007b",         // OSC: set the window title, ended by BEL
            "a\u009b31mb",                    // C1 CSI
            "a\u0000b\u0008c\u007fd",         // NUL, backspace, DEL
            "a\u202eb\u2066c\u2069d",         // right-to-left override, isolates
            "a\u200bb\u200dc\ufeffd",         // zero-width space and joiner, byte order mark
            "a\u2028b\u2029c",                // line and paragraph separators
            "a\nb\rc\r\nd",                    // line breaks
            "a\n\n# FAKE HEADING\n\n[click me](javascript:alert(3))<script>x</script>",
            "a\ud800b");                      // half of a surrogate pair

    private HostileText() {
    }

    /** The first character of {@code text} that {@link Printable} calls unsafe, other than {@code allowed}, or -1. */
    static int firstUnsafe(String text, String allowed) {
        return text.codePoints().filter(cp -> Printable.unsafe(cp) && allowed.indexOf(cp) < 0).findFirst().orElse(-1);
    }
}
