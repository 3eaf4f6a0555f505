package health.triage;

import java.util.List;
import java.util.Objects;

/**
 * One question of an interview: the finding it answers, how to ask it, why it is asked at all and why it is asked
 * now. Immutable.
 *
 * <p>An answer is yes ({@link TriageCase.Builder#answer(Finding, boolean) answer(finding, true)}), no
 * ({@code answer(finding, false)}) or "don't know", which leaves the finding out of the case: unknown is never
 * taken as no.
 *
 * @param finding       the finding the answer sets
 * @param patientText   the question in words a patient understands
 * @param clinicianText the same question in clinical terms
 * @param why           why the question matters, in plain words
 * @param priority      the group that ranks it: emergency screen, then disposition, then screening, then likely
 *                      source (or shown only with its screen)
 * @param rankReason    what its answer could change for this case, such as
 *                      {@code "A yes would change the advice from ROUTINE to URGENT."}
 */
public record Question(Finding finding, String patientText, String clinicianText, String why, Priority priority,
                       String rankReason) {

    /** Why a question is asked now, from the most to the least pressing; questions are ranked in this order. */
    public enum Priority {
        /**
         * An emergency-screen question not yet answered: saddle numbness, bladder or bowel trouble, symptoms in both
         * legs, worsening weakness. Always asked first, in that order.
         */
        EMERGENCY_SCREEN,
        /** Its answer, alone or together with other answers, could change the disposition. */
        DISPOSITION,
        /**
         * A screening question the assessment lists as unanswered ({@link Assessment#unanswered()}) whose answer could
         * not change the disposition now. It is asked all the same: the assessment is not complete, and its result
         * not to be relied on, while a screening question is unanswered (its answer can still change the referral).
         */
        SCREENING,
        /** Its answer could change the likely source, but not the disposition. */
        LIKELY_SOURCE,
        /**
         * Its answer could change neither the disposition nor the likely source: it is shown only on a {@link Screen}
         * because another finding of its group is asked (its answer can still shape the advice, as a precaution
         * changes the self-care plan). Never among {@link NextQuestions#questions()}.
         */
        SAME_SCREEN
    }

    public Question {
        Objects.requireNonNull(finding, "finding must not be null");
        Objects.requireNonNull(patientText, "patientText must not be null");
        Objects.requireNonNull(clinicianText, "clinicianText must not be null");
        Objects.requireNonNull(why, "why must not be null");
        Objects.requireNonNull(priority, "priority must not be null");
        Objects.requireNonNull(rankReason, "rankReason must not be null");
    }

    /**
     * The question as one item of a list ("tick any that apply"), in patient words: what a {@link Screen} shows for
     * this finding (from {@code questions.properties}; never the vocabulary definition, which is for developers).
     */
    public String itemText() {
        return QuestionWording.of(finding).item();
    }

    /**
     * The answer scale the question is asked on instead of yes / no, in order, each saying whether it answers the
     * finding yes; empty for a yes / no question. STarT Back item 9 is asked on the tool's five options.
     */
    public List<QuestionWording.Option> options() {
        return QuestionWording.of(finding).options();
    }

    /** The code of the finding the question answers, such as {@code saddle_numbness}. */
    public String code() {
        return finding.code();
    }
}
