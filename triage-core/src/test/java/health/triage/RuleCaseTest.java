package health.triage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleCaseTest {

    private static final Map<String, Object> BASE = Map.of("age", 35);

    @Test
    void failures_readInTheOrderOfTheExpectationNames_whateverTheOrderOfTheFile() {
        Map<String, Object> row = Map.of("rule", "T-01", "fires", true, "name", "everything differs",
                "expect", Map.of("selfCare", List.of(), "referral", List.of("GP"), "likelySource", "SPINAL",
                        "redFlags", List.of("cauda_equina"), "disposition", "EMERGENCY",
                        "alsoConsider", List.of("x"), "unanswered", List.of("fever")));
        RuleCase ruleCase = RuleCase.fromFields("t.cases.json", BASE, row);
        Assessment result = new Assessment("t", Disposition.ROUTINE, LikelySource.UNCLEAR, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(new SelfCareStep(1, "Stretch", "how", "care")),
                List.of(), List.of(), "test");

        List<String> failures = ruleCase.failures(result);

        assertEquals(List.of("T-01 should fire but did not", "disposition should be EMERGENCY, was ROUTINE",
                "likely source should be SPINAL, was UNCLEAR", "unanswered questions should be [fever], was []",
                "red flags should include [cauda_equina], were []", "referrals should include [GP], were []",
                "also consider should include [x], were []", "expected no self-care plan, got [Stretch]"), failures);
    }

    @Test
    void fromFields_policy_isReadAndShownInTheTitle() {
        RuleCase urgent = RuleCase.fromFields("t.cases.json", BASE, Map.of("rule", "CES-09", "fires", true,
                "name", "new symptoms in both legs", "policy", "URGENT"));
        RuleCase plain = RuleCase.fromFields("t.cases.json", BASE, Map.of("rule", "CES-04", "fires", true,
                "name", "new symptoms in both legs"));

        assertEquals(BilateralLegSymptomsPolicy.URGENT, urgent.policy());
        assertEquals("CES-09 fires: new symptoms in both legs [policy URGENT] (t.cases.json)", urgent.title());
        assertEquals(BilateralLegSymptomsPolicy.DEFAULT, plain.policy());
        assertEquals("CES-04 fires: new symptoms in both legs (t.cases.json)", plain.title());
    }

    @Test
    void fromFields_unknownPolicy_namesTheCaseAndTheChoices() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RuleCase.fromFields("t.cases.json", BASE, Map.of("rule", "CES-09", "fires", true,
                        "name", "lower case", "policy", "urgent")));
        assertEquals("t.cases.json: case 'lower case': policy must be EMERGENCY or URGENT, was 'urgent'",
                e.getMessage());
    }
}
