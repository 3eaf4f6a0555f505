package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick-start snippet, compiled and run; the README must show exactly this code. */
class QuickStartTest {

    @Test
    void readmeQuickStart_runsAndAdvisesSelfCareForAScreenedPiriformisPattern() {
        String printed = ReadmeSnippets.printed(QuickStartTest::quickStart);

        assertTrue(printed.startsWith("SELF_CARE: " + Disposition.SELF_CARE.timeframe() + System.lineSeparator()
                + "Likely source: PIRIFORMIS" + System.lineSeparator()), printed);
        assertTrue(printed.contains("back pocket"), "the wallet advice is chosen because the person sits on a wallet");
        assertTrue(Pattern.compile("(?m)^SRC-\\d+ .+ \\[.+]$").matcher(printed).find(),
                "a reason names the rule that chose the likely source, its sentence and its source:\n" + printed);
    }

    private static void quickStart() {
        // README:begin
        try (TriageEngine engine = TriageEngine.builder().build()) {   // in an app: build one at start-up, share it
            TriageCase person = TriageCase.builder(34)
                    .durationDays(30)
                    .present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.DEEP_BUTTOCK_TENDERNESS,
                            Finding.WALLET_IN_BACK_POCKET)
                    .absent(Finding.screeningQuestions())   // every screening question asked and answered no
                    .absent(Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK,
                            Finding.STRAIGHT_LEG_RAISE_POSITIVE, Finding.SPINE_TENDERNESS, Finding.WORSE_COUGH_SNEEZE,
                            Finding.WORSE_SPINE_BENDING, Finding.LATERAL_HIP_PAIN)   // nothing else changes the source
                    .absent(Finding.LEG_NUMBNESS_TINGLING, Finding.DIFFICULTY_WALKING)   // no nerve symptom in the leg
                    .build();

            Assessment result = engine.assess(person);

            System.out.println(result.disposition() + ": " + result.timeframe());
            System.out.println("Likely source: " + result.likelySource());
            result.selfCare().forEach(step -> System.out.println(step.title() + ": " + step.howTo()));
            for (Reason reason : result.reasons()) {
                System.out.println(reason.ruleId() + " " + reason.rule() + " [" + reason.source() + "]");
            }
        }
        // README:end
    }

    @Test
    void readme_showsTheQuickStartExactlyWithItsImports() throws IOException {
        ReadmeSnippets.assertReadmeShows("QuickStartTest.java", "README");
    }
}
