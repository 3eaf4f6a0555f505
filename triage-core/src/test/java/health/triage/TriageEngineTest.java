package health.triage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageEngineTest {

    private static TriageEngine minimal;

    @BeforeAll
    static void buildMinimal() {
        minimal = engine("minimal");
    }

    @AfterAll
    static void closeMinimal() {
        minimal.close();
    }

    static TriageEngine engine(String folder) {
        return TriageEngine.builder().rulesFrom(Path.of("src/test/resources/rulebases", folder)).build();
    }

    @Test
    void assess_takesTheMostUrgentConclusion_notTheLastFired() {
        Assessment result = minimal.assess(TriageCase.builder(80).present(Finding.FEVER).build());

        assertEquals(Disposition.URGENT, result.disposition());
        assertEquals(List.of(new RedFlag("infection", Disposition.URGENT, "Fever.", List.of("fever"))), result.redFlags());
    }

    @Test
    void assess_reasonsNameRuleSentenceSourceAndFacts() {
        Assessment result = minimal.assess(TriageCase.builder(80).present(Finding.FEVER).build());

        assertEquals(List.of(
                new Reason("T-01", "Fever needs a clinician the same day", "test", List.of("fever: yes"),
                        Disposition.URGENT),
                new Reason("T-03", "Patients older than 70 are noted with their age", "test", List.of("age: 80"),
                        Disposition.ROUTINE),
                new Reason("T-02", "Every case gets an unclear source", "test", List.of(), Disposition.SELF_CARE)),
                result.reasons());
        assertEquals(List.of(result.reasons().get(0)), result.decisiveReasons());
    }

    @Test
    void assess_sameConclusionsInAnyFiringOrder_giveTheSameResult() {
        TriageCase c = TriageCase.builder(40).present(Finding.SADDLE_NUMBNESS, Finding.BUTTOCK_PAIN).build();
        try (TriageEngine first = engine("emergency-fires-first"); TriageEngine last = engine("emergency-fires-last")) {
            Assessment a = first.assess(c);
            Assessment b = last.assess(c);

            assertEquals(Disposition.EMERGENCY, a.disposition());
            assertEquals(a.disposition(), b.disposition());
            assertEquals(a.redFlags(), b.redFlags());
            assertEquals(a.reasons(), b.reasons());
            assertNotEquals(a.ruleBaseVersion(), b.ruleBaseVersion(), "different rule text, different version");
        }
    }

    @Test
    void assess_sameCaseTwice_givesAnEqualResult() {
        TriageCase c = TriageCase.builder(75).present(Finding.FEVER).absent(Finding.NIGHT_SWEATS).build();

        assertEquals(minimal.assess(c), minimal.assess(c));
    }

    @Test
    void assess_keepsTheCaseId() {
        assertEquals("case-7", minimal.assess(TriageCase.builder(30).id("case-7").build()).caseId());
    }

    @Test
    void assess_ruleBaseThatConcludesNoDisposition_failsInsteadOfGuessing() {
        try (TriageEngine engine = engine("no-disposition")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> engine.assess(TriageCase.builder(30).present(Finding.FEVER).build()));
            assertEquals("the rule base reached no disposition for this case: no rule concluded an urgency",
                    e.getMessage());
        }
    }

    @Test
    void assess_adviceRuleThatRaisesUrgency_isRejectedAsADefect() {
        try (TriageEngine engine = engine("late-urgency")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> engine.assess(TriageCase.builder(30).build()));
            assertEquals("rule T-02 concluded an urgency or source in the advice stage, after the decision was taken;"
                    + " move it to an earlier stage", e.getMessage());
        }
    }

    @Test
    void assess_afterClose_fails() {
        TriageEngine engine = engine("minimal");
        engine.close();
        engine.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.assess(TriageCase.builder(30).build()));
        assertEquals("the engine is closed", e.getMessage());
    }

    @Test
    void assess_nullCase_namesTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> minimal.assess(null));
        assertEquals("case must not be null", e.getMessage());
    }

    @Test
    void build_syntaxError_reportsFileLineAndColumn() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("syntax-error"));

        assertEquals(1, e.problems().size(), e.getMessage());
        RuleBaseException.Problem problem = e.problems().get(0);
        assertEquals("broken.drl", problem.file());
        assertEquals(9, problem.line(), "the parser stops at the 'then' after the unclosed condition");
        assertEquals(1, problem.column(), "'then' is the line's first character; columns count from 1");
        assertTrue(e.getMessage().startsWith("the rule base has 1 problem:\nbroken.drl:9:"), e.getMessage());
    }

    @Test
    void build_syntaxErrorMidLine_reportsTheColumnOfTheUnexpectedWord() throws IOException {
        String line = lines("located").get(7);

        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("located"));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(8, e.problems().get(0).line(), e.getMessage());
        assertEquals(line.indexOf("Finding.NIGHT_SWEATS") + 1, e.problems().get(0).column(), e.getMessage());
    }

    @Test
    void build_unknownNames_areReportedWhereTheyAreWritten() throws IOException {
        List<String> lines = lines("unknown-names");

        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("unknown-names"));

        assertEquals(List.of(
                        "8:" + (lines.get(7).indexOf("FEVR") + 1),
                        "17:" + (lines.get(16).indexOf("FEVR") + 1),
                        "25:" + (lines.get(24).indexOf("presnt") + 1),
                        "35:" + (lines.get(34).indexOf("EMERGENCE") + 1)),
                e.problems().stream().map(p -> p.line() + ":" + p.column()).toList(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("Finding.FEVR"), "Drools' own words are kept");
    }

    @Test
    void build_mistakesThatMakeDroolsFail_nameEachRuleAndTheOtherProblemsTooInsteadOfThrowingItsError()
            throws IOException {
        List<String> comma = Files.readAllLines(Path.of("src/test/resources/rulebases/insert-missing-comma/comma.drl"));

        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("insert-missing-comma"));

        assertEquals(List.of(
                "comma.drl:" + (comma.indexOf("rule \"A conclusion with a missing comma between its values\"") + 1)
                        + ":1: rule \"A conclusion with a missing comma between its values\": Drools failed while "
                        + "compiling this rule: java.lang.",
                "comma.drl:" + (comma.indexOf("rule \"Another conclusion with a missing comma\"") + 1)
                        + ":1: rule \"Another conclusion with a missing comma\": Drools failed while compiling this "
                        + "rule: java.lang.",
                "other.drl:8:5: Unable to resolve ObjectType 'Answr'"),
                e.problems().stream().map(p -> p.toString().replaceFirst("java\\.lang\\..*", "java.lang.")).toList(),
                e.getMessage());
    }

    private static List<String> lines(String folder) throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/rulebases", folder))) {
            return Files.readAllLines(files.filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow());
        }
    }

    @Test
    void build_rulesWithoutIdOrSource_areRejected() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("missing-metadata"));

        assertEquals(List.of(
                "missing.drl:5:1: rule \"A rule without an id\" has no @id",
                "missing.drl:13:1: rule \"A rule without a source\" has no @source"),
                e.problems().stream().map(RuleBaseException.Problem::toString).toList());
    }

    @Test
    void build_ruleInAStageThatDoesNotExist_isRejected() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("no-such-stage"));

        assertEquals(List.of("no-such-stage.drl:12:1: rule \"Fever needs a clinician the same day\" is in "
                        + "ruleflow-group \"findings\", which is not a stage, so it would never fire; leave the group "
                        + "out for the findings stage, or use \"source\" or \"advice\""),
                e.problems().stream().map(RuleBaseException.Problem::toString).toList());
    }

    @Test
    void assess_ruleThatFiresForEver_isStoppedAndNamedAsADefect() {
        try (TriageEngine looping = engine("looping")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> looping.assess(TriageCase.builder(40).build()));

            assertTrue(e.getMessage().startsWith("the rule base loops: its rules fired "), e.getMessage());
            assertTrue(e.getMessage().contains(" times in the findings stage of one assessment, rule T-02 (\"Each "
                    + "urgency is noted again\") "), e.getMessage());
        }
    }

    @Test
    void build_twoRulesWithOneId_areRejected() {
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> engine("duplicate-id"));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("has the same @id T-01 as rule \"The "),
                e.getMessage());
    }

    @Test
    void build_missingFolder_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriageEngine.builder().rulesFrom(Path.of("no/such/folder")).build());
        assertEquals("rules folder no/such/folder does not exist or is not a folder", e.getMessage());
    }

    @Test
    void build_folderWithoutDrl_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriageEngine.builder().rulesFrom(Path.of("src/test/java")).build());
        assertEquals("rules folder src/test/java holds no .drl file", e.getMessage());
    }

    @Test
    void build_withoutRulesOnTheClasspath_saysWhatToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TriageEngine.builder().build());
        assertEquals("no rule base on the classpath (health/triage/rules/rulebase.properties not found): add the"
                + " triage-rules artifact, or use rulesFrom(folder)", e.getMessage());
    }

    @Test
    void rules_listsEveryRuleWithIdNameSourceAndItsText() {
        assertEquals(List.of("T-01", "T-02", "T-03"), minimal.rules().stream().map(RuleInfo::id).toList());
        RuleInfo fever = minimal.rules().get(0);
        assertEquals(new RuleInfo("T-01", "Fever needs a clinician the same day", "test", "minimal.drl", 5, "findings",
                "Answer( finding == Finding.FEVER, present )",
                "insert( new RedFlag( \"infection\", Disposition.URGENT, \"Fever.\" ) );"), fever);
        assertEquals("source", minimal.rules().get(1).stage());
        assertEquals("", minimal.rules().get(1).conditions(), "a rule with an empty when part");
    }

    @Test
    void ruleFiles_listsEachFileInNameOrderWithTheCommentItOpensWith() {
        try (TriageEngine engine = engine("two-files")) {
            assertEquals(List.of(
                    new RuleFile("red-flags.drl", "Red flags: which findings need a clinician soon.\n\nSources: test only."),
                    new RuleFile("source.drl", "")), engine.ruleFiles());
        }
    }

    @Test
    void ruleBaseVersion_ofAFolder_isLocalPlusAHashOfTheText() {
        assertTrue(minimal.ruleBaseVersion().matches("local\\+[0-9a-f]{12}"), minimal.ruleBaseVersion());
        assertEquals(minimal.ruleBaseVersion(), minimal.assess(TriageCase.builder(30).build()).ruleBaseVersion());
    }

    @Test
    void bilateralLegSymptomsPolicy_isEmergencyUnlessChosen_andRecordedInEveryResult() {
        assertEquals(BilateralLegSymptomsPolicy.EMERGENCY, minimal.bilateralLegSymptomsPolicy());
        assertEquals(BilateralLegSymptomsPolicy.EMERGENCY,
                minimal.assess(TriageCase.builder(30).build()).bilateralLegSymptomsPolicy());
        try (TriageEngine urgent = TriageEngine.builder().rulesFrom(Path.of("src/test/resources/rulebases/minimal"))
                .bilateralLegSymptomsPolicy(BilateralLegSymptomsPolicy.URGENT).build()) {
            assertEquals(BilateralLegSymptomsPolicy.URGENT, urgent.bilateralLegSymptomsPolicy());
            assertEquals(BilateralLegSymptomsPolicy.URGENT,
                    urgent.assess(TriageCase.builder(30).build()).bilateralLegSymptomsPolicy());
        }
    }

    @Test
    void bilateralLegSymptomsPolicy_null_namesTheOption() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> TriageEngine.builder().bilateralLegSymptomsPolicy(null));
        assertEquals("bilateralLegSymptomsPolicy must not be null", e.getMessage());
    }

    @Test
    void rulesFrom_null_namesTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> TriageEngine.builder().rulesFrom(null));
        assertEquals("directory must not be null", e.getMessage());
    }

    @Test
    void engine_holdsNoMutableStateButItsClosedFlag() {
        for (java.lang.reflect.Field field : TriageEngine.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (java.lang.reflect.Modifier.isStatic(modifiers)) {
                continue;
            }
            if (field.getName().equals("closed")) {
                assertTrue(java.lang.reflect.Modifier.isVolatile(modifiers), "closed must be volatile");
            } else {
                assertTrue(java.lang.reflect.Modifier.isFinal(modifiers), field.getName() + " must be final");
            }
        }
        assertTrue(health.triage.internal.CompiledRuleBase.class.isRecord(), "the rule base is an immutable record");
    }
}
