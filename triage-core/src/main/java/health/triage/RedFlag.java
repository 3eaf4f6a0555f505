package health.triage;

import java.util.List;
import java.util.Objects;

/**
 * A warning sign found in a case; its level is the least urgent disposition it allows.
 *
 * @param code     a stable short code for the flag, such as {@code cauda_equina}
 * @param level    how urgently the flag needs assessment
 * @param text     what the flag is, in plain words
 * @param evidence the codes of the findings answered yes that raised it, in code order, so that an app can say
 *                 "because you said ..."; empty for a flag raised by age or duration alone
 */
public record RedFlag(String code, Disposition level, String text, List<String> evidence) {
    public RedFlag {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(level, "level must not be null");
        Objects.requireNonNull(text, "text must not be null");
        evidence = List.copyOf(evidence);
    }

    /** A red flag as a rule concludes it; the engine adds the evidence from the facts the rule matched. */
    public RedFlag(String code, Disposition level, String text) {
        this(code, level, text, List.of());
    }
}
