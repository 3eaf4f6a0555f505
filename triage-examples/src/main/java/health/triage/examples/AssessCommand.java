package health.triage.examples;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.NextQuestions;
import health.triage.RuleBaseException;
import health.triage.TriageEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code triage assess}: assesses case files and prints, in input order, a report per case (one case), a line per
 * case and a totals line (a folder or several cases), or a JSON line per case.
 */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Assess cases and explain each result.",
        descriptionHeading = "%n",
        description = {
                "Reads each PATH and assesses every case in it, in the order given: the cases of a file in order, "
                        + "the files of a folder sorted by name.",
                "",
                "A case is a JSON object with the fields id (text, optional), age (whole years 0-120, required), "
                        + "sex (female, male or other), pregnant (true or false), durationDays (whole days, 0 or "
                        + "more), painScore (0-10), examined (true: a clinician examined the person for this pain; "
                        + "false: nobody did, so the examination-only findings are left out) and findings: an object "
                        + "of finding codes, each true (present) or "
                        + "false (asked and absent). Leave a finding out when it was not asked: unknown is never "
                        + "taken as no. Example:",
                "  {\"id\": \"desk-runner\", \"age\": 34, \"sex\": \"female\", \"durationDays\": 21,",
                "   \"findings\": {\"buttock_pain\": true, \"worse_sitting\": true,",
                "                \"saddle_numbness\": false}}",
                "",
                "Input is read strictly: an unknown field or code (the error suggests the nearest), a duplicate "
                        + "key, a fraction or an out-of-range number, null as an answer or anything after the case "
                        + "rejects the case. Other cases still run. A file that is not valid JSON or not strictly "
                        + "encoded UTF-8 (or UTF-16/32) is rejected as a whole, naming the line and column or the "
                        + "byte offset; so is an empty array. Implausible combinations (pregnant below 10 or above "
                        + "65 years, a duration longer than the age) are errors, never corrected.",
                "",
                "Limits: a case file (or standard input) holds at most 4 MiB; a text value or field name at most "
                        + "1000 characters; a number at most 1000 digits; arrays and objects nest at most 100 "
                        + "levels; an object in a case has at most 100 entries. Input beyond a limit gives one error "
                        + "naming the field; it rejects the case (the whole file for the size and nesting limits), "
                        + "and other cases and files still run. At most 100 errors of one input are shown, then one "
                        + "line with the count of the rest. A .json entry of a folder that is not a regular file (a "
                        + "folder, a pipe, a device, a broken or looping link) gets an error line."},
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nOutput:%n",
        footer = {
                "Default, for a folder or more than one case: one line per case (its id, the disposition, the likely "
                        + "source and, where the case file's folder has an expectations.csv, whether both are as it "
                        + "expects: yes, or NO with what it expects), then a totals line.",
                "",
                "Default for a single case, and with --report for every case: a readable report: the "
                        + "disposition and how soon to act, the likely source with the cues for and against, red flags, unanswered screening questions, conditions to also "
                        + "consider, referral, self-care steps with their precautions, safety-net advice, and the "
                        + "reasons: each rule that fired as rule id - rule - source - findings used.",
                "",
                "--json: JSON Lines, one object per case on its own line, in input order. Fields: input (file, "
                        + "with [n] for the n-th element of an array, counting from 0), id, disposition (EMERGENCY, "
                        + "URGENT, ROUTINE or SELF_CARE), timeframe, likelySource (PIRIFORMIS, SPINAL, NON_SPECIFIC_LOW_BACK or UNCLEAR), "
                        + "cuesFor and cuesAgainst [{finding, pointsTo, weight, text}], redFlags [{code, level, text, evidence}], "
                        + "unanswered [finding codes], alsoConsider [{condition, why}], referral [{whom, why}], "
                        + "selfCare [{title, howTo, precaution}], safetyNet [{seekCare, text}], reasons [{ruleId, "
                        + "rule, source, findings, raises}], bilateralLegSymptomsPolicy (EMERGENCY or URGENT), "
                        + "complete (true when no unanswered question could change the disposition) and "
                        + "nextQuestions [{code, text, why, priority}] (most pressing first), both left out with "
                        + "--no-next-questions, ruleBaseVersion. A case that cannot be assessed gives "
                        + "{\"input\": ..., \"id\": ... or null, \"error\": \"...\"} instead."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every case was assessed",
                "1:some case could not be assessed (its output says why); the others were",
                "2:usage error: unknown option, missing argument, a path that does not exist, a folder without "
                        + ".json files, a --rules folder without .drl files",
                "3:the rule base could not be loaded, or it failed on a case; each problem of a --rules folder "
                        + "is printed as file:line:column: message, in plain words and in Drools' words",
                "4:the results could not be written to standard output (a full disk, a closed pipe): the batch "
                        + "stopped at once"})
final class AssessCommand implements Callable<Integer> {

    private static final String STDIN = "-";
    /** The most errors shown for one input; the others are counted. */
    static final int MAX_REJECTIONS_SHOWN = 100;

    @Option(names = "--json", description = "Print one JSON object per case (JSON Lines) instead of a report.")
    private boolean json;

    @Option(names = "--report", description = "Print the full report of every case, also for a folder or several "
            + "cases (which otherwise get one line each and a totals line).")
    private boolean report;

    @Option(names = "--no-next-questions",
            description = "Only with --json: leave out complete and nextQuestions. Working them out costs about two "
                    + "assessments per unanswered finding, so a batch of cases runs several times faster without.")
    private boolean withoutNextQuestions;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules of every .drl file in DIR instead of the built-in rule base.")
    private Path rulesDirectory;

    @Option(names = "--bilateral-policy", paramLabel = "emergency|urgent",
            description = "How to send on new symptoms in both legs when they are the only cauda equina sign: "
                    + "emergency (the default) or urgent (a clinician today, with cauda equina safety-netting). "
                    + "Guidelines differ here; every result records the choice.")
    private BilateralLegSymptomsPolicy bilateralPolicy = BilateralLegSymptomsPolicy.DEFAULT;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "A case file (one case object, or an array of them), a folder (its *.json files; other "
                    + "files are ignored), or - for standard input.")
    private List<String> paths;

    @ParentCommand
    private TriageCommand parent;

    @Spec
    private CommandSpec spec;

    /** Whether a PATH is a folder: a folder always gets the short view, unless --report or --json. */
    private boolean folderGiven;

    /** One source of cases: a file, or standard input; {@code problem} says why a folder entry is not read. */
    private record Input(String name, Path file, String problem) {
        boolean isStdin() {
            return file == null;
        }
    }

    @Override
    public Integer call() {
        if (withoutNextQuestions && !json) {
            throw usage("--no-next-questions works only with --json: the report never lists next questions");
        }
        if (report && json) {
            throw usage("--report and --json exclude each other: choose the report or the JSON lines");
        }
        List<Input> inputs = inputs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TriageEngine engine;
        try {
            engine = loadEngine();
        } catch (RuleBaseException e) {
            err.println(spec.qualifiedName() + ": the rule base cannot be used; " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem:" : " problems:"));
            RuleProblems words = new RuleProblems(rulesDirectory);
            e.problems().forEach(problem -> words.describe(problem).forEach(err::println));
            err.flush();
            return TriageCommand.RULE_BASE;
        } catch (IllegalStateException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return TriageCommand.RULE_BASE;
        }

        Batch batch = new Batch(engine, out, err, inputs);
        // a bar on standard error while the cases are assessed, when it is a terminal; inputs are read one at a
        // time and their cases handed on one at a time, so memory holds one case file (at most
        // CaseReader.MAX_FILE_BYTES) and one case, however many files and cases there are
        batch.progress.inputs(inputs.size());
        try (engine) {
            for (int i = 0; i < inputs.size(); i++) {
                batch.input(i, inputs.get(i));
            }
        } catch (OutputFailed e) {
            batch.progress.clear();
            err.println(spec.qualifiedName() + ": " + TriageCommand.OUTPUT_FAILED + "; stopped after " + batch.total
                    + (batch.total == 1 ? " case" : " cases"));
            err.flush();
            return TriageCommand.OUTPUT;
        }
        batch.progress.finish();
        if (batch.summary != null) {
            try {
                batch.print(batch.summary.totals());
                batch.print("Full report of a case: assess FILE; of every case: assess --report PATH...");
            } catch (OutputFailed e) {
                err.println(spec.qualifiedName() + ": " + TriageCommand.OUTPUT_FAILED);
                err.flush();
                return TriageCommand.OUTPUT;
            }
        }
        if (batch.rejected + batch.failed > 0) {
            err.println(spec.qualifiedName() + ": " + (batch.rejected + batch.failed) + " of " + batch.total
                    + (batch.total == 1 ? " case" : " cases") + " could not be assessed; see "
                    + (json ? "the lines with \"error\"" : batch.summary != null ? "the lines marked NOT ASSESSED"
                    : "the blocks marked NOT ASSESSED"));
            err.flush();
        }
        return batch.failed > 0 ? TriageCommand.RULE_BASE
                : batch.rejected > 0 ? TriageCommand.CASE_REJECTED : TriageCommand.OK;
    }

    /** Standard output failed (a full disk, a closed pipe): the batch stops, since no result could be seen. */
    private static final class OutputFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputFailed() {
            super(null, null, false, false);
        }
    }

    /** The run through every input: counts, and prints each result as soon as its case is read and assessed. */
    private final class Batch {
        private final TriageEngine engine;
        private final PrintWriter out;
        private final PrintWriter err;
        private final Progress progress;
        private int total;
        private int rejected;
        private int failed;
        private int rejectedInInput;
        /** The short view, once chosen; null for reports and JSON. */
        private Summary summary;
        private boolean viewChosen;
        private Path file;

        private final List<Input> inputs;

        Batch(TriageEngine engine, PrintWriter out, PrintWriter err, List<Input> inputs) {
            this.engine = engine;
            this.inputs = inputs;
            this.out = out;
            this.err = err;
            this.progress = Progress.onTerminal(err);
        }

        void input(int index, Input input) {
            CaseReader.Cases cases = cases(input);
            if (!viewChosen) {
                viewChosen = true;
                if (!json && !report && (folderGiven || inputs.size() > 1 || cases.size() > 1)) {
                    summary = new Summary(warning -> {
                        progress.clear();
                        err.println(spec.qualifiedName() + ": " + warning);
                        err.flush();
                    });
                    print(Summary.header());
                }
            }
            file = input.file();
            progress.startInput(index, cases.size());
            rejectedInInput = 0;
            cases.forEach(this::one);
            int hidden = rejectedInInput - MAX_REJECTIONS_SHOWN;
            if (hidden > 0) {
                String note = input.name() + ": " + hidden + " more " + (hidden == 1 ? "case" : "cases")
                        + " of this input could not be assessed; only the first " + MAX_REJECTIONS_SHOWN
                        + " errors of an input are shown";
                print(json ? JsonResults.error(input.name(), null, note) : summary != null ? note
                        : Report.rejected(input.name(), null, note));
            }
        }

        private void one(CaseReader.Read read) {
            total++;
            progress.caseDone();
            if (read instanceof CaseReader.Rejected bad) {
                rejected++;
                if (++rejectedInInput <= MAX_REJECTIONS_SHOWN) {
                    print(json ? JsonResults.error(bad.where(), bad.id(), bad.error())
                            : summary != null ? summary.notAssessed(bad.where(), bad.id(), bad.error())
                            : Report.rejected(bad.where(), bad.id(), bad.error()));
                }
                return;
            }
            CaseReader.Valid valid = (CaseReader.Valid) read;
            Assessment assessment;
            NextQuestions next = null;
            try {
                if (json && !withoutNextQuestions) {
                    next = engine.nextQuestions(valid.triageCase());
                    assessment = next.assessment();
                } else {
                    assessment = engine.assess(valid.triageCase());
                }
            } catch (RuntimeException e) {
                failed++;
                String error = Printable.message(valid.where() + ": the rule base failed on this case: "
                        + e.getMessage());
                progress.clear();
                err.println(spec.qualifiedName() + ": " + error);
                print(json ? JsonResults.error(valid.where(), valid.id(), error)
                        : summary != null ? summary.notAssessed(valid.where(), valid.id(), error)
                        : Report.rejected(valid.where(), valid.id(), error));
                return;
            }
            print(next != null ? JsonResults.line(valid.where(), next)
                    : json ? JsonResults.line(valid.where(), assessment)
                    : summary != null ? summary.line(valid.where(), file, valid.id(), assessment)
                    : Report.of(valid.where(), valid.triageCase(), assessment));
        }

        private void print(String text) {
            out.print(text);
            if (!text.endsWith("\n")) {
                out.print('\n');
            }
            if (out.checkError()) { // flushes; a PrintWriter keeps a failed write to itself otherwise
                throw new OutputFailed();
            }
        }
    }

    /** Every input, in order; paths that do not exist are usage errors, found before any case is assessed. */
    private List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        boolean stdinSeen = false;
        for (String path : paths) {
            if (path.equals(STDIN)) {
                if (stdinSeen) {
                    throw usage("standard input (-) can be read only once");
                }
                stdinSeen = true;
                inputs.add(new Input("<stdin>", null, null));
                continue;
            }
            if (path.isBlank()) {
                throw usage("a PATH is empty ('" + path + "'); give a case file, a folder or - for standard input");
            }
            Path file;
            try {
                file = Path.of(path);
            } catch (InvalidPathException e) {
                throw usage("not a valid path: " + path);
            }
            if (Files.isDirectory(file)) {
                folderGiven = true;
                List<CaseFiles.Entry> entries;
                try {
                    entries = CaseFiles.list(file);
                } catch (IOException e) {
                    throw usage("cannot list folder " + path + ": " + CaseFiles.reason(e));
                }
                if (entries.isEmpty()) {
                    throw usage("folder " + path + " holds no .json case file");
                }
                entries.forEach(entry -> inputs.add(new Input(entry.path().toString(), entry.path(), entry.problem())));
            } else if (Files.exists(file)) {
                // named on the command line: read whatever it is, a pipe too (such as <(zcat cases.json.gz))
                inputs.add(new Input(path, file, null));
            } else {
                throw usage(CaseFiles.problem(file) + ": " + path);
            }
        }
        return inputs;
    }

    private TriageEngine loadEngine() {
        TriageEngine.Builder builder = TriageEngine.builder().bilateralLegSymptomsPolicy(bilateralPolicy);
        if (rulesDirectory == null) {
            return builder.build();
        }
        try {
            return builder.rulesFrom(rulesDirectory).build();
        } catch (IllegalArgumentException e) {
            throw usage("--rules: " + e.getMessage());
        }
    }

    /** The cases of an input; an input that cannot be read is one rejected case naming why. */
    private CaseReader.Cases cases(Input input) {
        if (input.problem() != null) {
            return CaseReader.rejected(input.name(), input.problem());
        }
        try {
            return input.isStdin() ? CaseReader.of(input.name(), parent.stdin())
                    : CaseFiles.read(input.name(), input.file());
        } catch (IOException e) {
            return CaseReader.rejected(input.name(), "cannot be read: " + CaseFiles.reason(e));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
