package health.triage.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A failing property shrinks to a minimal case and prints it as a case file that {@code triage assess} can read.
 * Runs the deliberately false {@link FalsifiedPropertyExample} through jqwik and reads its report.
 */
class PropertyFailureReportTest {

    /** A fresh failure database, so that no earlier run's failing sample is replayed instead of shrinking anew. */
    @TempDir
    Path database;

    @Test
    void failingProperty_shrinksToAMinimalCaseAndPrintsItAsACaseFile() throws Exception {
        EngineExecutionResults results = EngineTestKit.engine("jqwik")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .configurationParameter("jqwik.database", database.resolve("jqwik-database").toString())
                .configurationParameter("jqwik.tries.default", "1000")
                .selectors(selectClass(FalsifiedPropertyExample.class))
                .execute();

        assertEquals(1, results.testEvents().failed().count(), "the false property fails");
        List<String> reports = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .flatMap(entry -> entry.getKeyValuePairs().values().stream())
                .filter(text -> text.contains("Shrunk Sample"))
                .toList();
        assertEquals(1, reports.size(), () -> "one report with the shrunk sample: " + reports);
        String report = reports.get(0);
        String shrunk = report.substring(report.indexOf("Shrunk Sample"), report.indexOf("Original Sample"));
        assertTrue(shrunk.contains("case file:"), report);

        JsonNode caseFile = new ObjectMapper().readTree(shrunk.substring(shrunk.indexOf('{'),
                shrunk.lastIndexOf('}') + 1));
        assertEquals(new ObjectMapper().readTree("""
                {"age": 0, "findings": {"saddle_numbness": true, "fever": true}}"""), caseFile, report);
    }
}
