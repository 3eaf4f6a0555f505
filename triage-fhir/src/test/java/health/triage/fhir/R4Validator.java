package health.triage.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

import java.util.List;
import java.util.Set;

/**
 * The HAPI FHIR validator against FHIR R4, offline (no terminology server, no network), with this project's
 * questionnaire resolvable by its canonical URL so that responses are checked against it (item types, answer
 * options). Built once per test JVM: the first validation loads the R4 definitions (several seconds).
 */
final class R4Validator {

    private static final FhirValidator VALIDATOR = build();

    private R4Validator() {
    }

    /** Every error and fatal message for a resource, as "location: message"; empty when it is valid R4. */
    static List<String> errors(IBaseResource resource) {
        return messages(resource).stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    /** Every message the validator gives (errors, warnings and information). */
    static List<SingleValidationMessage> messages(IBaseResource resource) {
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource).getMessages();
        }
    }

    private static FhirValidator build() {
        FhirContext context = FhirFormat.context();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context),
                new TriageQuestionnaireSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** Resolves this project's questionnaire by its canonical URL, with or without the version. */
    private record TriageQuestionnaireSupport(FhirContext context) implements IValidationSupport {
        private static final Set<String> URLS = Set.of(TriageQuestionnaire.URL,
                TriageQuestionnaire.URL + "|" + TriageQuestionnaire.VERSION);

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (URLS.contains(url) && (type == null || type.isAssignableFrom(org.hl7.fhir.r4.model.Questionnaire.class))) {
                @SuppressWarnings("unchecked")
                T questionnaire = (T) TriageQuestionnaire.questionnaire();
                return questionnaire;
            }
            return null;
        }
    }
}
