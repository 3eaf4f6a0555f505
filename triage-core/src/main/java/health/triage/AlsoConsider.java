package health.triage;

import java.util.Objects;

/**
 * Another condition that can explain the same pain and that a clinician should keep in mind.
 *
 * @param condition the condition, such as "Proximal hamstring injury"
 * @param why       the findings that suggest it, in plain words
 */
public record AlsoConsider(String condition, String why) {
    public AlsoConsider {
        Objects.requireNonNull(condition, "condition must not be null");
        Objects.requireNonNull(why, "why must not be null");
    }
}
