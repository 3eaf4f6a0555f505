package health.triage;

import java.util.Objects;

/**
 * The result of a risk stratification tool, as the rules scored it: the risk that back pain, with or without leg
 * pain, will not settle with self-management alone. With no warning sign, it chooses between self-management (low),
 * physiotherapy (medium) and physiotherapy with psychological support (high); it never changes a red-flag disposition.
 *
 * @param tool         the tool, such as {@code STarT Back}
 * @param risk         the risk group
 * @param total        the number of items agreed, 0 to 9
 * @param psychosocial the number of items of the psychosocial subscale agreed, 0 to 5, never more than the total
 */
public record Stratification(String tool, Risk risk, int total, int psychosocial) {

    /** The risk groups of the STarT Back tool. */
    public enum Risk {
        /** Likely to do well with advice and self-management. */
        LOW,
        /** Physical factors slow recovery: physiotherapy. */
        MEDIUM,
        /** Physical and psychological factors slow recovery: physiotherapy with psychological support. */
        HIGH
    }

    public Stratification {
        Objects.requireNonNull(tool, "tool must not be null");
        Objects.requireNonNull(risk, "risk must not be null");
        if (total < 0 || total > 9) {
            throw new IllegalArgumentException("total must be between 0 and 9, was " + total);
        }
        if (psychosocial < 0 || psychosocial > 5 || psychosocial > total) {
            throw new IllegalArgumentException(
                    "psychosocial must be between 0 and 5 and at most the total (" + total + "), was " + psychosocial);
        }
    }

    /** As a rule concludes it: counts of the items agreed, as Drools' {@code count} gives them. */
    public Stratification(String tool, Risk risk, Number total, Number psychosocial) {
        this(tool, risk, total.intValue(), psychosocial.intValue());
    }
}
