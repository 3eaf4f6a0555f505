package health.triage.facts;

import health.triage.Sex;

/**
 * The structured fields of a case, as rules see them. Optional fields are {@code null} when not given.
 *
 * <p>{@code examined}: {@code true} a clinician examined the person for this pain, {@code false} nobody did, {@code
 * null} not known: {@code Patient( examined == false )} is a person nobody examined.
 *
 * <p>In DRL: {@code Patient( age >= 70 )}, {@code Patient( durationDays == null || durationDays <= 14 )}.
 */
public record Patient(int age, Sex sex, Boolean pregnant, Integer durationDays, Integer painScore, Boolean examined) {

    /** A patient whose examination is not known. */
    public Patient(int age, Sex sex, Boolean pregnant, Integer durationDays, Integer painScore) {
        this(age, sex, pregnant, durationDays, painScore, null);
    }

    /** No field: a fact's text reaches logs (Drools writes facts at TRACE level), and these fields are health data. */
    @Override
    public String toString() {
        return "Patient[fields not shown]";
    }
}
