package health.triage.internal;

import health.triage.internal.FindingCodes.Literal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingCodesTest {

    @Test
    void literals_areTheCodesAnswerPatternsTest_withWhereTheirQuoteIs_inOrder() {
        String drl = """
                Answer( code == "limp", present )
                not Answer( present, code in ( "fever",
                                               "night_sweats" ) )""";

        assertEquals(List.of(new Literal("limp", drl.indexOf("\"limp\"")),
                new Literal("fever", drl.indexOf("\"fever\"")),
                new Literal("night_sweats", drl.indexOf("\"night_sweats\""))), FindingCodes.literals(drl));
    }

    @Test
    void literals_skipCommentsAndTheCodesOfOtherFacts() {
        String drl = """
                RedFlag( code == "cauda_equina" ) // Answer( code == "in_a_comment" )
                /* Answer( code == "in_a_block_comment" ) */
                Mimic( code in ( "trochanteric_pain" ) )
                Answer( $finding : finding, unknown, code != "fever" ) // "quoted" in a comment""";

        assertEquals(List.of(new Literal("fever", drl.indexOf("\"fever\""))), FindingCodes.literals(drl));
    }
}
