package health.triage.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.RuleInfo;
import health.triage.SelfCareStep;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks the per-rule cases kept beside each DRL file ({@code <file>.cases.json} in the test resources): each case
 * says which rule must fire or stay silent, and what the outcome must be. Every rule needs at least one case where
 * it fires and one where it stays silent.
 *
 * <p>A case is the shared {@code base-case.json} (age 35, 60 days of pain, every screening question answered "no")
 * with {@code set} applied (finding codes or case fields) and the codes in {@code unset} removed (made unknown).
 * A case with {@code "policy": "URGENT"} is assessed by an engine built with that
 * {@link BilateralLegSymptomsPolicy}; the others by the default engine.
 */
class RuleCasesTest {

    private static final Path CASES = Path.of("src/test/resources/health/triage/rules");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TriageEngine engine;
    private static final Map<BilateralLegSymptomsPolicy, TriageEngine> BY_POLICY =
            new EnumMap<>(BilateralLegSymptomsPolicy.class);

    /** One per-rule case, as written in a cases file. */
    record RuleCase(String file, String rule, boolean fires, String name, Map<String, Object> set, List<String> unset,
                    Map<String, Object> expect, BilateralLegSymptomsPolicy policy) {
        String title() {
            return rule + (fires ? " fires: " : " stays silent: ") + name
                    + (policy == BilateralLegSymptomsPolicy.DEFAULT ? "" : " [policy " + policy + "]")
                    + " (" + file + ")";
        }
    }

    @BeforeAll
    static void buildEngine() {
        engine = TriageEngine.builder().build();
        BY_POLICY.put(BilateralLegSymptomsPolicy.DEFAULT, engine);
    }

    @AfterAll
    static void closeEngine() {
        BY_POLICY.values().forEach(TriageEngine::close);
    }

    private static TriageEngine engineFor(BilateralLegSymptomsPolicy policy) {
        return BY_POLICY.computeIfAbsent(policy, p -> TriageEngine.builder().bilateralLegSymptomsPolicy(p).build());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleCase_behavesAsWritten() throws IOException {
        return allCases().stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> check(c)));
    }

    @Test
    void everyRule_hasACaseWhereItFiresAndOneWhereItStaysSilent() throws IOException {
        List<RuleCase> cases = allCases();
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : engine.rules()) {
            boolean fires = cases.stream().anyMatch(c -> c.rule().equals(rule.id()) && c.fires());
            boolean silent = cases.stream().anyMatch(c -> c.rule().equals(rule.id()) && !c.fires());
            if (!fires) {
                missing.add(rule.id() + " has no case where it fires");
            }
            if (!silent) {
                missing.add(rule.id() + " has no case where it stays silent");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void everyCase_namesAnExistingRule() throws IOException {
        Set<String> ids = engine.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<String> unknown = allCases().stream().filter(c -> !ids.contains(c.rule())).map(RuleCase::title).toList();
        assertTrue(unknown.isEmpty(), "cases name rules that do not exist:\n" + String.join("\n", unknown));
    }

    @Test
    void everyRuleFile_hasACasesFileBesideIt() throws IOException {
        try (Stream<Path> drl = Files.list(Path.of("src/main/resources/health/triage/rules"))) {
            List<String> missing = drl.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl"))
                    .filter(n -> !Files.exists(CASES.resolve(n.replace(".drl", ".cases.json")))).toList();
            assertTrue(missing.isEmpty(), "DRL files without a cases file: " + missing);
        }
    }

    private static void check(RuleCase c) {
        Assessment result = engineFor(c.policy()).assess(build(c));
        assertEquals(c.policy(), result.bilateralLegSymptomsPolicy(), "policy recorded in the result");
        Set<String> fired = result.reasons().stream().map(Reason::ruleId).collect(Collectors.toSet());
        if (c.fires()) {
            assertTrue(fired.contains(c.rule()), c.rule() + " should fire but did not; fired: " + new TreeSet<>(fired));
        } else {
            assertFalse(fired.contains(c.rule()), c.rule() + " should stay silent but fired");
        }
        for (Map.Entry<String, Object> e : c.expect().entrySet()) {
            Object want = e.getValue();
            switch (e.getKey()) {
                case "disposition" -> assertEquals(want, result.disposition().name(), "disposition");
                case "likelySource" -> assertEquals(want, result.likelySource().name(), "likely source");
                case "redFlags" -> assertContains(want, result.redFlags().stream().map(RedFlag::code).toList(),
                        "red flags");
                case "unanswered" -> assertEquals(new TreeSet<>(strings(want)),
                        result.unanswered().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new)),
                        "unanswered questions");
                case "referral" -> assertContains(want, result.referrals().stream().map(Referral::whom).toList(),
                        "referrals");
                case "alsoConsider" -> assertContains(want, result.alsoConsider().stream()
                        .map(AlsoConsider::condition).toList(), "also consider");
                case "selfCare" -> {
                    List<String> titles = result.selfCare().stream().map(SelfCareStep::title).toList();
                    if (strings(want).isEmpty()) {
                        assertTrue(titles.isEmpty(), "expected no self-care plan, got " + titles);
                    } else {
                        assertContains(want, titles, "self-care steps");
                    }
                }
                default -> fail("unknown expectation '" + e.getKey() + "' in " + c.title());
            }
        }
    }

    private static void assertContains(Object want, List<String> actual, String what) {
        for (String item : strings(want)) {
            assertTrue(actual.contains(item), what + " should include '" + item + "', were " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    @SuppressWarnings("unchecked")
    private static TriageCase build(RuleCase c) {
        Map<String, Object> fields = read("base-case.json", new TypeReference<>() { });
        Map<String, Object> findings = new LinkedHashMap<>((Map<String, Object>) fields.get("findings"));
        c.set().forEach((key, value) -> {
            if (TriageCase.FIELDS.contains(key)) {
                fields.put(key, value);
            } else {
                findings.put(key, value);
            }
        });
        for (String key : c.unset()) {
            fields.remove(key);
            findings.remove(key);
        }
        fields.put("findings", findings);
        fields.put("id", c.title());
        return TriageCase.fromFields(fields);
    }

    @SuppressWarnings("unchecked")
    static List<RuleCase> allCases() throws IOException {
        List<RuleCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".cases.json")).sorted().toList()) {
                String file = path.getFileName().toString();
                List<Map<String, Object>> rows = JSON.readValue(path.toFile(), new TypeReference<>() { });
                for (Map<String, Object> row : rows) {
                    cases.add(new RuleCase(file, (String) row.get("rule"), Boolean.TRUE.equals(row.get("fires")),
                            (String) row.get("name"),
                            (Map<String, Object>) row.getOrDefault("set", Map.of()),
                            (List<String>) row.getOrDefault("unset", List.of()),
                            (Map<String, Object>) row.getOrDefault("expect", Map.of()),
                            BilateralLegSymptomsPolicy.valueOf((String) row.getOrDefault("policy",
                                    BilateralLegSymptomsPolicy.DEFAULT.name()))));
                }
            }
        }
        return cases;
    }

    private static <T> T read(String name, TypeReference<T> type) {
        try (InputStream in = Files.newInputStream(CASES.resolve(name))) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
