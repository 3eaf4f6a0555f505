package health.triage.examples;

import health.triage.RuleInfo;
import health.triage.TriageEngine;
import health.triage.facts.Answer;
import health.triage.facts.Patient;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RULE_AUTHORING.md keeps up with the rule base: the id prefixes, conclusions and fields rules use are in it. */
class RuleAuthoringGuideTest {

    private static String guide;
    private static List<RuleInfo> rules;

    @BeforeAll
    static void read() throws IOException {
        guide = Files.readString(Path.of("../RULE_AUTHORING.md"), StandardCharsets.UTF_8);
        try (TriageEngine engine = TriageEngine.builder().build()) {
            rules = engine.rules();
        }
    }

    @Test
    void guide_namesEveryIdPrefixInUse() {
        Set<String> missing = new TreeSet<>();
        rules.forEach(rule -> {
            String prefix = rule.id().replaceFirst("\\d+$", "");
            if (!guide.contains("`" + prefix + "`")) {
                missing.add(prefix);
            }
        });
        assertEquals(Set.of(), missing, "id prefixes the guide does not explain");
    }

    @Test
    void guide_namesEveryConclusionTheRulesInsert() {
        Set<String> missing = new TreeSet<>();
        Pattern conclusion = Pattern.compile("new\\s+(\\w+)\\s*\\(");
        rules.forEach(rule -> {
            Matcher m = conclusion.matcher(rule.conclusion());
            while (m.find()) {
                if (!guide.contains("new " + m.group(1) + "(")) {
                    missing.add(m.group(1));
                }
            }
        });
        assertEquals(Set.of(), missing, "conclusions the guide does not explain");
    }

    @Test
    void guide_namesEveryFieldOfTheFactsRulesTest() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> fact : List.of(Patient.class, Answer.class)) {
            for (RecordComponent field : fact.getRecordComponents()) {
                if (!guide.contains("`" + field.getName() + "`") && !guide.contains("**`" + field.getName() + "`**")) {
                    missing.add(fact.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertEquals(Set.of(), missing, "fields the guide does not explain");
    }
}
