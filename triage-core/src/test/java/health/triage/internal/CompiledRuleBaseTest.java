package health.triage.internal;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompiledRuleBaseTest {

    /** A rule with only metadata, as the compiler hands it over. */
    private static Rule withMetadata(Object value) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("source", value);
        return new Rule() {
            @Override
            public String getPackageName() {
                return "health.triage.test";
            }

            @Override
            public String getName() {
                return "A rule";
            }

            @Override
            public Map<String, Object> getMetaData() {
                return metadata;
            }

            @Override
            public int getLoadOrder() {
                return 0;
            }

            @Override
            public String getId() {
                return "A rule";
            }

            @Override
            public String getNamespace() {
                return "health.triage.test";
            }

            @Override
            public KnowledgeType getKnowledgeType() {
                return KnowledgeType.RULE;
            }
        };
    }

    @Test
    void metadata_stripsTheQuotesSomeCompilationPathsKeep() {
        assertEquals("GIRFT 2023", CompiledRuleBase.metadata(withMetadata("\"GIRFT 2023\""), "source"));
        assertEquals("GIRFT 2023", CompiledRuleBase.metadata(withMetadata("  \"GIRFT 2023\" "), "source"));
        assertEquals("", CompiledRuleBase.metadata(withMetadata("\"\""), "source"));
    }

    @Test
    void metadata_keepsUnquotedValuesAndLoneQuotes() {
        assertEquals("CES-01", CompiledRuleBase.metadata(withMetadata("CES-01"), "source"));
        assertEquals("\"", CompiledRuleBase.metadata(withMetadata("\""), "source"));
        assertEquals("\"open", CompiledRuleBase.metadata(withMetadata("\"open"), "source"));
        assertEquals("close\"", CompiledRuleBase.metadata(withMetadata("close\""), "source"));
        assertEquals("7", CompiledRuleBase.metadata(withMetadata(7), "source"));
    }

    @Test
    void metadata_missing_isEmpty() {
        assertEquals("", CompiledRuleBase.metadata(withMetadata("x"), "id"));
    }

    @Test
    void compile_keepsEveryRuleWithItsText() {
        CompiledRuleBase minimal = CompiledRuleBase.compile(RuleFiles.fromDirectory(
                java.nio.file.Path.of("src/test/resources/rulebases/minimal")));

        Collection<health.triage.RuleInfo> rules = minimal.rules().values();
        assertEquals(3, rules.size());
        assertEquals(List.of("T-01", "T-02", "T-03"), rules.stream().map(health.triage.RuleInfo::id).sorted().toList());
        health.triage.RuleInfo fever = minimal.rules().get("Fever needs a clinician the same day");
        assertEquals("minimal.drl", fever.file());
        assertEquals("findings", fever.stage());
        assertEquals("Answer( finding == Finding.FEVER, present )", fever.conditions());
    }

    @Test
    void load_withoutAPrebuiltModelOnTheClasspath_compilesTheDrl() {
        RuleFiles files = RuleFiles.fromDirectory(java.nio.file.Path.of("src/test/resources/rulebases/minimal"));

        CompiledRuleBase loaded = CompiledRuleBase.load(files);

        assertEquals(java.util.Optional.empty(), PrebuiltModel.load(files));
        assertEquals(CompiledRuleBase.compile(files).rules(), loaded.rules());
        assertEquals(files.version(), loaded.version());
        assertEquals(List.of("minimal.drl"), loaded.files().stream().map(health.triage.RuleFile::name).toList());
    }
}
