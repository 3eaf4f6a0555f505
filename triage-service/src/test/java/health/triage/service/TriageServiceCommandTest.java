package health.triage.service;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad option value is a usage error (exit 2) naming the option, never a stack trace; nothing is started. */
class TriageServiceCommandTest {

    @Test
    void badOptionValues_areUsageErrorsNamingTheOption() {
        List<List<String>> runs = List.of(
                List.of("--port", "70000"), List.of("--max-request-bytes", "10"), List.of("--request-timeout", "0"),
                List.of("--fhir-server", ""), List.of("--fhir-server", "http://user@ehr.example/fhir"),
                List.of("--public-url", "javascript://x"), List.of("--max-connections-per-client", "0"),
                List.of("--fhir-timeout", "-1"), List.of("--port", "x"),
                List.of("--cors-origin", "https://ehr.example/app"), List.of("--max-answer-age", "0"));
        List<String> options = List.of("--port", "--max-request-bytes", "--request-timeout", "--fhir-server",
                "--fhir-server", "--public-url", "--max-connections-per-client", "--fhir-timeout", "--port",
                "--cors-origin", "--max-answer-age");
        for (int i = 0; i < runs.size(); i++) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new TriageServiceCommand());
            command.setErr(new PrintWriter(err));
            int exit = command.execute(runs.get(i).toArray(String[]::new));
            String text = err.toString();
            assertEquals(2, exit, runs.get(i) + ": " + text);
            assertTrue(text.contains(options.get(i)), runs.get(i) + ": " + text);
            assertTrue(text.contains("Usage: triage-service"), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        }
    }
}
