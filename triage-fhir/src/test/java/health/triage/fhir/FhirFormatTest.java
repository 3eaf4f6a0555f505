package health.triage.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirFormatTest {

    @Test
    void read_writtenResource_givesItBack() {
        QuestionnaireResponse response = AdaptiveQuestionnaire.start();
        String json = FhirFormat.write(response);
        assertEquals(json, FhirFormat.write(FhirFormat.read(QuestionnaireResponse.class, bytes(json))));
    }

    @Test
    void read_unknownElement_isAnErrorNotSkipped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FhirFormat.read(
                QuestionnaireResponse.class, bytes("{\"resourceType\":\"QuestionnaireResponse\",\"status\":"
                        + "\"completed\",\"colour\":\"red\"}")));
        assertTrue(e.getMessage().startsWith("not a FHIR R4 QuestionnaireResponse in JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void read_otherResourceTypeOrNotJson_isAnError() {
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> FhirFormat.read(
                Parameters.class, bytes("{\"resourceType\":\"Patient\"}")));
        assertTrue(other.getMessage().contains("Parameters"), other.getMessage());
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> FhirFormat.read(
                Parameters.class, bytes("{\"resourceType\":")));
        assertTrue(broken.getMessage().startsWith("not a FHIR R4 Parameters in JSON: "), broken.getMessage());
    }

    @Test
    void error_isAValidOperationOutcomeWithTheMessage() {
        OperationOutcome outcome = FhirFormat.error(OperationOutcome.IssueType.INVALID, "age is required");
        assertEquals("age is required", outcome.getIssueFirstRep().getDiagnostics());
        assertEquals(List.of(), R4Validator.errors(outcome));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
