package health.triage.internal;

import health.triage.Disposition;
import health.triage.LikelySource;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static health.triage.Disposition.EMERGENCY;
import static health.triage.Disposition.ROUTINE;
import static health.triage.Disposition.SELF_CARE;
import static health.triage.Disposition.URGENT;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview order between questions and the reason each is asked (docs/POLICY.md "Interview order" 2): questions
 * that could make the case more urgent first, the most urgent outcome first, among equals those whose own answer does
 * it; then questions that could only make it less urgent, those whose own answer does it first, then the least urgent
 * outcome first.
 */
class AnswerEffectTest {

    private static final boolean YES = true;
    private static final boolean NO = false;
    private static final boolean ALONE = false;
    private static final boolean TOGETHER = true;

    /** An effect recorded against a case that is now at {@code current}. */
    private static AnswerEffect effect(Disposition current, Object... probes) {
        AnswerEffect effect = new AnswerEffect();
        for (int i = 0; i < probes.length; i += 3) {
            effect.disposition((Disposition) probes[i], (Boolean) probes[i + 1], (Boolean) probes[i + 2], current);
        }
        return effect;
    }

    /** The effects sorted by the interview order, as their positions in the argument list. */
    private static List<Integer> order(AnswerEffect... effects) {
        List<AnswerEffect> sorted = new ArrayList<>(List.of(effects));
        sorted.sort(AnswerEffect.ORDER);
        return sorted.stream().map(e -> List.of(effects).indexOf(e)).toList();
    }

    @Test
    void aProbeAtTheCurrentDisposition_changesNothing() {
        AnswerEffect effect = effect(ROUTINE, ROUTINE, YES, ALONE, ROUTINE, NO, TOGETHER);

        assertFalse(effect.changesDisposition());
    }

    @Test
    void moreUrgentOutcome_isAskedBeforeALessUrgentOne_evenWhenOnlyTogetherWithOtherAnswers() {
        AnswerEffect urgentAlone = effect(ROUTINE, URGENT, YES, ALONE);
        AnswerEffect emergencyTogether = effect(ROUTINE, EMERGENCY, YES, TOGETHER);

        assertEquals(List.of(1, 0), order(urgentAlone, emergencyTogether));
    }

    @Test
    void atTheSameMostUrgentOutcome_aQuestionWhoseOwnAnswerDoesItComesFirst() {
        AnswerEffect together = effect(ROUTINE, URGENT, YES, TOGETHER);
        AnswerEffect alone = effect(ROUTINE, URGENT, YES, ALONE);

        assertEquals(List.of(1, 0), order(together, alone));
    }

    @Test
    void atTheSameMostUrgentOutcome_theMoreUrgentOwnAnswerComesFirst() {
        AnswerEffect ownAnswerRoutine = effect(SELF_CARE, EMERGENCY, YES, TOGETHER, ROUTINE, YES, ALONE);
        AnswerEffect ownAnswerUrgent = effect(SELF_CARE, EMERGENCY, YES, TOGETHER, URGENT, YES, ALONE,
                ROUTINE, NO, ALONE);

        assertEquals(List.of(1, 0), order(ownAnswerRoutine, ownAnswerUrgent));
    }

    @Test
    void anyQuestionThatCouldRaiseTheAdvice_comesBeforeOneThatCouldOnlyLowerIt() {
        AnswerEffect lowersAlone = effect(URGENT, SELF_CARE, NO, ALONE);
        AnswerEffect raisesTogether = effect(URGENT, EMERGENCY, YES, TOGETHER);

        assertAll(
                () -> assertEquals(List.of(1, 0), order(lowersAlone, raisesTogether)),
                () -> assertEquals(List.of(0, 1), order(raisesTogether, lowersAlone)));
    }

    @Test
    void amongQuestionsThatCouldOnlyLowerIt_ownAnswerFirst_thenTheLeastUrgentOutcome() {
        AnswerEffect selfCareTogether = effect(URGENT, SELF_CARE, NO, TOGETHER);
        AnswerEffect routineAlone = effect(URGENT, ROUTINE, NO, ALONE);
        AnswerEffect selfCareAlone = effect(URGENT, SELF_CARE, NO, ALONE);

        assertEquals(List.of(2, 1, 0), order(selfCareTogether, routineAlone, selfCareAlone));
    }

    @Test
    void equalEffects_areTiedSoTheVocabularyOrderDecides() {
        assertEquals(0, AnswerEffect.ORDER.compare(effect(ROUTINE, URGENT, YES, ALONE),
                effect(ROUTINE, URGENT, NO, ALONE)));
        assertEquals(0, AnswerEffect.ORDER.compare(effect(URGENT, ROUTINE, NO, TOGETHER),
                effect(URGENT, ROUTINE, YES, TOGETHER)));
    }

    @Test
    void reason_namesTheMostUrgentChange_andPrefersTheAnswerThatDoesItAlone() {
        AnswerEffect effect = effect(SELF_CARE, ROUTINE, YES, ALONE, EMERGENCY, YES, TOGETHER);
        String together = effect.dispositionReason(SELF_CARE);
        effect.disposition(EMERGENCY, NO, ALONE, SELF_CARE);
        String alone = effect.dispositionReason(SELF_CARE);
        effect.disposition(EMERGENCY, YES, TOGETHER, SELF_CARE);

        assertAll(
                () -> assertEquals("A yes, together with other answers, could change the advice from SELF_CARE to "
                        + "EMERGENCY.", together),
                () -> assertEquals("A no would change the advice from SELF_CARE to EMERGENCY.", alone),
                () -> assertEquals(alone, effect.dispositionReason(SELF_CARE),
                        "a later answer that does it only together must not replace one that does it alone"));
    }

    @Test
    void reason_namesARaiseBeforeALowering() {
        AnswerEffect effect = effect(ROUTINE, SELF_CARE, NO, ALONE, URGENT, YES, TOGETHER);

        assertEquals("A yes, together with other answers, could change the advice from ROUTINE to URGENT.",
                effect.dispositionReason(ROUTINE));
    }

    @Test
    void reason_forALowering_namesTheLeastUrgentOutcome_andPrefersTheAnswerThatDoesItAlone() {
        AnswerEffect effect = effect(URGENT, ROUTINE, NO, ALONE, SELF_CARE, YES, TOGETHER);
        String together = effect.dispositionReason(URGENT);
        effect.disposition(SELF_CARE, NO, ALONE, URGENT);
        effect.disposition(ROUTINE, YES, ALONE, URGENT);

        assertAll(
                () -> assertEquals("A yes, together with other answers, could change the advice from URGENT to "
                        + "SELF_CARE.", together),
                () -> assertEquals("A no would change the advice from URGENT to SELF_CARE.",
                        effect.dispositionReason(URGENT)));
    }

    @Test
    void sourceReason_keepsTheFirstAnswerThatDoesItAlone() {
        AnswerEffect effect = new AnswerEffect();
        assertFalse(effect.changesSource());
        effect.source(LikelySource.SPINAL, YES, TOGETHER);
        String together = effect.sourceReason(LikelySource.PIRIFORMIS);
        effect.source(LikelySource.UNCLEAR, NO, ALONE);
        effect.source(LikelySource.SPINAL, YES, ALONE);

        assertAll(
                () -> assertTrue(effect.changesSource()),
                () -> assertFalse(effect.changesDisposition()),
                () -> assertEquals("A yes, together with other answers, could change the likely source from "
                        + "PIRIFORMIS to SPINAL.", together),
                () -> assertEquals("A no would change the likely source from PIRIFORMIS to UNCLEAR.",
                        effect.sourceReason(LikelySource.PIRIFORMIS)));
    }
}
