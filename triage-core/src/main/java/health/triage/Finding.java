package health.triage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
    BUTTOCK_PAIN(Group.PAIN_PATTERN, Role.CUE, "Pain felt deep in one or both buttocks."),
    LOW_BACK_PAIN(Group.PAIN_PATTERN, Role.CUE, "Pain in the lower back, above the buttocks."),
    POSTERIOR_THIGH_PAIN(Group.PAIN_PATTERN, Role.CUE,
            "Pain in the back of the thigh, whether or not it also goes below the knee (asked as pain_below_knee)."),
    PAIN_BELOW_KNEE(Group.PAIN_PATTERN, Role.CUE, "Leg pain that travels below the knee, into the calf or foot."),
    LEG_PAIN_WORSE_THAN_BACK(Group.PAIN_PATTERN, Role.CUE, "The leg hurts more than the back does."),
    LATERAL_HIP_PAIN(Group.PAIN_PATTERN, Role.CUE, "Pain on the outer side of the hip."),
    GROIN_PAIN(Group.PAIN_PATTERN, Role.SELF_CARE_SCREEN, "Pain in the groin or at the front of the hip."),
    SACROILIAC_PAIN(Group.PAIN_PATTERN, Role.SELF_CARE_SCREEN,
            "Pain centred on the bony dimple at the back of the pelvis, beside the base of the spine, that the person can point to with one finger."),
    LEG_NUMBNESS_TINGLING(Group.PAIN_PATTERN, Role.CUE, "Numbness, tingling or pins and needles in the leg or foot."),
    LEG_WEAKNESS(Group.PAIN_PATTERN, Role.SERIOUS_SCREEN,
            "The leg or foot is weak: its muscles do not do what is asked because they are weak, not because it hurts (a leg that gives way with pain is not this)."),
    LEG_WEAKNESS_RECENT(Group.PAIN_PATTERN, Role.FOLLOW_UP, "The leg weakness began within the last 14 days."),
    FOOT_DROP(Group.PAIN_PATTERN, Role.SERIOUS_SCREEN,
            "The foot drops, slaps or drags when walking because the muscles that lift it are weak, not because it hurts."),
    FOOT_DROP_RECENT(Group.PAIN_PATTERN, Role.FOLLOW_UP,
            "The foot drop began, or last got worse, within the last 14 days."),
    DIFFICULTY_WALKING(Group.PAIN_PATTERN, Role.FOLLOW_UP,
            "Walking has newly become difficult, unsteady or clumsy (the legs feel heavy or do not do what they are told), not only because of pain."),
    LIMP(Group.PAIN_PATTERN, Role.CUE, "Walks with a limp because of the pain."),
    BILATERAL_LEG_SYMPTOMS(Group.PAIN_PATTERN, Role.EMERGENCY_SCREEN,
            "Nerve-type symptoms (pain spreading down the leg, numbness or tingling, or weakness) in both legs rather than one; a muscle ache in both legs is not this."),
    BILATERAL_ONSET_RECENT(Group.PAIN_PATTERN, Role.FOLLOW_UP,
            "The symptoms in the second leg began within the last 14 days, even if the pain in the first leg is older."),
    PROGRESSIVE_WEAKNESS(Group.PAIN_PATTERN, Role.EMERGENCY_SCREEN,
            "Leg weakness that is getting worse over hours or days, such as a foot starting to drop or drag."),
    WORSENING_NUMBNESS(Group.PAIN_PATTERN, Role.SERIOUS_SCREEN,
            "Numbness or tingling in the leg that is spreading or getting stronger."),

    // what makes it worse
    WORSE_SITTING(Group.AGGRAVATING, Role.CUE, "The pain builds up while sitting."),
    WORSE_HARD_SEAT(Group.AGGRAVATING, Role.CUE, "Hard seats or direct pressure on the buttock make the pain worse."),
    WORSE_CROSSING_LEGS(Group.AGGRAVATING, Role.CUE, "Crossing the legs makes the pain worse."),
    WORSE_HIP_INTERNAL_ROTATION(Group.AGGRAVATING, Role.CUE, "Turning the thigh inwards at the hip makes the pain worse."),
    PAINFUL_STIFF_HIP_MOVEMENT(Group.AGGRAVATING, Role.SELF_CARE_SCREEN,
            "Moving the hip itself (bending it up, turning it in or out) is painful, stiff or limited."),
    WORSE_COUGH_SNEEZE(Group.AGGRAVATING, Role.CUE, "Coughing, sneezing or straining sends pain into the back or leg."),
    WORSE_SPINE_BENDING(Group.AGGRAVATING, Role.CUE, "Bending or twisting the lower back makes the pain worse."),
    WALKING_PAIN_EASED_BY_SITTING(Group.AGGRAVATING, Role.CUE,
            "Walking brings on leg pain that eases after sitting or bending forward (neurogenic claudication)."),
    WALKING_PAIN_EASED_BY_STANDING(Group.AGGRAVATING, Role.SELF_CARE_SCREEN,
            "Walking brings on buttock, thigh or calf pain that eases within minutes of standing still, without sitting or bending forward (vascular claudication)."),
    PAIN_LYING_ON_SIDE(Group.AGGRAVATING, Role.CUE, "Lying on the painful side hurts."),
    PAIN_NOT_EASED_BY_REST(Group.AGGRAVATING, Role.SERIOUS_SCREEN,
            "The pain does not ease with rest or a change of position, including lying down at night."),
    SEVERE_UNCONTROLLED_PAIN(Group.AGGRAVATING, Role.SERIOUS_SCREEN,
            "The pain stops sleep or everyday activities despite any painkillers taken."),

    // examination
    DEEP_BUTTOCK_TENDERNESS(Group.EXAMINATION, Role.CUE,
            "Pressing deep in the buttock, between the base of the spine and the outer hip bone, is tender or brings on the usual pain."),
    FAIR_TEST_POSITIVE(Group.EXAMINATION, Role.CUE, Only.EXAMINER,
            "The FAIR test (hip bent, drawn across the body and turned inwards) brings on the buttock or leg pain."),
    STRAIGHT_LEG_RAISE_POSITIVE(Group.EXAMINATION, Role.CUE, Only.EXAMINER,
            "Raising the straight leg while lying on the back brings on pain running below the knee."),
    SPINE_TENDERNESS(Group.EXAMINATION, Role.CUE, Only.EXAMINER, "Pressing on the lower spine itself is tender."),
    NEURO_DEFICIT(Group.EXAMINATION, Role.SELF_CARE_SCREEN, Only.EXAMINER,
            "An examiner found a changed reflex, an area of reduced feeling or a weak muscle group in the leg."),
    TROCHANTER_TENDERNESS(Group.EXAMINATION, Role.CUE, "The bony point on the outside of the hip is tender to press."),
    SIT_BONE_TENDERNESS(Group.EXAMINATION, Role.SELF_CARE_SCREEN, "The sitting bone at the bottom of the buttock is tender to press."),

    // cauda equina
    SADDLE_NUMBNESS(Group.CAUDA_EQUINA, Role.EMERGENCY_SCREEN,
            "New numbness or altered feeling around the back passage, genitals or inner buttocks, however slight (including numbness when wiping or of the genitals during sex)."),
    BLADDER_DYSFUNCTION(Group.CAUDA_EQUINA, Role.EMERGENCY_SCREEN,
            "New trouble passing urine: hard to start, weak stream, changed feeling, unable to go or leaking (not long-standing unchanged stress leakage)."),
    BOWEL_DYSFUNCTION(Group.CAUDA_EQUINA, Role.EMERGENCY_SCREEN,
            "New loss of bowel control or not feeling when the bowel is full."),
    SEXUAL_DYSFUNCTION(Group.CAUDA_EQUINA, Role.SERIOUS_SCREEN,
            "A new change in sexual function since the pain began, such as in erection, ejaculation or orgasm, as the person reports it; a clinician weighs medicines as a cause (numbness of the genitals is saddle_numbness)."),

    // other emergencies asked with the cauda equina questions
    CALF_SWELLING(Group.EMERGENCY, Role.EMERGENCY_SCREEN,
            "A calf that has newly become swollen, bigger than the other (a possible blood clot, deep vein thrombosis); a calf that is only tender or sore is not this."),
    SUDDEN_SEVERE_PAIN_WITH_COLLAPSE(Group.EMERGENCY, Role.EMERGENCY_SCREEN,
            "Sudden severe pain in the back, tummy, groin or buttock with fainting, collapse, dizziness or cold sweats."),
    CANNOT_BEAR_WEIGHT(Group.EMERGENCY, Role.EMERGENCY_SCREEN,
            "Cannot now take any weight through the leg, not even for one step, because of hip, groin or leg pain (back spasm that makes getting up hard, with a leg that takes weight, is not this)."),
    COLD_PALE_LEG(Group.EMERGENCY, Role.EMERGENCY_SCREEN,
            "The leg or foot has suddenly become cold, pale or blue, and painful."),

    // serious pathology
    MAJOR_TRAUMA(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "The pain began with a major injury, such as a fall from a height or a road collision."),
    RECENT_FALL(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "The pain began, or got worse, after a minor fall or knock."),
    FEVER(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN, "A raised temperature, or feeling feverish or shivery, since the pain began."),
    IV_DRUG_USE(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN, "Injects drugs into a vein."),
    IMMUNOSUPPRESSION(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "The immune system is weakened by illness or medicines (for example chemotherapy, HIV, transplant drugs)."),
    LONG_TERM_STEROIDS(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN, "Has taken steroid tablets or injections for months."),
    OSTEOPOROSIS(Group.SERIOUS_PATHOLOGY, Role.RISK_FACTOR, "Has been told the bones are thin or fragile (osteoporosis)."),
    CANCER_HISTORY(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN, "Has or has had cancer."),
    CANCER_ACTIVE(Group.SERIOUS_PATHOLOGY, Role.FOLLOW_UP,
            "The cancer is current: being treated or watched by a cancer team now, or it has come back or spread."),
    UNEXPLAINED_WEIGHT_LOSS(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN, "Has lost weight without trying in the last 3 months."),
    NIGHT_SWEATS(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "In the last 3 months, has woken at night drenched in sweat, needing a change of nightclothes or bedding (not the hot flushes of the menopause)."),
    DIABETES(Group.SERIOUS_PATHOLOGY, Role.RISK_FACTOR, "Has diabetes."),
    RECENT_SPINAL_PROCEDURE(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "Had spinal surgery, a spinal injection or an epidural in the last 3 months."),
    RECENT_BACTERIAL_INFECTION(Group.SERIOUS_PATHOLOGY, Role.SERIOUS_SCREEN,
            "Had a bacterial infection (for example of the urine, skin, chest or teeth) in the last few weeks."),

    // mimics
    SUDDEN_ONSET_WITH_POP(Group.MIMIC, Role.SELF_CARE_SCREEN,
            "The pain started suddenly with a pop or snap while sprinting, kicking or stretching."),
    THIGH_BRUISING(Group.MIMIC, Role.SELF_CARE_SCREEN, "Bruising appeared on the back of the thigh."),

    // piriformis risk factors
    REPETITIVE_HIP_SPORT(Group.RISK_FACTOR, Role.RISK_FACTOR, "Does running, cycling or sports with pivoting and quick turns."),
    PROLONGED_SITTING(Group.RISK_FACTOR, Role.RISK_FACTOR, "Sits for long periods, for example at a desk or on long drives."),
    WALLET_IN_BACK_POCKET(Group.RISK_FACTOR, Role.RISK_FACTOR, "Sits on a wallet or phone in a back pocket."),

    // self-care precautions
    ANTICOAGULANTS(Group.PRECAUTION, Role.PRECAUTION,
            "Takes blood thinners (anticoagulants such as warfarin, apixaban or rivaroxaban) or has a bleeding disorder."),
    HIP_REPLACEMENT(Group.PRECAUTION, Role.PRECAUTION, "Has a hip replacement on the painful side."),

    // course
    SELF_CARE_NOT_HELPING(Group.COURSE, Role.SELF_CARE_SCREEN,
            "A few weeks of self-care have not helped, or the pain keeps coming back quickly."),

    // STarT Back risk stratification (Keele; Hill et al. 2008): nine items, each agreed (yes) or not (no), about the
    // last two weeks; the last five are the psychosocial subscale. The definitions say what a yes means; the tool's own
    // words are what an interview shows (questions.properties).
    STARTBACK_LEG_PAIN_SPREAD(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 1: in the last two weeks the back pain has at some time spread down a leg."),
    STARTBACK_SHOULDER_NECK_PAIN(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 2: in the last two weeks there has also been pain in the shoulder or neck at some time."),
    STARTBACK_WALKED_SHORT_DISTANCES(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 3: has only walked short distances because of the back pain."),
    STARTBACK_DRESSED_SLOWLY(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 4: in the last two weeks the back pain has made getting dressed slower than usual."),
    STARTBACK_UNSAFE_TO_BE_ACTIVE(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 5 (psychosocial): believes physical activity is not really safe with a back like theirs."),
    STARTBACK_WORRYING_THOUGHTS(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 6 (psychosocial): worrying thoughts have been on the mind much of the time."),
    STARTBACK_TERRIBLE_NEVER_BETTER(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 7 (psychosocial): feels the back pain is awful and that it will never improve."),
    STARTBACK_NOT_ENJOYING_THINGS(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 8 (psychosocial): agrees that in general they have not enjoyed all the things they used to enjoy."),
    STARTBACK_VERY_BOTHERSOME(Group.STRATIFICATION, Role.STRATIFICATION,
            "STarT Back item 9 (psychosocial): asked how bothersome the back pain has been in the last two weeks (not at all, slightly, moderately, very much, extremely), answers very much or extremely.");

    /**
     * The version of this vocabulary: it changes whenever a code is added, renamed or redefined (CHANGELOG.md lists
     * each change), so an app can tell which codes and meanings it is speaking.
     */
    public static final String VOCABULARY_VERSION = "2.2";

    /**
     * What a finding is for in an assessment. The screening rules and the interview read it: an unanswered screening
     * question is never a "no".
     */
    public enum Role {
        /** Asked first, before anything else: a yes can mean emergency care now. */
        EMERGENCY_SCREEN("emergency screen", "asked first; a yes can mean emergency care now"),
        /** Asked before any self-care is advised: a yes alone rules self-care out. */
        SERIOUS_SCREEN("serious screen", "asked before self-care; a yes alone rules self-care out"),
        /** Asked before any self-care is advised: a yes alone points to another condition or course that needs a clinician. */
        SELF_CARE_SCREEN("self-care screen", "asked before self-care; a yes alone means a clinician should examine"),
        /** Matters once another answer makes it matter, such as when the weakness began. */
        FOLLOW_UP("follow-up", "asked when another answer makes it matter"),
        /** Tells the likely source or another condition apart. */
        CUE("cue", "tells where the pain comes from, or points to another condition"),
        /** Makes a condition more likely; shapes the advice. */
        RISK_FACTOR("risk factor", "makes a condition more likely; shapes the advice"),
        /** Changes how self-care and hands-on treatment may be given. */
        PRECAUTION("precaution", "changes which self-care steps and treatments are safe"),
        /** An item of a risk stratification tool: with no warning sign, chooses between self-management and physiotherapy. */
        STRATIFICATION("stratification",
                "asked when there is no warning sign; the STarT Back risk chooses self-management or physiotherapy");

        private final String title;
        private final String meaning;

        Role(String title, String meaning) {
            this.title = title;
            this.meaning = meaning;
        }

        /** Whether a finding of this role is a screening question: asked and answered before any self-care. */
        public boolean isScreen() {
            return this == EMERGENCY_SCREEN || this == SERIOUS_SCREEN || this == SELF_CARE_SCREEN;
        }

        /** The role's name in documentation, such as "emergency screen". */
        public String title() {
            return title;
        }

        /** What the role means, in one line. */
        public String meaning() {
            return meaning;
        }
    }

    /**
     * The emergency screen in the order it is asked: the cauda equina signs first, then the other emergencies in
     * scope. Exactly the findings whose role is {@link Role#EMERGENCY_SCREEN}.
     */
    public static final List<Finding> EMERGENCY_SCREEN = List.of(SADDLE_NUMBNESS, BLADDER_DYSFUNCTION,
            BOWEL_DYSFUNCTION, BILATERAL_LEG_SYMPTOMS, PROGRESSIVE_WEAKNESS, CANNOT_BEAR_WEIGHT, CALF_SWELLING,
            COLD_PALE_LEG, SUDDEN_SEVERE_PAIN_WITH_COLLAPSE);

    /** The topic a finding belongs to, used to group questions and documentation. */
    public enum Group {
        PAIN_PATTERN("Pain pattern"),
        AGGRAVATING("What makes it worse"),
        EXAMINATION("Examination"),
        CAUDA_EQUINA("Cauda equina"),
        EMERGENCY("Other emergencies"),
        SERIOUS_PATHOLOGY("Serious pathology"),
        MIMIC("Mimics"),
        RISK_FACTOR("Piriformis risk factors"),
        PRECAUTION("Self-care precautions"),
        COURSE("Course"),
        STRATIFICATION("STarT Back risk stratification");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        /** The heading used in documentation, such as "Pain pattern". */
        public String title() {
            return title;
        }
    }

    /** Marks an examination-only finding in the list above ({@link #examinationOnly()}). */
    private static final class Only {
        static final boolean EXAMINER = true;
    }

    private static final Map<String, Finding> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Finding::code, Function.identity()));

    private final Group group;
    private final Role role;
    private final boolean examinationOnly;
    private final String definition;
    private final String code;

    Finding(Group group, Role role, String definition) {
        this(group, role, false, definition);
    }

    Finding(Group group, Role role, boolean examinationOnly, String definition) {
        this.group = group;
        this.role = role;
        this.examinationOnly = examinationOnly;
        this.definition = definition;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether only a clinician examining the person can answer this finding (a reflex, a passive test, pressing on
     * the spine): with {@link TriageCase#examined()} {@code false} it is not asked, not listed as unanswered and must
     * not be answered. The tenderness a person can feel by pressing on the place themselves (deep buttock, outer hip
     * bone, sitting bone) is not examination-only. docs/VOCABULARY.md and docs/POLICY.md "Self-users" give each
     * reason.
     */
    public boolean examinationOnly() {
        return examinationOnly;
    }

    /** {@link #examinationOnly()} as a bean property, for rules: {@code finding.examinationOnly}. */
    public boolean isExaminationOnly() {
        return examinationOnly;
    }

    /** The findings only a clinician examining the person can answer, in vocabulary order. */
    public static List<Finding> examinationOnlyFindings() {
        return Arrays.stream(values()).filter(Finding::examinationOnly).toList();
    }

    /** The items of the STarT Back tool (role stratification), in the tool's order; the last five are psychosocial. */
    public static List<Finding> stratificationItems() {
        return Arrays.stream(values()).filter(f -> f.role == Role.STRATIFICATION).toList();
    }

    /**
     * Every screening question, in vocabulary order: the findings whose role is the emergency, serious or self-care
     * screen. Self-care is only advised when each was asked and answered.
     */
    public static List<Finding> screeningQuestions() {
        return Arrays.stream(values()).filter(f -> f.role.isScreen()).toList();
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

    /** What the finding is for: emergency screen, serious screen, follow-up, cue, risk factor or precaution. */
    public Role role() {
        return role;
    }

    /** The role, as a bean property, for rules: {@code Answer( finding.role == Finding.Role.SERIOUS_SCREEN )}. */
    public Role getRole() {
        return role;
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
