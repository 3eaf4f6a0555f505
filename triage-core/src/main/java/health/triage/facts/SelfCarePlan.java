package health.triage.facts;

/**
 * Concluded in the {@code advice} stage when a self-care plan is safe for this case; the rules for each self-care
 * step match on it, so the safety condition is written once.
 *
 * @param whileYouWait {@code true} when the plan is advice while waiting for an appointment, not instead of one
 */
public record SelfCarePlan(boolean whileYouWait) {
}
