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

    @Test
    void locate_nameOnlyInALaterRule_isNotTakenForTheRuleOfTheLine() {
        // a Java error in the then part of "First" is reported on its first line; only "Two" writes new Urgency
        assertEquals("[4:1]", where("Rule Compilation error The constructor Urgency(Disposition) is undefined", 4));
    }

    @Test
    void locate_lineOfARulesEnd_isSearchedWithinThatRuleOnly() {
        assertEquals("[10:1]", where("Rule Compilation error The constructor Urgency(Disposition) is undefined", 10));
    }

    @Test
    void locate_lineBetweenRules_isSearchedToTheEndOfTheText() {
        assertEquals("[16:17]", where("Rule Compilation error The constructor Urgency(Disposition) is undefined", 11));
    }

    @Test
    void locate_messageNamingNothingOnTheLastLine_isAtItsFirstCharacter() {
        String cut = "rule \"R\"\nwhen\nthen\n    insert( x )";

        assertEquals("[4:5]", locateIn(cut, 4, "Rule Compilation error Syntax error, insert \";\" to complete Statement"));
    }

    @Test
    void locate_linePastTheEndOfTheText_keepsItsLineWithAnUnknownColumn() {
        assertEquals("[30:0]", where("Rule Compilation error Syntax error, insert \";\" to complete Statement", 30));
    }

    @Test
    void locate_nameOnTheLastLineOfACutOffRule_isFound() {
        String cut = "rule \"R\"\nwhen\n    Answr( present )";

        assertEquals("[3:5]", locateIn(cut, 2, "Unable to resolve ObjectType 'Answr'"));
    }

    private static final String TWICE = """
            rule "One"
            when
                Answer( presnt )
            then
            end
            rule "Two"
            when
                Answer( presnt )
            then
            end
            """;

    @Test
    void locate_expressionWithoutALine_takesTheLineMvelGivesInItsText() {
        String message = """
                Unable to Analyse Expression presnt:
                [Error: unable to resolve method using strict-mode: health.triage.facts.Answer.presnt()]
                [Near : {... presnt ....}]
                             ^
                [Line: 8, Column: 4]""";

        assertEquals("[8:13]", locateIn(TWICE, 0, message));
        assertEquals("[3:13]", locateIn(TWICE, 3, message), "a line Drools gives wins over the one in the text");
    }

    @Test
    void locate_expressionWithoutAnyLine_isReportedWhereverItIsWritten() {
        String message = """
                Unable to Analyse Expression presnt:
                [Error: unable to resolve method using strict-mode: health.triage.facts.Answer.presnt()]
                [Near : {... presnt ....}]
                             ^""";

        assertEquals("[3:13, 8:13]", locateIn(TWICE, 0, message));
    }

    // --- comments and strings: a name in a comment is not code, a // in a string is not a comment --------------------

    private static final String UNRESOLVED = "Rule Compilation error Urgency cannot be resolved to a type";

    @Test
    void locate_commentAtTheStartOfALine_isSkipped() {
        String text = "// Urgency, named in a comment\nrule \"R\"\nwhen\nthen\n    insert( new Urgency( 1 ) );\nend";

        assertEquals("[5:17]", locateIn(text, 0, UNRESOLVED));
    }

    @Test
    void locate_nameBeforeACommentOnTheSameLine_isFound() {
        String text = "rule \"R\"\nwhen\nthen\n    insert( new Urgency( 1 ) ); // Urgency again\nend";

        assertEquals("[4:17]", locateIn(text, 0, UNRESOLVED));
    }

    @Test
    void locate_doubleSlashInsideAString_isNotAComment() {
        String text = "rule \"R\"\nwhen\nthen\n    insert( new Referral( \"http://example.org\", Urgency ) );\nend";

        assertEquals("[4:49]", locateIn(text, 0, UNRESOLVED));
    }

    @Test
    void locate_commentAfterAString_isStillAComment() {
        String text = "rule \"R\"\nwhen\nthen\n    insert( new Referral( \"GP\", \"Soon.\" ) ); // not Urgency\n"
                + "    insert( new Urgency( 1 ) );\nend";

        assertEquals("[5:17]", locateIn(text, 0, UNRESOLVED));
    }

    @Test
    void locate_escapedQuoteInsideAString_doesNotEndTheString() {
        String text = "rule \"R\"\nwhen\nthen\n    insert( new Referral( \"say \\\"//\\\" twice\", Urgency ) );\nend";

        assertEquals("[4:47]", locateIn(text, 0, UNRESOLVED));
    }

    @Test
    void locate_singleSlash_isADivisionNotAComment() {
        String text = "rule \"R\"\nwhen\n    Patient( age / 10 > 7 ) Answr( present )\nthen\nend";

        assertEquals("[3:29]", locateIn(text, 0, "Unable to resolve ObjectType 'Answr'"));
    }

    @Test
    void locate_lineEndingInASlash_isReadToItsEnd() {
        String text = "rule \"R\"\nwhen\n    Patient( age /\n        10 > 7 ) Answr( present )\nthen\nend";

        assertEquals("[4:18]", locateIn(text, 0, "Unable to resolve ObjectType 'Answr'"));
    }

    private static String locateIn(String text, int line, String message) {
        return ProblemLocations.locate(new Problem("f.drl", line, 0, message), text).stream()
                .map(p -> p.line() + ":" + p.column()).toList().toString();
    }
}
