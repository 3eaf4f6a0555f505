package health.triage.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@code triage} command line: decision support for buttock, hip and leg pain. Each task is a subcommand
 * ({@code assess}, {@code check}, {@code interview}, {@code rulebook}); this class only dispatches, and owns the exit
 * codes and the standard streams.
 */
@Command(name = "triage",
        mixinStandardHelpOptions = true,
        versionProvider = TriageCommand.Version.class,
        subcommands = {AssessCommand.class, CheckCommand.class, InterviewCommand.class, RulebookCommand.class,
                CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Decision support for buttock, hip and leg pain: triages a person's answers with a rule base and "
                        + "explains the result. It does not diagnose; a clinician stays responsible for the "
                        + "decision."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every case was assessed (check: the rules compile and every case has its expected outcome)",
                "1:some case could not be assessed (its output says why); the others were (check: some case "
                        + "differs from its expectation, or some rule is fired by no case)",
                "2:usage error: unknown option, missing argument, a path that does not exist",
                "3:the rule base could not be loaded, or failed on a case",
                "4:the results could not be written to standard output (a full disk, a closed pipe)"},
        footer = {"%nRun 'triage help COMMAND' for a command's options, input and output."})
public final class TriageCommand implements Runnable {

    /** Every case was assessed; for {@code check}: the rules compile and every case has its expected outcome. */
    public static final int OK = 0;
    /**
     * At least one case could not be assessed; its output line or block says why, the others were assessed. For
     * {@code check}: some case differs from its expectation or cannot be read, or some rule is fired by no case.
     */
    public static final int CASE_REJECTED = 1;
    /** The command line was wrong: unknown option, missing argument, a path that does not exist. */
    public static final int USAGE = 2;
    /** The rule base could not be loaded (its problems are listed), or it failed on a case. */
    public static final int RULE_BASE = 3;
    /**
     * Standard output could not be written (a full disk, a pipe whose reader has gone): the results are lost, so the
     * command stopped and said so on standard error.
     */
    public static final int OUTPUT = 4;
    /** What a failed write to standard output says, after the command's name. */
    static final String OUTPUT_FAILED = "cannot write to standard output (the disk may be full, or the reading end "
            + "of a pipe was closed)";

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    TriageCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin must not be null");
    }

    /**
     * Runs the command line and exits with its exit code. Results go to file descriptor 1 through a stream that
     * reports a failed write ({@code System.out} would keep it to itself), so that a full disk or a closed pipe ends
     * the command with {@link #OUTPUT}; anything else that writes to {@code System.out}, such as a logging library's
     * status lines, goes to standard error, so that it cannot corrupt JSON Lines.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.setOut(System.err);
        int code;
        try {
            code = commandLine(System.in, out, err).execute(args);
        } catch (VirtualMachineError e) { // never a stack trace for the person at the terminal
            err.println("triage: internal error: " + Printable.message(e.toString()));
            code = RULE_BASE;
        }
        if (out.checkError() && code != OUTPUT) {
            err.println("triage: " + OUTPUT_FAILED);
            code = OUTPUT;
        }
        err.flush();
        System.exit(code);
    }

    /** The command line reading cases from {@code stdin} for {@code -}, and writing to {@code out} and {@code err}. */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TriageCommand(stdin));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --bilateral-policy urgent
        commandLine.setParameterExceptionHandler(TriageCommand::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // an unexpected failure, not bad input: one line, no stack trace for the person at the terminal
            cmd.getErr().println(cmd.getCommandName() + ": internal error: " + Printable.message(e.toString()));
            cmd.getErr().flush();
            return RULE_BASE;
        });
        return commandLine;
    }

    /** The standard input, for the {@code -} path. */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A usage error: the message, a suggestion for a mistyped option, and where to find help; no usage dump. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + Printable.message(String.valueOf(e.getMessage())));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + qualifiedName(cmd) + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }

    /** The release version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = TriageCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"triage " + properties.getProperty("version", "(development build)")};
        }
    }
}
