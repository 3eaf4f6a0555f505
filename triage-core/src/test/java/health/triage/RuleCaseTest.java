package health.triage;

import health.triage.internal.Assessments;

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
        Assessment result = Assessments.of("t", Disposition.ROUTINE, LikelySource.UNCLEAR, List.of(), List.of(),
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

    /** A routine result in which the given rules fired, with these red flags and self-care steps. */
    private static Assessment result(List<String> firedRules, List<RedFlag> redFlags, List<String> selfCareTitles) {
        List<Reason> reasons = firedRules.stream()
                .map(id -> new Reason(id, "rule " + id, "test", List.of(), Disposition.ROUTINE)).toList();
        List<SelfCareStep> steps = new java.util.ArrayList<>();
        for (String title : selfCareTitles) {
            steps.add(new SelfCareStep(steps.size() + 1, title, "how", "care"));
        }
        return Assessments.of("t", Disposition.ROUTINE, LikelySource.UNCLEAR, List.of(), List.of(), redFlags,
                List.of(), List.of(), List.of(), steps, List.of(), reasons, "test");
    }

    private static RuleCase ruleCase(boolean fires, Map<String, Object> expect) {
        return RuleCase.fromFields("t.cases.json", BASE, Map.of("rule", "T-01", "fires", fires, "name", "a case",
                "expect", expect));
    }

    @Test
    void failures_isEmptyWhenTheRuleFiresAsExpectedAndEveryExpectationHolds() {
        RuleCase ruleCase = ruleCase(true, Map.of("disposition", "ROUTINE", "likelySource", "UNCLEAR",
                "redFlags", List.of("infection"), "selfCare", List.of("Walk")));

        assertEquals(List.of(), ruleCase.failures(result(List.of("T-02", "T-01"),
                List.of(new RedFlag("infection", Disposition.URGENT, "Fever.")), List.of("Stretch", "Walk"))));
    }

    @Test
    void failures_ruleThatMustFireButOnlyOthersFired_isListed() {
        assertEquals(List.of("T-01 should fire but did not"),
                ruleCase(true, Map.of()).failures(result(List.of("T-02", "T-10"), List.of(), List.of())));
    }

    @Test
    void failures_ruleThatMustStaySilentButFired_isListed() {
        assertEquals(List.of("T-01 should stay silent but fired"),
                ruleCase(false, Map.of()).failures(result(List.of("T-01"), List.of(), List.of())));
    }

    @Test
    void failures_ruleThatStaysSilentAsExpected_isNoFailure() {
        assertEquals(List.of(), ruleCase(false, Map.of()).failures(result(List.of("T-02"), List.of(), List.of())));
    }

    @Test
    void failures_listsAnExpectedSelfCareStepThatIsNotInThePlan() {
        RuleCase ruleCase = ruleCase(true, Map.of("selfCare", List.of("Stretch", "Walk")));

        assertEquals(List.of("self-care steps should include [Walk], were [Stretch]"),
                ruleCase.failures(result(List.of("T-01"), List.of(), List.of("Stretch"))));
    }

    @Test
    void failures_expectationGivenAsOneValueInsteadOfAList_isReadAsAListOfOne() {
        RuleCase ruleCase = ruleCase(true, Map.of("redFlags", "cauda_equina", "unanswered", "fever"));

        assertEquals(List.of("unanswered questions should be [fever], was []",
                        "red flags should include [cauda_equina], were [infection]"),
                ruleCase.failures(result(List.of("T-01"), List.of(new RedFlag("infection", Disposition.URGENT,
                        "Fever.")), List.of())));
    }

    @Test
    void fromFields_setGivesFindingsAndCaseFields_andUnsetMakesThemUnknown() {
        Map<String, Object> base = Map.of("age", 35, "sex", "female", "painScore", 4,
                "findings", Map.of("fever", false, "night_sweats", true));
        Map<String, Object> row = Map.of("rule", "T-01", "fires", true, "name", "older, with fever",
                "set", Map.of("age", 72, "fever", true, "buttock_pain", true),
                "unset", List.of("night_sweats", "painScore"));

        TriageCase triageCase = RuleCase.fromFields("t.cases.json", base, row).triageCase();

        assertEquals(TriageCase.builder(72).id("T-01: older, with fever").sex(Sex.FEMALE)
                .present(Finding.FEVER, Finding.BUTTOCK_PAIN).build(), triageCase);
    }
}
