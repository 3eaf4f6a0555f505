package health.triage.facts;

import java.util.Objects;

/**
 * Concluded in the {@code advice} stage when a self-care plan is safe for this case; the rules for each self-care
 * step match on it, so the safety condition is written once.
 *
 * <p>In DRL: {@code SelfCarePlan( plan == "sciatica" )}.
 *
 * @param plan         which plan: {@code piriformis}, {@code sciatica}, {@code trochanteric_pain} or {@code pregnancy}
 * @param whileYouWait {@code true} when the plan is advice while waiting for an appointment, not instead of one
 */
public record SelfCarePlan(String plan, boolean whileYouWait) {
    public SelfCarePlan {
        Objects.requireNonNull(plan, "plan must not be null");
        if (plan.isBlank()) {
            throw new IllegalArgumentException("plan must name the plan, such as \"piriformis\", was blank");
        }
    }
}
