package health.triage;

import java.util.Objects;

/**
 * A warning sign found in a case; its level is the least urgent disposition it allows.
 *
 * @param code  a stable short code for the flag, such as {@code cauda_equina}
 * @param level how urgently the flag needs assessment
 * @param text  what the flag is, in plain words
 */
public record RedFlag(String code, Disposition level, String text) {
    public RedFlag {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(level, "level must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
