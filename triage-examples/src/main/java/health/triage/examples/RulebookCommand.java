package health.triage.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.triage.RuleBaseException;
import health.triage.TriageCase;
import health.triage.TriageEngine;
import health.triage.examples.rulebook.HtmlWriter;
import health.triage.examples.rulebook.MarkdownWriter;
import health.triage.examples.rulebook.RuleBook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code triage rulebook}: writes the rule book of the rule base, generated from the rules themselves. */
@Command(name = "rulebook",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        sortOptions = false,
        header = "Write the rule book: every rule in plain words, with its source and the example cases it decides.",
        description = {
                "Generates, from the rule base itself, a document for clinical review: the intended use, the "
                        + "vocabulary, the sources, a diagram of the decision flow (HTML) or its table (Markdown), and "
                        + "every rule grouped by clinical concern with its id, sentence name, conditions and conclusion "
                        + "in plain words, source citation, the example cases that exercise it, and its text as written. "
                        + "The HTML page is one self-contained file that works offline."},
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rule book was written",
                "1:the rule book was written, but some example case could not be read or used (each is named on "
                        + "standard error) and is left out of it",
                "2:usage error (bad option, unreadable folder or file)",
                "3:the rule base could not be loaded; each problem is printed as file:line:column: message"})
final class RulebookCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "md|html", defaultValue = "md",
            description = "md (Markdown, the default) or html (one self-contained page with the flow diagram).")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private Path output;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Describe the rules of every .drl file in DIR instead of the built-in rule base.")
    private Path rulesDirectory;

    @Option(names = "--cases", paramLabel = "DIR",
            description = "Example cases to run (*.json); default triage-examples/cases when that folder exists.")
    private Path casesDirectory;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("md") && !kind.equals("html")) {
            throw new ParameterException(spec.commandLine(), "--format must be md or html, was '" + format + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        TriageEngine engine;
        try {
            engine = rulesDirectory == null ? TriageEngine.builder().build()
                    : TriageEngine.builder().rulesFrom(rulesDirectory).build();
        } catch (RuleBaseException e) {
            err.println(spec.qualifiedName() + ": the rule base cannot be used; " + e.problems().size() + " problem(s):");
            e.problems().forEach(problem -> err.println(Printable.message(String.valueOf(problem))));
            err.flush();
            return TriageCommand.RULE_BASE;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
        }
        List<String> skipped = new ArrayList<>();
        try (engine) {
            RuleBook book = RuleBook.of(engine, examples(skipped), resource("health/triage/examples/INTENDED_USE.md"),
                    bibliography());
            String text = kind.equals("html") ? HtmlWriter.write(book) : MarkdownWriter.write(book);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
                err.println(spec.qualifiedName() + ": wrote " + Printable.message(output.toString()));
                err.flush();
            }
            skipped.stream().limit(AssessCommand.MAX_REJECTIONS_SHOWN)
                    .forEach(why -> err.println(spec.qualifiedName() + ": example case left out: " + why));
            if (skipped.size() > AssessCommand.MAX_REJECTIONS_SHOWN) {
                err.println(spec.qualifiedName() + ": " + (skipped.size() - AssessCommand.MAX_REJECTIONS_SHOWN)
                        + " more example cases left out");
            }
            err.flush();
            return skipped.isEmpty() ? TriageCommand.OK : TriageCommand.CASE_REJECTED;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + output + ": " + CaseFiles.reason(e));
        }
    }

    /**
     * The example cases of the repository, found from any working folder: triage-examples/cases in the working folder
     * or one of its parents, or beside the program (triage-examples/target/triage.jar); null when there is none.
     */
    private static Path defaultCases() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("triage-examples").resolve("cases");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        try {
            Path jar = Path.of(RulebookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("cases");
            return candidate != null && Files.isDirectory(candidate) ? candidate : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The example cases, by id (or file name when a case has none). Each file is read up to the limit of a case file;
     * an entry or case that cannot be read or used is left out, and {@code skipped} says which and why.
     */
    private Map<String, TriageCase> examples(List<String> skipped) {
        Path folder = casesDirectory != null ? casesDirectory : defaultCases();
        Map<String, TriageCase> cases = new TreeMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            if (casesDirectory != null) {
                throw new ParameterException(spec.commandLine(), "--cases: no such folder: " + casesDirectory);
            }
            spec.commandLine().getErr().println("triage rulebook: no example cases found (no triage-examples/cases "
                    + "in this folder, its parents or beside the program); the book lists no example cases; use "
                    + "--cases DIR");
            return cases;
        }
        List<CaseFiles.Entry> entries;
        try {
            entries = CaseFiles.list(folder);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--cases: cannot list folder " + folder + ": "
                    + CaseFiles.reason(e));
        }
        for (CaseFiles.Entry entry : entries) {
            String name = entry.path().toString();
            if (entry.problem() != null) {
                skipped.add(Printable.message(name + ": " + entry.problem()));
                continue;
            }
            CaseReader.Cases read;
            try {
                read = CaseFiles.read(name, entry.path());
            } catch (IOException e) {
                skipped.add(Printable.message(name + ": cannot be read: " + CaseFiles.reason(e)));
                continue;
            }
            read.forEach(one -> {
                if (one instanceof CaseReader.Valid valid) {
                    cases.put(valid.id() != null ? valid.id() : entry.path().getFileName().toString(),
                            valid.triageCase());
                } else if (one instanceof CaseReader.Rejected bad) {
                    skipped.add(bad.error());
                }
            });
        }
        return cases;
    }

    /** The sources the rules cite: bibliography.json beside the DRL files. */
    private List<Map<String, String>> bibliography() throws IOException {
        String json;
        Path local = rulesDirectory == null ? null : rulesDirectory.resolve("bibliography.json");
        if (local != null && Files.isRegularFile(local)) {
            json = Files.readString(local, StandardCharsets.UTF_8);
        } else {
            json = resource("health/triage/rules/bibliography.json");
        }
        return new ObjectMapper().readValue(json, new TypeReference<>() { });
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RulebookCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
