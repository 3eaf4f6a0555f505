package health.triage.bench;

import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.TriageCase;

import java.util.Map;

import static health.triage.Finding.*;

/**
 * The baseline: the decisions of the rule base (disposition and likely source) under the default bilateral leg
 * symptoms policy, written by hand in plain Java from docs/POLICY.md, for the benchmarks only. It gives no reasons, red-flag texts, referrals, self-care steps or
 * safety-net advice: it shows what the decision alone costs without a rules engine.
 *
 * <p>Checked against the engine on the mix by {@link AssessBenchmark}'s set-up and by {@code HandCodedTest}.
 */
public final class HandCoded {

    /** The two decisions. */
    public record Decision(Disposition disposition, LikelySource likelySource) {
    }

    private static final Decision[][] DECISIONS = new Decision[Disposition.values().length][LikelySource.values().length];

    static {
        for (Disposition d : Disposition.values()) {
            for (LikelySource s : LikelySource.values()) {
                DECISIONS[d.ordinal()][s.ordinal()] = new Decision(d, s);
            }
        }
    }

    private static final Finding[] PIRIFORMIS_CUES = {BUTTOCK_PAIN, DEEP_BUTTOCK_TENDERNESS, WORSE_SITTING,
            WORSE_HARD_SEAT, WORSE_CROSSING_LEGS, WORSE_HIP_INTERNAL_ROTATION, FAIR_TEST_POSITIVE};
    private static final Finding[] SPINAL_CUES = {PAIN_BELOW_KNEE, LEG_PAIN_WORSE_THAN_BACK,
            STRAIGHT_LEG_RAISE_POSITIVE, NEURO_DEFICIT, WORSE_COUGH_SNEEZE, WORSE_SPINE_BENDING, SPINE_TENDERNESS,
            WALKING_PAIN_EASED_BY_SITTING};
    private static final Finding[] EMERGENCY_SCREEN = {SADDLE_NUMBNESS, BLADDER_DYSFUNCTION, BOWEL_DYSFUNCTION,
            BILATERAL_LEG_SYMPTOMS, PROGRESSIVE_WEAKNESS};
    private static final Finding[] SERIOUS_SCREEN = {FEVER, UNEXPLAINED_WEIGHT_LOSS, NIGHT_SWEATS, CANCER_HISTORY,
            PAIN_NOT_EASED_BY_REST, RECENT_FALL, MAJOR_TRAUMA, SEVERE_UNCONTROLLED_PAIN};

    private HandCoded() {
    }

    /** The disposition and likely source the policy gives for a case. */
    public static Decision decide(TriageCase c) {
        Map<Finding, Boolean> f = c.findings();
        Integer days = c.durationDays();
        boolean newForCes = days == null || days <= 14;
        boolean newPain = days == null || days <= 42;
        int level = Disposition.SELF_CARE.ordinal(); // lower ordinal = more urgent
        final int emergency = Disposition.EMERGENCY.ordinal();
        final int urgent = Disposition.URGENT.ordinal();
        final int routine = Disposition.ROUTINE.ordinal();

        // cauda equina
        boolean bilateral = yes(f, BILATERAL_LEG_SYMPTOMS);
        boolean cauda = yes(f, SADDLE_NUMBNESS) || yes(f, BLADDER_DYSFUNCTION) || yes(f, BOWEL_DYSFUNCTION)
                || bilateral && newForCes
                || bilateral && (yes(f, PROGRESSIVE_WEAKNESS) || yes(f, WORSENING_NUMBNESS))
                || yes(f, SEXUAL_DYSFUNCTION) && (yes(f, POSTERIOR_THIGH_PAIN) || yes(f, PAIN_BELOW_KNEE)
                        || yes(f, LEG_NUMBNESS_TINGLING) || yes(f, LEG_WEAKNESS) || bilateral
                        || yes(f, SADDLE_NUMBNESS) || yes(f, BLADDER_DYSFUNCTION) || yes(f, BOWEL_DYSFUNCTION));
        if (cauda) {
            level = emergency;
        }
        if (yes(f, SEXUAL_DYSFUNCTION)) {
            level = Math.min(level, urgent);
        }
        if (bilateral && !newForCes) {
            level = Math.min(level, routine);
        }

        // serious pathology
        boolean fever = yes(f, FEVER);
        boolean infectionRisk = yes(f, IV_DRUG_USE) || yes(f, IMMUNOSUPPRESSION);
        boolean nerveSymptom = yes(f, LEG_NUMBNESS_TINGLING) || yes(f, LEG_WEAKNESS) || yes(f, NEURO_DEFICIT)
                || yes(f, PROGRESSIVE_WEAKNESS) || yes(f, WORSENING_NUMBNESS);
        boolean cancer = yes(f, CANCER_HISTORY);
        if (yes(f, MAJOR_TRAUMA) || fever && infectionRisk && nerveSymptom
                || cancer && (yes(f, NEURO_DEFICIT) || yes(f, PROGRESSIVE_WEAKNESS))) {
            level = emergency;
        }
        if (yes(f, PROGRESSIVE_WEAKNESS) || fever || yes(f, SEVERE_UNCONTROLLED_PAIN) || cancer && newPain) {
            level = Math.min(level, urgent);
        }
        int systemic = (yes(f, UNEXPLAINED_WEIGHT_LOSS) ? 1 : 0) + (yes(f, NIGHT_SWEATS) ? 1 : 0)
                + (yes(f, PAIN_NOT_EASED_BY_REST) ? 1 : 0);
        if (systemic >= 2) {
            level = Math.min(level, urgent);
        }
        boolean fall = yes(f, RECENT_FALL);
        if (fall && (yes(f, OSTEOPOROSIS) || yes(f, LONG_TERM_STEROIDS) || c.age() >= 70)) {
            level = Math.min(level, urgent);
        }
        if (cancer && !newPain || systemic == 1 || fall || yes(f, LONG_TERM_STEROIDS) || infectionRisk
                || c.age() > 50 && newPain || c.age() >= 16 && c.age() < 20 && newPain) {
            level = Math.min(level, routine);
        }

        // nerve symptoms, population and course
        if (yes(f, NEURO_DEFICIT) || yes(f, LEG_WEAKNESS) || yes(f, WORSENING_NUMBNESS)
                || c.age() < 16 || Boolean.TRUE.equals(c.pregnant()) || yes(f, SELF_CARE_NOT_HELPING)) {
            level = Math.min(level, routine);
        }

        // screening completeness: unknown is never no
        for (Finding finding : EMERGENCY_SCREEN) {
            if (!f.containsKey(finding)) {
                level = Math.min(level, urgent);
            }
        }
        for (Finding finding : SERIOUS_SCREEN) {
            if (!f.containsKey(finding)) {
                level = Math.min(level, routine);
            }
        }
        if (fall && (!f.containsKey(OSTEOPOROSIS) || !f.containsKey(LONG_TERM_STEROIDS))
                || fever && (!f.containsKey(IV_DRUG_USE) || !f.containsKey(IMMUNOSUPPRESSION))
                || bilateral && !f.containsKey(WORSENING_NUMBNESS)) {
            level = Math.min(level, urgent);
        }

        // mimics
        boolean mimic = yes(f, SUDDEN_ONSET_WITH_POP) || yes(f, THIGH_BRUISING)
                || yes(f, LATERAL_HIP_PAIN) && (yes(f, TROCHANTER_TENDERNESS) || yes(f, PAIN_LYING_ON_SIDE));

        // likely source: the first matching row wins
        int piriformis = count(f, PIRIFORMIS_CUES);
        int spinal = count(f, SPINAL_CUES);
        LikelySource source;
        if (cauda) {
            source = LikelySource.SPINAL;
        } else if (mimic) {
            source = LikelySource.UNCLEAR;
        } else if (yes(f, BUTTOCK_PAIN) && piriformis >= 3 && spinal < piriformis) {
            source = LikelySource.PIRIFORMIS;
        } else if (spinal >= 2 && piriformis <= spinal) {
            source = LikelySource.SPINAL;
        } else {
            source = LikelySource.UNCLEAR;
        }
        if (source != LikelySource.PIRIFORMIS) {
            level = Math.min(level, routine);
        }
        return DECISIONS[level][source.ordinal()];
    }

    private static boolean yes(Map<Finding, Boolean> findings, Finding finding) {
        return Boolean.TRUE.equals(findings.get(finding));
    }

    private static int count(Map<Finding, Boolean> findings, Finding[] cues) {
        int n = 0;
        for (Finding cue : cues) {
            if (Boolean.TRUE.equals(findings.get(cue))) {
                n++;
            }
        }
        return n;
    }
}
