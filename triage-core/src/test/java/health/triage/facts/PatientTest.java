package health.triage.facts;

import health.triage.Sex;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatientTest {

    @Test
    void toString_showsNoField_soThatLogsHoldNoHealthData() {
        assertEquals("Patient[fields not shown]", new Patient(77, Sex.FEMALE, null, 333, 9).toString());
    }
}
