package health.triage.facts;

import health.triage.Finding;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerTest {

    @Test
    void toString_showsTheFindingButNeverTheAnswer_soThatLogsHoldNoHealthData() {
        assertEquals("Answer[night_sweats: not shown]", Answer.of(Finding.NIGHT_SWEATS, true).toString());
        assertEquals("Answer[night_sweats: not shown]", Answer.of(Finding.NIGHT_SWEATS, false).toString());
    }

    @Test
    void describe_givesTheAnswerForReasons() {
        assertEquals("night_sweats: yes", Answer.of(Finding.NIGHT_SWEATS, true).describe());
        assertEquals("night_sweats: not asked", Answer.of(Finding.NIGHT_SWEATS, null).describe());
    }
}
