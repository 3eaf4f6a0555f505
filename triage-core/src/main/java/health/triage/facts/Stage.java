package health.triage.facts;

/**
 * The stages a rule base runs in, in order. A rule joins a later stage with {@code ruleflow-group "source"} or
 * {@code ruleflow-group "advice"}; rules without one belong to {@link #FINDINGS}.
 *
 * <p>Each stage sees the complete conclusions of the stages before it, so a rule may test for the absence of an
 * earlier stage's conclusion without depending on the order in which rules fire.
 */
public enum Stage {
    /** Findings to red flags, urgency, unanswered screening questions, source cues and mimics. */
    FINDINGS("MAIN"),
    /** Cues to one likely source (rules in an activation group, first matching row wins). */
    SOURCE("source"),
    /** Disposition and source (the {@link Triage} fact) to referral, self-care and safety-netting. */
    ADVICE("advice");

    private final String group;

    Stage(String group) {
        this.group = group;
    }

    /** The ruleflow-group name of this stage in DRL. */
    public String group() {
        return group;
    }
}
