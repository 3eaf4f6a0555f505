package health.triage.examples;

import health.triage.Finding;
import health.triage.TriageCase;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseJsonTest {

    @Test
    void readOne_caseObject_isReadAsTheCommandLineReadsIt() {
        TriageCase read = CaseJson.readOne("<request>", bytes("{\"id\": \"a\", \"age\": 40, \"findings\": "
                + "{\"fever\": false}}"));
        assertEquals(TriageCase.builder(40).id("a").absent(Finding.FEVER).build(), read);
    }

    @Test
    void readOne_badCase_isRejectedWithTheCommandLinesMessageAndTheId() {
        CaseJson.RejectedCase e = assertThrows(CaseJson.RejectedCase.class, () -> CaseJson.readOne("<request>",
                bytes("{\"id\": \"a\", \"age\": 40, \"findings\": {\"fevr\": true}}")));
        assertEquals("<request>: unknown finding code 'fevr' (did you mean 'fever'?)", e.getMessage());
        assertEquals("a", e.id());
    }

    @Test
    void readOne_arrayEvenOfOne_isRejected() {
        for (String array : new String[] {"[]", "[{\"age\": 40}]", "[{\"age\": 40}, {\"age\": 50}]"}) {
            CaseJson.RejectedCase e = assertThrows(CaseJson.RejectedCase.class,
                    () -> CaseJson.readOne("<request>", bytes(array)));
            assertEquals("<request>: expected one case object, not an array; send one case at a time", e.getMessage());
            assertNull(e.id());
        }
    }

    @Test
    void line_andError_areTheLinesOfAssessJson() {
        assertEquals(JsonResults.error("x", "id", "x: bad"), CaseJson.error("x", "id", "x: bad"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
