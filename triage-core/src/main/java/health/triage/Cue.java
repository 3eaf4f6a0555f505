package health.triage;

import java.util.Objects;

/**
 * One piece of evidence about where the pain comes from, with its weight.
 *
 * @param pointsTo the source this cue favours
 * @param finding  the finding that is the cue
 * @param weight   how much it counts in the likely-source decision: 2 for a strong cue (a feature with a reported
 *                 likelihood ratio or named in a diagnostic model), 1 for a weak one, 0 when the same complaint is
 *                 already counted through another finding
 * @param text     why it points that way, in plain words
 */
public record Cue(LikelySource pointsTo, Finding finding, int weight, String text) {
    public Cue {
        Objects.requireNonNull(pointsTo, "pointsTo must not be null");
        Objects.requireNonNull(finding, "finding must not be null");
        Objects.requireNonNull(text, "text must not be null");
        if (weight < 0 || weight > 2) {
            throw new IllegalArgumentException("weight must be between 0 and 2, was " + weight);
        }
    }

    /** A weak cue (weight 1), as a rule base that does not weigh its cues concludes it. */
    public Cue(LikelySource pointsTo, Finding finding, String text) {
        this(pointsTo, finding, 1, text);
    }
}
