package health.triage;

import health.triage.internal.Assessments;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssessmentTest {

    private static final Reason URGENT_REASON = new Reason("R-1", "Fever is urgent.", "src", List.of("fever: yes"),
            Disposition.URGENT);
    private static final Reason ROUTINE_REASON = new Reason("R-2", "Age is routine.", "src", List.of("age: 70"),
            Disposition.ROUTINE);

    private static Assessment assessment(Disposition disposition, List<Reason> reasons) {
        return Assessments.of("c1", disposition, LikelySource.UNCLEAR, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), reasons, "1.0+abc", BilateralLegSymptomsPolicy.URGENT);
    }

    @Test
    void timeframe_isTheDispositionsTimeframe() {
        assertEquals(Disposition.URGENT.timeframe(), assessment(Disposition.URGENT, List.of()).timeframe());
    }

    @Test
    void decisiveReasons_areThoseThatAskForTheFinalDisposition() {
        Assessment a = assessment(Disposition.URGENT, List.of(URGENT_REASON, ROUTINE_REASON));

        assertEquals(List.of(URGENT_REASON), a.decisiveReasons());
    }

    @Test
    void withoutAPolicy_theDefaultPolicyIsRecorded() {
        Assessment a = Assessments.of("c1", Disposition.ROUTINE, LikelySource.UNCLEAR, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "1.0+abc");

        assertEquals(BilateralLegSymptomsPolicy.DEFAULT, a.bilateralLegSymptomsPolicy());
        assertEquals(BilateralLegSymptomsPolicy.EMERGENCY, BilateralLegSymptomsPolicy.DEFAULT);
    }

    @Test
    void requiredParts_areNamedWhenMissing() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Assessments.of("c1",
                Disposition.ROUTINE, LikelySource.UNCLEAR, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), "1.0+abc", null));
        assertEquals("bilateralLegSymptomsPolicy must not be null", e.getMessage());
    }

    @Test
    void lists_areCopied() {
        List<Reason> reasons = new ArrayList<>(List.of(URGENT_REASON));
        Assessment a = assessment(Disposition.URGENT, reasons);
        reasons.add(ROUTINE_REASON);

        assertEquals(List.of(URGENT_REASON), a.reasons());
    }
}
