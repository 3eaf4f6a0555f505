package health.triage.rules;

import health.triage.Assessment;
import health.triage.RuleCase;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build pre-builds the executable model of the DRL (health.triage.internal.PrebuiltModel) and the built-in
 * engine uses it; it must decide and explain exactly as the DRL compiled at run time (as {@code rulesFrom} does).
 */
class PrebuiltModelTest {

    private static TriageEngine prebuilt;
    private static TriageEngine drl;

    @BeforeAll
    static void buildEngines() {
        prebuilt = TriageEngine.builder().build();
        drl = TriageEngine.builder().rulesFrom(RuleCaseFiles.RULES).build();
    }

    @AfterAll
    static void closeEngines() {
        prebuilt.close();
        drl.close();
    }

    @Test
    void build_ofThisRuleBase_recordsTheVersionOfTheDrlItWasMadeFrom() throws IOException {
        Properties index = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/health/triage/rules/executable-model.properties")) {
            assertNotNull(in, "the build made no executable model");
            index.load(in);
        }
        assertEquals(prebuilt.ruleBaseVersion(), index.getProperty("version"));
    }

    @Test
    void assess_everyPerRuleCase_givesTheSameAssessmentAsTheDrl() {
        List<String> different = new ArrayList<>();
        for (RuleCase ruleCase : RuleCaseFiles.all()) {
            TriageCase c = ruleCase.triageCase();
            String fromModel = withoutVersion(prebuilt.assess(c));
            String fromDrl = withoutVersion(drl.assess(c));
            if (!fromModel.equals(fromDrl)) {
                different.add(ruleCase.title() + "\n  model: " + fromModel + "\n  DRL:   " + fromDrl);
            }
        }
        assertTrue(different.isEmpty(), String.join("\n", different));
    }

    @Test
    void assess_withoutTheDrlCompilerOnTheClasspath_givesTheSameAssessments() throws Exception {
        List<String> expected = new ArrayList<>();
        for (RuleCase ruleCase : LeanClasspath.Probe.firingCases()) {
            expected.add(withoutVersion(prebuilt.assess(ruleCase.triageCase())));
        }
        List<String> lean = LeanClasspath.run(LeanClasspath.Probe.class, "assess");
        assertEquals(expected, lean);
    }

    @Test
    void rulesFrom_withoutTheDrlCompilerOnTheClasspath_namesTheDependencyToAdd() throws Exception {
        List<String> lean = LeanClasspath.run(LeanClasspath.Probe.class, "rulesFrom");
        assertEquals(List.of("IllegalStateException: rules from a folder (rulesFrom) are compiled from DRL at run "
                + "time, which needs the DRL compiler: add the dependency org.drools:drools-mvel:10.2.0 to the "
                + "application (org.drools.mvel.DrlDumper was not found)"), lean);
    }

    /** The folder's version says "local" instead of the release; everything else must be equal. */
    static String withoutVersion(Assessment a) {
        return a.toString().replace(a.ruleBaseVersion(), "VERSION");
    }
}
