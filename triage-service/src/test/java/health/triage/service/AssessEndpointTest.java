package health.triage.service;

import health.triage.TriageCase;
import health.triage.examples.CaseJson;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessEndpointTest {

    @Test
    void assess_everyExampleCase_givesTheCommandLinesJsonLine() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : Services.exampleFiles().entrySet()) {
            TriageCase triageCase = CaseJson.readOne(file.getKey(), file.getValue());
            String expected = CaseJson.line("<request>", Services.engine().assess(triageCase));
            HttpResponse<String> response = Services.post("/assess?nextQuestions=false", file.getValue());
            if (response.statusCode() != 200 || !expected.equals(response.body())) {
                problems.add(file.getKey() + ": " + response.statusCode() + " " + response.body());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void assess_withNextQuestionsByDefault_asTheCommandLinesJsonOption() {
        byte[] file = Services.exampleFiles().get("incomplete-serious-screen.json");
        TriageCase triageCase = CaseJson.readOne("x", file);
        HttpResponse<String> response = Services.post("/assess", file);
        assertEquals(200, response.statusCode());
        assertEquals(CaseJson.line("<request>", Services.engine().nextQuestions(triageCase)), response.body());
        assertTrue(response.body().contains("\"nextQuestions\":["), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void assess_badCase_is400WithTheCommandLinesErrorLine() {
        HttpResponse<String> unknown = Services.post("/assess", "{\"id\": \"p7\", \"age\": 40, \"findings\": "
                + "{\"fevr\": true}}");
        assertEquals(400, unknown.statusCode());
        assertEquals("{\"input\":\"<request>\",\"id\":\"p7\",\"error\":\"<request>: unknown finding code 'fevr' "
                + "(did you mean 'fever'?)\"}", unknown.body());

        HttpResponse<String> range = Services.post("/assess", "{\"age\": 140}");
        assertEquals(400, range.statusCode());
        assertEquals("{\"input\":\"<request>\",\"id\":null,\"error\":\"<request>: age must be between 0 and 120, "
                + "was 140\"}", range.body());
    }

    @Test
    void assess_malformedJsonArrayOrBadOption_is400NamingTheProblem() {
        HttpResponse<String> malformed = Services.post("/assess", "{\"age\": 40,");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("\"error\":\"<request>: "), malformed.body());
        assertFalse(malformed.body().contains("Exception"), malformed.body());

        HttpResponse<String> array = Services.post("/assess", "[{\"age\": 40}, {\"age\": 50}]");
        assertEquals(400, array.statusCode());
        assertTrue(array.body().contains("expected one case object, not an array"), array.body());

        HttpResponse<String> option = Services.post("/assess?nextQuestions=maybe", "{\"age\": 40}");
        assertEquals(400, option.statusCode());
        assertTrue(option.body().contains("nextQuestions must be true or false, was 'maybe'"), option.body());
    }

    @Test
    void assess_deeplyNestedCase_isTheCommandLinesLimitError() {
        String deep = "{\"age\": 40, \"findings\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        HttpResponse<String> response = Services.post("/assess", deep);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("nested too deeply"), response.body());
    }
}
