package health.triage;

import java.util.Objects;

/**
 * A sign that should make the person seek care, and how fast.
 *
 * @param seekCare how urgently to seek care if it happens
 * @param text     the sign and what to do, in plain words
 */
public record SafetyNet(Disposition seekCare, String text) {
    public SafetyNet {
        Objects.requireNonNull(seekCare, "seekCare must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
