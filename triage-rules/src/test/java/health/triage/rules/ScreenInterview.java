package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Screen;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An interview by screens ({@link NextQuestions#nextScreen()}) of a person whose answers are a case: each finding
 * shown is ticked when the case has it present, left unticked when absent, and marked "not sure" when the case does
 * not answer it. Age, sex, pregnancy, duration, pain score and whether anyone examined the person are given first,
 * as the interview command asks them.
 *
 * @param screens  the screens shown, in order
 * @param answered how many findings were answered yes or no
 * @param end      the case the interview ended with, and what the engine said of it
 */
record ScreenInterview(List<Screen> screens, int answered, TriageCase finalCase, NextQuestions end) {

    static ScreenInterview of(TriageEngine engine, TriageCase person) {
        TriageCase c = TriageCase.builder(person.age()).sex(person.sex()).pregnant(person.pregnant())
                .durationDays(person.durationDays()).painScore(person.painScore()).examined(examined(person)).build();
        Set<Finding> notSure = EnumSet.noneOf(Finding.class);
        Set<Finding> shown = EnumSet.noneOf(Finding.class);
        List<Screen> screens = new ArrayList<>();
        int answered = 0;
        while (true) {
            NextQuestions next = engine.nextQuestions(c, notSure);
            Optional<Screen> screen = next.nextScreen();
            if (next.complete() || screen.isEmpty()) {
                return new ScreenInterview(screens, answered, c, next);
            }
            screens.add(screen.get());
            TriageCase.Builder answers = c.toBuilder();
            for (Finding finding : screen.get().findings()) {
                if (!shown.add(finding)) {
                    throw new AssertionError(finding.code() + " shown twice: " + screens);
                }
                Boolean answer = person.findings().get(finding);
                if (answer == null) {
                    notSure.add(finding);
                } else {
                    answers.answer(finding, answer);
                    answered++;
                }
            }
            c = answers.build();
        }
    }

    /**
     * Whether the person says a clinician examined them, as the interview asks it first: the case's answer, or when the
     * case does not give it, yes when it reports an examination finding (a clinician's case), else not known.
     */
    static Boolean examined(TriageCase person) {
        if (person.examined() != null) {
            return person.examined();
        }
        return Finding.examinationOnlyFindings().stream().anyMatch(person.findings()::containsKey) ? Boolean.TRUE
                : null;
    }

    /** How many items the screens showed in all (a single question counts one). */
    int itemsShown() {
        return screens.stream().mapToInt(s -> s.questions().size()).sum();
    }

    Assessment assessment() {
        return end.assessment();
    }

    /**
     * What a person is told, as far as an interview can promise it equals the assessment of the whole case: the
     * disposition, and when no emergency ended the interview early, the likely source, the red flags (which and how
     * urgent; the evidence can lack a follow-up that was not needed), the referrals and the unanswered screening
     * questions.
     */
    static List<Object> decision(Assessment a) {
        if (a.disposition() == Disposition.EMERGENCY) {
            return List.of(a.disposition());
        }
        return List.of(a.disposition(), a.likelySource(),
                a.redFlags().stream().map(f -> f.code() + " " + f.level()).toList(), a.referrals(), a.unanswered());
    }
}
