package health.triage.examples;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.NextQuestions;
import health.triage.Question;
import health.triage.QuestionWording;
import health.triage.RedFlag;
import health.triage.RuleBaseException;
import health.triage.Screen;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code triage interview}: asks a person the questions that matter, a screen at a time (a list to tick or a single
 * question, {@link NextQuestions#nextScreen()}), in the order the library ranks them, then prints the report. Reads
 * answers line by line from standard input, so it works at a terminal and from a script alike.
 */
@Command(name = "interview",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Ask the questions that matter, a screen at a time, then report.",
        descriptionHeading = "%n",
        description = {
                "Asks the age (then sex, pregnancy, how long the pain has lasted and whether a clinician examined "
                        + "the person for this pain, each optional), then one screen at a time: the emergency screen "
                        + "first, then where it hurts, then the pain score (0 to 10), then the screens whose answers "
                        + "could change how urgent the case is, most urgent first. A person nobody examined is never "
                        + "shown the examination findings; \"don't know\" leaves them unanswered.",
                "",
                "A screen is a list to tick or a single question. On a list, type the numbers of every item that "
                        + "applies (such as 1 3), 0 if none of them does, d N if you are not sure about item N (it "
                        + "stays unknown, never taken as no; d alone: not sure about any), or ? to see why each is "
                        + "asked; items not ticked are answered no. A single question is answered y (yes), n (no) or "
                        + "d (don't know), ? shows why it is asked and its wording for a clinician. q stops.",
                "",
                "The interview ends as soon as an answer makes the case an emergency, or when no unanswered "
                        + "question could change the disposition and every screening question is answered "
                        + "(complete), or when only questions answered \"don't know\" are left (not complete). It "
                        + "then prints the same report as assess.",
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
    private static final Pattern TICK = Pattern.compile("(d?)(\\d{1,3})");

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
    /** The person answered "don't know" to whether a clinician examined them. */
    private boolean examinedNotKnown;
    /** Why the input is not a person's answers, once it is found not to be. */
    private AnswerLines.NotAnswers notAnswers;

    /** The person typed q, or the input ended. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** What one answer to a yes / no question, or to one item of a list, was. */
    enum Reply { YES, NO, DONT_KNOW }

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
            say("On a list, type the numbers that apply, 0 if none of them does, d N if you are not sure about "
                    + "item N. Answer a single question y (yes), n (no) or d (don't know). Type ? to see why, q to "
                    + "stop.");
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

    /**
     * Shows screens until the case is an emergency, complete, or nothing else can be asked; then reports. The pain
     * score is asked once, right after where it hurts (the first screen after the emergency screen), or before the
     * interview would end without it.
     */
    private int interview(TriageEngine engine, TriageCase.Builder person, PrintWriter err) {
        TriageCase triageCase = person.build();
        Set<Finding> dontKnow = EnumSet.noneOf(Finding.class);
        if (examinedNotKnown) {
            // "don't know" stays unknown: examined is not recorded, and the examination findings are not asked
            dontKnow.addAll(Finding.examinationOnlyFindings());
        }
        int shown = 0;
        boolean painAsked = triageCase.painScore() != null;
        boolean afterEmergencyScreen = false;
        String ending;
        NextQuestions next;
        try {
            while (true) {
                next = engine.nextQuestions(triageCase, dontKnow);
                if (next.assessment().disposition() == Disposition.EMERGENCY && next.complete()) {
                    ending = emergency(next.assessment());
                    break;
                }
                if (!painAsked && (afterEmergencyScreen || next.complete() || next.nextScreen().isEmpty())) {
                    painAsked = true;
                    Integer score;
                    try {
                        out.println();
                        score = painScore(shown + 1);
                    } catch (Stopped e) {
                        ending = "Interview stopped after " + screens(shown) + "; it is not complete.";
                        break;
                    }
                    shown++;
                    if (score != null) {
                        triageCase = triageCase.toBuilder().painScore(score).build();
                        continue;
                    }
                }
                if (next.complete()) {
                    ending = "Interview complete after " + screens(shown) + ": every screening question was "
                            + "answered, and no other answer could change how urgent this is.";
                    break;
                }
                Optional<Screen> screen = next.nextScreen();
                if (screen.isEmpty()) {
                    ending = "Interview finished after " + screens(shown) + ", but it is not complete: the "
                            + "answers to " + String.join(", ", dontKnow.stream().map(Finding::code).toList())
                            + " were \"don't know\" and could still change how urgent this is, or are screening "
                            + "questions. A clinician should ask them.";
                    break;
                }
                Map<Finding, Reply> replies;
                try {
                    replies = show(shown + 1, screen.get());
                } catch (Stopped e) {
                    ending = "Interview stopped after " + screens(shown) + "; it is not complete.";
                    break;
                }
                shown++;
                afterEmergencyScreen = afterEmergencyScreen
                        || !Finding.EMERGENCY_SCREEN.containsAll(screen.get().findings());
                TriageCase.Builder answered = triageCase.toBuilder();
                replies.forEach((finding, reply) -> {
                    if (reply == Reply.DONT_KNOW) {
                        dontKnow.add(finding);
                    } else {
                        answered.answer(finding, reply == Reply.YES);
                    }
                });
                triageCase = answered.build();
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
        say("Answers saved to " + save + "; assess them again with:");
        out.println("  " + assessCommand(save)); // one line, never wrapped, so that it can be copied and run
        out.flush();
        out.flush();
        return TriageCommand.OK;
    }

    /**
     * A command that assesses {@code file} as shown, from the folder the interview runs in: {@code java -jar} with the
     * path of this jar, or {@code java -cp} with this class path when not run from a jar.
     */
    static String assessCommand(Path file) {
        String java = "java";
        String launch;
        try {
            Path code = Path.of(InterviewCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            launch = code.toString().endsWith(".jar") ? "-jar " + shellWord(code.toString())
                    : "-cp " + shellWord(System.getProperty("java.class.path")) + " " + TriageCommand.class.getName();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            launch = "-jar triage.jar";
        }
        return java + " " + launch + " assess " + shellWord(file.toString());
    }

    /** A word as a POSIX shell reads it: as it is when plain, otherwise in single quotes. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=+@%,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
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
            // asked before any screen, so that an examination is never recorded that did not happen: a person
            // nobody examined is never shown the examination findings (docs/POLICY.md "Self-users")
            Reply examined = yesNo("Has a clinician (a doctor, physiotherapist or nurse) examined you for this pain?",
                    null);
            examinedNotKnown = examined == Reply.DONT_KNOW;
            person.examined(examinedNotKnown ? null : examined == Reply.YES);
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

    /** The pain score 0 to 10, or {@code null} for "don't know" (it stays unknown). */
    private Integer painScore(int number) throws Stopped {
        while (true) {
            // the wording of the painScore item of the FHIR questionnaire, so that both ask the same thing
            String line = read("Screen " + number + ". How bad is the pain at its worst, from 0 (no pain) to 10 (the "
                    + "worst pain imaginable)? [0-10/d]").toLowerCase(Locale.ROOT);
            if (line.equals("d") || line.equals("don't know") || line.equals("dont know") || line.equals("not sure")) {
                return null;
            }
            if (line.matches("\\d{1,2}") && Integer.parseInt(line) <= 10) {
                return Integer.parseInt(line);
            }
            say("Please type a whole number from 0 to 10, or d if you are not sure.");
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

    // --- screens ----------------------------------------------------------------------------------------------------

    /** Shows one screen and reads its answers: one reply per finding shown. */
    private Map<Finding, Reply> show(int number, Screen screen) throws Stopped {
        out.println();
        if (screen.kind() == Screen.Kind.SINGLE) {
            Question question = screen.questions().get(0);
            if (!question.options().isEmpty()) {
                return Map.of(question.finding(), scale("Screen " + number + ". " + screen.text(), question));
            }
            return Map.of(question.finding(), yesNo("Screen " + number + ". " + screen.text(), question));
        }
        say("Screen " + number + ". " + screen.text());
        List<Question> items = screen.questions();
        for (int i = 0; i < items.size(); i++) {
            wrap(items.get(i).itemText(), "  " + (i + 1) + ". ", "     ");
        }
        while (true) {
            String line = read("Type the numbers that apply (such as 1 3), 0 if none of these, d N if you are not "
                    + "sure about N, ? for why. [1-" + items.size() + "/0/d N/?]");
            if (line.equals("?") || line.equalsIgnoreCase("help")) {
                for (int i = 0; i < items.size(); i++) {
                    help(items.get(i), "  Item " + (i + 1) + ": ", "    ");
                }
                continue;
            }
            Optional<Map<Finding, Reply>> replies = ticks(line, items);
            if (replies.isPresent()) {
                return replies.get();
            }
            say("Please type the numbers of every item that applies (such as 1 3), 0 if none of them does, or d "
                    + "and a number for an item you are not sure about (such as 0 d 2); ? shows why they are asked.");
        }
    }

    /**
     * The replies a line gives to a list: numbers ticked (yes), {@code d N} or {@code dN} not sure, {@code d} alone
     * not sure about every item, the others no. Empty when the line is not understood, names an item twice or one
     * that is not listed, or neither ticks anything nor says 0 while some item is left unmarked (an item is taken as
     * no only when the person has ticked something or said none of these).
     */
    static Optional<Map<Finding, Reply>> ticks(String line, List<Question> items) {
        List<String> tokens = new ArrayList<>(List.of(line.toLowerCase(Locale.ROOT)
                .replaceAll("d\\s*(\\d)", "d$1").split("[\\s,]+")));
        tokens.removeIf(String::isEmpty);
        Map<Finding, Reply> replies = new LinkedHashMap<>();
        boolean none = false;
        boolean notSureAll = false;
        for (String token : tokens) {
            Matcher m = TICK.matcher(token);
            if (token.equals("d")) {
                notSureAll = true;
            } else if (token.equals("0")) {
                none = true;
            } else if (m.matches()) {
                int index = Integer.parseInt(m.group(2)) - 1;
                if (index < 0 || index >= items.size() || replies.containsKey(items.get(index).finding())) {
                    return Optional.empty();
                }
                replies.put(items.get(index).finding(), m.group(1).isEmpty() ? Reply.YES : Reply.DONT_KNOW);
            } else {
                return Optional.empty();
            }
        }
        boolean ticked = replies.containsValue(Reply.YES);
        if (tokens.isEmpty() || (none && ticked) || (notSureAll && tokens.size() > 1)
                || (!notSureAll && !none && !ticked && replies.size() < items.size())) {
            return Optional.empty();
        }
        Map<Finding, Reply> all = new LinkedHashMap<>();
        for (Question item : items) {
            all.put(item.finding(), notSureAll ? Reply.DONT_KNOW : replies.getOrDefault(item.finding(), Reply.NO));
        }
        return Optional.of(all);
    }

    /**
     * Asks a question on its own answer scale (STarT Back item 9: not at all ... extremely) until one option's number
     * or d is typed; the option chosen answers the finding yes or no as the scale says, d leaves it unknown.
     */
    private Reply scale(String text, Question question) throws Stopped {
        List<QuestionWording.Option> options = question.options();
        say(text);
        for (int i = 0; i < options.size(); i++) {
            wrap(options.get(i).label(), "  " + (i + 1) + ". ", "     ");
        }
        while (true) {
            String line = read("Type the number of your answer, d if you are not sure, ? for why. [1-" + options.size()
                    + "/d/?]").toLowerCase(Locale.ROOT);
            if (line.equals("?") || line.equals("help")) {
                help(question, "  ", "    ");
                continue;
            }
            if (line.equals("d") || line.equals("not sure") || line.equals("don't know")) {
                return Reply.DONT_KNOW;
            }
            if (line.matches("\\d{1,2}")) {
                int choice = Integer.parseInt(line) - 1;
                if (choice >= 0 && choice < options.size()) {
                    return options.get(choice).yes() ? Reply.YES : Reply.NO;
                }
            }
            say("Please type one number from 1 to " + options.size() + ", or d if you are not sure.");
        }
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
                        help(question, "  ", "    ");
                    } else {
                        say("Please answer y (yes), n (no) or d (don't know).");
                    }
                }
                default -> say("Please answer y (yes), n (no) or d (don't know)"
                        + (question == null ? "." : "; ? shows why this is asked."));
            }
        }
    }

    private void help(Question question, String first, String rest) {
        wrap("Why it is asked: " + question.why(), first, rest);
        wrap("For a clinician: " + question.clinicianText(), rest, rest);
        wrap("Asked now because: " + question.rankReason(), rest, rest);
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

    private static String screens(int count) {
        return count + (count == 1 ? " screen" : " screens");
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
