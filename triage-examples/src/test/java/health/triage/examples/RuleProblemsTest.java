package health.triage.examples;

import health.triage.RuleBaseException.Problem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compile problems in plain words, each followed by Drools' own words. The messages are Drools 10's, as measured
 * on this project's rules (see RULE_AUTHORING.md).
 */
class RuleProblemsTest {

    private static final String RULE = "New numbness needs emergency care now";
    private static final String TEXT = """
            package health.triage.rules;
            import health.triage.*;
            import health.triage.facts.*;

            rule "New numbness needs emergency care now"
                @id(CES-01) @source("test")
            when
                Answer( finding == Finding.SADDLE_NUMBNESS, present
            then
                insert( new RedFlag( "cauda_equina", Disposition.EMERGENCY, "Numbness." ) );
            end

            rule "Second"
                @id(CES-02) @source("test")
            when
                Answer( finding == Finding.BLADDER_DYSFUNCTION, present )
            then
                insert( new Urgency( Disposition.EMERGENCE ) );
            end
            """;

    @TempDir
    Path dir;

    private RuleProblems words;

    @BeforeEach
    void writeRules() throws IOException {
        Files.writeString(dir.resolve("ces.drl"), TEXT, StandardCharsets.UTF_8);
        words = new RuleProblems(dir);
    }

    private List<String> describe(int line, int column, String message) {
        return words.describe(new Problem("ces.drl", line, column, message));
    }

    @Test
    void describe_unexpectedWord_asksForTheMissingBracketAndPointsAtTheOpenOne() {
        String drools = "[ERR 102] Line 9:0 mismatched input 'then' in rule \"" + RULE + "\"";

        assertEquals(List.of(dir.resolve("ces.drl") + ":9:1: rule \"" + RULE + "\": unexpected 'then' \u2014 is a "
                        + "closing bracket, comma or quote missing just before it? Look at line 8, column 11: this '(' "
                        + "is never closed.",
                "    Drools: " + drools), describe(9, 1, drools));
    }

    @Test
    void describe_singleEquals_saysToCompareWithTwo() {
        assertEquals(dir.resolve("ces.drl") + ":8:21: rule \"" + RULE + "\": unexpected '=' \u2014 to compare, write "
                + "'==' (a single '=' is not a comparison)",
                describe(8, 21, "[ERR 102] Line 8:20 mismatched input '=' in rule \"" + RULE + "\"").get(0));
    }

    @Test
    void describe_unknownFactType_suggestsTheNearest() {
        assertEquals(dir.resolve("ces.drl") + ":8:5: unknown fact type 'Answr' (check spelling and imports) (did you "
                + "mean Answer?); a rule can match Answer, Patient, Triage, RedFlag, Cue, Mimic, Urgency, Unanswered, "
                + "SourceVerdict, SelfCarePlan", describe(8, 5, "Unable to resolve ObjectType 'Answr'").get(0));
    }

    @Test
    void describe_unknownFinding_suggestsTheNearestFinding() {
        List<String> lines = describe(8, 32, """
                Unable to Analyse Expression finding == Finding.FEVR:
                [Error: unable to resolve method using strict-mode: health.triage.Finding.FEVR()]
                [Near : {... finding == Finding.FEVR ....}]
                                                ^""");

        assertEquals(List.of(dir.resolve("ces.drl") + ":8:32: unknown finding Finding.FEVR (did you mean "
                        + "Finding.FEVER?); every finding is listed in docs/VOCABULARY.md (as a lower-case code)",
                "    Drools: Unable to Analyse Expression finding == Finding.FEVR:",
                "            [Error: unable to resolve method using strict-mode: health.triage.Finding.FEVR()]",
                "            [Near : {... finding == Finding.FEVR ....}]"), lines);
    }

    @Test
    void describe_unknownField_namesTheFactsFields() {
        assertEquals(dir.resolve("ces.drl") + ":8:49: Answer has no field 'presnt' (did you mean present?); its "
                + "fields are finding, present, absent, unknown", describe(8, 49, """
                Unable to Analyse Expression presnt:
                [Error: unable to resolve method using strict-mode: health.triage.facts.Answer.presnt()]
                [Near : {... presnt ....}]
                             ^
                [Line: 8, Column: 4]""").get(0));
    }

    @Test
    void describe_unknownConstantInTheThenPart_namesTheEnumAndItsValues() {
        assertEquals(dir.resolve("ces.drl") + ":18:38: unknown Disposition Disposition.EMERGENCE (did you mean "
                + "Disposition.EMERGENCY?); Disposition is one of EMERGENCY, URGENT, ROUTINE, SELF_CARE",
                describe(18, 38, "Rule Compilation error EMERGENCE cannot be resolved or is not a field").get(0));
    }

    @Test
    void describe_syntaxErrorAndItsFollowOn_sayWhatIsMissingAndThatTheSecondFollows() {
        assertEquals(dir.resolve("ces.drl") + ":10:42: the then part does not read as Java: 'Disposition' is not "
                + "expected there (is a comma missing just before it?) \u2014 check the brackets, commas and quotes, "
                + "and the ';' after each insert( ... ); and 'EMERGENCY' is read on its own, without its "
                + "'Disposition.' (this follows from the problem before it)", describe(10, 42, """
                Rule Compilation error Syntax error on token "Disposition", delete this token
                EMERGENCY cannot be resolved or is not a field""").get(0));
    }

    @Test
    void describe_wrongConstructorValues_saysWhatTheConclusionTakes() {
        assertEquals(dir.resolve("ces.drl") + ":10:17: 'new RedFlag( ... )' is given (Disposition, String) \u2014 "
                + "RedFlag takes (String code, Disposition level, String text) in that order",
                describe(10, 17, "Rule Compilation error The constructor RedFlag(Disposition, String) is undefined")
                        .get(0));
    }

    @Test
    void describe_messageWithoutATranslation_isKeptAsDroolsWroteIt() {
        assertEquals(List.of("ces.drl:0:0: Something Drools says", "    on two lines"),
                new RuleProblems(null).describe(new Problem("ces.drl", 0, 0, "Something Drools says\non two lines")));
    }
}
