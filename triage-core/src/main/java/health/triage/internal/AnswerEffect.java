package health.triage.internal;

import health.triage.Disposition;
import health.triage.LikelySource;

import java.util.Comparator;

/**
 * What answering one unanswered finding could do to a case, gathered over every probe of {@link QuestionPlanner}:
 * the most urgent disposition an answer could lead to, the least urgent one it could allow, and the likely source it
 * could give, each with the answer that does it and whether that answer does it alone or only together with other
 * answers.
 */
final class AnswerEffect {

    /**
     * The interview order of questions that could change the disposition (docs/POLICY.md "Interview order" 2): those
     * that could make the case more urgent first, the most urgent outcome first, and among equals those whose own
     * answer does it (the more urgent their own answer's outcome, the earlier); then those that could only make it less
     * urgent, those whose own answer does it first, then the least urgent outcome first.
     */
    static final Comparator<AnswerEffect> ORDER = (a, b) -> {
        if ((a.up == null) != (b.up == null)) {
            return a.up != null ? -1 : 1;
        }
        if (a.up != null) {
            return Comparator.comparing((AnswerEffect e) -> e.up)
                    .thenComparing(e -> e.upAlone, Comparator.nullsLast(Comparator.naturalOrder()))
                    .compare(a, b);
        }
        return Comparator.comparing((AnswerEffect e) -> !e.downAlone)
                .thenComparing(e -> e.down, Comparator.reverseOrder())
                .compare(a, b);
    };

    private Disposition up;        // the most urgent disposition an answer could lead to, when more urgent than now
    private boolean upAnswer;
    private boolean upTogether;
    private Disposition upAlone;   // the most urgent disposition its answer alone leads to, when more urgent than now
    private Disposition down;      // the least urgent disposition an answer could allow, when less urgent than now
    private boolean downAnswer;
    private boolean downTogether;
    private boolean downAlone;
    private LikelySource sourceTo;
    private boolean sourceAnswer;
    private boolean sourceTogether;

    /**
     * Records that a probe reached {@code reached} while the case now is at {@code current}, with this finding
     * answered {@code answer}, alone or ({@code together}) as part of a whole completion.
     */
    void disposition(Disposition reached, boolean answer, boolean together, Disposition current) {
        if (reached.isMoreUrgentThan(current)) {
            if (!together && (upAlone == null || reached.isMoreUrgentThan(upAlone))) {
                upAlone = reached;
            }
            // keep the most urgent; at equal urgency an answer that does it alone explains it best
            if (up == null || reached.isMoreUrgentThan(up) || (reached == up && upTogether && !together)) {
                up = reached;
                upAnswer = answer;
                upTogether = together;
            }
        } else if (current.isMoreUrgentThan(reached)) {
            downAlone |= !together;
            if (down == null || down.isMoreUrgentThan(reached) || (reached == down && downTogether && !together)) {
                down = reached;
                downAnswer = answer;
                downTogether = together;
            }
        }
    }

    /** Records that a probe gave another likely source; the first answer that does it alone is kept. */
    void source(LikelySource reached, boolean answer, boolean together) {
        if (sourceTo == null || (sourceTogether && !together)) {
            sourceTo = reached;
            sourceAnswer = answer;
            sourceTogether = together;
        }
    }

    boolean changesDisposition() {
        return up != null || down != null;
    }

    boolean changesSource() {
        return sourceTo != null;
    }

    /** Why the question is asked, when it could change the disposition (the more urgent change, if any, is given). */
    String dispositionReason(Disposition current) {
        if (up != null) {
            return change(upAnswer, upTogether, "the advice", current.code(), up.code());
        }
        return change(downAnswer, downTogether, "the advice", current.code(), down.code());
    }

    /** Why the question is asked, when it could change only the likely source. */
    String sourceReason(LikelySource current) {
        return change(sourceAnswer, sourceTogether, "the likely source", current.name(), sourceTo.name());
    }

    private static String change(boolean answer, boolean together, String what, String from, String to) {
        String yesNo = answer ? "yes" : "no";
        return together
                ? "A " + yesNo + ", together with other answers, could change " + what + " from " + from + " to "
                + to + "."
                : "A " + yesNo + " would change " + what + " from " + from + " to " + to + ".";
    }
}
