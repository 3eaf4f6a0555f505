package health.triage.internal;

import health.triage.RuleBaseException.Problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drools' messages as it words them, put at the line and 1-based column of what they are about. */
class ProblemLocationsTest {

    private static final String TEXT = """
            package health.triage.test;
            import health.triage.*;

            rule "First"
                @id(T-01) @source("test")
            when
                Answr( finding == Finding.FEVER, present ) // Answr is misspelt, not Urgency
            then
                insert( new RedFlag( Disposition.URGENT, "Fever." ) );
            end

            rule "First"
                @id(T-02) @source("test")
            when
            then
                insert( new Urgency( Disposition.URGENT ) );
            end
            """;

    private static String where(String message, int line) {
        List<Problem> located = ProblemLocations.locate(List.of(new Problem("f.drl", line, 0, message)),
                Map.of("f.drl", TEXT));
        return located.stream().map(p -> p.line() + ":" + p.column()).toList().toString();
    }

    @Test
    void locate_parserMessage_turnsItsZeroBasedPositionIntoAColumn() {
        assertEquals("[9:5]", where("[ERR 102] Line 9:4 mismatched input 'insert' in rule \"First\"", 9));
    }

    @Test
    void locate_unknownFactType_pointsAtTheType() {
        assertEquals("[7:5]", where("Unable to resolve ObjectType 'Answr'", 7));
    }

    @Test
    void locate_wrongConstructor_pointsAtTheTypeAfterNewInTheRuleOfTheLine() {
        assertEquals("[9:17]", where("Rule Compilation error The constructor RedFlag(Disposition, String) is undefined",
                4));
    }

    @Test
    void locate_duplicateRuleName_pointsAtTheSecondRule() {
        assertEquals("[12:1]", where("Duplicate rule name: First", 12));
    }

    @Test
    void locate_nameOnlyInAComment_isNotTakenForTheCode() {
        assertEquals("[16:17]", where("Rule Compilation error Urgency cannot be resolved to a type", 0));
    }

    @Test
    void locate_messageNamingNothing_keepsItsLineAtTheFirstCharacter() {
        assertEquals("[9:5]", where("Rule Compilation error Syntax error, insert \";\" to complete Statement", 9));
    }

    @Test
    void locate_unknownFileOrLine_staysUnknown() {
        assertEquals("[0:0]", where("Parser returned a null Package", 0));
        Problem elsewhere = new Problem("other.drl", 3, 0, "Unable to resolve ObjectType 'Answr'");
        assertEquals(List.of(elsewhere), ProblemLocations.locate(List.of(elsewhere), Map.of("f.drl", TEXT)));
    }
}
