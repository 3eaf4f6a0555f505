package health.triage.examples;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.Reason;
import health.triage.RuleBaseException;
import health.triage.RuleCase;
import health.triage.RuleInfo;
import health.triage.TriageEngine;
import health.triage.examples.ExampleExpectations.Expectation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code triage check}: the edit loop of a clinician who changes the rules. Compiles a folder of rules, runs every
 * case against them, and shows what differs from what the cases expect and which rules no case fires.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Check edited rules: compile them, run every case, show what differs.",
        descriptionHeading = "%n",
        description = {
                "Compiles the rules of every .drl file in the --rules folder (such as a copy of the rules folder "
                        + "that you edit) and prints each problem as file:line:column: message (columns count "
                        + "from 1), in plain words and then in Drools' own words.",
                "",
                "When the rules compile, runs every case: the per-rule cases kept beside the rules in that folder "
                        + "(each *.cases.json, written on top of base-case.json) and, with --cases, the example "
                        + "cases of a folder, each checked against its row in that folder's expectations.csv "
                        + "(columns: file, disposition, likelySource, basis). Then prints a table of the cases whose outcome differs from their "
                        + "expectation (the case, what was expected, what came out, what differs and which rules "
                        + "set the disposition) and lists the rules that no case fires.",
                "",
                "The edit loop step by step: RULE_AUTHORING.md."},
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the rules compile, every case has its expected outcome and every rule is fired by some case",
                "1:some case differs from its expectation or cannot be read, or some rule is fired by no case",
                "2:usage error: --rules missing, a folder that does not exist, a --rules folder without .drl "
                        + "files, a --cases folder without .json cases or without expectations.csv",
                "3:the rules do not compile (no case was run; each problem is printed as file:line:column: "
                        + "message), or they failed on a case"})
final class CheckCommand implements Callable<Integer> {

    private static final int[] WIDTHS = {32, 15, 15, 32};
    private static final String GAP = "  ";

    @Option(names = "--rules", required = true, paramLabel = "DIR",
            description = "The folder of rules to check: its .drl files, and its per-rule cases (base-case.json "
                    + "and *.cases.json).")
    private Path rulesDirectory;

    @Option(names = "--cases", paramLabel = "DIR",
            description = "Also run the example cases of DIR (its *.json files) and check each against its row "
                    + "of DIR/expectations.csv.")
    private Path casesDirectory;

    @Spec
    private CommandSpec spec;

    /** A case whose outcome differs from its expectation, as a row of the table. */
    private record Differing(String name, List<String> expected, List<String> actual, List<String> differs) {
    }

    /** What running every case found. */
    private static final class Run {
        final List<Differing> differing = new ArrayList<>();
        final Set<String> fired = new TreeSet<>();
        int perRule;
        int examples;
        boolean ruleBaseFailed;
    }

    @Override
    public Integer call() {
        checkFolders();
        PrintWriter out = spec.commandLine().getOut();
        TriageEngine engine;
        try {
            engine = TriageEngine.builder().rulesFrom(rulesDirectory).build();
        } catch (IllegalArgumentException e) {
            throw usage("--rules: " + e.getMessage());
        } catch (RuleBaseException e) {
            out.println("The rules in " + rulesDirectory + " do not compile: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem." : " problems."));
            out.println();
            RuleProblems words = new RuleProblems(rulesDirectory);
            e.problems().forEach(problem -> words.describe(problem).forEach(out::println));
            out.println();
            out.println("check: the rules do not compile, so no case was run; fix the problems above and run check"
                    + " again.");
            out.flush();
            return TriageCommand.RULE_BASE;
        }

        try (engine) {
            Run run = new Run();
            List<RuleInfo> rules = engine.rules();
            Set<String> ids = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
            perRuleCases(engine, ids, run);
            if (casesDirectory != null) {
                exampleCases(engine, run);
            }
            List<RuleInfo> unfired = rules.stream().filter(rule -> !run.fired.contains(rule.id())).toList();
            print(out, engine, rules, unfired, run);
            out.flush();
            if (run.ruleBaseFailed) {
                return TriageCommand.RULE_BASE;
            }
            return run.differing.isEmpty() && unfired.isEmpty() ? TriageCommand.OK : TriageCommand.CASE_REJECTED;
        }
    }

    /** Usage errors first, before anything is compiled. */
    private void checkFolders() {
        if (!Files.isDirectory(rulesDirectory)) {
            throw usage("--rules: rules folder " + rulesDirectory + " does not exist or is not a folder");
        }
        if (casesDirectory != null) {
            if (!Files.isDirectory(casesDirectory)) {
                throw usage("--cases: cases folder " + casesDirectory + " does not exist or is not a folder");
            }
            if (!Files.isRegularFile(casesDirectory.resolve(ExampleExpectations.FILE_NAME))) {
                throw usage("--cases: folder " + casesDirectory + " has no " + ExampleExpectations.FILE_NAME
                        + " (columns " + String.join(",", ExampleExpectations.HEADER) + ")");
            }
            if (exampleFiles().isEmpty()) {
                throw usage("--cases: folder " + casesDirectory + " holds no .json case file");
            }
        }
    }

    private void perRuleCases(TriageEngine engine, Set<String> ids, Run run) {
        List<RuleCaseFiles.Row> rows;
        try {
            rows = RuleCaseFiles.read(rulesDirectory);
        } catch (IOException e) {
            run.differing.add(new Differing(rulesDirectory.toString(), List.of(), List.of("not run"),
                    List.of("the per-rule cases cannot be listed: " + e.getMessage())));
            return;
        }
        Map<BilateralLegSymptomsPolicy, TriageEngine> byPolicy = new EnumMap<>(BilateralLegSymptomsPolicy.class);
        byPolicy.put(engine.bilateralLegSymptomsPolicy(), engine);
        try {
            perRuleCases(engine, byPolicy, rows, ids, run);
        } finally {
            byPolicy.values().stream().filter(e -> e != engine).forEach(TriageEngine::close);
        }
    }

    /** Runs the cases, each with an engine of its policy (built from the same rules when first needed). */
    private void perRuleCases(TriageEngine engine, Map<BilateralLegSymptomsPolicy, TriageEngine> byPolicy,
                              List<RuleCaseFiles.Row> rows, Set<String> ids, Run run) {
        for (RuleCaseFiles.Row row : rows) {
            run.perRule++;
            if (row.ruleCase() == null) {
                run.differing.add(new Differing(row.label(), List.of(), List.of("not run"), List.of(row.error())));
                continue;
            }
            RuleCase c = row.ruleCase();
            String name = row.label() + ": " + c.name();
            List<String> expected = new ArrayList<>();
            expected.add(c.rule() + (c.fires() ? " fires" : " silent"));
            for (String key : List.of("disposition", "likelySource")) {
                if (c.expect().containsKey(key)) {
                    expected.add(String.valueOf(c.expect().get(key)));
                }
            }
            Assessment result;
            try {
                result = byPolicy.computeIfAbsent(c.policy(), policy -> TriageEngine.builder()
                        .rulesFrom(rulesDirectory).bilateralLegSymptomsPolicy(policy).build()).assess(c.triageCase());
            } catch (RuntimeException e) {
                run.ruleBaseFailed = true;
                run.differing.add(new Differing(name, expected, List.of("no result"),
                        List.of("the rules failed on this case: " + e.getMessage())));
                continue;
            }
            result.reasons().forEach(reason -> run.fired.add(reason.ruleId()));
            List<String> differs = new ArrayList<>(c.failures(result));
            boolean known = ids.contains(c.rule());
            if (!known) {
                differs.add(0, "there is no rule " + c.rule() + " in these rules (deleted, or its @id changed)");
            }
            if (differs.isEmpty()) {
                continue;
            }
            boolean fired = result.reasons().stream().anyMatch(r -> r.ruleId().equals(c.rule()));
            List<String> actual = new ArrayList<>();
            actual.add(!known ? "no rule " + c.rule() : c.rule() + (fired ? " fired" : " silent"));
            actual.add(result.disposition().name());
            actual.add(result.likelySource().name());
            for (int i = 0; i < differs.size(); i++) {
                if (differs.get(i).startsWith("disposition should be")) {
                    differs.add(i + 1, setBy(result));
                    break;
                }
            }
            run.differing.add(new Differing(name, expected, actual, differs));
        }
    }

    private void exampleCases(TriageEngine engine, Run run) {
        Path csv = casesDirectory.resolve(ExampleExpectations.FILE_NAME);
        Map<String, Expectation> expectations;
        try {
            expectations = ExampleExpectations.read(csv);
        } catch (IOException | IllegalArgumentException e) {
            run.differing.add(new Differing(csv.toString(), List.of(), List.of("not checked"),
                    List.of("cannot be read: " + e.getMessage())));
            expectations = Map.of();
        }
        Map<String, Expectation> unmatched = new LinkedHashMap<>(expectations);
        for (CaseFiles.Entry entry : exampleFiles()) {
            Path file = entry.path();
            String fileName = file.getFileName().toString();
            run.examples++;
            Expectation expectation = unmatched.remove(fileName);
            String name = expectation == null ? file.toString()
                    : file + " (" + ExampleExpectations.FILE_NAME + " line " + expectation.line() + ")";
            List<String> expected = expectation == null ? List.of()
                    : List.of(expectation.disposition().name(), expectation.likelySource().name());
            CaseReader.Cases cases;
            try {
                cases = entry.problem() != null ? CaseReader.rejected(file.toString(), entry.problem())
                        : CaseFiles.read(file.toString(), file);
            } catch (IOException e) {
                cases = CaseReader.rejected(file.toString(), "cannot be read: " + CaseFiles.reason(e));
            }
            List<CaseReader.Read> reads = new ArrayList<>();
            if (cases.size() == 1) {
                cases.forEach(reads::add);
            }
            if (reads.size() != 1 || !(reads.get(0) instanceof CaseReader.Valid valid)) {
                String why = reads.size() == 1 && reads.get(0) instanceof CaseReader.Rejected bad ? bad.error()
                        : "holds " + cases.size() + " cases; an example file holds one case";
                run.differing.add(new Differing(name, expected, List.of("not run"), List.of(why)));
                continue;
            }
            Assessment result;
            try {
                result = engine.assess(valid.triageCase());
            } catch (RuntimeException e) {
                run.ruleBaseFailed = true;
                run.differing.add(new Differing(name, expected, List.of("no result"),
                        List.of("the rules failed on this case: " + e.getMessage())));
                continue;
            }
            result.reasons().forEach(reason -> run.fired.add(reason.ruleId()));
            List<String> actual = List.of(result.disposition().name(), result.likelySource().name());
            if (expectation == null) {
                run.differing.add(new Differing(name, expected, actual, List.of("no row for " + fileName + " in "
                        + ExampleExpectations.FILE_NAME + ": add one with the expected outcome and its basis")));
                continue;
            }
            List<String> differs = new ArrayList<>();
            if (result.disposition() != expectation.disposition()) {
                differs.add("disposition should be " + expectation.disposition() + ", was " + result.disposition());
                differs.add(setBy(result));
            }
            if (result.likelySource() != expectation.likelySource()) {
                differs.add("likely source should be " + expectation.likelySource() + ", was "
                        + result.likelySource());
            }
            if (!differs.isEmpty()) {
                run.differing.add(new Differing(name, expected, actual, differs));
            }
        }
        unmatched.values().forEach(row -> run.differing.add(new Differing(csv + " line " + row.line(),
                List.of(row.disposition().name(), row.likelySource().name()), List.of("not run"),
                List.of("names " + row.file() + ", which is not in " + casesDirectory))));
    }

    /** Which rules set the disposition that came out. */
    private static String setBy(Assessment result) {
        Set<String> ids = new LinkedHashSet<>();
        result.decisiveReasons().stream().map(Reason::ruleId).forEach(ids::add);
        return ids.isEmpty() ? "no rule concluded " + result.disposition() + " on its own"
                : result.disposition() + " set by " + String.join(", ", ids);
    }

    private void print(PrintWriter out, TriageEngine engine, List<RuleInfo> rules, List<RuleInfo> unfired, Run run) {
        int total = run.perRule + run.examples;
        // folder and file names, rule names and case errors come from input: shown with Printable
        out.println(Printable.of("Rules:  " + rulesDirectory + ": " + drlCount() + " .drl files, " + rules.size()
                + " rules, version " + engine.ruleBaseVersion()));
        out.println(Printable.of("Cases:  " + run.perRule + " per-rule cases from " + rulesDirectory
                + (casesDirectory == null ? "" : "; " + run.examples + " example cases from " + casesDirectory)));
        out.println();
        if (run.differing.isEmpty()) {
            out.println("Every case has its expected outcome.");
            out.println();
        } else {
            out.println("Cases whose outcome differs from their expectation: " + run.differing.size() + " of " + total);
            out.println();
            row(out, List.of("CASE"), List.of("EXPECTED"), List.of("ACTUAL"), List.of("WHAT DIFFERS"));
            row(out, List.of("-".repeat(WIDTHS[0])), List.of("-".repeat(WIDTHS[1])), List.of("-".repeat(WIDTHS[2])),
                    List.of("-".repeat(WIDTHS[3])));
            for (Differing d : run.differing) {
                row(out, List.of(d.name()), d.expected(), d.actual(), d.differs());
                out.println();
            }
        }
        if (unfired.isEmpty()) {
            out.println("Every rule is fired by at least one case.");
        } else {
            out.println("Rules that no case fires: " + unfired.size() + " of " + rules.size()
                    + " (add a case where each must fire, or remove the rule)");
            for (RuleInfo rule : unfired) {
                out.println(Printable.of("  " + rule.id() + " \u2014 " + rule.name() + " ("
                        + rulesDirectory.resolve(rule.file()) + ":" + rule.line() + ")"));
            }
        }
        out.println();
        List<String> verdict = new ArrayList<>();
        if (!run.differing.isEmpty()) {
            verdict.add(run.differing.size() + " of " + total + (total == 1 ? " case differs" : " cases differ")
                    + " from the expectation");
        }
        if (!unfired.isEmpty()) {
            verdict.add(unfired.size() + (unfired.size() == 1 ? " rule is" : " rules are") + " fired by no case");
        }
        out.println("check: " + (verdict.isEmpty() ? "passed: the rules compile, all " + total
                + " cases have their expected outcome, and every rule is fired by some case"
                : String.join("; ", verdict)));
    }

    /** One row of the table: each cell's items wrapped to its column, the columns side by side. */
    private static void row(PrintWriter out, List<String> name, List<String> expected, List<String> actual,
                            List<String> differs) {
        List<List<String>> cells = List.of(wrap(name, WIDTHS[0]), wrap(expected, WIDTHS[1]),
                wrap(actual, WIDTHS[2]), wrap(differs, WIDTHS[3]));
        int height = cells.stream().mapToInt(List::size).max().orElse(1);
        for (int i = 0; i < height; i++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String text = i < cells.get(c).size() ? cells.get(c).get(i) : "";
                line.append(c == cells.size() - 1 ? text : pad(text, WIDTHS[c]) + GAP);
            }
            out.println(Printable.of(line.toString().stripTrailing()));
        }
    }

    /** Each item word-wrapped to {@code width}; an item's later lines are indented by two spaces. */
    private static List<String> wrap(List<String> items, int width) {
        List<String> lines = new ArrayList<>();
        for (String item : items) {
            StringBuilder line = new StringBuilder();
            boolean empty = true; // the line holds no word yet, only its indent
            for (String word : item.strip().split(" +")) {
                while (!word.isEmpty()) {
                    int room = width - line.length() - (empty ? 0 : 1);
                    if (word.length() <= room) {
                        line.append(empty ? "" : " ").append(word);
                        empty = false;
                        word = "";
                    } else if (!empty) {
                        lines.add(line.toString());
                        line = new StringBuilder("  ");
                        empty = true;
                    } else { // longer than a whole line, such as a path: cut it
                        lines.add(line + word.substring(0, room));
                        word = word.substring(room);
                        line = new StringBuilder("  ");
                    }
                }
            }
            if (!empty) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private long drlCount() {
        try (Stream<Path> listing = Files.list(rulesDirectory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".drl")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private List<CaseFiles.Entry> exampleFiles() {
        try {
            return CaseFiles.list(casesDirectory);
        } catch (IOException e) {
            throw usage("--cases: cannot list folder " + casesDirectory + ": " + CaseFiles.reason(e));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
