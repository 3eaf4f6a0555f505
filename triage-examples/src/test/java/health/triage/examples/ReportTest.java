package health.triage.examples;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Reason;
import health.triage.SelfCareStep;
import health.triage.TriageCase;
import health.triage.internal.Assessments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static final TriageCase CASE = TriageCase.builder(72).id("p1").durationDays(3)
            .present(Finding.RECENT_FALL, Finding.OSTEOPOROSIS).absent(Finding.FEVER).build();

    private static Assessment assessment(Disposition disposition, List<SelfCareStep> selfCare, List<Reason> reasons) {
        return Assessments.of("p1", disposition, LikelySource.UNCLEAR, List.of(), List.of(), List.of(),
                List.of(Finding.NIGHT_SWEATS), List.of(), List.of(), selfCare, List.of(), reasons, "9.9.9+feed");
    }

    @Test
    void of_showsTheCaseDecisionAndVersion() {
        String report = Report.of("in.json", CASE, assessment(Disposition.URGENT, List.of(), List.of()));

        assertAll(
                () -> assertTrue(report.contains("Case p1 (in.json)"), report),
                () -> assertTrue(report.contains("age 72"), report),
                () -> assertTrue(report.contains("symptoms for 3 days"), report),
                () -> assertTrue(report.contains("recent_fall, osteoporosis"), report),
                () -> assertTrue(report.contains("URGENT \u2014 " + Disposition.URGENT.timeframe()), report),
                () -> assertTrue(report.replaceAll("\\s+", " ").contains("night_sweats \u2014 "
                        + Finding.NIGHT_SWEATS.definition()), report),
                () -> assertTrue(report.contains("9.9.9+feed"), report),
                () -> assertTrue(report.contains("Policy          new symptoms in both legs on their own: EMERGENCY "
                        + "(default)"), report));
    }

    @Test
    void of_unansweredScreeningQuestions_areToAskBeforeRelyingOnTheResult() {
        String report = Report.of("in.json", CASE, assessment(Disposition.ROUTINE, List.of(), List.of()));

        assertTrue(report.contains("Screening incomplete: unanswered screening questions (ask these before relying on "
                + "this result)\n  - night_sweats"), report);
    }

    @Test
    void of_emergency_listsTheQuestionsNotAskedWithoutAskingToAskThemFirst() {
        String report = Report.of("in.json", CASE, assessment(Disposition.EMERGENCY, List.of(), List.of()));

        assertAll(
                () -> assertTrue(report.contains("Screening stopped at the emergency: not asked (no answer to them "
                        + "could lower it)\n  - night_sweats"), report),
                () -> assertFalse(report.contains("before relying"), report));
    }

    @Test
    void of_showsANonDefaultBilateralLegSymptomsPolicy() {
        Assessment urgent = Assessments.of("p1", Disposition.URGENT, LikelySource.SPINAL, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "9.9.9+feed",
                BilateralLegSymptomsPolicy.URGENT);

        String report = Report.of("in.json", CASE, urgent);

        assertTrue(report.contains("Policy          new symptoms in both legs on their own: URGENT\n"), report);
    }

    @Test
    void of_mergesTheFiringsOfOneRuleIntoOneReason() {
        List<Reason> reasons = List.of(
                new Reason("SCR-02", "Unanswered question.", "ref.md", List.of("fever: not asked"), Disposition.ROUTINE),
                new Reason("SCR-02", "Unanswered question.", "ref.md", List.of("night_sweats: not asked"),
                        Disposition.ROUTINE));

        String report = Report.of("in.json", CASE, assessment(Disposition.ROUTINE, List.of(), reasons));

        String reasonsSection = report.substring(report.indexOf("Reasons ("));
        assertTrue(reasonsSection.contains("- SCR-02 \u2014 Unanswered question. \u2014 ref.md \u2014 fever: not asked, "
                + "night_sweats: not asked"), report);
        assertEquals(1, reasonsSection.split("SCR-02", -1).length - 1, report);
    }

    @Test
    void of_namesTheRulesThatSetTheDispositionRightBelowIt() {
        List<Reason> reasons = List.of(
                new Reason("FALL-01", "A minor fall with osteoporosis needs a clinician today.", "ref.md",
                        List.of("recent_fall: yes", "osteoporosis: yes"), Disposition.URGENT),
                new Reason("SCR-02", "Unanswered question.", "ref.md", List.of("night_sweats: not asked"),
                        Disposition.ROUTINE));

        String report = Report.of("in.json", CASE, assessment(Disposition.URGENT, List.of(), reasons));

        String decision = report.substring(report.indexOf("DISPOSITION"), report.indexOf("Likely source"));
        assertAll(
                () -> assertTrue(decision.contains("because"), decision),
                () -> assertTrue(decision.contains("FALL-01 \u2014 A minor fall with osteoporosis needs a clinician "
                        + "today."), decision),
                () -> assertTrue(!decision.contains("SCR-02"), decision));
    }

    @Test
    void of_selfCareBesideAnAppointment_isWhileYouWaitAdvice() {
        List<SelfCareStep> steps = List.of(new SelfCareStep(1, "Stretch", "Hold it.", "Stop if it tingles."));

        String routine = Report.of("in.json", CASE, assessment(Disposition.ROUTINE, steps, List.of()));
        String selfCare = Report.of("in.json", CASE, assessment(Disposition.SELF_CARE, steps, List.of()));

        assertAll(
                () -> assertTrue(routine.contains("Self-care while waiting to be seen"), routine),
                () -> assertTrue(selfCare.contains("Self-care plan"), selfCare),
                () -> assertTrue(selfCare.contains("1. Stretch"), selfCare),
                () -> assertTrue(selfCare.contains("Take care: Stop if it tingles."), selfCare));
    }

    @Test
    void of_wrapsLongTextWithinTheWidth() {
        String longText = "word ".repeat(80).strip();
        List<Reason> reasons = List.of(new Reason("R-1", longText, "src", List.of(), null));

        String report = Report.of("in.json", CASE, assessment(Disposition.ROUTINE, List.of(), reasons));

        report.lines().forEach(line -> assertTrue(line.length() <= Report.WIDTH, line));
        assertEquals(80, report.split("word", -1).length - 1);
    }

    @Test
    void rejected_showsWhyTheCaseWasNotAssessed() {
        String report = Report.rejected("in.json[3]", null, "in.json[3]: age is required");

        assertAll(
                () -> assertTrue(report.contains("Case (no id) (in.json[3])"), report),
                () -> assertTrue(report.contains("NOT ASSESSED    in.json[3]: age is required"), report));
    }
}
