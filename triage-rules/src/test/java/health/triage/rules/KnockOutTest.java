package health.triage.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.RuleCase;
import health.triage.RuleInfo;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.internal.CompiledRuleBase;
import health.triage.internal.Evaluation;
import health.triage.internal.QuestionPlanner;
import health.triage.internal.RuleFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each rule in turn, runs every case (per-rule cases and example cases) with the rule base minus that rule: at
 * least one case's outcome must change. A rule that changes nothing is dead, or no case tests it.
 *
 * <p>"Minus that rule" means the rule is never allowed to fire. Rules only add conclusions, so this is the same as
 * building the rule base without the rule's text, at a fraction of the cost (one compilation instead of one per
 * rule).
 */
class KnockOutTest {

    private static CompiledRuleBase ruleBase;
    private static List<RuleCase> cases;
    private static List<String> outcomes;
    private static final Map<RuleCase, List<Finding>> open = new java.util.IdentityHashMap<>();

    @BeforeAll
    static void assessEveryCaseWithTheWholeRuleBase() throws IOException {
        ruleBase = CompiledRuleBase.compile(RuleFiles.fromClasspath());
        cases = new ArrayList<>(RuleCaseFiles.all()); // each under its bilateral leg symptoms policy
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> examples = Files.list(Path.of("../triage-examples/cases"))) {
            for (Path file : examples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                cases.add(new RuleCase(file.toString(), "-", false, file.toString(), TriageCase.fromFields(
                        json.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { })), Map.of()));
            }
        }
        // as the engine assesses: a self-care result with questions that could still change it is assessed again
        // with those questions open (SCR-10)
        for (RuleCase c : cases) {
            Assessment a = Evaluation.run(ruleBase, c.triageCase(), c.policy());
            QuestionPlanner.Plan plan = a.disposition() == Disposition.SELF_CARE
                    ? QuestionPlanner.plan(ruleBase, c.policy(), c.triageCase(), Set.of()) : null;
            open.put(c, plan == null || plan.complete() ? List.of() : plan.dispositionQuestions());
        }
        outcomes = outcomes(c -> Evaluation.runWithOpenQuestions(ruleBase, c.triageCase(), c.policy(), open.get(c)));
    }

    @TestFactory
    Stream<DynamicTest> everyRule_changesSomeCaseWhenKnockedOut() {
        List<RuleInfo> rules;
        try (TriageEngine engine = TriageEngine.builder().build()) {
            rules = engine.rules();
        }
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.id() + " " + rule.name(), () -> {
            List<String> without = outcomes(c -> Evaluation.runWithout(ruleBase, c.triageCase(), c.policy(),
                    rule.name(), open.get(c)));
            long changed = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (!outcomes.get(i).equals(without.get(i))) {
                    changed++;
                }
            }
            assertTrue(changed > 0, rule.id() + " (" + rule.file() + ") changes no case's outcome when it is"
                    + " removed: it is dead, or no case tests it");
        }));
    }

    /** Everything a case's result says, except the reasons and the version (which always name the rules). */
    private static List<String> outcomes(Function<RuleCase, Assessment> assess) {
        return cases.stream().map(c -> {
            try {
                Assessment a = assess.apply(c);
                return List.of(a.disposition(), a.likelySource(), a.cuesFor(), a.cuesAgainst(), a.redFlags(),
                        a.unanswered(), a.alsoConsider(), a.referrals(), a.selfCare(), a.safetyNet()).toString();
            } catch (IllegalStateException e) {
                return "no result: " + e.getMessage();
            }
        }).toList();
    }
}
