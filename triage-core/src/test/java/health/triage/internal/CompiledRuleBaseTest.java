package health.triage.internal;

import health.triage.RuleBaseException;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static RuleFiles folder(String name) {
        return RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases", name));
    }

    private static List<String> lines(String folder, String file) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/rulebases", folder, file));
    }

    /** Each problem as {@code file:line:column: message}, with the text of a Java exception cut after its class. */
    private static List<String> problems(RuleBaseException e) {
        return e.problems().stream()
                .map(p -> p.toString().replaceFirst("(java\\.lang\\.\\w+Exception).*", "$1")).toList();
    }

    @Test
    void compile_problemWithoutALineInAFileWithoutLocatedOnes_isKept() throws IOException {
        List<String> rules = lines("unlocated-problem", "rules.drl");

        RuleBaseException e = assertThrows(RuleBaseException.class, () -> CompiledRuleBase.compile(
                folder("unlocated-problem")));

        assertEquals(List.of(
                "imports.drl:0:0: Error importing : 'java.lang.Math.noSuchFunction'",
                "rules.drl:8:" + (rules.get(7).indexOf("Answr") + 1) + ": Unable to resolve ObjectType 'Answr'"),
                problems(e), e.getMessage());
    }

    @Test
    void compile_fileThatMakesDroolsFailWithoutAnyRule_isNamedWithTheRootCause() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> CompiledRuleBase.compile(
                folder("unknown-accumulate-function")));

        assertEquals(List.of("accumulate.drl:0:0: Drools failed while compiling this file: "
                + "java.lang.ClassNotFoundException: Unable to find class 'health.triage.NoSuchFunction'"),
                e.problems().stream().map(RuleBaseException.Problem::toString).toList());
    }

    @Test
    void compile_failureOnlyWhenFilesAreCompiledTogether_isReportedForTheRuleBase() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> CompiledRuleBase.compile(
                folder("crash-with-imports-of-another-file")));

        assertEquals(List.of("(rule base):0:0: Drools failed while compiling the rule base: "
                + "java.lang.StringIndexOutOfBoundsException"), problems(e), e.getMessage());
    }

    @Test
    void compile_ruleThatMakesDroolsFailBetweenRulesWithoutBlankLines_isNamedAtItsFirstLine() throws IOException {
        List<String> lines = lines("crash-next-to-other-rules", "adjacent.drl");
        String failing = "A conclusion with a missing comma, right after the rule before";

        RuleBaseException e = assertThrows(RuleBaseException.class, () -> CompiledRuleBase.compile(
                folder("crash-next-to-other-rules")));

        assertEquals(List.of(
                "adjacent.drl:" + (lines.indexOf("rule \"" + failing + "\"") + 1) + ":1: rule \"" + failing
                        + "\": Drools failed while compiling this rule: java.lang.StringIndexOutOfBoundsException",
                "adjacent.drl:" + (lines.indexOf("    Answr( finding == Finding.FEVER, present )") + 1) + ":5: "
                        + "Unable to resolve ObjectType 'Answr'"),
                problems(e), e.getMessage());
    }

    /** What an unknown finding code in codes.drl of rulebases/unknown-code is reported as. */
    private static List<String> unknownCodes() throws IOException {
        List<String> lines = lines("unknown-code", "codes.drl");
        int saddle = lines.indexOf("    Answer( code == \"saddle_numbnes\", present )");
        int limp = lines.indexOf("                      \"limpp\" ), present )");
        return List.of("codes.drl:" + (saddle + 1) + ":" + (lines.get(saddle).indexOf('"') + 1)
                        + ": rule \"Saddle numbness needs emergency care\" tests unknown finding code 'saddle_numbnes' "
                        + "(did you mean 'saddle_numbness'?), which no answer would ever match",
                "codes.drl:" + (limp + 1) + ":" + (lines.get(limp).indexOf('"') + 1)
                        + ": rule \"Fever or a limp needs a clinician the same day\" tests unknown finding code "
                        + "'limpp' (did you mean 'limp'?), which no answer would ever match");
    }

    @Test
    void compile_findingCodeNotInTheVocabulary_isAProblemNamingTheRuleAndTheNearestCode() throws IOException {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> CompiledRuleBase.compile(
                folder("unknown-code")));

        assertEquals(unknownCodes(), problems(e), e.getMessage());
    }

    @Test
    void build_findingCodeNotInTheVocabulary_failsAsCompileDoes_soThatTheBuiltInModelIsNeverMade() throws IOException {
        KieServices services = CompiledRuleBase.services();
        ReleaseId releaseId = services.newReleaseId("health.triage.test", "drl-project-unknown-code", "1.0.0");
        try {
            RuleBaseException e = assertThrows(RuleBaseException.class,
                    () -> CompiledRuleBase.build(services, folder("unknown-code"), releaseId, DrlProject.class));

            assertEquals(unknownCodes(), problems(e), e.getMessage());
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    @Test
    void build_asAnotherProjectType_buildsEveryRuleOfTheFiles() {
        KieServices services = CompiledRuleBase.services();
        ReleaseId releaseId = services.newReleaseId("health.triage.test", "drl-project-minimal", "1.0.0");
        try {
            KieBuilder builder = CompiledRuleBase.build(services, folder("minimal"), releaseId, DrlProject.class);

            Set<String> names = services.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase()
                    .getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("Fever needs a clinician the same day", "Every case gets an unclear source",
                    "Patients older than 70 are noted with their age"), names);
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    @Test
    void build_asAnotherProjectType_reportsEveryProblemAtTheSamePlaceAsCompile() throws IOException {
        List<String> lines = lines("unknown-names", "unknown.drl");
        KieServices services = CompiledRuleBase.services();
        ReleaseId releaseId = services.newReleaseId("health.triage.test", "drl-project-unknown-names", "1.0.0");
        RuleBaseException compiled = assertThrows(RuleBaseException.class,
                () -> CompiledRuleBase.compile(folder("unknown-names")));
        try {
            RuleBaseException built = assertThrows(RuleBaseException.class,
                    () -> CompiledRuleBase.build(services, folder("unknown-names"), releaseId, DrlProject.class));

            assertEquals(List.of(
                            "8:" + (lines.get(7).indexOf("FEVR") + 1),
                            "17:" + (lines.get(16).indexOf("FEVR") + 1),
                            "25:" + (lines.get(24).indexOf("presnt") + 1),
                            "35:" + (lines.get(34).indexOf("EMERGENCE") + 1)),
                    built.problems().stream().map(p -> p.line() + ":" + p.column()).toList(), built.getMessage());
            assertEquals(compiled.problems(), built.problems());
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }
}
