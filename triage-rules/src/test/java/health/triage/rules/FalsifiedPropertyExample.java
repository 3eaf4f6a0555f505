package health.triage.rules;

import health.triage.Finding;
import health.triage.TriageCase;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A property that is false on purpose, run only by {@link PropertyFailureReportTest} (its name does not match the
 * build's test classes): no case has both saddle numbness and fever.
 */
class FalsifiedPropertyExample {

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    @Property(seed = "20261121")
    void noCase_hasSaddleNumbnessAndFever(@ForAll("cases") TriageCase c) {
        assertFalse(c.answer(Finding.SADDLE_NUMBNESS).orElse(false) && c.answer(Finding.FEVER).orElse(false),
                "saddle numbness and fever");
    }
}
