package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Reason;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick-start snippet, compiled and run; the README must show exactly this code. */
class QuickStartTest {

    @Test
    void readmeQuickStart_runsAndAdvisesSelfCareForAScreenedPiriformisPattern() {
        Assessment[] returned = new Assessment[1];
        String printed = ReadmeSnippets.printed(() -> returned[0] = quickStart());
        Assessment result = returned[0];

        assertEquals(Disposition.SELF_CARE, result.disposition());
        assertEquals(LikelySource.PIRIFORMIS, result.likelySource());
        assertTrue(result.selfCare().stream().anyMatch(s -> s.howTo().contains("back pocket")),
                "the wallet advice is chosen because the person sits on a wallet");
        assertFalse(result.safetyNet().isEmpty(), "self-care always comes with safety-netting");
        assertTrue(printed.startsWith("SELF_CARE: " + result.timeframe() + System.lineSeparator()), printed);
        assertTrue(printed.contains(result.reasons().get(0).ruleId() + " " + result.reasons().get(0).rule()), printed);
    }

    private static Assessment quickStart() {
        // README:begin
        TriageEngine engine = TriageEngine.builder().build();   // compiles the rules of triage-rules; build once, share
        TriageCase person = TriageCase.builder(34)
                .durationDays(30)
                .present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.DEEP_BUTTOCK_TENDERNESS,
                        Finding.WALLET_IN_BACK_POCKET)
                .absent(Finding.screeningQuestions())   // every screening question asked and answered no
                .absent(Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK, Finding.STRAIGHT_LEG_RAISE_POSITIVE,
                        Finding.SPINE_TENDERNESS, Finding.WORSE_COUGH_SNEEZE, Finding.WORSE_SPINE_BENDING,
                        Finding.LATERAL_HIP_PAIN)   // nothing else could change the likely source
                .build();

        Assessment result = engine.assess(person);

        System.out.println(result.disposition() + ": " + result.timeframe());
        result.selfCare().forEach(step -> System.out.println(step.title() + ": " + step.howTo()));
        for (Reason reason : result.reasons()) {
            System.out.println(reason.ruleId() + " " + reason.rule() + " [" + reason.source() + "]");
        }
        // README:end
        engine.close();
        return result;
    }

    @Test
    void readme_showsTheQuickStartExactlyWithItsImports() throws IOException {
        ReadmeSnippets.assertReadmeShows("QuickStartTest.java", "README");
    }
}
