package health.triage.facts;

import health.triage.Sex;

/**
 * The structured fields of a case, as rules see them. Optional fields are {@code null} when not given.
 *
 * <p>In DRL: {@code Patient( age >= 70 )}, {@code Patient( durationDays == null || durationDays <= 14 )}.
 */
public record Patient(int age, Sex sex, Boolean pregnant, Integer durationDays, Integer painScore) {

    /** No field: a fact's text reaches logs (Drools writes facts at TRACE level), and these fields are health data. */
    @Override
    public String toString() {
        return "Patient[fields not shown]";
    }
}
