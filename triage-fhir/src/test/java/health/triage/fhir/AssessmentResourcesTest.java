package health.triage.fhir;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.SelfCareStep;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessmentResourcesTest {

    private static TriageEngine engine;

    @BeforeAll
    static void build() {
        engine = TriageEngine.builder().build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void guidanceResponse_ofAnExampleCaseOfEachDisposition_validatesAgainstFhirR4() {
        // one per disposition: validation costs tens of milliseconds each, and far more on a loaded machine
        Set<Disposition> seen = EnumSet.noneOf(Disposition.class);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TriageCase> example : ExampleCases.all().entrySet()) {
            Assessment assessment = engine.assess(example.getValue());
            if (seen.add(assessment.disposition())) {
                GuidanceResponse response = AssessmentResources.guidanceResponse(assessment, null);
                R4Validator.errors(response).forEach(error -> problems.add(example.getKey() + ": " + error));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(EnumSet.allOf(Disposition.class), seen, "the examples cover every disposition");
    }

    @Test
    void guidanceResponse_carriesTheDispositionRedFlagsWithEvidenceReasonsAndRuleBaseVersion() {
        TriageCase person = TriageCase.builder(45).present(Finding.SADDLE_NUMBNESS, Finding.BUTTOCK_PAIN).build();
        Assessment assessment = engine.assess(person);
        GuidanceResponse response = AssessmentResources.guidanceResponse(assessment, null);
        Parameters output = (Parameters) contained(response, "output");

        assertEquals(AssessmentResources.MODULE + "|" + engine.ruleBaseVersion(), response.getModuleCanonicalType()
                .getValue());
        assertEquals("EMERGENCY", ((Coding) output.getParameter("disposition").getValue()).getCode());
        assertEquals(Disposition.EMERGENCY.timeframe(), output.getParameter("timeframe").getValue().primitiveValue());
        assertEquals(engine.ruleBaseVersion(), output.getParameter("ruleBaseVersion").getValue().primitiveValue());

        List<ParametersParameterComponent> flags = output.getParameters("redFlag");
        assertEquals(assessment.redFlags().size(), flags.size());
        RedFlag first = assessment.redFlags().get(0);
        assertEquals(first.code(), part(flags.get(0), "code").get(0));
        assertEquals(first.evidence(), part(flags.get(0), "evidence"));
        assertTrue(first.evidence().contains("saddle_numbness"), first.evidence().toString());

        List<ParametersParameterComponent> reasons = output.getParameters("reason");
        assertEquals(assessment.reasons().size(), reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            Reason reason = assessment.reasons().get(i);
            assertEquals(List.of(reason.ruleId()), part(reasons.get(i), "ruleId"));
            assertEquals(List.of(reason.rule()), part(reasons.get(i), "rule"));
            assertEquals(List.of(reason.source()), part(reasons.get(i), "source"));
            assertEquals(reason.findings(), part(reasons.get(i), "finding"));
        }
    }

    @Test
    void guidanceResponse_nerveRootPainScored_carriesTheStarTBackRiskAsPublished() {
        // Hill 2008: 5 items agreed, 4 of them psychosocial: total >= 4 and subscale >= 4 is HIGH risk
        TriageCase person = nerveRootPain()
                .present(Finding.STARTBACK_LEG_PAIN_SPREAD, Finding.STARTBACK_WORRYING_THOUGHTS,
                        Finding.STARTBACK_TERRIBLE_NEVER_BETTER, Finding.STARTBACK_NOT_ENJOYING_THINGS,
                        Finding.STARTBACK_VERY_BOTHERSOME)
                .absent(Finding.STARTBACK_SHOULDER_NECK_PAIN, Finding.STARTBACK_WALKED_SHORT_DISTANCES,
                        Finding.STARTBACK_DRESSED_SLOWLY, Finding.STARTBACK_UNSAFE_TO_BE_ACTIVE)
                .build();
        GuidanceResponse response = AssessmentResources.guidanceResponse(engine.assess(person), null);
        ParametersParameterComponent stratification = ((Parameters) contained(response, "output"))
                .getParameter("stratification");

        assertEquals(List.of("STarT Back"), part(stratification, "tool"));
        assertEquals(List.of("HIGH"), part(stratification, "risk"));
        assertEquals(List.of("5"), part(stratification, "total"));
        assertEquals(List.of("4"), part(stratification, "psychosocial"));
        assertEquals(List.of(), R4Validator.errors(response));
    }

    @Test
    void guidanceResponse_nerveRootPainNotScored_listsTheUnansweredStarTBackItemsAndNoRisk() {
        Assessment assessment = engine.assess(nerveRootPain().present(Finding.STARTBACK_LEG_PAIN_SPREAD).build());
        Parameters output = (Parameters) contained(AssessmentResources.guidanceResponse(assessment, null), "output");

        assertNull(output.getParameter("stratification"));
        assertEquals(Finding.stratificationItems().stream().filter(f -> f != Finding.STARTBACK_LEG_PAIN_SPREAD)
                        .map(Finding::code).collect(Collectors.toSet()),
                output.getParameters("stratificationUnanswered").stream()
                        .map(p -> ((Coding) p.getValue()).getCode()).collect(Collectors.toSet()));
    }

    /** Leg pain below the knee, worse than the back, with a positive straight leg raise; no screening question yes. */
    private static TriageCase.Builder nerveRootPain() {
        return TriageCase.builder(40).durationDays(10)
                .present(Finding.BUTTOCK_PAIN, Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK,
                        Finding.STRAIGHT_LEG_RAISE_POSITIVE, Finding.WORSE_COUGH_SNEEZE)
                .absent(Finding.screeningQuestions());
    }

    @Test
    void guidanceResponse_referralsAreServiceRequests_selfCareAndSafetyNetAreActions() {
        Assessment selfCare = engine.assess(selfCareCase());
        assertEquals(Disposition.SELF_CARE, selfCare.disposition());
        GuidanceResponse response = AssessmentResources.guidanceResponse(selfCare, new Reference("Patient/p1"));
        CarePlan plan = (CarePlan) contained(response, "plan");

        assertEquals(GuidanceResponse.GuidanceResponseStatus.SUCCESS, response.getStatus());
        assertEquals("#plan", response.getResult().getReference());
        assertEquals("Patient/p1", plan.getSubject().getReference());
        assertEquals(Disposition.SELF_CARE.timeframe(), plan.getDescription());
        List<String> steps = plan.getActivity().stream().filter(CarePlan.CarePlanActivityComponent::hasDetail)
                .map(activity -> activity.getDetail().getCode().getText()).toList();
        assertEquals(selfCare.selfCare().stream().map(SelfCareStep::title).toList(), steps);
        assertTrue(plan.getActivity().stream().filter(CarePlan.CarePlanActivityComponent::hasDetail).findFirst()
                .orElseThrow().getDetail().getDescription().endsWith("Precaution: "
                        + selfCare.selfCare().get(0).precaution()));
        List<String> referrals = plan.getActivity().stream().filter(CarePlan.CarePlanActivityComponent::hasReference)
                .map(activity -> ((ServiceRequest) contained(response, activity.getReference().getReference()
                        .substring(1))).getCode().getText()).toList();
        assertEquals(selfCare.referrals().stream().map(r -> "Referral to " + r.whom()).toList(), referrals);
        assertEquals(selfCare.safetyNet().size(), plan.getNote().size());
        assertEquals(List.of(), R4Validator.errors(response));
    }

    @Test
    void guidanceResponse_incomplete_isDataRequested() {
        TriageCase partial = TriageCase.builder(34).present(Finding.BUTTOCK_PAIN).build();
        NextQuestions next = engine.nextQuestions(partial);
        GuidanceResponse response = AssessmentResources.guidanceResponse(next, null);
        assertEquals(GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED, response.getStatus());
        Parameters output = (Parameters) contained(response, "output");
        assertEquals(next.assessment().unanswered().size(), output.getParameters("unanswered").size());
    }

    @Test
    void guidanceResponse_sameAssessment_givesTheSameResource() {
        Assessment assessment = engine.assess(selfCareCase());
        assertEquals(FhirFormat.write(AssessmentResources.guidanceResponse(assessment, null)),
                FhirFormat.write(AssessmentResources.guidanceResponse(engine.assess(selfCareCase()), null)));
    }

    @Test
    void referral_isAProposedServiceRequestForThePatient_withTheDispositionsPriority() {
        Assessment urgent = engine.assess(TriageCase.builder(45).present(Finding.FEVER, Finding.BUTTOCK_PAIN)
                .absent(Finding.EMERGENCY_SCREEN.toArray(Finding[]::new)).build());
        assertEquals(Disposition.URGENT, urgent.disposition());
        ServiceRequest request = AssessmentResources.referral(urgent.referrals().get(0), urgent.disposition(),
                new Reference("Patient/123"));
        assertEquals(ServiceRequest.ServiceRequestIntent.PROPOSAL, request.getIntent());
        assertEquals(ServiceRequest.ServiceRequestPriority.URGENT, request.getPriority());
        assertEquals("Patient/123", request.getSubject().getReference());
        assertEquals(List.of(), R4Validator.errors(request));
    }

    static TriageCase selfCareCase() {
        return TriageCase.builder(34).durationDays(30)
                .present(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING, Finding.DEEP_BUTTOCK_TENDERNESS,
                        Finding.WALLET_IN_BACK_POCKET)
                .absent(Finding.screeningQuestions())
                .absent(Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK, Finding.STRAIGHT_LEG_RAISE_POSITIVE,
                        Finding.SPINE_TENDERNESS, Finding.WORSE_COUGH_SNEEZE, Finding.WORSE_SPINE_BENDING,
                        Finding.LATERAL_HIP_PAIN)
                .absent(Finding.LEG_NUMBNESS_TINGLING, Finding.DIFFICULTY_WALKING)   // no nerve symptom in the leg
                .build();
    }

    private static org.hl7.fhir.r4.model.Resource contained(GuidanceResponse response, String id) {
        return response.getContained().stream().filter(r -> id.equals(r.getIdElement().getIdPart())).findFirst()
                .orElseThrow(() -> new AssertionError("no contained resource #" + id));
    }

    private static List<String> part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> name.equals(p.getName()))
                .map(p -> p.getValue() instanceof Coding c ? c.getCode() : p.getValue().primitiveValue()).toList();
    }
}
