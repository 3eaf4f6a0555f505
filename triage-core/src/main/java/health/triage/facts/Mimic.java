package health.triage.facts;

import java.util.Objects;

/**
 * A strong pattern of another condition that can explain the same pain, concluded in the findings stage; the
 * {@code source} stage leaves the likely source unclear when one exists.
 *
 * @param code a short code, such as {@code hamstring_injury}
 */
public record Mimic(String code) {
    public Mimic {
        Objects.requireNonNull(code, "code must not be null");
    }
}
