package health.triage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the library can be told about a person's pain, as yes / no / not asked.
 *
 * <p>Each finding has a stable {@linkplain #code() code} (the name used in JSON case files and in the rules)
 * and a one-line plain {@linkplain #definition() definition}. A finding that was not asked is unknown, which is
 * never the same as "no".
 */
public enum Finding {
    // pain pattern
    BUTTOCK_PAIN(Group.PAIN_PATTERN, "Pain felt deep in one or both buttocks."),
    LOW_BACK_PAIN(Group.PAIN_PATTERN, "Pain in the lower back, above the buttocks."),
    POSTERIOR_THIGH_PAIN(Group.PAIN_PATTERN, "Pain in the back of the thigh that stops above the knee."),
    PAIN_BELOW_KNEE(Group.PAIN_PATTERN, "Leg pain that travels below the knee, into the calf or foot."),
    LEG_PAIN_WORSE_THAN_BACK(Group.PAIN_PATTERN, "The leg hurts more than the back does."),
    LATERAL_HIP_PAIN(Group.PAIN_PATTERN, "Pain on the outer side of the hip."),
    LEG_NUMBNESS_TINGLING(Group.PAIN_PATTERN, "Numbness, tingling or pins and needles in the leg or foot."),
    LEG_WEAKNESS(Group.PAIN_PATTERN, "The leg or foot feels weak or gives way."),
    BILATERAL_LEG_SYMPTOMS(Group.PAIN_PATTERN, "Pain, numbness or weakness in both legs rather than one."),
    PROGRESSIVE_WEAKNESS(Group.PAIN_PATTERN, "Leg weakness that is getting worse, such as a foot starting to drop or drag."),
    WORSENING_NUMBNESS(Group.PAIN_PATTERN, "Numbness or tingling in the leg that is spreading or getting stronger."),

    // what makes it worse
    WORSE_SITTING(Group.AGGRAVATING, "The pain builds up while sitting."),
    WORSE_HARD_SEAT(Group.AGGRAVATING, "Hard seats or direct pressure on the buttock make the pain worse."),
    WORSE_CROSSING_LEGS(Group.AGGRAVATING, "Crossing the legs makes the pain worse."),
    WORSE_HIP_INTERNAL_ROTATION(Group.AGGRAVATING, "Turning the thigh inwards at the hip makes the pain worse."),
    WORSE_COUGH_SNEEZE(Group.AGGRAVATING, "Coughing, sneezing or straining sends pain into the back or leg."),
    WORSE_SPINE_BENDING(Group.AGGRAVATING, "Bending or twisting the lower back makes the pain worse."),
    WALKING_PAIN_EASED_BY_SITTING(Group.AGGRAVATING,
            "Walking brings on leg pain that eases after sitting or bending forward (neurogenic claudication)."),
    PAIN_LYING_ON_SIDE(Group.AGGRAVATING, "Lying on the painful side hurts."),
    PAIN_NOT_EASED_BY_REST(Group.AGGRAVATING,
            "The pain is constant or comes at night whatever the position, and rest does not ease it."),
    SEVERE_UNCONTROLLED_PAIN(Group.AGGRAVATING,
            "The pain stops sleep or everyday activities even with painkillers."),

    // examination
    DEEP_BUTTOCK_TENDERNESS(Group.EXAMINATION,
            "Pressing deep in the buttock, between the base of the spine and the outer hip bone, is tender or brings on the usual pain."),
    FAIR_TEST_POSITIVE(Group.EXAMINATION,
            "The FAIR test (hip bent, drawn across the body and turned inwards) brings on the buttock or leg pain."),
    STRAIGHT_LEG_RAISE_POSITIVE(Group.EXAMINATION,
            "Raising the straight leg while lying on the back brings on pain running below the knee."),
    SPINE_TENDERNESS(Group.EXAMINATION, "Pressing on the lower spine itself is tender."),
    NEURO_DEFICIT(Group.EXAMINATION,
            "An examiner found a changed reflex, an area of reduced feeling or a weak muscle group in the leg."),
    TROCHANTER_TENDERNESS(Group.EXAMINATION, "The bony point on the outside of the hip is tender to press."),
    SIT_BONE_TENDERNESS(Group.EXAMINATION, "The sitting bone at the bottom of the buttock is tender to press."),

    // cauda equina
    SADDLE_NUMBNESS(Group.CAUDA_EQUINA,
            "New numbness or altered feeling around the back passage, genitals or inner buttocks, however slight."),
    BLADDER_DYSFUNCTION(Group.CAUDA_EQUINA,
            "New trouble passing urine: hard to start, weak stream, changed feeling, unable to go or leaking (not long-standing unchanged stress leakage)."),
    BOWEL_DYSFUNCTION(Group.CAUDA_EQUINA,
            "New loss of bowel control or not feeling when the bowel is full."),
    SEXUAL_DYSFUNCTION(Group.CAUDA_EQUINA, "New loss of genital feeling or of sexual function."),

    // serious pathology
    MAJOR_TRAUMA(Group.SERIOUS_PATHOLOGY, "The pain began with a major injury, such as a fall from a height or a road collision."),
    RECENT_FALL(Group.SERIOUS_PATHOLOGY, "A recent minor fall or knock."),
    FEVER(Group.SERIOUS_PATHOLOGY, "A raised temperature, feeling feverish or shivery."),
    IV_DRUG_USE(Group.SERIOUS_PATHOLOGY, "Injects drugs into a vein."),
    IMMUNOSUPPRESSION(Group.SERIOUS_PATHOLOGY,
            "The immune system is weakened by illness or medicines (for example chemotherapy, HIV, transplant drugs)."),
    LONG_TERM_STEROIDS(Group.SERIOUS_PATHOLOGY, "Has taken steroid tablets or injections for months."),
    OSTEOPOROSIS(Group.SERIOUS_PATHOLOGY, "Has been told the bones are thin or fragile (osteoporosis)."),
    CANCER_HISTORY(Group.SERIOUS_PATHOLOGY, "Has or has had cancer."),
    UNEXPLAINED_WEIGHT_LOSS(Group.SERIOUS_PATHOLOGY, "Has lost weight without trying."),
    NIGHT_SWEATS(Group.SERIOUS_PATHOLOGY, "Wakes at night drenched in sweat."),

    // mimics
    SUDDEN_ONSET_WITH_POP(Group.MIMIC, "The pain started suddenly with a pop or snap while sprinting, kicking or stretching."),
    THIGH_BRUISING(Group.MIMIC, "Bruising appeared on the back of the thigh."),

    // piriformis risk factors
    REPETITIVE_HIP_SPORT(Group.RISK_FACTOR, "Does running, cycling or sports with pivoting and quick turns."),
    PROLONGED_SITTING(Group.RISK_FACTOR, "Sits for long periods, for example at a desk or on long drives."),
    WALLET_IN_BACK_POCKET(Group.RISK_FACTOR, "Sits on a wallet or phone in a back pocket."),

    // course
    SELF_CARE_NOT_HELPING(Group.COURSE,
            "A few weeks of self-care have not helped, or the pain keeps coming back quickly.");

    /** The topic a finding belongs to, used to group questions and documentation. */
    public enum Group {
        PAIN_PATTERN("Pain pattern"),
        AGGRAVATING("What makes it worse"),
        EXAMINATION("Examination"),
        CAUDA_EQUINA("Cauda equina"),
        SERIOUS_PATHOLOGY("Serious pathology"),
        MIMIC("Mimics"),
        RISK_FACTOR("Piriformis risk factors"),
        COURSE("Course");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        /** The heading used in documentation, such as "Pain pattern". */
        public String title() {
            return title;
        }
    }

    private static final Map<String, Finding> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Finding::code, Function.identity()));

    private final Group group;
    private final String definition;
    private final String code;

    Finding(Group group, String definition) {
        this.group = group;
        this.definition = definition;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The stable code used in case files and rules, such as {@code saddle_numbness}. */
    public String code() {
        return code;
    }

    /** A one-line plain definition of what "yes" means for this finding. */
    public String definition() {
        return definition;
    }

    public Group group() {
        return group;
    }

    /**
     * The finding with this code.
     *
     * @throws IllegalArgumentException naming the code, with the nearest valid code as a suggestion
     */
    public static Finding fromCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("finding code must not be null");
        }
        Finding finding = BY_CODE.get(code);
        if (finding == null) {
            throw new IllegalArgumentException("unknown finding code '" + code + "'" + Suggestions.didYouMean(code,
                    BY_CODE.keySet()));
        }
        return finding;
    }

    /** The finding with this code, or empty when the code is not part of the vocabulary. */
    public static Optional<Finding> lookup(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    static Comparator<Finding> byCode() {
        return Comparator.comparing(Finding::code);
    }
}
