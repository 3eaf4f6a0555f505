package health.triage;

import java.util.Objects;

/**
 * One piece of evidence about where the pain comes from.
 *
 * @param pointsTo the source this cue favours
 * @param finding  the finding that is the cue
 * @param text     why it points that way, in plain words
 */
public record Cue(LikelySource pointsTo, Finding finding, String text) {
    public Cue {
        Objects.requireNonNull(pointsTo, "pointsTo must not be null");
        Objects.requireNonNull(finding, "finding must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
