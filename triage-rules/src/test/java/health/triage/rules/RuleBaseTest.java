package health.triage.rules;

import health.triage.RuleInfo;
import health.triage.TriageEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

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
}
