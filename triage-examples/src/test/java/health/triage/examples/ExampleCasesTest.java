package health.triage.examples;

import com.fasterxml.jackson.databind.JsonNode;
import health.triage.examples.ExampleExpectations.Expectation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The example cases in {@code cases/} against {@code cases/expectations.csv}: every case file has a row, every row
 * names a case file, and each case's assessed disposition and likely source equal its row. The expectations are
 * worked out by hand from the sources, never copied from the output.
 */
class ExampleCasesTest {

    private static final Path CASES = Path.of("cases");
    private static final Path EXPECTATIONS = CASES.resolve("expectations.csv");

    private static List<String> caseFiles;
    private static Map<String, Expectation> expectations;
    private static Cli.Result run;

    @BeforeAll
    static void assessTheExamples() throws IOException {
        assertTrue(Files.isDirectory(CASES), () -> "no folder " + CASES.toAbsolutePath());
        try (Stream<Path> listing = Files.list(CASES)) {
            caseFiles = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertFalse(caseFiles.isEmpty(), () -> CASES.toAbsolutePath() + " holds no *.json example case; the "
                + "examples are part of the deliverable and must not silently disappear");
        expectations = readExpectations();
        run = Cli.run("assess", "--json", CASES.toString());
    }

    @Test
    void examples_areAllValidCases() {
        assertEquals(TriageCommand.OK, run.exit(), run::toString);
        assertEquals(caseFiles.size(), run.lines().size(), run::toString);
    }

    @Test
    void examples_everyCaseFileHasAnExpectation() {
        List<String> missing = caseFiles.stream().filter(file -> !expectations.containsKey(file)).toList();
        assertEquals(List.of(), missing, "case files without a row in " + EXPECTATIONS);
    }

    @Test
    void examples_everyExpectationNamesACaseFile() {
        List<String> unknown = expectations.keySet().stream().filter(file -> !caseFiles.contains(file)).toList();
        assertEquals(List.of(), unknown, "rows of " + EXPECTATIONS + " naming no file in " + CASES);
    }

    @Test
    void examples_everyExpectationSaysWhereItComesFrom() {
        expectations.values().forEach(row -> assertFalse(row.basis().isBlank(),
                () -> EXPECTATIONS + " line " + row.line() + " has no basis"));
    }

    @Test
    void examples_reportModePrintsEveryCase() {
        Cli.Result report = Cli.run("assess", "--report", CASES.toString());

        assertEquals(TriageCommand.OK, report.exit(), report::toString);
        for (String file : caseFiles) {
            assertTrue(report.out().contains("(" + CASES.resolve(file) + ")"), () -> "no report for " + file);
        }
    }

    @Test
    void examples_folderGetsOneLinePerCaseAndATotalsLineComparingEachWithItsExpectation() {
        Cli.Result summary = Cli.run("assess", CASES.toString());
        List<String> lines = summary.out().lines().toList();

        assertAll(
                () -> assertEquals(TriageCommand.OK, summary.exit(), summary::toString),
                () -> assertEquals(Summary.header(), lines.get(0)),
                () -> assertEquals(caseFiles.size() + 3, lines.size(), summary::toString),
                () -> assertTrue(lines.get(lines.size() - 2).startsWith(caseFiles.size() + " cases: "),
                        summary::toString),
                () -> assertTrue(lines.get(lines.size() - 2).endsWith("; " + expectations.size()
                        + " as expected, 0 not"), summary::toString));
    }

    @TestFactory
    Stream<DynamicTest> examples_haveTheExpectedDispositionAndSource() {
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (JsonNode line : run.json()) {
            String input = line.get("input").asText();
            String file = Path.of(input).getFileName().toString();
            if (byFile.put(file, line) != null || !input.equals(CASES.resolve(file).toString())) {
                fail("each example file must hold exactly one case object; see " + input);
            }
        }
        return expectations.values().stream().map(row -> DynamicTest.dynamicTest(row.file(), () -> {
            JsonNode result = byFile.get(row.file());
            assertTrue(result != null, () -> "no result for " + row.file() + "\n" + run);
            assertFalse(result.has("error"), () -> row.file() + " was not assessed: " + result.get("error"));
            assertAll(row.file(),
                    () -> assertEquals(row.disposition().name(), result.get("disposition").asText(),
                            () -> "disposition; expected because: " + row.basis() + "\nrules that raised one: "
                                    + raisers(result)),
                    () -> assertEquals(row.likelySource().name(), result.get("likelySource").asText(),
                            () -> "likely source; expected because: " + row.basis() + "\ncues for: "
                                    + result.get("cuesFor") + "\ncues against: " + result.get("cuesAgainst")));
        }));
    }

    /** "RULE-ID: DISPOSITION" for each reason that asked for a disposition. */
    private static List<String> raisers(JsonNode result) {
        List<String> raisers = new ArrayList<>();
        result.get("reasons").forEach(reason -> {
            if (!reason.get("raises").isNull()) {
                raisers.add(reason.get("ruleId").asText() + ": " + reason.get("raises").asText());
            }
        });
        return raisers;
    }

    private static Map<String, Expectation> readExpectations() throws IOException {
        assertTrue(Files.isRegularFile(EXPECTATIONS), () -> "no " + EXPECTATIONS.toAbsolutePath());
        return ExampleExpectations.read(EXPECTATIONS);
    }
}
