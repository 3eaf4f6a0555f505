package health.triage.internal;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.SelfCareStep;
import health.triage.Stratification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Not API: makes {@link Assessment}s, whose constructor is private so that apps never build one and parts can be added
 * without breaking them. The engine's evaluation and the project's tests call {@code of}; {@link Assessment} hands
 * its constructor over here when its class is initialised.
 */
public final class Assessments {

    /** The constructor of {@link Assessment}. */
    @FunctionalInterface
    public interface Maker {
        Assessment make(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                        List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                        List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                        List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                        BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy, Optional<Stratification> stratification,
                        List<Finding> stratificationUnanswered);
    }

    private static volatile Maker maker;

    private Assessments() {
    }

    /**
     * Called once, by {@link Assessment}'s class initialiser.
     *
     * @throws IllegalStateException when a constructor is installed already
     */
    public static synchronized void install(Maker constructor) {
        if (maker != null) {
            throw new IllegalStateException("the Assessment constructor is installed already");
        }
        maker = Objects.requireNonNull(constructor, "constructor must not be null");
    }

    /** An assessment; each list is copied, and the checks of {@link Assessment} apply. */
    public static Assessment of(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                                List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                                List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                                List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                                BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy,
                                Optional<Stratification> stratification, List<Finding> stratificationUnanswered) {
        Maker constructor = maker;
        if (constructor == null) {
            initialise();
            constructor = maker;
        }
        return constructor.make(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered,
                alsoConsider, referrals, selfCare, safetyNet, reasons, ruleBaseVersion, bilateralLegSymptomsPolicy,
                stratification, stratificationUnanswered);
    }

    /** An assessment without a stratification, for results built outside an engine (tests). */
    public static Assessment of(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                                List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                                List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                                List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion,
                                BilateralLegSymptomsPolicy bilateralLegSymptomsPolicy) {
        return of(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered, alsoConsider,
                referrals, selfCare, safetyNet, reasons, ruleBaseVersion, bilateralLegSymptomsPolicy, Optional.empty(),
                List.of());
    }

    /** An assessment under the default {@link BilateralLegSymptomsPolicy}, without a stratification (tests). */
    public static Assessment of(String caseId, Disposition disposition, LikelySource likelySource, List<Cue> cuesFor,
                                List<Cue> cuesAgainst, List<RedFlag> redFlags, List<Finding> unanswered,
                                List<AlsoConsider> alsoConsider, List<Referral> referrals, List<SelfCareStep> selfCare,
                                List<SafetyNet> safetyNet, List<Reason> reasons, String ruleBaseVersion) {
        return of(caseId, disposition, likelySource, cuesFor, cuesAgainst, redFlags, unanswered, alsoConsider,
                referrals, selfCare, safetyNet, reasons, ruleBaseVersion, BilateralLegSymptomsPolicy.DEFAULT);
    }

    private static void initialise() {
        try {
            Class.forName(Assessment.class.getName(), true, Assessment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
