package health.triage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DispositionTest {

    @Test
    void mostUrgent_picksTheMoreUrgentLevelWhateverTheOrder() {
        assertEquals(Disposition.EMERGENCY, Disposition.mostUrgent(Disposition.EMERGENCY, Disposition.SELF_CARE));
        assertEquals(Disposition.EMERGENCY, Disposition.mostUrgent(Disposition.SELF_CARE, Disposition.EMERGENCY));
        assertEquals(Disposition.URGENT, Disposition.mostUrgent(Disposition.ROUTINE, Disposition.URGENT));
        assertEquals(Disposition.ROUTINE, Disposition.mostUrgent(Disposition.ROUTINE, Disposition.ROUTINE));
    }

    @Test
    void isMoreUrgentThan_followsEmergencyUrgentRoutineSelfCare() {
        assertTrue(Disposition.EMERGENCY.isMoreUrgentThan(Disposition.URGENT));
        assertTrue(Disposition.URGENT.isMoreUrgentThan(Disposition.ROUTINE));
        assertTrue(Disposition.ROUTINE.isMoreUrgentThan(Disposition.SELF_CARE));
        assertFalse(Disposition.SELF_CARE.isMoreUrgentThan(Disposition.SELF_CARE));
    }

    @Test
    void timeframe_tellsThePersonHowSoon() {
        assertTrue(Disposition.EMERGENCY.timeframe().contains("emergency department now"));
        assertTrue(Disposition.URGENT.timeframe().contains("within 24 hours"));
        assertTrue(Disposition.ROUTINE.timeframe().contains("two weeks"));
        assertTrue(Disposition.SELF_CARE.timeframe().contains("few weeks"));
    }

    @org.junit.jupiter.api.Test
    void code_isTheConstantName() {
        org.junit.jupiter.api.Assertions.assertEquals("SELF_CARE", Disposition.SELF_CARE.code());
    }
}
