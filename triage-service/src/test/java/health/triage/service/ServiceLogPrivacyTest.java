package health.triage.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log gets the method, endpoint, status and time of each request, and no case content at INFO or above. */
class ServiceLogPrivacyTest {

    @Test
    void requests_goodAndBad_logNoCaseContent_butDoLogEachRequest() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            Services.server();
            Services.post("/assess", "{\"id\": \"secret-id-4711\", \"age\": 77, \"findings\": {\"saddle_numbness\": "
                    + "true}}");
            Services.post("/assess", "{\"id\": \"secret-id-4712\", \"age\": 77, \"findings\": {\"sadle_numbness\": "
                    + "true}}");
            Services.post("/cds-services/buttock-leg-pain-triage?patient=secret-id-4713",
                    CdsHooksTest.request("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
                            + "\"item\":[{\"linkId\":\"age\",\"answer\":[{\"valueInteger\":77}]},{\"linkId\":"
                            + "\"saddle_numbness\",\"answer\":[{\"valueBoolean\":true}]}]}"));
            Services.post("/fhir/Questionnaire/$next-question", "{\"resourceType\":\"Parameters\","
                    + "\"secret-id-4714\": 1}");
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : " " + e.getThrowableProxy().getMessage()))
                .toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("POST /assess 200 ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("POST /assess 400 ")), lines.toString());
        assertEquals(4, lines.stream().filter(l -> l.startsWith("POST ")).count(), lines.toString());
        for (String line : lines) {
            assertFalse(line.contains("secret") || line.contains("numbness") || line.contains("77"), line);
        }
    }
}
