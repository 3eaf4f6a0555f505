package health.triage.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleTextsTest {

    private static final String TWO_RULES = String.join("\n",
            "rule \"First rule on line one\"",                     // 1
            "    @id(A-01) @source(\"test\")",                    // 2
            "when // conditions",                                   // 3
            "    Answer( finding == Finding.FEVER, present )",      // 4
            "",                                                     // 5
            "        Patient( age > 70 )",                          // 6
            "then",                                                 // 7
            "    insert( new Urgency( Disposition.URGENT ) );",     // 8
            "end",                                                  // 9
            "rule \"A \\\"quoted\\\" rule in the source stage\" salience 10", // 10
            "    ruleflow-group \"source\"",                        // 11
            "when",                                                 // 12
            "    // ruleflow-group \"advice\" in a comment after when does not change the stage",  // 13
            "then",                                                 // 14
            "    insert( new SourceVerdict( LikelySource.UNCLEAR ) );", // 15
            "end   // done");                                       // 16

    @Test
    void split_findsEachRuleWithItsLinesStageAndParts() {
        List<RuleTexts.RuleText> rules = RuleTexts.split("two.drl", TWO_RULES);

        assertEquals(List.of(
                new RuleTexts.RuleText("First rule on line one", "two.drl", 1, 9, "findings",
                        "Answer( finding == Finding.FEVER, present )\n\n    Patient( age > 70 )",
                        "insert( new Urgency( Disposition.URGENT ) );"),
                new RuleTexts.RuleText("A \"quoted\" rule in the source stage", "two.drl", 10, 16, "source",
                        "// ruleflow-group \"advice\" in a comment after when does not change the stage",
                        "insert( new SourceVerdict( LikelySource.UNCLEAR ) );")),
                rules);
    }

    @Test
    void split_ruleWithoutEnd_runsToTheLastLine() {
        List<RuleTexts.RuleText> rules = RuleTexts.split("cut.drl", "// header\nrule \"Cut off\"\nwhen\n  Patient()\nthen\n"
                + "  insert( x );");

        assertEquals(List.of(new RuleTexts.RuleText("Cut off", "cut.drl", 2, 6, "findings", "Patient()",
                "")), rules);
    }

    @Test
    void split_ruleWithoutWhenOrThen_hasEmptyParts() {
        assertEquals(List.of(new RuleTexts.RuleText("Bare", "bare.drl", 1, 2, "findings", "", "")),
                RuleTexts.split("bare.drl", "rule \"Bare\"\nend"));
    }

    @Test
    void split_thenBeforeWhen_isNotTakenAsTheConclusion() {
        List<RuleTexts.RuleText> rules = RuleTexts.split("odd.drl", "rule \"Odd\"\nthen\nwhen\n  Patient()\nend");

        assertEquals("", rules.get(0).conditions());
        assertEquals("", rules.get(0).conclusion());
    }

    @Test
    void split_textWithoutRules_givesNone() {
        assertEquals(List.of(), RuleTexts.split("none.drl", "package x;\n// no rule here\nend"));
    }
}
