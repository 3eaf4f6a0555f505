package health.triage.fhir;

import health.triage.AlsoConsider;
import health.triage.Assessment;
import health.triage.Cue;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Reason;
import health.triage.RedFlag;
import health.triage.Referral;
import health.triage.SafetyNet;
import health.triage.SelfCareStep;

import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.GuidanceResponse.GuidanceResponseStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

import java.util.List;
import java.util.Objects;

/**
 * An {@link Assessment} as FHIR R4 resources that a record can keep: one {@link GuidanceResponse}, the resource FHIR
 * defines for the result of running a decision-support module, with everything it refers to contained in it.
 *
 * <ul>
 *   <li>{@code moduleCanonical}: the rule base and its exact version ({@code …|<ruleBaseVersion>});
 *       {@code status}: {@code success} when the assessment is complete, {@code data-requested} while unanswered
 *       questions could still change it.</li>
 *   <li>{@code outputParameters} → a contained {@link Parameters}: the whole assessment, named as in the command
 *       line's JSON (disposition, timeframe, likelySource, stratification with tool, risk, total and psychosocial,
 *       or stratificationUnanswered, cuesFor, cuesAgainst, redFlag with its evidence,
 *       unanswered, alsoConsider, referral, selfCare, safetyNet, reason with rule id, sentence, source and facts,
 *       bilateralLegSymptomsPolicy, ruleBaseVersion, vocabularyVersion).</li>
 *   <li>{@code result} → a contained {@link CarePlan} (intent proposal) titled with the disposition, described by its
 *       timeframe: an activity per referral pointing to a contained {@link ServiceRequest} (intent proposal, with the
 *       disposition's priority: {@code stat}, {@code urgent}, {@code routine}), an activity per self-care step with
 *       its precaution, and the safety-net advice as notes.</li>
 * </ul>
 *
 * <p>This class is the one place where an assessment becomes FHIR; the mapping is deterministic (no time stamps, no
 * random ids), so the same assessment always gives the same resource. Callers set
 * {@code occurrenceDateTime} and {@code requestIdentifier} when they know them.
 * To add a part of the assessment, add it to {@code output} (and, when a clinician acts on it, to the plan).
 */
public final class AssessmentResources {

    /** The rule base as a decision-support module; the version follows after {@code |}. */
    public static final String MODULE = "http://triage.health/fhir/Library/buttock-leg-pain-triage-rules";
    /** Code systems of the library's own codes, as used in the output parameters. */
    public static final String DISPOSITION_SYSTEM = "http://triage.health/fhir/CodeSystem/disposition";
    public static final String LIKELY_SOURCE_SYSTEM = "http://triage.health/fhir/CodeSystem/likely-source";
    public static final String FINDING_SYSTEM = "http://triage.health/fhir/CodeSystem/finding";

    /** The library's referral destinations, coded by their words ({@code emergency-department}). */
    public static final String REFERRAL_SYSTEM = "http://triage.health/fhir/CodeSystem/referral";
    private static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT 3457005 Patient referral: the ServiceRequest category of FHIR R4's example value set. */
    private static final String PATIENT_REFERRAL = "3457005";

    private static final String OUTPUT_ID = "output";
    private static final String PLAN_ID = "plan";

    private AssessmentResources() {
    }

    /**
     * The guidance response for an assessment; {@code data-requested} when screening questions are unanswered.
     *
     * @param subject the patient, such as {@code new Reference("Patient/123")}, or {@code null} when not known (the
     *                plan and referrals then name "the person assessed")
     */
    public static GuidanceResponse guidanceResponse(Assessment assessment, Reference subject) {
        Objects.requireNonNull(assessment, "assessment must not be null");
        return guidanceResponse(assessment, assessment.unanswered().isEmpty(), subject);
    }

    /**
     * The guidance response for the assessment of a partial case: {@code data-requested} unless the assessment is
     * complete and no screening question is unanswered.
     *
     * @param subject the patient, or {@code null} when not known
     */
    public static GuidanceResponse guidanceResponse(NextQuestions next, Reference subject) {
        Objects.requireNonNull(next, "next must not be null");
        return guidanceResponse(next.assessment(), next.complete() && next.assessment().unanswered().isEmpty(),
                subject);
    }

    /**
     * A proposed referral, as a suggestion to place in a record.
     *
     * @param subject the patient, such as {@code new Reference("Patient/123")}
     */
    public static ServiceRequest referral(Referral referral, Disposition disposition, Reference subject) {
        Objects.requireNonNull(referral, "referral must not be null");
        Objects.requireNonNull(disposition, "disposition must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(priority(disposition)));
        request.addCategory(new CodeableConcept(new Coding(SNOMED, PATIENT_REFERRAL, "Patient referral")));
        request.setCode(new CodeableConcept(new Coding(REFERRAL_SYSTEM, referralCode(referral.whom()),
                referral.whom())).setText("Referral to " + referral.whom()));
        request.addReasonCode(new CodeableConcept().setText(referral.why()));
        request.setSubject(subject);
        return request;
    }

    private static GuidanceResponse guidanceResponse(Assessment a, boolean complete, Reference subject) {
        GuidanceResponse response = new GuidanceResponse();
        response.setModule(new CanonicalType(MODULE + "|" + a.ruleBaseVersion()));
        response.setStatus(complete ? GuidanceResponseStatus.SUCCESS : GuidanceResponseStatus.DATAREQUESTED);
        response.setText(narrative(a));

        Parameters output = output(a);
        output.setId(OUTPUT_ID);
        response.addContained(output);
        response.setOutputParameters(new Reference("#" + OUTPUT_ID));

        Reference patient = subject == null ? new Reference().setDisplay("the person assessed") : subject;
        if (subject != null) {
            response.setSubject(subject);
        }
        CarePlan plan = carePlan(a, patient, response);
        plan.setId(PLAN_ID);
        response.addContained(plan);
        response.setResult(new Reference("#" + PLAN_ID));
        return response;
    }

    private static Parameters output(Assessment a) {
        Parameters p = new Parameters();
        p.addParameter().setName("disposition").setValue(new Coding(DISPOSITION_SYSTEM, a.disposition().code(),
                a.disposition().code()));
        p.addParameter("timeframe", a.timeframe());
        p.addParameter().setName("likelySource").setValue(new Coding(LIKELY_SOURCE_SYSTEM, a.likelySource().name(),
                a.likelySource().name()));
        a.stratification().ifPresent(s -> {
            ParametersParameterComponent part = p.addParameter().setName("stratification");
            part.addPart().setName("tool").setValue(new StringType(s.tool()));
            part.addPart().setName("risk").setValue(new CodeType(s.risk().name()));
            part.addPart().setName("total").setValue(new IntegerType(s.total()));
            part.addPart().setName("psychosocial").setValue(new IntegerType(s.psychosocial()));
        });
        a.stratificationUnanswered().forEach(f -> p.addParameter().setName("stratificationUnanswered")
                .setValue(finding(f.code())));
        a.cuesFor().forEach(cue -> cue(p.addParameter().setName("cueFor"), cue));
        a.cuesAgainst().forEach(cue -> cue(p.addParameter().setName("cueAgainst"), cue));
        for (RedFlag flag : a.redFlags()) {
            ParametersParameterComponent part = p.addParameter().setName("redFlag");
            part.addPart().setName("code").setValue(new CodeType(flag.code()));
            part.addPart().setName("level").setValue(new CodeType(flag.level().code()));
            part.addPart().setName("text").setValue(new StringType(flag.text()));
            flag.evidence().forEach(code -> part.addPart().setName("evidence").setValue(finding(code)));
        }
        a.unanswered().forEach(f -> p.addParameter().setName("unanswered").setValue(finding(f.code())));
        for (AlsoConsider also : a.alsoConsider()) {
            ParametersParameterComponent part = p.addParameter().setName("alsoConsider");
            part.addPart().setName("condition").setValue(new StringType(also.condition()));
            part.addPart().setName("why").setValue(new StringType(also.why()));
        }
        for (Referral referral : a.referrals()) {
            ParametersParameterComponent part = p.addParameter().setName("referral");
            part.addPart().setName("whom").setValue(new StringType(referral.whom()));
            part.addPart().setName("why").setValue(new StringType(referral.why()));
        }
        for (SelfCareStep step : a.selfCare()) {
            ParametersParameterComponent part = p.addParameter().setName("selfCare");
            part.addPart().setName("title").setValue(new StringType(step.title()));
            part.addPart().setName("howTo").setValue(new StringType(step.howTo()));
            part.addPart().setName("precaution").setValue(new StringType(step.precaution()));
        }
        for (SafetyNet advice : a.safetyNet()) {
            ParametersParameterComponent part = p.addParameter().setName("safetyNet");
            part.addPart().setName("seekCare").setValue(new CodeType(advice.seekCare().code()));
            part.addPart().setName("text").setValue(new StringType(advice.text()));
        }
        for (Reason reason : a.reasons()) {
            ParametersParameterComponent part = p.addParameter().setName("reason");
            part.addPart().setName("ruleId").setValue(new CodeType(reason.ruleId()));
            part.addPart().setName("rule").setValue(new StringType(reason.rule()));
            part.addPart().setName("source").setValue(new StringType(reason.source()));
            reason.findings().forEach(fact -> part.addPart().setName("finding").setValue(new StringType(fact)));
            if (reason.raises() != null) {
                part.addPart().setName("raises").setValue(new CodeType(reason.raises().code()));
            }
        }
        p.addParameter().setName("bilateralLegSymptomsPolicy")
                .setValue(new CodeType(a.bilateralLegSymptomsPolicy().name()));
        p.addParameter("ruleBaseVersion", a.ruleBaseVersion());
        p.addParameter("vocabularyVersion", Finding.VOCABULARY_VERSION);
        return p;
    }

    private static void cue(ParametersParameterComponent part, Cue cue) {
        part.addPart().setName("finding").setValue(finding(cue.finding().code()));
        part.addPart().setName("pointsTo").setValue(new CodeType(cue.pointsTo().name()));
        part.addPart().setName("weight").setValue(new IntegerType(cue.weight()));
        part.addPart().setName("text").setValue(new StringType(cue.text()));
    }

    private static Coding finding(String code) {
        return new Coding(FINDING_SYSTEM, code, null);
    }

    private static CarePlan carePlan(Assessment a, Reference subject, GuidanceResponse response) {
        CarePlan plan = new CarePlan();
        plan.setStatus(CarePlan.CarePlanStatus.DRAFT);
        plan.setIntent(CarePlan.CarePlanIntent.PROPOSAL);
        plan.setSubject(subject);
        plan.setTitle("Triage: " + a.disposition().code());
        plan.setDescription(a.timeframe());
        List<Referral> referrals = a.referrals();
        for (int i = 0; i < referrals.size(); i++) {
            ServiceRequest request = referral(referrals.get(i), a.disposition(), subject);
            request.setId("referral-" + (i + 1));
            response.addContained(request);
            plan.addActivity().setReference(new Reference("#" + request.getId()));
        }
        for (SelfCareStep step : a.selfCare()) {
            plan.addActivity().getDetail()
                    .setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
                    .setCode(new CodeableConcept().setText(step.title()))
                    .setDescription(step.howTo() + " Precaution: " + step.precaution());
        }
        for (SafetyNet advice : a.safetyNet()) {
            plan.addNote().setText("Seek care (" + advice.seekCare().code() + "): " + advice.text());
        }
        return plan;
    }

    /** How soon, in FHIR's request priority: an emergency is {@code stat}, urgent {@code urgent}, else routine. */
    /** A referral destination's code: its words in lower case, joined by hyphens ({@code gp-or-physiotherapist}). */
    public static String referralCode(String whom) {
        String code = whom.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return code.isEmpty() ? "unspecified" : code;
    }

    /** The ServiceRequest priority of a disposition: stat, urgent or routine. */
    public static String priority(Disposition disposition) {
        return switch (disposition) {
            case EMERGENCY -> "stat";
            case URGENT -> "urgent";
            case ROUTINE, SELF_CARE -> "routine";
        };
    }


    private static Narrative narrative(Assessment a) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        div.append("<p><b>").append(escape(a.disposition().code())).append("</b>: ").append(escape(a.timeframe()))
                .append("</p>");
        div.append("<p>Likely source: ").append(escape(a.likelySource().name())).append("</p>");
        if (!a.redFlags().isEmpty()) {
            div.append("<p>Red flags:</p><ul>");
            a.redFlags().forEach(flag -> div.append("<li>").append(escape(flag.level().code())).append(": ")
                    .append(escape(flag.text())).append("</li>"));
            div.append("</ul>");
        }
        div.append("<p>Rule base ").append(escape(a.ruleBaseVersion()))
                .append(". Decision support, not a diagnosis.</p></div>");
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(div.toString());
        return narrative;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
