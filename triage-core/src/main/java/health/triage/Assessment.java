package health.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The triage decision for one case, with everything needed to show and audit it. Immutable.
 *
 * @param caseId          the case's id, or {@code null} when it had none
 * @param disposition     the most urgent disposition any rule concluded
 * @param likelySource    where the pain most likely comes from
 * @param cuesFor         the cues that point to {@code likelySource}
 * @param cuesAgainst     the cues that point elsewhere
 * @param redFlags        the warning signs found, most urgent first
 * @param unanswered      screening questions not answered; each one keeps the disposition above self-care
 * @param alsoConsider    other conditions that can explain the same pain
 * @param referrals       whom to see
 * @param selfCare        the self-care plan in order; empty unless self-care or "while you wait" advice is safe
 * @param safetyNet       the signs that should make the person seek care, and how fast, most urgent first
 * @param reasons         every rule that fired, with its sentence, source and the facts it used
 * @param ruleBaseVersion identifies the exact rule text that produced this assessment
 * @param bilateralLegSymptomsPolicy the policy the engine followed for new symptoms in both legs on their own
 * @param stratification  the STarT Back risk, when all nine of its items were answered
 * @param stratificationUnanswered the STarT Back items not answered, when the risk is absent and the tool was
 *                        started or the rules asked for it; otherwise empty
 */
public record Assessment(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                         List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                         List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                         List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                         BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy, Optional<Stratification> stratification,
                         List<Finding> stratificationUnanswered) {

    public Assessment {
        Objects.requireNonNull(disposition, "disposition must not be null");
        Objects.requireNonNull(likelySource, "likelySource must not be null");
        Objects.requireNonNull(ruleBaseVersion, "ruleBaseVersion must not be null");
        Objects.requireNonNull(bilateralLegSymptomsPolicy, "bilateralLegSymptomsPolicy must not be null");
        cuesFor = List.copyOf(cuesFor);
        cuesAgainst = List.copyOf(cuesAgainst);
        redFlags = List.copyOf(redFlags);
        unanswered = List.copyOf(unanswered);
        alsoConsider = List.copyOf(alsoConsider);
        referrals = List.copyOf(referrals);
        selfCare = List.copyOf(selfCare);
        safetyNet = List.copyOf(safetyNet);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(stratification, "stratification must not be null (use Optional.empty())");
        stratificationUnanswered = List.copyOf(stratificationUnanswered);
        if (stratification.isPresent() && !stratificationUnanswered.isEmpty()) {
            throw new IllegalArgumentException("stratificationUnanswered must be empty when the stratification is "
                    + "present, was " + stratificationUnanswered);
        }
    }

    /** An assessment without a stratification, for results built outside an engine. */
    public Assessment(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                      List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                      List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                      List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                      BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy) {
        this(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered, alsoConsider, referrals,
                selfCare, safetyNet, reasons, ruleBaseVersion, bilateralLegSymptomsPolicy, Optional.empty(), List.of());
    }

    /**
     * An assessment made under the default {@link BilateralLegSymptomsPolicy}, for results built outside an engine
     * (tests, stored results written before the policy was recorded).
     */
    public Assessment(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                      List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                      List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                      List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion) {
        this(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered, alsoConsider, referrals,
                selfCare, safetyNet, reasons, ruleBaseVersion, BilateralLegSymptomsPolicy.DEFAULT);
    }

    /** What the disposition means for the person, such as "See a clinician today, at the latest within 24 hours." */
    public String timeframe() {
        return disposition.timeframe();
    }

    /** The reasons that asked for the final disposition: why it is this urgent. */
    public List<Reason> decisiveReasons() {
        return reasons.stream().filter(r -> r.raises() == disposition).toList();
    }
}
