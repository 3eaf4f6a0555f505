package health.triage;

import health.triage.internal.Assessments;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The triage decision for one case, with everything needed to show and audit it. Immutable; two assessments are equal
 * when every part is equal.
 *
 * <p>Only an engine makes assessments ({@link TriageEngine#assess(TriageCase)}): there is no public constructor, so
 * parts can be added without breaking apps. (The project's own tests make one with {@code
 * health.triage.internal.Assessments.of}, which is not API.)
 */
public final class Assessment {

    static {
        Assessments.install(Assessment::new);
    }

    private final String caseId;
    private final Disposition disposition;
    private final LikelySource likelySource;
    private final List<Cue> cuesFor;
    private final List<Cue> cuesAgainst;
    private final List<RedFlag> redFlags;
    private final List<Finding> unanswered;
    private final List<AlsoConsider> alsoConsider;
    private final List<Referral> referrals;
    private final List<SelfCareStep> selfCare;
    private final List<SafetyNet> safetyNet;
    private final List<Reason> reasons;
    private final String ruleBaseVersion;
    private final BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy;
    private final Optional<Stratification> stratification;
    private final List<Finding> stratificationUnanswered;

    private Assessment(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                       List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                       List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                       List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                       BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy, Optional<Stratification> stratification,
                       List<Finding> stratificationUnanswered) {
        this.caseId = caseId;
        this.disposition = Objects.requireNonNull(disposition, "disposition must not be null");
        this.likelySource = Objects.requireNonNull(likelySource, "likelySource must not be null");
        this.ruleBaseVersion = Objects.requireNonNull(ruleBaseVersion, "ruleBaseVersion must not be null");
        this.bilateralLegSymptomsPolicy = Objects.requireNonNull(bilateralLegSymptomsPolicy,
                "bilateralLegSymptomsPolicy must not be null");
        this.cuesFor = List.copyOf(cuesFor);
        this.cuesAgainst = List.copyOf(cuesAgainst);
        this.redFlags = List.copyOf(redFlags);
        this.unanswered = List.copyOf(unanswered);
        this.alsoConsider = List.copyOf(alsoConsider);
        this.referrals = List.copyOf(referrals);
        this.selfCare = List.copyOf(selfCare);
        this.safetyNet = List.copyOf(safetyNet);
        this.reasons = List.copyOf(reasons);
        this.stratification = Objects.requireNonNull(stratification,
                "stratification must not be null (use Optional.empty())");
        this.stratificationUnanswered = List.copyOf(stratificationUnanswered);
        if (stratification.isPresent() && !this.stratificationUnanswered.isEmpty()) {
            throw new IllegalArgumentException("stratificationUnanswered must be empty when the stratification is "
                    + "present, was " + this.stratificationUnanswered);
        }
    }

    /** The case's id, or {@code null} when it had none. */
    public String caseId() {
        return caseId;
    }

    /** The most urgent disposition any rule concluded. */
    public Disposition disposition() {
        return disposition;
    }

    /** Where the pain most likely comes from. */
    public LikelySource likelySource() {
        return likelySource;
    }

    /** The cues that point to {@link #likelySource()}. */
    public List<Cue> cuesFor() {
        return cuesFor;
    }

    /** The cues that point elsewhere. */
    public List<Cue> cuesAgainst() {
        return cuesAgainst;
    }

    /** The warning signs found, most urgent first. */
    public List<RedFlag> redFlags() {
        return redFlags;
    }

    /** Screening questions not answered; each one keeps the disposition above self-care. */
    public List<Finding> unanswered() {
        return unanswered;
    }

    /** Other conditions that can explain the same pain. */
    public List<AlsoConsider> alsoConsider() {
        return alsoConsider;
    }

    /** Whom to see. */
    public List<Referral> referrals() {
        return referrals;
    }

    /** The self-care plan in order; empty unless self-care or "while you wait" advice is safe. */
    public List<SelfCareStep> selfCare() {
        return selfCare;
    }

    /** The signs that should make the person seek care, and how fast, most urgent first. */
    public List<SafetyNet> safetyNet() {
        return safetyNet;
    }

    /** Every rule that fired, with its sentence, source and the facts it used. */
    public List<Reason> reasons() {
        return reasons;
    }

    /** Identifies the exact rule text that produced this assessment. */
    public String ruleBaseVersion() {
        return ruleBaseVersion;
    }

    /** The policy the engine followed for new symptoms in both legs on their own. */
    public BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy() {
        return bilateralLegSymptomsPolicy;
    }

    /** The STarT Back risk, when all nine of its items were answered. */
    public Optional<Stratification> stratification() {
        return stratification;
    }

    /** The STarT Back items not answered, when the risk is absent and the tool was started or the
     * rules asked for it; otherwise empty. */
    public List<Finding> stratificationUnanswered() {
        return stratificationUnanswered;
    }

    /** What the disposition means for the person, such as "See a clinician today, at the latest within 24 hours." */
    public String timeframe() {
        return disposition.timeframe();
    }

    /** The reasons that asked for the final disposition: why it is this urgent. */
    public List<Reason> decisiveReasons() {
        return reasons.stream().filter(r -> r.raises() == disposition).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assessment a
                && Objects.equals(caseId, a.caseId)
                && Objects.equals(disposition, a.disposition)
                && Objects.equals(likelySource, a.likelySource)
                && Objects.equals(cuesFor, a.cuesFor)
                && Objects.equals(cuesAgainst, a.cuesAgainst)
                && Objects.equals(redFlags, a.redFlags)
                && Objects.equals(unanswered, a.unanswered)
                && Objects.equals(alsoConsider, a.alsoConsider)
                && Objects.equals(referrals, a.referrals)
                && Objects.equals(selfCare, a.selfCare)
                && Objects.equals(safetyNet, a.safetyNet)
                && Objects.equals(reasons, a.reasons)
                && Objects.equals(ruleBaseVersion, a.ruleBaseVersion)
                && Objects.equals(bilateralLegSymptomsPolicy, a.bilateralLegSymptomsPolicy)
                && Objects.equals(stratification, a.stratification)
                && Objects.equals(stratificationUnanswered, a.stratificationUnanswered);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered,
                alsoConsider, referrals, selfCare, safetyNet, reasons, ruleBaseVersion, bilateralLegSymptomsPolicy,
                stratification, stratificationUnanswered);
    }

    @Override
    public String toString() {
        return "Assessment["
                + "caseId=" + caseId
                + ", disposition=" + disposition
                + ", likelySource=" + likelySource
                + ", cuesFor=" + cuesFor
                + ", cuesAgainst=" + cuesAgainst
                + ", redFlags=" + redFlags
                + ", unanswered=" + unanswered
                + ", alsoConsider=" + alsoConsider
                + ", referrals=" + referrals
                + ", selfCare=" + selfCare
                + ", safetyNet=" + safetyNet
                + ", reasons=" + reasons
                + ", ruleBaseVersion=" + ruleBaseVersion
                + ", bilateralLegSymptomsPolicy=" + bilateralLegSymptomsPolicy
                + ", stratification=" + stratification
                + ", stratificationUnanswered=" + stratificationUnanswered
                + "]";
    }
}
