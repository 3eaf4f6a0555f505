package health.triage.examples;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stratified-care example cases ({@code cases/sc-*.json}) beyond their disposition and source: the STarT Back risk,
 * the referral and what the self-care plan must and must not hold. The expectations come from the helper who wrote the
 * cases blind to the rules (its expected risk and referral for each case, and its "must include" and "must not
 * include" advice), written here as step titles and referral names. Since 2026-12 the piriformis row follows the
 * blind writer too (docs/POLICY.md "Stratified care": no risk is scored or printed outside back pain).
 */
class StratifiedCareExamplesTest {

    /** Expected STarT Back risk ("none": not reported) and a word every expected referral's name holds. */
    private record Expected(String risk, String referral) {
    }

    private static final String SELF_CARE = "Self-care";
    private static final String PHYSIO = "Physiotherapist";
    private static final String PSYCHOLOGICAL = "psychological support";
    private static final String GP = "GP or physiotherapist";

    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("sc-low-none-agreed-back-buttock.json", new Expected("LOW", SELF_CARE));
        EXPECTED.put("sc-low-sciatica-total2.json", new Expected("LOW", SELF_CARE));
        EXPECTED.put("sc-low-boundary-total3.json", new Expected("LOW", SELF_CARE));
        EXPECTED.put("sc-low-total3-all-psychosocial.json", new Expected("LOW", SELF_CARE));
        EXPECTED.put("sc-medium-boundary-total4.json", new Expected("MEDIUM", PHYSIO));
        EXPECTED.put("sc-medium-total5-psychosocial3.json", new Expected("MEDIUM", PHYSIO));
        EXPECTED.put("sc-high-boundary-total4-psychosocial4.json", new Expected("HIGH", PSYCHOLOGICAL));
        EXPECTED.put("sc-high-sciatica-total7.json", new Expected("HIGH", PSYCHOLOGICAL));
        EXPECTED.put("sc-high-all-nine-agreed.json", new Expected("HIGH", PSYCHOLOGICAL));
        EXPECTED.put("sc-startback-partly-answered.json", new Expected("none", GP));
        EXPECTED.put("sc-startback-not-asked.json", new Expected("none", GP));
        EXPECTED.put("sc-startback-one-missing-low-certain.json", new Expected("none", GP));
        EXPECTED.put("sc-red-cancer-numbness-startback-low.json", new Expected("none", "Emergency department"));
        EXPECTED.put("sc-red-saddle-numbness-startback-high.json", new Expected("none", "Emergency department"));
        EXPECTED.put("sc-weak-age56-startback-low.json", new Expected("LOW", GP));
        EXPECTED.put("sc-weak-pain9-startback-low.json", new Expected("LOW", GP));
        EXPECTED.put("sc-weak-age58-startback-high.json", new Expected("HIGH", GP));
        EXPECTED.put("sc-spinal-not-improving-9-weeks.json", new Expected("LOW", GP));
        EXPECTED.put("sc-spinal-anticoagulant-startback-low.json", new Expected("LOW", SELF_CARE));
        EXPECTED.put("sc-spinal-age67-startback-low.json", new Expected("LOW", GP));
        EXPECTED.put("sc-piriformis-startback-answered.json", new Expected("none", SELF_CARE));
        EXPECTED.put("sc-gtps-clear-pattern.json", new Expected("none", SELF_CARE));
        EXPECTED.put("sc-gtps-with-hip-joint-signs.json", new Expected("none", GP));
        EXPECTED.put("sc-pregnancy-pelvic-girdle-pain.json", new Expected("none", "Midwife"));
        EXPECTED.put("sc-pregnancy-fever-loin-pain.json", new Expected("none", "Midwife"));
    }

    private static Map<String, JsonNode> results;

    @BeforeAll
    static void assessTheStratifiedCareExamples() {
        results = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        EXPECTED.keySet().forEach(file -> paths.add("cases/" + file));
        List<String> args = new ArrayList<>(List.of("assess", "--json", "--no-next-questions"));
        args.addAll(paths);
        Cli.Result run = Cli.run(args.toArray(String[]::new));
        assertEquals(TriageCommand.OK, run.exit(), run::toString);
        for (JsonNode line : run.json()) {
            results.put(line.get("input").asText().replace("cases/", ""), line);
        }
    }

    @TestFactory
    Stream<DynamicTest> stratifiedCare_hasTheExpectedRiskAndReferral() {
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode result = results.get(e.getKey());
            assertTrue(result != null && !result.has("error"), () -> e.getKey() + " was not assessed: " + result);
            String risk = result.has("stratification") ? result.get("stratification").get("risk").asText() : "none";
            List<String> referrals = new ArrayList<>();
            result.get("referral").forEach(r -> referrals.add(r.get("whom").asText()));
            assertAll(e.getKey(),
                    () -> assertEquals(e.getValue().risk(), risk, "STarT Back risk"),
                    () -> assertTrue(referrals.stream().anyMatch(whom -> whom.contains(e.getValue().referral())),
                            () -> "a referral to " + e.getValue().referral() + " expected, were " + referrals));
        }));
    }

    @Test
    void lowRiskSciatica_planNamesEveryReasonNotToTakeAnAntiInflammatory() {
        String plan = planText("sc-low-sciatica-total2.json");

        for (String exclusion : List.of("pregnant", "65 or over", "blood thinners", "kidney disease", "stomach ulcer",
                "asthma", "pharmacist", "bed rest does not help", "4 to 6 weeks")) {
            assertTrue(plan.contains(exclusion), () -> "the sciatica plan should say '" + exclusion + "': " + plan);
        }
    }

    @Test
    void bloodThinnersOrAge65_noSelfChosenAntiInflammatory() {
        for (String file : List.of("sc-spinal-anticoagulant-startback-low.json", "sc-spinal-age67-startback-low.json")) {
            List<String> titles = stepTitles(file);
            assertTrue(titles.contains("Painkillers: ask first"), () -> file + ": " + titles);
            assertFalse(titles.contains("Painkillers from a pharmacist"), () -> file + ": " + titles);
        }
    }

    @Test
    void greaterTrochantericPain_getsItsOwnPlanAndNoPiriformisStretchOrRoller() {
        List<String> titles = stepTitles("sc-gtps-clear-pattern.json");

        assertTrue(titles.containsAll(List.of("Take the pressure off the outer hip", "Manage the load", "When to be seen")),
                titles::toString);
        for (String piriformis : List.of("Figure-four stretch, lying down", "Seated piriformis stretch",
                "Foam roller for the buttock", "Steady pressure on each tender point")) {
            assertFalse(titles.contains(piriformis), () -> "outer-hip pain must not get '" + piriformis + "'");
        }
    }

    @Test
    void pregnancy_getsPregnancyAdviceAndWarningSignsButNoAntiInflammatoryOrOneLegExercise() {
        JsonNode result = results.get("sc-pregnancy-pelvic-girdle-pain.json");
        List<String> titles = stepTitles("sc-pregnancy-pelvic-girdle-pain.json");
        List<String> safetyNet = new ArrayList<>();
        result.get("safetyNet").forEach(n -> safetyNet.add(n.get("text").asText()));

        assertTrue(titles.containsAll(List.of("Painkillers in pregnancy", "Sleep and turn over comfortably")),
                titles::toString);
        assertFalse(titles.contains("Hip circles and pelvic tilts"), titles::toString);
        assertFalse(titles.contains("Painkillers from a pharmacist"), titles::toString);
        assertTrue(safetyNet.stream().anyMatch(t -> t.contains("maternity unit")), safetyNet::toString);
        assertTrue(safetyNet.stream().anyMatch(t -> t.contains("cauda equina")), safetyNet::toString);
    }

    private static List<String> stepTitles(String file) {
        List<String> titles = new ArrayList<>();
        results.get(file).get("selfCare").forEach(step -> titles.add(step.get("title").asText()));
        return titles;
    }

    private static String planText(String file) {
        StringBuilder text = new StringBuilder();
        results.get(file).get("selfCare").forEach(step -> text.append(step.get("howTo").asText()).append(' ')
                .append(step.get("precaution").asText()).append(' '));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
