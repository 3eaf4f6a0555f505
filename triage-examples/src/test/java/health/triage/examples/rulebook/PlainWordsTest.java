package health.triage.examples.rulebook;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainWordsTest {

    @Test
    void conditions_answerStates_readAsYesNoOrNotAsked() {
        assertEquals(List.of("saddle_numbness: yes"),
                PlainWords.conditions("Answer( finding == Finding.SADDLE_NUMBNESS, present )"));
        assertEquals(List.of("fever: no"), PlainWords.conditions("Answer( finding == Finding.FEVER, absent )"));
        assertEquals(List.of("any of fever, night_sweats: not asked"), PlainWords.conditions(
                "Answer( $finding : finding, unknown,\n        finding in ( Finding.FEVER, Finding.NIGHT_SWEATS ) )"));
    }

    @Test
    void conditions_findingCodes_readExactlyAsTheEnumConstantsDo() {
        Map<String, String> sameTest = Map.of(
                "Answer( code == \"saddle_numbness\", present )",
                "Answer( finding == Finding.SADDLE_NUMBNESS, present )",
                "Answer( code == \"fever\", absent )", "Answer( finding == Finding.FEVER, absent )",
                "Answer( $finding : finding, unknown,\n        code in ( \"fever\", \"night_sweats\" ) )",
                "Answer( $finding : finding, unknown,\n        finding in ( Finding.FEVER, Finding.NIGHT_SWEATS ) )");

        sameTest.forEach((code, constant) ->
                assertEquals(PlainWords.conditions(constant), PlainWords.conditions(code), code));
    }

    @Test
    void conditions_severalPatterns_giveOneSentenceEach() {
        assertEquals(List.of("bilateral_leg_symptoms: yes",
                        "the person: duration in days not given or duration in days ≤ 14"),
                PlainWords.conditions("""
                        Answer( finding == Finding.BILATERAL_LEG_SYMPTOMS, present )
                        Patient( $durationDays : durationDays, durationDays == null || durationDays <= 14 )
                        """));
    }

    @Test
    void conditions_negationAndConclusionsOfEarlierStages_areSpelledOut() {
        assertEquals(List.of("the decision: disposition is ROUTINE, likely source is PIRIFORMIS",
                        "the person: age ≥ 16, pregnant is not true", "NOT: a red flag was raised"),
                PlainWords.conditions("""
                        Triage( disposition == Disposition.ROUTINE, likelySource == LikelySource.PIRIFORMIS )
                        Patient( age >= 16, pregnant != true )
                        not RedFlag() // any warning sign withholds the plan
                        """));
    }

    @Test
    void conditions_cueCounts_readAsNumbers() {
        assertEquals(List.of("buttock_pain: yes", "the number of cues pointing to PIRIFORMIS is at least 3",
                        "the number of cues pointing to SPINAL is fewer than the number of piriformis cues"),
                PlainWords.conditions("""
                        Answer( finding == Finding.BUTTOCK_PAIN, present )
                        $piriformis : List( size >= 3 ) from collect( Cue( pointsTo == LikelySource.PIRIFORMIS ) )
                        $spinal : List( size < $piriformis.size ) from collect( Cue( pointsTo == LikelySource.SPINAL ) )
                        """));
    }

    @Test
    void conditions_none_readAsAlways() {
        assertEquals(List.of("Always (no condition)"), PlainWords.conditions(""));
    }

    @Test
    void conditions_unknownShape_isShownAsWritten() {
        assertEquals(List.of("as written: eval( 1 + 1 == 2 )"), PlainWords.conditions("eval( 1 + 1 == 2 )"));
    }

    @Test
    void conclusions_eachInsertedFact_readsAsASentence() {
        assertEquals(List.of(
                        "red flag cauda_equina (EMERGENCY): Numbness, here; with a semicolon.",
                        "disposition at least ROUTINE",
                        "list the question as unanswered; disposition at least URGENT",
                        "likely source SPINAL",
                        "refer to GP: Today."),
                PlainWords.conclusions("""
                        insert( new RedFlag( "cauda_equina", Disposition.EMERGENCY,
                            "Numbness, here; with a semicolon." ) );
                        insert( new Urgency( Disposition.ROUTINE ) );
                        insert( new Unanswered( $finding, Disposition.URGENT ) );
                        insert( new SourceVerdict( LikelySource.SPINAL ) );
                        insert( new Referral( "GP", "Today." ) ); // comment
                        """));
    }

    @Test
    void findings_listsEachCodeOnce() {
        assertEquals(List.of("fever", "iv_drug_use"), PlainWords.findings(
                "Answer( finding == Finding.FEVER, present ) Answer( finding in (Finding.IV_DRUG_USE, Finding.FEVER) )"));
    }

    @Test
    void findings_listsTheCodesAnswersTestInOrder_andNotTheCodesOfOtherFacts() {
        assertEquals(List.of("limp", "fever", "iv_drug_use"), PlainWords.findings("""
                Answer( code == "limp", present )
                not RedFlag( code == "cauda_equina" )
                accumulate( Answer( present, code in ( "fever", "iv_drug_use",
                                                       "limp" ) ); $n : count( 1 ) )"""));
    }

    @Test
    void findings_aRoleTestNamesNoFinding() {
        assertEquals(List.of("fever"), PlainWords.findings(
                "Answer( finding.role == Finding.Role.STRATIFICATION, unknown ) Answer( code == \"fever\", present )"));
    }
}
