package health.triage.internal;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Finding;
import health.triage.TriageCase;
import health.triage.rules.GeneratedCases;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static health.triage.rules.CaseFileFormat.caseFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order in which the engine inserts a case's facts (the patient, the policy and one answer per finding) never
 * changes the result, reasons and their order included. The engine always inserts in one order, so this uses the
 * package-private seam {@code Evaluation.run(ruleBase, case, policy, insertionOrder)}; it lives in the rules module
 * because only the shipped rule base makes the claim worth checking.
 */
class InsertionOrderPropertiesTest {

    /** The patient, the policy and one answer per finding. */
    private static final int FACTS = 2 + Finding.values().length;

    private static CompiledRuleBase ruleBase;

    @BeforeContainer
    static void compile() {
        ruleBase = CompiledRuleBase.compile(RuleFiles.fromClasspath());
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    /** A permutation of the fact positions; shrinks towards the engine's own order. */
    @Provide
    Arbitrary<List<Integer>> orders() {
        return Arbitraries.shuffle(IntStream.range(0, FACTS).boxed().toArray(Integer[]::new));
    }

    /** Any order of insertion, and the reverse of the engine's order, give the engine's result. */
    @Property
    void factsInsertedInAnyOrder_giveTheSameResult(@ForAll("cases") TriageCase c, @ForAll("orders") List<Integer> order,
                                                   @ForAll BilateralLegSymptomsPolicy policy) {
        Assessment inEngineOrder = Evaluation.run(ruleBase, c, policy);

        assertEquals(inEngineOrder, Evaluation.run(ruleBase, c, policy, permutation(order)),
                () -> "insertion order " + order + " changed the result\n" + caseFile(c));
        assertEquals(inEngineOrder, Evaluation.run(ruleBase, c, policy, InsertionOrderPropertiesTest::reversed),
                () -> "reverse insertion changed the result\n" + caseFile(c));
    }

    private static List<Object> reversed(List<Object> facts) {
        List<Object> reversed = new ArrayList<>(facts);
        Collections.reverse(reversed);
        return reversed;
    }

    private static UnaryOperator<List<Object>> permutation(List<Integer> order) {
        return facts -> {
            assertEquals(FACTS, facts.size(), "the engine inserts the patient, the policy and one answer per finding");
            return order.stream().map(facts::get).toList();
        };
    }
}
