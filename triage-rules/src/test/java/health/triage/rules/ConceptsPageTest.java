package health.triage.rules;

import health.triage.Finding;
import health.triage.RuleInfo;
import health.triage.TriageEngine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/VOCABULARY.md ends with the concepts of the rule base, made from their one definition (concepts.drl): each
 * concept, the rule that defines it, its member findings and every rule that reads it. Run the tests with
 * {@code -Dvocabulary.write=true} to write it.
 */
class ConceptsPageTest {

    private static final Path VOCABULARY = Path.of("../docs/VOCABULARY.md");

    @Test
    void vocabularyPage_endsWithEveryConceptItsMembersAndTheRulesThatReadIt() throws IOException {
        List<RuleInfo> rules;
        try (TriageEngine engine = TriageEngine.builder().build()) {
            rules = engine.rules();
        }
        StringBuilder section = new StringBuilder("""

                ## Concepts

                A concept is one clinical sign or risk that several findings can show. Each is defined once, in
                `concepts.drl`, and every rule reads the concept, never a copy of its list: a concept is present when
                any member is present, absent only when every member was answered no, and unknown otherwise
                (docs/POLICY.md "Concepts").

                | concept | defined by | members | read by |
                |---|---|---|---|
                """);
        ConceptSwapPropertiesTest.CONCEPTS.forEach((name, members) -> {
            String test = "name == \"" + name + "\"";
            RuleInfo definition = rules.stream().filter(r -> r.file().equals("concepts.drl")
                    && r.conclusion().contains("\"" + name + "\"")).findFirst().orElseThrow(
                            () -> new AssertionError("no rule of concepts.drl defines " + name));
            String readers = rules.stream().filter(r -> r.conditions().contains(test)).map(RuleInfo::id).sorted()
                    .collect(Collectors.joining(", "));
            section.append("| `").append(name).append("` | ").append(definition.id()).append(": ")
                    .append(definition.name()).append(" | ")
                    .append(members.stream().map(f -> "`" + f.code() + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(readers.isEmpty() ? "(none)" : readers).append(" |\n");
            assertFalse(readers.isEmpty(), "no rule reads the concept " + name);
        });
        String page = Files.readString(VOCABULARY);
        int at = page.indexOf("\n## Concepts");
        String findings = at < 0 ? page : page.substring(0, at);
        if (Boolean.getBoolean("vocabulary.write")) {
            Files.writeString(VOCABULARY, findings + section);
        }
        assertTrue(at >= 0, "docs/VOCABULARY.md has no Concepts section; run the tests with -Dvocabulary.write=true");
        assertEquals(section.toString(), page.substring(at),
                "docs/VOCABULARY.md's concepts are out of step with concepts.drl; run the tests with -Dvocabulary.write=true");
    }

    @Test
    void everyMemberOfAConcept_isAFindingOfTheVocabulary() {
        ConceptSwapPropertiesTest.CONCEPTS.values().forEach(members ->
                members.forEach(f -> assertEquals(f, Finding.fromCode(f.code()))));
    }
}
