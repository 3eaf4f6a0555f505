package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Referral;
import health.triage.Stratification;
import health.triage.Stratification.Risk;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STarT Back tool as the rules score it, against the published scoring (Hill et al. 2008, Arthritis Care &
 * Research 59:632): the total is the number of the nine items agreed; 3 or less is low risk; 4 or more is medium risk
 * unless the psychosocial subscale (items 5 to 9) is 4 or 5, which is high risk. The formula below is written from the
 * paper, not from the rules. The person is an adult with nerve-root pain and no warning sign, every screening question
 * answered, so the risk alone chooses between self-management and physiotherapy.
 */
class StratificationTest {

    /** The tool's items in its order: 1 to 4 physical, 5 to 9 the psychosocial subscale. */
    private static final List<Finding> ITEMS = List.of(Finding.STARTBACK_LEG_PAIN_SPREAD,
            Finding.STARTBACK_SHOULDER_NECK_PAIN, Finding.STARTBACK_WALKED_SHORT_DISTANCES,
            Finding.STARTBACK_DRESSED_SLOWLY, Finding.STARTBACK_UNSAFE_TO_BE_ACTIVE,
            Finding.STARTBACK_WORRYING_THOUGHTS, Finding.STARTBACK_TERRIBLE_NEVER_BETTER,
            Finding.STARTBACK_NOT_ENJOYING_THINGS, Finding.STARTBACK_VERY_BOTHERSOME);

    private static TriageEngine engine;

    @BeforeAll
    static void build() {
        engine = TriageEngine.builder().build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Hill 2008, as published. */
    private static Risk published(int total, int psychosocial) {
        if (total <= 3) {
            return Risk.LOW;
        }
        return psychosocial >= 4 ? Risk.HIGH : Risk.MEDIUM;
    }

    /** Nerve-root pain for three weeks in a 40-year-old, no warning sign, with the items of {@code agreed} (a bit mask). */
    private static TriageCase sciatica(int agreed) {
        TriageCase.Builder b = TriageCase.builder(40).durationDays(21)
                .absent(Finding.screeningQuestions())
                .present(Finding.LOW_BACK_PAIN, Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK)
                .absent(Finding.LATERAL_HIP_PAIN, Finding.TROCHANTER_TENDERNESS, Finding.PAIN_LYING_ON_SIDE,
                        Finding.OSTEOPOROSIS, Finding.LIMP, Finding.DIFFICULTY_WALKING, Finding.DIABETES);
        for (int i = 0; i < ITEMS.size(); i++) {
            b.answer(ITEMS.get(i), (agreed & (1 << i)) != 0);
        }
        return b.build();
    }

    private static int mask(int... items) {
        int m = 0;
        for (int item : items) {
            m |= 1 << (item - 1);
        }
        return m;
    }

    private static Stratification scored(int agreed) {
        Assessment a = engine.assess(sciatica(agreed));
        assertTrue(a.stratification().isPresent(), () -> "no stratification for items " + Integer.toBinaryString(agreed)
                + "; unanswered " + a.stratificationUnanswered());
        return a.stratification().get();
    }

    @Test
    void everyOneOf512AnswerCombinations_scoresAsPublished_andChoosesTheCare() {
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.stream.IntStream.range(0, 512).parallel().forEach(agreed -> { // the engine is shared across threads
            int total = Integer.bitCount(agreed);
            int psychosocial = Integer.bitCount(agreed >> 4);
            Risk expected = published(total, psychosocial);
            Assessment a = engine.assess(sciatica(agreed));
            Stratification s = a.stratification().orElse(null);
            List<String> whom = a.referrals().stream().map(Referral::whom).toList();
            boolean care = switch (expected) {
                case LOW -> a.disposition() == Disposition.SELF_CARE && !a.selfCare().isEmpty();
                case MEDIUM -> a.disposition() == Disposition.ROUTINE && whom.contains("Physiotherapist");
                case HIGH -> a.disposition() == Disposition.ROUTINE && whom.stream()
                        .anyMatch(w -> w.startsWith("Physiotherapist with psychological support"));
            };
            if (s == null || s.risk() != expected || s.total() != total || s.psychosocial() != psychosocial || !care
                    || a.likelySource() != LikelySource.SPINAL) {
                wrong.add(Integer.toBinaryString(agreed) + ": expected " + expected + " " + total + "/" + psychosocial
                        + ", was " + s + ", " + a.disposition() + " " + whom);
            }
        });
        assertEquals(List.of(), wrong.stream().sorted().toList());
    }

    @Test
    void totalThree_isLow_totalFour_isMedium() {
        assertEquals(Risk.LOW, scored(mask(1, 2, 3)).risk());
        assertEquals(Risk.MEDIUM, scored(mask(1, 2, 3, 4)).risk());
    }

    @Test
    void psychosocialThree_isMedium_psychosocialFour_isHigh() {
        assertEquals(Risk.MEDIUM, scored(mask(1, 5, 6, 7)).risk());
        assertEquals(Risk.HIGH, scored(mask(5, 6, 7, 8)).risk());
    }

    @Test
    void threePsychosocialItemsOnly_isLow_becauseTheTotalIsThree() {
        assertEquals(Risk.LOW, scored(mask(5, 6, 7)).risk());
    }

    @Test
    void allNineAgreed_isHigh_withTotalNineAndPsychosocialFive() {
        Stratification s = scored(511);
        assertEquals(new Stratification("STarT Back", Risk.HIGH, 9, 5), s);
    }

    @Test
    void noneAgreed_isLow_withTotalZero() {
        assertEquals(new Stratification("STarT Back", Risk.LOW, 0, 0), scored(0));
    }

    @Test
    void oneItemUnanswered_noRiskAndTheItemListed_neverSelfCare() {
        TriageCase eight = sciatica(0).toBuilder().unknown(Finding.STARTBACK_VERY_BOTHERSOME).build();

        Assessment a = engine.assess(eight);

        assertTrue(a.stratification().isEmpty());
        assertEquals(List.of(Finding.STARTBACK_VERY_BOTHERSOME), a.stratificationUnanswered());
        assertEquals(Disposition.ROUTINE, a.disposition());
        assertTrue(a.unanswered().contains(Finding.STARTBACK_VERY_BOTHERSOME), a.unanswered()::toString);
    }

    @Test
    void highRiskBesideCaudaEquina_isNotShown_andTheEmergencyStands() {
        TriageCase ces = sciatica(511).toBuilder().answer(Finding.SADDLE_NUMBNESS, true).build();

        Assessment a = engine.assess(ces);

        assertEquals(Disposition.EMERGENCY, a.disposition());
        assertTrue(a.stratification().isEmpty(), () -> "a STarT Back risk beside an emergency: " + a.stratification());
    }
}
