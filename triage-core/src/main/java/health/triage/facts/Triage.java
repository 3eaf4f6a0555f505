package health.triage.facts;

import health.triage.Disposition;
import health.triage.LikelySource;

import java.util.Objects;

/**
 * The decision so far, inserted by the engine before the {@code advice} stage: the most urgent disposition any
 * rule concluded and the likely source. Advice rules (referral, self-care, safety-netting) match on it.
 */
public record Triage(Disposition disposition, LikelySource likelySource) {
    public Triage {
        Objects.requireNonNull(disposition, "disposition must not be null");
        Objects.requireNonNull(likelySource, "likelySource must not be null");
    }
}
