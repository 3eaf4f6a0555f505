package health.triage.facts;

import health.triage.Disposition;

import java.util.Objects;

/**
 * A rule's conclusion that the case needs at least this disposition. The final disposition is the most urgent
 * {@code Urgency} or {@link health.triage.RedFlag} level concluded.
 */
public record Urgency(Disposition level) {
    public Urgency {
        Objects.requireNonNull(level, "level must not be null");
    }
}
