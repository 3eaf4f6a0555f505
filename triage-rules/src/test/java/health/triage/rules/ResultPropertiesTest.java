package health.triage.rules;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.Reason;
import health.triage.RuleInfo;
import health.triage.SafetyNet;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.internal.Assessments;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static health.triage.rules.CaseFileFormat.caseFile;
import static health.triage.rules.GeneratedCases.with;
import static health.triage.rules.GeneratedCases.withPresent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result claims of docs/POLICY.md as properties of the shipped rule base, checked on generated cases (see
 * {@link GeneratedCases}): results are deterministic and explained by existing rules with sources, and the
 * {@link BilateralLegSymptomsPolicy} changes only what it is for. Each property runs 10,000 tries in the normal build
 * and 1,000,000 with {@code -Pexhaustive}; a failure shrinks to a minimal case and prints it as a case file.
 */
class ResultPropertiesTest {

    private static PropertyEngines engines;

    @BeforeContainer
    static void buildEngines() {
        engines = new PropertyEngines();
    }

    @AfterContainer
    static void closeEngines() {
        engines.close();
    }

    private static Assessment assess(TriageCase c, BilateralLegSymptomsPolicy policy) {
        return engines.assess(c, policy);
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        return GeneratedCases.cases();
    }

    // --- determinism and traceability ----------------------------------------------------------------------------

    /** The same case gives an identical result, reasons and their order included, on every call and engine. */
    @Property
    void sameCase_givesAnIdenticalResult(@ForAll("cases") TriageCase c) {
        BilateralLegSymptomsPolicy policy = BilateralLegSymptomsPolicy.DEFAULT;
        Assessment first = assess(c, policy);
        assertEquals(first, assess(c, policy), () -> "second call differs\n" + caseFile(c));
        assertEquals(first, engines.another().assess(c), () -> "another engine differs\n" + caseFile(c));
    }

    /** Every result has a reason; every reason names an existing rule, with its sentence and its source. */
    @Property
    void everyResult_isExplainedByExistingRulesWithSources(@ForAll("cases") TriageCase c,
                                                           @ForAll BilateralLegSymptomsPolicy policy) {
        Assessment result = assess(c, policy);
        assertFalse(result.reasons().isEmpty(), () -> "no reason\n" + caseFile(c));
        assertFalse(result.decisiveReasons().isEmpty(), () -> "no reason for the disposition\n" + caseFile(c));
        for (Reason reason : result.reasons()) {
            RuleInfo rule = engines.rulesById().get(reason.ruleId());
            assertNotNull(rule, () -> "reason names no rule of the rule base: " + reason + "\n" + caseFile(c));
            assertEquals(rule.name(), reason.rule(), () -> "reason sentence differs from rule " + rule.id());
            assertEquals(rule.source(), reason.source(), () -> "reason source differs from rule " + rule.id());
            assertFalse(reason.source().isBlank(), () -> "rule " + rule.id() + " has no source");
        }
        assertEquals(policy, result.bilateralLegSymptomsPolicy(), "policy recorded in the result");
        assertEquals(engines.another().ruleBaseVersion(), result.ruleBaseVersion(), "rule base version recorded");
    }

    // --- the bilateral leg symptoms policy -----------------------------------------------------------------------

    /**
     * The two policies give the same result except for new symptoms in both legs: those are an emergency under
     * EMERGENCY, and at least URGENT with emergency safety-netting under URGENT.
     */
    @Property
    void bilateralPolicy_changesOnlyNewSymptomsInBothLegs(@ForAll("cases") TriageCase c) {
        Assessment emergency = assess(c, BilateralLegSymptomsPolicy.EMERGENCY);
        Assessment urgent = assess(c, BilateralLegSymptomsPolicy.URGENT);
        boolean newBilateral = Boolean.TRUE.equals(c.findings().get(Finding.BILATERAL_LEG_SYMPTOMS))
                && (c.durationDays() == null || c.durationDays() <= 14
                    || Boolean.TRUE.equals(c.findings().get(Finding.BILATERAL_ONSET_RECENT)));
        Statistics.label("new symptoms in both legs").collect(newBilateral);
        if (!newBilateral) {
            assertEquals(emergency, withPolicy(urgent, BilateralLegSymptomsPolicy.EMERGENCY),
                    () -> "the policy changed a case without new symptoms in both legs\n" + caseFile(c));
            return;
        }
        assertEquals(Disposition.EMERGENCY, emergency.disposition(), () -> "EMERGENCY policy\n" + caseFile(c));
        assertAtLeast(Disposition.URGENT, urgent, c, "URGENT policy");
        if (urgent.disposition() != Disposition.EMERGENCY) {
            assertTrue(urgent.safetyNet().stream().map(SafetyNet::seekCare).anyMatch(d -> d == Disposition.EMERGENCY),
                    () -> "no emergency safety-netting under the URGENT policy\n" + caseFile(c));
            assertTrue(urgent.reasons().stream().anyMatch(r -> r.ruleId().equals("SN-05")),
                    () -> "no cauda equina safety-netting (SN-05) under the URGENT policy\n" + caseFile(c));
        }
    }

    private static Assessment withPolicy(Assessment a, BilateralLegSymptomsPolicy policy) {
        return Assessments.of(a.caseId(), a.disposition(), a.likelySource(), a.cuesFor(), a.cuesAgainst(),
                a.redFlags(), a.unanswered(), a.alsoConsider(), a.referrals(), a.selfCare(), a.safetyNet(),
                a.reasons(), a.ruleBaseVersion(), policy, a.stratification(), a.stratificationUnanswered());
    }

    /** The assessment's disposition is at least as urgent as {@code floor}. */
    private static void assertAtLeast(Disposition floor, Assessment a, TriageCase c, String why) {
        assertFalse(floor.isMoreUrgentThan(a.disposition()), () -> why + ": " + a.disposition() + " is less urgent than "
                + floor + "\n" + caseFile(c));
    }
}
