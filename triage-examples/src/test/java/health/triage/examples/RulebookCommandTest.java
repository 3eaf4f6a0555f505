package health.triage.examples;

import health.triage.RuleInfo;
import health.triage.TriageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulebookCommandTest {

    private static TriageEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = TriageEngine.builder().build();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void rulebook_markdown_showsEveryRuleWithIdSentenceAndSource() {
        Run run = run("rulebook", "--cases", "cases");

        assertEquals(TriageCommand.OK, run.exit(), run.err());
        for (RuleInfo rule : engine.rules()) {
            assertTrue(run.out().contains("#### " + rule.id() + " — " + rule.name() + "\n"), rule.id());
            assertTrue(run.out().contains("- **Source:** " + rule.source() + "\n"), rule.id());
        }
    }

    @Test
    void rulebook_opensWithIntendedUseVocabularyAndSources_andShowsTheRuleBaseVersion() {
        String book = run("rulebook", "--cases", "cases").out();

        int intendedUse = book.indexOf("\n## Intended use\n");
        int vocabulary = book.indexOf("\n## Vocabulary\n");
        int sources = book.indexOf("\n## Sources\n");
        int rules = book.indexOf("\n## The rules, by clinical concern\n");
        assertTrue(0 < intendedUse && intendedUse < vocabulary && vocabulary < sources && sources < rules, book);
        assertTrue(book.contains("Rule base `" + engine.ruleBaseVersion() + "`"), "the version every result reports");
        assertTrue(book.contains("| `saddle_numbness` | New numbness or altered feeling"), "vocabulary with definitions");
        for (String source : List.of("000_eb38ce924cbd1bed.txt", "001_83469c3a8f6a1a5a.txt", "002_329dc8b9eea261ee.txt",
                "003_5483c6d29c98c77d.txt", "004_c27e9dbe5935298c.txt", "docs/EVIDENCE.md")) {
            assertTrue(book.contains("(`" + source + "`)"), source);
        }
        assertFalse(book.contains("Not cited by any rule"), "every source in the bibliography is cited by some rule");
    }

    @Test
    void rulebook_namesTheExampleCasesThatExerciseARule() {
        String book = run("rulebook", "--cases", "cases").out();

        // the saddle-numbness example case reports saddle numbness, which is what CES-01 tests
        Matcher ces01 = Pattern.compile("#### CES-01 — .*?\\n- \\*\\*Example cases:\\*\\* ([^\\n]*)", Pattern.DOTALL)
                .matcher(book);
        assertTrue(ces01.find(), book);
        assertTrue(ces01.group(1).contains("saddle-numbness"), ces01.group(1));
    }

    @Test
    void rulebook_plainWords_restateTheRuleText() {
        String book = run("rulebook", "--cases", "cases").out();

        assertTrue(book.contains("#### CES-02 — New trouble passing or holding urine needs emergency care now\n\n"
                + "- **When:** bladder_dysfunction: yes\n"
                + "- **Then:** red flag cauda_equina (EMERGENCY): New bladder trouble"), book);
    }

    @Test
    void rulebook_everyConditionOfTheShippedRules_isInPlainWords() {
        String book = run("rulebook", "--cases", "cases").out();

        assertFalse(book.contains("as written:"), "a condition shown as raw DRL");
        assertTrue(book.contains("the engine's policy for new symptoms in both legs is EMERGENCY"), book);
        assertTrue(book.contains("the weight of the cues pointing to PIRIFORMIS is at least 3"), book);
    }

    @Test
    void rulebook_withoutCases_findsTheRepositorysExampleCasesFromTheModuleFolder() {
        Run result = run("rulebook");

        assertTrue(result.out().contains("office-wallet"), "the example cases of ../triage-examples/cases are found");
        assertEquals("", result.err());
    }

    @Test
    void rulebook_html_isOneSelfContainedPageWithTheFlowDiagram(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("book.html");
        Run run = run("rulebook", "--format", "html", "-o", file.toString(), "--cases", "cases");

        assertEquals(TriageCommand.OK, run.exit(), run.err());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg class=\"flow\""), "the decision-flow diagram is inline SVG");
        assertTrue(html.contains(">red flag: cauda_equina</text>"), "a red flag node");
        assertTrue(html.contains(">EMERGENCY</text>"), "a disposition node");
        for (String external : List.of("<script", "http://", "https://", "url(", "@import", "<link")) {
            assertFalse(html.contains(external), "the page must not load anything: found " + external);
        }
        for (RuleInfo rule : engine.rules()) {
            assertTrue(html.contains("id=\"rule-" + rule.id().toLowerCase() + "\""), rule.id());
        }
    }

    @Test
    void rulebook_unknownFormat_isAUsageError() {
        Run run = run("rulebook", "--format", "pdf");

        assertEquals(TriageCommand.USAGE, run.exit());
        assertTrue(run.err().contains("--format must be md or html, was 'pdf'"), run.err());
    }

    @Test
    void rulebook_ofAnEditedRulesFolder_describesThoseRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.drl"), """
                // A single test concern.
                package health.triage.rules;
                import health.triage.*;
                import health.triage.facts.*;

                rule "Every case is seen within two weeks in this test"
                    @id(T-01) @source("clinical-references.md: test")
                when
                then
                    insert( new Urgency( Disposition.ROUTINE ) );
                end
                """);
        Run run = run("rulebook", "--rules", dir.toString(), "--cases", "cases");

        assertEquals(TriageCommand.OK, run.exit(), run.err());
        assertTrue(run.out().contains("#### T-01 — Every case is seen within two weeks in this test\n"), run.out());
        assertTrue(run.out().contains("- **When:** Always (no condition)\n- **Then:** disposition at least ROUTINE\n"),
                run.out());
        assertTrue(run.out().contains("### A single test concern\n"), run.out());
    }

    @Test
    void rulebook_hostileExampleCaseIds_areLiteralTextInTheMarkdown(@TempDir Path dir) throws IOException {
        String hostile = "ces\n\n# FAKE HEADING: all cases SELF_CARE\n\n[click me](javascript:alert(3))<script>\u001b[2J";
        Files.writeString(dir.resolve("a.json"), "{\"id\": " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(hostile) + ", \"age\": 45, \"findings\": {\"saddle_numbness\": true}}");

        Run run = run("rulebook", "--cases", dir.toString());

        assertEquals(TriageCommand.OK, run.exit(), run.err());
        assertAll(
                () -> assertFalse(run.out().contains("\n# FAKE"), "an id made a heading"),
                () -> assertFalse(Pattern.compile("(?<!\\\\)]\\(javascript").matcher(run.out()).find(), "an id made a link"),
                () -> assertFalse(run.out().contains("<script>"), "an id made HTML"),
                () -> assertEquals(-1, HostileText.firstUnsafe(run.out(), "\n"), "a control character reached the book"),
                () -> assertTrue(run.out().contains("ces\\\\u000A\\\\u000A\\# FAKE HEADING: all cases SELF\\_CARE"),
                        "the id is shown as written, escaped"));
    }

    @Test
    void rulebook_exampleEntriesThatCannotBeRead_areNamedAndLeftOut(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"id\": \"good\", \"age\": 45}");
        Files.createDirectory(dir.resolve("sub.json"));
        Files.writeString(dir.resolve("bad.json"), "{\"age\": 300}");
        Path output = dir.resolve("book.md");

        Run run = run("rulebook", "--cases", dir.toString(), "-o", output.toString());

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, run.exit(), run.err()),
                () -> assertTrue(Files.readString(output).contains("1 example cases were run"), "the book is written"),
                () -> assertEquals(List.of(
                        "triage rulebook: wrote " + output,
                        "triage rulebook: example case left out: " + dir.resolve("bad.json")
                                + ": age must be between 0 and 120, was 300",
                        "triage rulebook: example case left out: " + dir.resolve("sub.json")
                                + ": a folder, not a case file (folders inside a folder are not read)"),
                        run.err().lines().toList()));
    }
}
