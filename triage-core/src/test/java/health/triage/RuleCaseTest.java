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
}
