package health.triage.service;

import health.triage.TriageEngine;
import health.triage.fhir.AdaptiveQuestionnaire;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.TriageQuestionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The FHIR R4 endpoints under {@code /fhir}: the questionnaire, SDC {@code $next-question}, the definition of the
 * assessment extension, and the CapabilityStatement ({@code GET /fhir/metadata}) that names them.
 *
 * <p>{@code $next-question} takes its one input, the adaptive QuestionnaireResponse, either as the body itself or in
 * a {@code Parameters} resource (parameter {@value AdaptiveQuestionnaire#IN}), as FHIR R4 operations allow, and
 * answers with the bare QuestionnaireResponse, its one output. A completed response carries the assessment: a
 * contained GuidanceResponse referenced by the extension {@value AdaptiveQuestionnaire#ASSESSMENT}.
 */
final class FhirEndpoints {

    /** The SDC operation the service implements. */
    static final String NEXT_QUESTION = "http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-next-question";
    static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
    static final String SDC_ADAPTIVE_QR = SDC + "sdc-questionnaireresponse-adapt";
    static final String SDC_ADAPTIVE_SEARCH = SDC + "sdc-questionnaire-adapt-srch";

    private final AdaptiveQuestionnaire adaptive;
    private final String questionnaire;
    private final String capabilities;
    private final String extension;

    FhirEndpoints(TriageEngine engine, Settings.Interop interop) {
        this.adaptive = new AdaptiveQuestionnaire(engine);
        this.questionnaire = FhirFormat.write(TriageQuestionnaire.questionnaire(interop.fhirBase()));
        this.capabilities = FhirFormat.write(capabilities(interop.fhirBase(), engine.ruleBaseVersion()));
        this.extension = FhirFormat.write(AdaptiveQuestionnaire.assessmentExtension());
    }

    String questionnaire() {
        return questionnaire;
    }

    String capabilities() {
        return capabilities;
    }

    String assessmentExtension() {
        return extension;
    }

    /**
     * {@code POST /fhir/Questionnaire/$next-question}.
     *
     * @throws IllegalArgumentException naming the parameter, item or value, when the body is not an adaptive
     *                                  response (bare or in Parameters) to the triage questionnaire
     */
    String nextQuestion(byte[] body) {
        JsonNode tree = JsonBodies.tree(body);
        String type = tree.path("resourceType").asText("");
        QuestionnaireResponse response = switch (type) {
            case "QuestionnaireResponse" -> FhirFormat.read(QuestionnaireResponse.class, body);
            case "Parameters" -> AdaptiveQuestionnaire.response(FhirFormat.read(Parameters.class, body));
            default -> throw new IllegalArgumentException("the body must be a QuestionnaireResponse, or a Parameters "
                    + "with the parameter '" + AdaptiveQuestionnaire.IN + "', was " + (type.isEmpty()
                    ? "no FHIR resource" : "a " + (type.length() > 40 ? type.substring(0, 40) + "…" : type)));
        };
        return FhirFormat.write(adaptive.nextQuestion(response));
    }

    /** An OperationOutcome for a path under {@code /fhir} the service does not serve. */
    static String notFound(String path) {
        return FhirFormat.write(FhirFormat.error(OperationOutcome.IssueType.NOTFOUND, "no such FHIR endpoint; "
                + "this server answers GET /fhir/metadata, GET /fhir/Questionnaire/" + TriageQuestionnaire.ID
                + ", POST /fhir/Questionnaire/$next-question and GET /fhir/StructureDefinition/triage-assessment"));
    }

    private static CapabilityStatement capabilities(String fhirBase, String ruleBaseVersion) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(TriageQuestionnaire.DATE));
        statement.setPublisher("health.triage");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("triage-service").setVersion(ruleBaseVersion);
        statement.getImplementation().setDescription("Buttock, hip and leg pain triage: the triage questionnaire "
                + "and SDC adaptive $next-question");
        if (fhirBase != null) {
            statement.getImplementation().setUrl(fhirBase);
        }
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat("application/fhir+json");
        statement.addImplementationGuide("http://hl7.org/fhir/uv/sdc/ImplementationGuide/hl7.fhir.uv.sdc");
        CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Stateless: nothing is stored. $next-question takes the adaptive "
                        + "QuestionnaireResponse as the body or in Parameters and returns the bare "
                        + "QuestionnaireResponse with the next screen of questions appended to its contained "
                        + "Questionnaire; the completed response carries the triage assessment as a contained "
                        + "GuidanceResponse referenced by the extension " + AdaptiveQuestionnaire.ASSESSMENT + ".");
        CapabilityStatementRestResourceComponent questionnaires = rest.addResource().setType("Questionnaire")
                .setProfile(SDC_ADAPTIVE_SEARCH);
        questionnaires.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        questionnaires.addOperation().setName("next-question").setDefinition(NEXT_QUESTION)
                .setDocumentation("Returns the QuestionnaireResponse (profile " + SDC_ADAPTIVE_QR + ") with the "
                        + "next screen of questions, or completed with its assessment.");
        rest.addResource().setType("StructureDefinition")
                .addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        rest.addResource().setType("QuestionnaireResponse").addSupportedProfile(SDC_ADAPTIVE_QR)
                .setDocumentation("Not stored or searchable: the input and output of $next-question only.");
        return statement;
    }

}
