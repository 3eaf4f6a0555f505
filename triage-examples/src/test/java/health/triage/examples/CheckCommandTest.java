package health.triage.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.Finding;
import health.triage.RuleCase;
import health.triage.TriageCase;
import health.triage.examples.ExampleExpectations.Expectation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code triage check}, run in-process on a copy of the real rules folder (DRL and per-rule cases side by side) as a
 * clinician would edit it, and on the example cases.
 */
class CheckCommandTest {

    private static final Path RULES = Path.of("../triage-rules/src/main/resources/health/triage/rules");
    private static final Path CASES = Path.of("cases");
    private static final String CES = "red-flags-cauda-equina.drl";
    private static final String CES_01 = "rule \"New numbness around the back passage or genitals needs emergency care "
            + "now\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A copy of the real rules folder: every .drl, base-case.json and *.cases.json. */
    private Path copyOfTheRules() throws IOException {
        Path copy = dir.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** CES-01's text: from its {@code rule} line to its {@code end}. */
    private static String ces01(String drl) {
        int start = drl.indexOf(CES_01);
        assertTrue(start >= 0, "CES-01 not found in " + CES);
        return drl.substring(start, drl.indexOf("\nend\n", start) + "\nend\n".length());
    }

    /** The lines of each row of the table, from the CASE heading to the line after the last row. */
    private static List<List<String>> rows(String out) {
        List<String> lines = out.lines().toList();
        List<List<String>> rows = new ArrayList<>();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("CASE ")).findFirst().orElse(""));
        for (int i = heading + 2; heading >= 0 && i < lines.size() && !lines.get(i).startsWith("Every rule")
                && !lines.get(i).startsWith("Rules that no case fires"); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith(" ")) {
                rows.add(new ArrayList<>());
            }
            if (!lines.get(i).isBlank()) {
                rows.get(rows.size() - 1).add(lines.get(i));
            }
        }
        return rows;
    }

    /** The first line of each row of the table. */
    private static List<String> rowStarts(String out) {
        return rows(out).stream().map(row -> row.get(0)).toList();
    }

    /**
     * The CASE cell of each row (the first 32 columns of the row's lines joined without white space: a long name is
     * wrapped over several lines).
     */
    private static List<String> caseCells(String out) {
        return rows(out).stream()
                .map(row -> row.stream().map(l -> compact(l.substring(0, Math.min(32, l.length())))).collect(
                        java.util.stream.Collectors.joining()))
                .toList();
    }

    private static String compact(String text) {
        return text.replaceAll("\\s", "");
    }

    // --- (a) the rules as they are ------------------------------------------------------------------------------

    @Test
    void check_unchangedCopyOfTheRules_passesEveryCaseAndExits0() throws IOException {
        Path rules = copyOfTheRules();

        Cli.Result result = Cli.run("check", "--rules", rules.toString(), "--cases", CASES.toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Every case has its expected outcome."), result::toString),
                () -> assertTrue(result.out().contains("Every rule is fired by at least one case."), result::toString),
                () -> assertFalse(result.out().contains("WHAT DIFFERS"), result::toString),
                () -> assertTrue(result.out().lines().anyMatch(l -> l.startsWith("check: passed")), result::toString),
                () -> assertEquals("", result.err()));
    }

    // --- (b) one conclusion changed ------------------------------------------------------------------------------

    @Test
    void check_oneRulesConclusionChanged_listsExactlyTheCasesThatRuleDecides() throws IOException {
        Path rules = copyOfTheRules();
        String drl = read(rules.resolve(CES));
        String rule = ces01(drl);
        assertTrue(rule.contains("Disposition.EMERGENCY"), rule);
        write(rules.resolve(CES), drl.replace(rule, rule.replace("Disposition.EMERGENCY", "Disposition.URGENT")));
        List<String> decided = casesDecidedByCes01Alone(rules);

        Cli.Result result = Cli.run("check", "--rules", rules.toString(), "--cases", CASES.toString());

        List<String> rows = caseCells(result.out());
        assertAll(
                () -> assertFalse(decided.isEmpty(), "the cases data must hold cases that CES-01 alone decides"),
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertEquals(decided.size(), rows.size(), () -> "expected rows for " + decided + "\n" + result),
                () -> decided.forEach(label -> assertTrue(rows.stream().anyMatch(r -> r.startsWith(compact(label) + ":")
                                || r.startsWith(compact(label) + "(expectations.csv")),
                        () -> "no row for " + label + "\n" + result)),
                () -> assertTrue(result.out().contains("Cases whose outcome differs from their expectation: "
                        + decided.size() + " of "), result::toString),
                () -> assertTrue(result.out().contains("URGENT set by CES-01"), result::toString));
    }

    /**
     * The cases the change must show, worked out from the cases' data and docs/POLICY.md (not from the command's
     * output): the cases expecting EMERGENCY where saddle_numbness is present (CES-01) and no other EMERGENCY line of
     * the policy applies. Per-rule cases are named {@code <file without .cases.json> #<position>}; example cases by
     * their path.
     */
    private static List<String> casesDecidedByCes01Alone(Path rules) throws IOException {
        List<String> decided = new ArrayList<>();
        Map<String, Object> base = JSON.readValue(rules.resolve("base-case.json").toFile(), new TypeReference<>() { });
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".cases.json")).sorted().toList()) {
                String name = file.getFileName().toString();
                List<Map<String, Object>> rows = JSON.readValue(file.toFile(), new TypeReference<>() { });
                for (int i = 0; i < rows.size(); i++) {
                    RuleCase c = RuleCase.fromFields(name, base, rows.get(i));
                    if ("EMERGENCY".equals(c.expect().get("disposition")) && onlyCes01(c.triageCase())) {
                        decided.add(name.substring(0, name.length() - ".cases.json".length()) + " #" + (i + 1));
                    }
                }
            }
        }
        for (Expectation row : ExampleExpectations.read(CASES.resolve("expectations.csv")).values()) {
            Map<String, Object> fields = JSON.readValue(CASES.resolve(row.file()).toFile(), new TypeReference<>() { });
            if (row.disposition().name().equals("EMERGENCY") && onlyCes01(TriageCase.fromFields(fields))) {
                decided.add(CASES.resolve(row.file()).toString());
            }
        }
        return decided;
    }

    /** saddle_numbness present, and none of the other EMERGENCY lines of docs/POLICY.md applies. */
    private static boolean onlyCes01(TriageCase c) {
        Map<Finding, Boolean> f = c.findings();
        java.util.function.Predicate<Finding> yes = finding -> Boolean.TRUE.equals(f.get(finding));
        boolean newOrDeteriorating = c.durationDays() == null || c.durationDays() <= 14
                || yes.test(Finding.PROGRESSIVE_WEAKNESS) || yes.test(Finding.WORSENING_NUMBNESS);
        boolean legSymptomOrCaudaEquinaSign = Stream.of(Finding.POSTERIOR_THIGH_PAIN, Finding.PAIN_BELOW_KNEE,
                Finding.LEG_NUMBNESS_TINGLING, Finding.LEG_WEAKNESS, Finding.BILATERAL_LEG_SYMPTOMS,
                Finding.SADDLE_NUMBNESS, Finding.BLADDER_DYSFUNCTION, Finding.BOWEL_DYSFUNCTION).anyMatch(yes);
        boolean neurological = Stream.of(Finding.LEG_NUMBNESS_TINGLING, Finding.LEG_WEAKNESS, Finding.NEURO_DEFICIT,
                Finding.PROGRESSIVE_WEAKNESS, Finding.WORSENING_NUMBNESS).anyMatch(yes);
        boolean otherEmergency = yes.test(Finding.BLADDER_DYSFUNCTION) || yes.test(Finding.BOWEL_DYSFUNCTION)
                || yes.test(Finding.BILATERAL_LEG_SYMPTOMS) && newOrDeteriorating
                || yes.test(Finding.SEXUAL_DYSFUNCTION) && legSymptomOrCaudaEquinaSign
                || yes.test(Finding.MAJOR_TRAUMA)
                || yes.test(Finding.FEVER) && (yes.test(Finding.IV_DRUG_USE) || yes.test(Finding.IMMUNOSUPPRESSION))
                        && neurological
                || yes.test(Finding.CANCER_HISTORY)
                        && (yes.test(Finding.NEURO_DEFICIT) || yes.test(Finding.PROGRESSIVE_WEAKNESS));
        return yes.test(Finding.SADDLE_NUMBNESS) && !otherEmergency;
    }

    // --- (c) a syntax error --------------------------------------------------------------------------------------

    @Test
    void check_syntaxError_reportsFileLineAndColumnAndExits3() throws IOException {
        Path rules = copyOfTheRules();
        String written = "    Answer( code == \"saddle_numbness\", present"; // the closing bracket lost
        int condition = replaceCes01Condition(rules, written);

        Cli.Result result = Cli.run("check", "--rules", rules.toString(), "--cases", CASES.toString());

        // the parser stops at the 'then' on the next line, its first character; the hint points at the open bracket
        String expected = rules.resolve(CES) + ":" + (condition + 2) + ":1: " + CES_01
                + ": unexpected 'then' \u2014 is a closing bracket, comma or quote missing just before it? Look at line "
                + (condition + 1) + ", column " + (written.indexOf('(') + 1) + ": this '(' is never closed.";
        assertAll(
                () -> assertEquals(TriageCommand.RULE_BASE, result.exit(), result::toString),
                () -> assertTrue(result.out().lines().anyMatch(expected::equals), () -> expected + "\n" + result),
                () -> assertTrue(result.out().contains("    Drools: [ERR 102] Line " + (condition + 2) + ":0 "
                        + "mismatched input 'then'"), result::toString),
                () -> assertFalse(result.out().contains("Cases:"), "no case runs when the rules do not compile"),
                () -> assertFalse(result.err().contains("Exception"), result::toString));
    }

    @Test
    void check_mistypedFindingCode_isARuleBaseErrorNamingTheRuleAndTheNearestCode_andExits3() throws IOException {
        Path rules = copyOfTheRules();
        String written = "    Answer( code == \"saddle_numbnes\", present )"; // compiles, and would never match
        int condition = replaceCes01Condition(rules, written);

        Cli.Result result = Cli.run("check", "--rules", rules.toString(), "--cases", CASES.toString());

        String expected = rules.resolve(CES) + ":" + (condition + 1) + ":" + (written.indexOf('"') + 1)
                + ": " + CES_01 + " tests unknown finding code 'saddle_numbnes' (did you mean "
                + "'saddle_numbness'?), which no answer would ever match";
        assertAll(
                () -> assertEquals(TriageCommand.RULE_BASE, result.exit(), result::toString),
                () -> assertTrue(result.out().lines().anyMatch(expected::equals), () -> expected + "\n" + result),
                () -> assertFalse(result.out().contains("Cases:"), "no case runs when the rules do not build"));
    }

    /** Writes {@code condition} in place of CES-01's condition in a copy of the rules; its 0-based line number. */
    private static int replaceCes01Condition(Path rules, String condition) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(rules.resolve(CES), StandardCharsets.UTF_8));
        int line = lines.indexOf("    Answer( code == \"saddle_numbness\", present )");
        assertTrue(line >= 0, "CES-01's condition not found");
        lines.set(line, condition);
        Files.write(rules.resolve(CES), lines, StandardCharsets.UTF_8);
        return line;
    }

    // --- (d) a rule deleted --------------------------------------------------------------------------------------

    @Test
    void check_ruleDeleted_itsCasesSayItDidNotFireAndIsMissing() throws IOException {
        Path rules = copyOfTheRules();
        String drl = read(rules.resolve(CES));
        write(rules.resolve(CES), drl.replace(ces01(drl), ""));
        List<JsonNode> ces01Cases = new ArrayList<>();
        JSON.readTree(rules.resolve("red-flags-cauda-equina.cases.json").toFile()).forEach(ces01Cases::add);

        Cli.Result result = Cli.run("check", "--rules", rules.toString());

        List<String> rows = rowStarts(result.out());
        assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString);
        for (int i = 0; i < ces01Cases.size(); i++) {
            JsonNode c = ces01Cases.get(i);
            if (!c.get("rule").asText().equals("CES-01")) {
                continue;
            }
            String label = "red-flags-cauda-equina #" + (i + 1) + ":";
            String expected = c.get("fires").asBoolean() ? "CES-01 fires" : "CES-01 silent";
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(label) && r.contains(expected)
                    && r.contains("no rule CES-01") && r.contains("there is no rule CES-01")),
                    () -> "no row for " + label + " saying CES-01 is missing\n" + result);
        }
        assertTrue(result.out().contains("CES-01 should fire but did not"), result::toString);
    }

    // --- (e) assess with the edited copy -------------------------------------------------------------------------

    @Test
    void assess_rulesCopyWithAChangedConclusion_assessesWithTheCopy() throws IOException {
        Path rules = copyOfTheRules();
        String drl = read(rules.resolve(CES));
        String rule = ces01(drl);
        write(rules.resolve(CES), drl.replace(rule, rule.replace("Disposition.EMERGENCY", "Disposition.URGENT")));
        Path saddleOnly = dir.resolve("saddle-only.json");
        write(saddleOnly, """
                {"id": "saddle-only", "age": 35, "findings": {"saddle_numbness": true, "bladder_dysfunction": false,
                 "bowel_dysfunction": false, "bilateral_leg_symptoms": false, "sexual_dysfunction": false}}""");

        Cli.Result edited = Cli.run("assess", "--json", "--rules", rules.toString(), saddleOnly.toString());
        Cli.Result builtIn = Cli.run("assess", "--json", saddleOnly.toString());

        assertAll(
                () -> assertEquals(TriageCommand.OK, edited.exit(), edited::toString),
                () -> assertEquals("URGENT", edited.json().get(0).get("disposition").asText(), edited::toString),
                () -> assertTrue(edited.json().get(0).get("ruleBaseVersion").asText().startsWith("local+")),
                () -> assertEquals("EMERGENCY", builtIn.json().get(0).get("disposition").asText(), builtIn::toString));
    }

    // --- more of what check reports ------------------------------------------------------------------------------

    @Test
    void check_ruleNoCaseFires_isListedWithIdNameAndPlace() throws IOException {
        Path rules = copyOfTheRules();
        write(rules.resolve("extra.drl"), """
                package health.triage.rules;
                import health.triage.*;
                import health.triage.facts.*;

                rule "Pain at an age no case has needs a clinician's assessment"
                    @id(EXTRA-01) @source("test")
                when
                    Patient( age > 119 )
                then
                    insert( new Urgency( Disposition.ROUTINE ) );
                end
                """);

        Cli.Result result = Cli.run("check", "--rules", rules.toString());

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Every case has its expected outcome."), result::toString),
                () -> assertTrue(result.out().contains("Rules that no case fires: 1 of "), result::toString),
                () -> assertTrue(result.out().contains("  EXTRA-01 \u2014 Pain at an age no case has needs a clinician's "
                        + "assessment (" + rules.resolve("extra.drl") + ":5)"), result::toString),
                () -> assertTrue(result.out().contains("check: 1 rule is fired by no case"), result::toString));
    }

    @Test
    void check_exampleCaseAgainstAChangedExpectation_isListedWithTheRulesThatSetItsDisposition() throws IOException {
        Path cases = dir.resolve("cases");
        Files.createDirectories(cases);
        Files.copy(CASES.resolve("office-wallet.json"), cases.resolve("office-wallet.json"));
        write(cases.resolve("expectations.csv"), "file,disposition,likelySource,basis\n"
                + "office-wallet.json,URGENT,PIRIFORMIS,a test expectation that does not hold\n"
                + "gone.json,ROUTINE,SPINAL,a row for a case file that is not there\n");

        Cli.Result result = Cli.run("check", "--rules", copyOfTheRules().toString(), "--cases", cases.toString());

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("disposition should be URGENT,"), result::toString),
                () -> assertTrue(result.out().contains("SELF_CARE set by SRC-03"), result::toString),
                () -> assertTrue(result.out().contains("names gone.json, which is not in"), result::toString),
                () -> assertTrue(result.out().contains("Cases whose outcome differs from their expectation: 2 of "),
                        result::toString));
    }

    @Test
    void check_caseThatCannotBeRead_isListedAndTheOthersStillRun() throws IOException {
        Path rules = copyOfTheRules();
        Path file = rules.resolve("mimics.cases.json");
        String cases = read(file).stripTrailing();
        write(file, cases.substring(0, cases.length() - 1) + """
                ,
                  {"rule": "MIM-01", "fires": true, "name": "a misspelt finding",
                   "set": {"thigh_bruisng": true}, "expect": {"disposition": "ROUTINE"}}
                ]""");

        Cli.Result result = Cli.run("check", "--rules", rules.toString());

        assertAll(
                () -> assertEquals(TriageCommand.CASE_REJECTED, result.exit(), result::toString),
                () -> assertTrue(result.out().contains("Cases whose outcome differs from their expectation: 1 of "),
                        result::toString),
                () -> assertTrue(result.out().lines().anyMatch(l -> l.startsWith("mimics #")
                        && l.contains("not run")), result::toString),
                () -> assertTrue(result.out().replaceAll("\\s+", " ").contains("unknown finding code 'thigh_bruisng' "
                        + "(did you mean 'thigh_bruising'?)"), result::toString));
    }

    // --- usage ---------------------------------------------------------------------------------------------------

    @Test
    void check_withoutRules_isUsageError() {
        Cli.Result result = Cli.run("check");

        assertEquals(TriageCommand.USAGE, result.exit(), result::toString);
        assertTrue(result.err().contains("--rules"), result::toString);
    }

    @Test
    void check_rulesFolderWithoutDrl_isUsageError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        Cli.Result result = Cli.run("check", "--rules", dir.resolve("empty").toString());

        assertEquals(TriageCommand.USAGE, result.exit(), result::toString);
        assertTrue(result.err().startsWith("triage check: --rules: rules folder " + dir.resolve("empty")
                + " holds no .drl file"), result::toString);
    }

    @Test
    void check_missingRulesFolder_isUsageError() {
        Cli.Result result = Cli.run("check", "--rules", dir.resolve("nope").toString());

        assertEquals(TriageCommand.USAGE, result.exit(), result::toString);
        assertTrue(result.err().startsWith("triage check: --rules: rules folder " + dir.resolve("nope")
                + " does not exist or is not a folder"), result::toString);
    }

    @Test
    void check_casesFolderWithoutExpectations_isUsageErrorBeforeCompiling() throws IOException {
        Files.createDirectories(dir.resolve("cases"));
        write(dir.resolve("cases/a.json"), "{\"age\": 30}");

        Cli.Result result = Cli.run("check", "--rules", RULES.toString(), "--cases", dir.resolve("cases").toString());

        assertEquals(TriageCommand.USAGE, result.exit(), result::toString);
        assertTrue(result.err().startsWith("triage check: --cases: folder " + dir.resolve("cases")
                + " has no expectations.csv"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void checkHelp_describesTheLoopAndEveryExitCode() {
        Cli.Result result = Cli.run("check", "--help");

        assertEquals(TriageCommand.OK, result.exit());
        for (String text : List.of("--rules", "--cases", "file:line:column", "expectations.csv", "base-case.json",
                "RULE_AUTHORING.md", "Exit codes", "\n  0 ", "\n  1 ", "\n  2 ", "\n  3 ")) {
            assertTrue(result.out().contains(text), () -> "no '" + text + "' in\n" + result.out());
        }
        result.out().lines().forEach(line -> assertTrue(line.length() <= 80, () -> "wider than 80: " + line));
    }
}
