package health.triage.facts;

import health.triage.Disposition;
import health.triage.Finding;

import java.util.Objects;

/**
 * A screening question that was not answered; the case needs at least {@code level} so that a clinician completes
 * the screen in time.
 */
public record Unanswered(Finding finding, Disposition level) {
    public Unanswered {
        Objects.requireNonNull(finding, "finding must not be null");
        Objects.requireNonNull(level, "level must not be null");
    }
}
