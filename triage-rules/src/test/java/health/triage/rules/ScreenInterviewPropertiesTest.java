package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static health.triage.rules.CaseFileFormat.caseFile;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interview by screens changes how questions are shown, never what a case is told: any generated case, interviewed
 * by screens with its own answers (a finding it leaves out is "not sure"), ends with the decision of assessing it
 * directly. An interview costs ten or so next-question computations, so this property runs 40 tries (not the
 * 10,000 of the single-assessment properties); a failure shrinks to a minimal case and prints it as a case file.
 */
class ScreenInterviewPropertiesTest {

    private static TriageEngine engine;

    @BeforeContainer
    static void build() {
        engine = TriageEngine.builder().build();
    }

    @AfterContainer
    static void close() {
        engine.close();
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    /**
     * The decision of the interview is that of the whole case, and "complete" never stands above an unanswered
     * screening question (the report's "ask these before relying on this result").
     */
    @Property(tries = 40)
    void anyCase_interviewedByScreens_endsWithTheDecisionOfAssessingItDirectly(@ForAll("cases") TriageCase c) {
        ScreenInterview interview = ScreenInterview.of(engine, c);
        Assessment end = interview.assessment();

        assertAll(
                () -> assertEquals(ScreenInterview.decision(engine.assess(c)), ScreenInterview.decision(end),
                        () -> "screens " + interview.screens() + "\n" + caseFile(c)),
                () -> assertTrue(!interview.end().complete() || end.disposition() == Disposition.EMERGENCY
                        || end.unanswered().isEmpty(), () -> "complete with unanswered " + end.unanswered() + "\n"
                        + caseFile(c)));
    }
}
