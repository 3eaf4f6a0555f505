package health.triage.rules;

import health.triage.Finding;
import health.triage.RuleInfo;
import health.triage.TriageEngine;
import health.triage.facts.Answer;
import health.triage.internal.CompiledRuleBase;
import health.triage.internal.RuleFiles;
import org.drools.base.base.ValueResolver;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectTypeNode;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rule base as a whole: its index, its metadata and its version. */
class RuleBaseTest {

    private static final Path RULES = Path.of("src/main/resources/health/triage/rules");

    @Test
    void index_listsExactlyTheDrlFilesOfTheFolder() throws IOException {
        Properties index = new Properties();
        try (InputStream in = Files.newInputStream(RULES.resolve("rulebase.properties"))) {
            index.load(in);
        }
        TreeSet<String> listed = new TreeSet<>(Arrays.stream(index.getProperty("files").split(","))
                .map(String::strip).toList());
        try (Stream<Path> files = Files.list(RULES)) {
            TreeSet<String> present = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl")).toList());
            assertEquals(present, listed, "rulebase.properties must list every .drl file, and only those");
        }
    }

    @Test
    void everyRule_hasAnIdASentenceNameAndASourceDocument() {
        try (TriageEngine engine = TriageEngine.builder().build()) {
            List<RuleInfo> rules = engine.rules();
            assertTrue(rules.size() > 50, "the shipped rule base has " + rules.size() + " rules");
            for (RuleInfo rule : rules) {
                assertTrue(rule.id().matches("[A-Z]+(-[A-Z])?-[A-Z0-9]+"), "id " + rule.id());
                assertTrue(rule.name().split(" ").length >= 4, rule.id() + " name is not a sentence: " + rule.name());
                assertTrue(rule.source().matches(".*(\\d{3}_[0-9a-f]{16}\\.txt|docs/EVIDENCE\\.md).*"),
                        rule.id() + " source names no source document: " + rule.source());
            }
        }
    }

    @Test
    void ruleBaseVersion_isTheReleasePlusAHashOfTheRuleText() {
        try (TriageEngine engine = TriageEngine.builder().build()) {
            assertTrue(engine.ruleBaseVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+[0-9a-f]{12}"),
                    engine.ruleBaseVersion());
        }
    }

    @Test
    void noRuleFile_doesInputOrOutput() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(drl);
                assertFalse(text.contains("System.out") || text.contains("System.err") || text.contains("Scanner"),
                        drl + " does input or output; rules only conclude");
            }
        }
    }

    /**
     * Rules name a finding by its code ({@code Answer( code == "fever" )}) so that Drools hashes those tests: an answer
     * then meets only the tests of its own finding. Checked on the compiled network of both ways the rule base is
     * built (the pre-built executable model, and DRL compiled from a folder, as {@code --rules} does): the tests
     * under {@code Answer} are hashed on the finding code, and every test left unhashed there lets the answers of
     * several findings through (a state such as {@code present}, a role, a list {@code code in ( ... )}), never only
     * one finding's, which could have been hashed.
     */
    @Test
    void answerTests_ofOneFinding_areHashedOnItsCode_inThePrebuiltModelAndInDrlFromAFolder() {
        RuleFiles files = RuleFiles.fromClasspath();
        for (KieBase kieBase : List.of(CompiledRuleBase.load(files).kieBase(),
                CompiledRuleBase.compile(files).kieBase())) {
            ObjectTypeNode answers = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
                    .filter(node -> node.getObjectType().isAssignableFrom(Answer.class)
                            && !node.getObjectType().isAssignableFrom(Object.class))
                    .findFirst().orElseThrow();
            CompositeObjectSinkAdapter sinks = (CompositeObjectSinkAdapter) answers.getObjectSinkPropagator();
            Set<Object> hashed = Optional.ofNullable(sinks.getHashedSinkMap()).orElse(Map.of()).keySet().stream()
                    .map(CompositeObjectSinkAdapter.HashKey::getObjectValue).collect(Collectors.toSet());
            Map<AlphaNode, Set<Finding>> unhashed = passedBy(kieBase, Optional.ofNullable(sinks.getOthers())
                    .orElse(List.of()).stream().map(AlphaNode.class::cast).toList());
            assertAll(
                    // most findings are tested alone somewhere (50 of the 66 in 2026-11)
                    () -> assertTrue(hashed.size() >= 40, "hashed finding codes: " + hashed),
                    () -> assertTrue(hashed.stream().allMatch(code -> Finding.lookup((String) code).isPresent()),
                            "hashed: " + hashed),
                    () -> assertTrue(unhashed.values().stream().allMatch(findings -> findings.size() > 1),
                            "an unhashed test lets only one finding's answers through: " + unhashed));
        }
    }

    /** For each test, the findings some answer of which (yes, no or not asked) passes it. */
    private static Map<AlphaNode, Set<Finding>> passedBy(KieBase kieBase, List<AlphaNode> tests) {
        KieSession session = kieBase.newKieSession();
        try {
            Map<AlphaNode, Set<Finding>> passed = new HashMap<>();
            for (Finding finding : Finding.values()) {
                for (Boolean value : Arrays.asList(true, false, null)) {
                    FactHandle handle = session.insert(Answer.of(finding, value));
                    for (AlphaNode test : tests) {
                        passed.computeIfAbsent(test, t -> new TreeSet<>());
                        if (test.getConstraint().isAllowed(handle, (ValueResolver) session)) {
                            passed.get(test).add(finding);
                        }
                    }
                }
            }
            return passed;
        } finally {
            session.dispose();
        }
    }
}
