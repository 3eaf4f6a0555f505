package health.triage.internal;

import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Finding;
import health.triage.TriageCase;
import health.triage.rules.GeneratedCases;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static health.triage.rules.CaseFileFormat.caseFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner skips assessing single answers that no rule tells from the finding not asked ({@link FindingReads});
 * with the shipped rule base that must never change a plan: the questions, their order and reasons, completeness and
 * the assessment, for every example case and for generated cases, under both bilateral leg symptoms policies.
 */
class QuestionPlannerTest {

    private static final Path EXAMPLES = Path.of("../triage-examples/cases");

    private static CompiledRuleBase ruleBase;

    @BeforeContainer
    static void load() {
        ruleBase = CompiledRuleBase.load(RuleFiles.fromClasspath());
    }

    @Example
    void plan_everyExampleCase_isTheSameAsWithoutPruning() throws IOException {
        List<TriageCase> examples = examples();
        assertTrue(examples.size() >= 25, "too few example cases found in " + EXAMPLES.toAbsolutePath());
        for (TriageCase c : examples) {
            for (BilateralLegSymptomsPolicy policy : BilateralLegSymptomsPolicy.values()) {
                assertEquals(QuestionPlanner.planWithoutPruning(ruleBase, policy, c, Set.of()),
                        QuestionPlanner.plan(ruleBase, policy, c, Set.of()),
                        () -> "pruning changed the plan of example " + c.id() + " under " + policy);
            }
        }
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    @Provide
    Arbitrary<Set<Finding>> dontKnow() {
        return GeneratedCases.findings().set().ofMaxSize(3);
    }

    /** Generated cases, some with findings answered "don't know" (which rank the others differently). */
    @Property(tries = 150)
    void plan_generatedCase_isTheSameAsWithoutPruning(@ForAll("cases") TriageCase c,
                                                      @ForAll("dontKnow") Set<Finding> dontKnow,
                                                      @ForAll BilateralLegSymptomsPolicy policy) {
        assertEquals(QuestionPlanner.planWithoutPruning(ruleBase, policy, c, dontKnow),
                QuestionPlanner.plan(ruleBase, policy, c, dontKnow),
                () -> "pruning changed the plan, don't know " + dontKnow + ", " + policy + "\n" + caseFile(c));
    }

    /** The pruning has something to skip, and keeps what a rule reads. */
    @Example
    void reads_ofTheShippedRuleBase_tellApartOnlyTheAnswersSomeRuleTests() {
        FindingReads reads = ruleBase.reads();

        // screening.drl tests the emergency screen unanswered; red-flags-cauda-equina.drl tests it present
        assertTrue(reads.tellsFromUnknown(Finding.SADDLE_NUMBNESS, false));
        assertTrue(reads.tellsFromUnknown(Finding.SADDLE_NUMBNESS, true));
        // self-care.drl tests a wallet in the back pocket present only
        assertTrue(reads.tellsFromUnknown(Finding.WALLET_IN_BACK_POCKET, true));
        assertFalse(reads.tellsFromUnknown(Finding.WALLET_IN_BACK_POCKET, false));
    }

    private static List<TriageCase> examples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<TriageCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                cases.add(TriageCase.fromFields(json.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
                })));
            }
        }
        return cases;
    }
}
