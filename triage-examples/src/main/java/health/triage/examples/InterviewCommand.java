package health.triage.examples;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.RedFlag;
import health.triage.RuleBaseException;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code triage interview}: asks a person the questions that matter, one at a time, in the order the library ranks
 * them, then prints the report. Reads answers line by line from standard input, so it works at a terminal and from a
 * script alike.
 */
@Command(name = "interview",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Ask the questions that matter, one at a time, then report.",
        descriptionHeading = "%n",
        description = {
                "Asks the age (then sex, pregnancy and how long the pain has lasted, each optional), then one "
                        + "question at a time: the emergency screen first, then the questions whose answer could "
                        + "change how urgent the case is, most urgent first. Answer y (yes), n (no) or d (don't "
                        + "know: the finding stays unknown, never taken as no); ? shows why a question is asked and "
                        + "its wording for a clinician; q stops.",
                "",
                "The interview ends as soon as an answer makes the case an emergency, or when no unanswered "
                        + "question could change the disposition (complete), or when only questions answered "
                        + "\"don't know\" could (not complete). It then prints the same report as assess.",
                "",
                "Answers are read one per line from standard input, so a script can pipe them in; when standard "
                        + "input is not a terminal each answer is echoed after its question. Input that is not typed "
                        + "answers (binary bytes, text that is not UTF-8, a line of more than 64 KiB, one question "
                        + "asked 10 times in a row without an answer understood) stops the interview with an error "
                        + "and no report; an answer longer than 1000 characters is not understood."},
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the report was printed (it says whether the interview was complete)",
                "1:the input ended before the age was given, or was not typed answers (no report is printed), or "
                        + "--save could not write FILE",
                "2:usage error: unknown option, missing argument, a --rules folder that is missing or empty",
                "3:the rule base could not be loaded, or it failed on the case; each problem of a --rules folder "
                        + "is printed as file:line:column: message, in plain words and in Drools' words"})
final class InterviewCommand implements Callable<Integer> {

    /** Questions and messages are wrapped to this width. */
    static final int WIDTH = 80;
    private static final int YOUNGEST_ASKED_PREGNANCY = 12;
    private static final int OLDEST_ASKED_PREGNANCY = 55;
    // any script's digits, as for the age
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(d|days?|w|weeks?)?",
            Pattern.UNICODE_CHARACTER_CLASS);

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write the answers to FILE as a case file that assess reads (\"don't know\" answers are "
                    + "left out). FILE must not exist yet.")
    private Path save;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules of every .drl file in DIR instead of the built-in rule base.")
    private Path rulesDirectory;

    @ParentCommand
    private TriageCommand parent;

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private AnswerLines in;
    private boolean echo;
    /** The input ended, or the person typed q: every later question is stopped too. */
    private boolean stopped;
    /** Why the input is not a person's answers, once it is found not to be. */
    private AnswerLines.NotAnswers notAnswers;

    /** The person typed q, or the input ended. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** What one answer to a yes / no question was. */
    private enum Reply { YES, NO, DONT_KNOW }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        in = new AnswerLines(parent.stdin());
        echo = System.console() == null;
        if (save != null && Files.exists(save, LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), "--save: " + save + " already exists; choose a new "
                    + "file name (the interview never overwrites a file)");
        }
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
        try (engine) {
            say("Triage interview: decision support for buttock, hip and leg pain, not a diagnosis. If you feel "
                    + "very unwell, call emergency services now instead.");
            say("Answer each question with y (yes), n (no) or d (don't know). Type ? to see why a question is "
                    + "asked, q to stop.");
            out.println();
            TriageCase.Builder person;
            try {
                person = person();
            } catch (Stopped e) {
                if (notAnswers != null) {
                    return notAnswers(err);
                }
                out.println();
                say("Interview stopped before the age was given: there is nothing to assess.");
                out.flush();
                return TriageCommand.CASE_REJECTED;
            }
            if (notAnswers != null) {
                return notAnswers(err);
            }
            return interview(engine, person, err);
        }
    }

    /** Asks the questions until the case is an emergency, complete, or nothing else can be asked; then reports. */
    private int interview(TriageEngine engine, TriageCase.Builder person, PrintWriter err) {
        TriageCase triageCase = person.build();
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        int asked = 0;
        String ending;
        NextQuestions next;
        try {
            while (true) {
                next = engine.nextQuestions(triageCase, dontKnow);
                if (next.assessment().disposition() == Disposition.EMERGENCY) {
                    ending = emergency(next.assessment());
                    break;
                }
                if (next.complete()) {
                    ending = "Interview complete after " + questions(asked) + ": no other answer could change how "
                            + "urgent this is.";
                    break;
                }
                Optional<Question> question = next.questions().stream()
                        .filter(q -> q.priority() != Question.Priority.LIKELY_SOURCE)
                        .findFirst();
                if (question.isEmpty()) {
                    ending = "Interview finished after " + questions(asked) + ", but it is not complete: the "
                            + "answers to " + String.join(", ", dontKnow.stream().map(Finding::code).toList())
                            + " were \"don't know\" and could still change how urgent this is. A clinician should "
                            + "ask them.";
                    break;
                }
                Reply reply;
                try {
                    reply = ask(asked + 1, question.get());
                } catch (Stopped e) {
                    ending = "Interview stopped after " + questions(asked) + "; it is not complete.";
                    break;
                }
                asked++;
                if (reply == Reply.DONT_KNOW) {
                    dontKnow.add(question.get().finding());
                } else {
                    triageCase = triageCase.toBuilder().answer(question.get().finding(), reply == Reply.YES).build();
                }
            }
        } catch (RuntimeException e) {
            err.println(spec.qualifiedName() + ": the rule base failed on this case: "
                    + Printable.message(String.valueOf(e.getMessage())));
            err.flush();
            return TriageCommand.RULE_BASE;
        }
        if (notAnswers != null) {
            return notAnswers(err);
        }
        out.println();
        say(ending);
        out.println();
        out.print(Report.of(save == null ? "interview" : save.toString(), triageCase, next.assessment()));
        out.flush();
        return save(triageCase, err);
    }

    private String emergency(Assessment assessment) {
        StringBuilder text = new StringBuilder("EMERGENCY: " + Disposition.EMERGENCY.timeframe());
        for (RedFlag flag : assessment.redFlags()) {
            if (flag.level() == Disposition.EMERGENCY) {
                text.append(' ').append(flag.text());
            }
        }
        return text.append(" The interview stops here.").toString();
    }

    /** The input was not a person's answers: say why on standard error; no report is made from it. */
    private int notAnswers(PrintWriter err) {
        out.println();
        out.flush();
        err.println(spec.qualifiedName() + ": stopped without an assessment: " + notAnswers.getMessage());
        err.flush();
        return TriageCommand.CASE_REJECTED;
    }

    private int save(TriageCase triageCase, PrintWriter err) {
        if (save == null) {
            return TriageCommand.OK;
        }
        try {
            Files.writeString(save, JsonResults.caseFile(triageCase), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": --save: cannot write " + Printable.message(save.toString()) + ": "
                    + CaseFiles.reason(e));
            err.flush();
            return TriageCommand.CASE_REJECTED;
        } catch (RuntimeException e) {
            err.println(spec.qualifiedName() + ": --save: cannot write " + Printable.message(save.toString()) + ": "
                    + Printable.message(String.valueOf(e.getMessage())));
            err.flush();
            return TriageCommand.CASE_REJECTED;
        }
        say("Answers saved to " + save + "; assess them again with: triage assess " + save);
        out.flush();
        return TriageCommand.OK;
    }

    // --- the person ---------------------------------------------------------------------------------------------------

    /** The age, then what else is known of the person; when the interview stops after the age, the rest is unknown. */
    private TriageCase.Builder person() throws Stopped {
        int age = age();
        TriageCase.Builder person = TriageCase.builder(age);
        try {
            Sex sex = sex();
            person.sex(sex);
            if (sex != null && sex != Sex.MALE && age >= YOUNGEST_ASKED_PREGNANCY && age <= OLDEST_ASKED_PREGNANCY) {
                Reply pregnant = yesNo("Are you pregnant?", null);
                person.pregnant(pregnant == Reply.DONT_KNOW ? null : pregnant == Reply.YES);
            }
            person.durationDays(duration(age));
        } catch (Stopped e) {
            // the age was given: the interview goes on to its first question, where it stops, and reports
        }
        return person;
    }

    private int age() throws Stopped {
        while (true) {
            String line = read("How old are you, in whole years?");
            if (line.isEmpty()) {
                say("The age is needed. Please type it as a whole number, such as 34.");
                continue;
            }
            try {
                int age = Integer.parseInt(line);
                TriageCase.builder(age).build();
                return age;
            } catch (NumberFormatException e) {
                say("Please type the age as a whole number, such as 34.");
            } catch (IllegalArgumentException e) {
                say(capitalised(e.getMessage()) + ".");
            }
        }
    }

    private Sex sex() throws Stopped {
        while (true) {
            String line = read("What is your sex: female, male or other? (Enter to skip)").toLowerCase(Locale.ROOT);
            switch (line) {
                case "" -> {
                    return null;
                }
                case "f", "female" -> {
                    return Sex.FEMALE;
                }
                case "m", "male" -> {
                    return Sex.MALE;
                }
                case "o", "other" -> {
                    return Sex.OTHER;
                }
                default -> say("Please type female, male or other, or press Enter to skip.");
            }
        }
    }

    private Integer duration(int age) throws Stopped {
        while (true) {
            String line = read("For how many days have you had this pain? (such as 10, or 3w for three weeks; "
                    + "Enter if you are not sure)").toLowerCase(Locale.ROOT);
            if (line.isEmpty() || line.equals("d")) {
                return null;
            }
            Matcher m = DURATION.matcher(line);
            if (m.matches()) {
                int number = Integer.parseInt(m.group(1));
                int days = m.group(2) != null && m.group(2).startsWith("w") ? number * 7 : number;
                try {
                    TriageCase.builder(age).durationDays(days).build(); // a duration the library accepts for this age
                    return days;
                } catch (IllegalArgumentException e) {
                    say(capitalised(e.getMessage()) + ".");
                    continue;
                }
            }
            say("Please type a number of days such as 10, or of weeks such as 3w, or press Enter if you are not "
                    + "sure.");
        }
    }

    // --- questions ----------------------------------------------------------------------------------------------------

    private Reply ask(int number, Question question) throws Stopped {
        out.println();
        return yesNo("Question " + number + ". " + question.patientText(), question);
    }

    /** Asks until the answer is y, n or d; {@code ?} shows the help of {@code question} when there is one. */
    private Reply yesNo(String text, Question question) throws Stopped {
        while (true) {
            String line = read(text + " [y/n/d" + (question == null ? "" : "/?") + "]")
                    .toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            switch (line) {
                case "y", "yes" -> {
                    return Reply.YES;
                }
                case "n", "no" -> {
                    return Reply.NO;
                }
                case "d", "dk", "don't know", "dont know", "not sure", "unknown" -> {
                    return Reply.DONT_KNOW;
                }
                case "?", "help" -> {
                    if (question != null) {
                        help(question);
                    } else {
                        say("Please answer y (yes), n (no) or d (don't know).");
                    }
                }
                default -> say("Please answer y (yes), n (no) or d (don't know)"
                        + (question == null ? "." : "; ? shows why this is asked."));
            }
        }
    }

    private void help(Question question) {
        wrap("Why it is asked: " + question.why(), "  ", "    ");
        wrap("For a clinician: " + question.clinicianText(), "  ", "    ");
        wrap("\"Yes\" means: " + question.finding().definition(), "  ", "    ");
        wrap("Asked now because: " + question.rankReason(), "  ", "    ");
        out.flush();
    }

    /**
     * Shows a prompt and reads one line, trimmed; q or the end of the input stops the interview, and so does input
     * that is not a person's answers ({@link AnswerLines}), which {@link #notAnswers} then holds.
     */
    private String read(String prompt) throws Stopped {
        if (stopped) {
            throw new Stopped();
        }
        wrap(prompt, "", "  ");
        out.print("> ");
        out.flush();
        String line;
        try {
            line = in.next(prompt);
        } catch (AnswerLines.NotAnswers e) {
            notAnswers = e;
            stopped = true;
            throw new Stopped();
        }
        if (line == null) {
            if (echo) {
                out.println("(end of input)");
            }
            stopped = true;
            throw new Stopped();
        }
        if (echo) {
            out.println(Printable.of(line));
        }
        if (line.equalsIgnoreCase("q") || line.equalsIgnoreCase("quit")) {
            stopped = true;
            throw new Stopped();
        }
        return line;
    }

    private void say(String text) {
        wrap(text, "", "");
        out.flush();
    }

    /** Prints text word-wrapped to {@link #WIDTH} columns, its control characters shown as escapes. */
    private void wrap(String text, String first, String rest) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : Printable.of(text).split(" +")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(rest);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line.toString().stripTrailing());
    }

    private static String questions(int count) {
        return count + (count == 1 ? " question" : " questions");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private TriageEngine loadEngine() {
        if (rulesDirectory == null) {
            return TriageEngine.builder().build();
        }
        try {
            return TriageEngine.builder().rulesFrom(rulesDirectory).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
        }
    }
}
