package health.triage;

import java.util.Objects;

/**
 * Whom to see.
 *
 * @param whom the service or professional, such as "GP or physiotherapist"
 * @param why  what they are for in this case, in plain words
 */
public record Referral(String whom, String why) {
    public Referral {
        Objects.requireNonNull(whom, "whom must not be null");
        Objects.requireNonNull(why, "why must not be null");
    }
}
