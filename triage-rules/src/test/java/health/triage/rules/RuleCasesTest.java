package health.triage.rules;

import health.triage.BilateralLegSymptomsPolicy;
import health.triage.RuleCase;
import health.triage.RuleInfo;
import health.triage.TriageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the per-rule cases kept beside each DRL file ({@code <file>.cases.json}): each case says which rule must
 * fire or stay silent, and what the outcome must be. Also checks every rule: it has an id, a sentence name and a
 * source, its id is its own, and it has at least one case where it fires and one where it stays silent.
 *
 * <p>A case is {@code base-case.json} (age 35, 60 days of pain, every screening question answered "no") with
 * {@code set} applied (finding codes or case fields) and the codes in {@code unset} removed (made unknown). A case
 * with {@code "policy": "URGENT"} is assessed by an engine built with that {@link BilateralLegSymptomsPolicy}.
 */
class RuleCasesTest {

    private static TriageEngine engine;
    private static final Map<BilateralLegSymptomsPolicy, TriageEngine> BY_POLICY =
            new EnumMap<>(BilateralLegSymptomsPolicy.class);
    private static List<RuleCase> cases;

    @BeforeAll
    static void buildEngine() {
        engine = TriageEngine.builder().build();
        BY_POLICY.put(engine.bilateralLegSymptomsPolicy(), engine);
        cases = RuleCaseFiles.all();
    }

    @AfterAll
    static void closeEngine() {
        BY_POLICY.values().forEach(TriageEngine::close);
    }

    private static TriageEngine engineFor(BilateralLegSymptomsPolicy policy) {
        return BY_POLICY.computeIfAbsent(policy, p -> TriageEngine.builder().bilateralLegSymptomsPolicy(p).build());
    }

    @TestFactory
    Stream<DynamicNode> everyRule_isWellFormedAndBehavesAsItsCasesSay() {
        Map<String, Long> idCounts = engine.rules().stream()
                .collect(Collectors.groupingBy(RuleInfo::id, Collectors.counting()));
        return engine.rules().stream().map(rule -> {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(rule.id() + " has an id, a sentence name and a source", () -> {
                assertFalse(rule.id().isBlank(), "no @id");
                assertTrue(rule.name().trim().split("\\s+").length >= 4, "name is not a sentence: " + rule.name());
                assertFalse(rule.source().isBlank(), "no @source");
                assertTrue(idCounts.get(rule.id()) == 1, "id " + rule.id() + " is shared by another rule");
            }));
            List<RuleCase> mine = cases.stream().filter(c -> c.rule().equals(rule.id())).toList();
            tests.add(DynamicTest.dynamicTest(rule.id() + " has a case where it fires and one where it stays silent",
                    () -> {
                        assertTrue(mine.stream().anyMatch(RuleCase::fires), "no case where it fires");
                        assertTrue(mine.stream().anyMatch(c -> !c.fires()), "no case where it stays silent");
                    }));
            mine.forEach(c -> tests.add(DynamicTest.dynamicTest(c.title(), () -> {
                List<String> failures = c.failures(engineFor(c.policy()).assess(c.triageCase()));
                assertTrue(failures.isEmpty(), String.join("\n", failures));
            })));
            return DynamicContainer.dynamicContainer(rule.id() + " " + rule.name() + " (" + rule.file() + ")", tests);
        });
    }

    @Test
    void everyCase_namesAnExistingRule() {
        Set<String> ids = engine.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<String> unknown = cases.stream().filter(c -> !ids.contains(c.rule())).map(RuleCase::title).toList();
        assertTrue(unknown.isEmpty(), "cases name rules that do not exist:\n" + String.join("\n", unknown));
    }

    @Test
    void everyRuleFile_hasACasesFileBesideIt() throws IOException {
        try (Stream<Path> drl = Files.list(RuleCaseFiles.RULES)) {
            List<String> missing = drl.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl"))
                    .filter(n -> !Files.exists(RuleCaseFiles.RULES.resolve(n.replace(".drl", ".cases.json"))))
                    .toList();
            assertTrue(missing.isEmpty(), "DRL files without a cases file: " + missing);
        }
    }

    @Test
    void noCasesFile_isLeftWhereThisTestWouldNotReadIt() throws IOException {
        Path old = Path.of("src/test/resources/health/triage/rules");
        if (Files.isDirectory(old)) {
            try (Stream<Path> files = Files.list(old)) {
                List<Path> stray = files.filter(p -> p.toString().endsWith(".json")).toList();
                assertTrue(stray.isEmpty(), "per-rule cases belong beside the DRL in " + RuleCaseFiles.RULES
                        + "; move " + stray);
            }
        }
    }
}
