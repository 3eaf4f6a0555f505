package health.triage.service;

import health.triage.fhir.AdaptiveQuestionnaire;
import health.triage.fhir.FhirFormat;
import health.triage.fhir.TriageQuestionnaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The HL7 validator (HAPI FHIR's {@link FhirInstanceValidator}, which runs the HL7 {@code org.hl7.fhir.validation}
 * instance validator) against FHIR R4 and the SDC 3.0.0 profiles in {@code src/test/resources/sdc-3.0.0}, offline,
 * with unknown extensions refused: an extension must be defined (the service's own assessment extension is, as the
 * service serves it). One instance per test JVM: the first validation loads the definitions (several seconds).
 */
final class SdcValidator {

    static final String SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
    static final List<String> PROFILES = List.of(
            "structuredefinition-parameters-questionnaire-next-question-in.xml",
            "structuredefinition-parameters-questionnaire-next-question-out.xml",
            "StructureDefinition-sdc-questionnaire.xml",
            "StructureDefinition-sdc-questionnaire-adapt.xml",
            "StructureDefinition-sdc-questionnaire-adapt-srch.xml",
            "StructureDefinition-sdc-questionnaire-assemble-expectation.xml",
            "StructureDefinition-sdc-questionnaire-assembledFrom.xml",
            "StructureDefinition-sdc-questionnaire-endpoint.xml",
            "StructureDefinition-sdc-questionnaire-performerType.xml",
            "StructureDefinition-sdc-questionnaire-preferredTerminologyServer.xml",
            "StructureDefinition-sdc-questionnaire-questionnaireAdaptive.xml",
            "StructureDefinition-sdc-questionnaire-search.xml",
            "structuredefinition-sdc-questionnaireresponse-adapt.xml",
            "structuredefinition-sdc-usagecontext.xml",
            "structuredefinition-sdc-valueset.xml");

    private static final FhirValidator VALIDATOR = build();

    private SdcValidator() {
    }

    /** Every error and fatal message for a resource against core R4 and the given profiles (SDC names or URLs). */
    static List<String> errors(IBaseResource resource, String... profiles) {
        ValidationOptions options = new ValidationOptions();
        for (String profile : profiles) {
            options.addProfile(profile.startsWith("http") ? profile : SDC + profile);
        }
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource, options).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                            || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(m -> m.getLocationString() + ": " + m.getMessage())
                    .toList();
        }
    }

    private static FhirValidator build() {
        FhirContext context = FhirFormat.context();
        PrePopulatedValidationSupport sdc = new PrePopulatedValidationSupport(context);
        for (String file : PROFILES) {
            try (InputStream in = SdcValidator.class.getResourceAsStream("/sdc-3.0.0/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource sdc-3.0.0/" + file);
                }
                sdc.addStructureDefinition(context.newXmlParser().parseResource(StructureDefinition.class,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        sdc.addStructureDefinition(AdaptiveQuestionnaire.assessmentExtension());
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                sdc,
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context),
                new QuestionnaireSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        instanceValidator.setAnyExtensionsAllowed(false);
        instanceValidator.setAssumeValidRestReferences(true); // Patient/p1 lives in the EHR
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** Resolves the triage questionnaire by its canonical URL, with or without the version. */
    private record QuestionnaireSupport(FhirContext context) implements IValidationSupport {
        private static final Set<String> URLS = Set.of(TriageQuestionnaire.URL,
                TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (URLS.contains(url) && (type == null || type.isAssignableFrom(Questionnaire.class))) {
                @SuppressWarnings("unchecked")
                T questionnaire = (T) TriageQuestionnaire.questionnaire();
                return questionnaire;
            }
            return null;
        }
    }
}
