package health.triage.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root command: dispatch, help, version and usage errors. */
class TriageCommandTest {

    @Test
    void triage_withoutCommand_isUsageErrorNamingTheCommands() {
        Cli.Result result = Cli.run();

        assertAll(
                () -> assertEquals(TriageCommand.USAGE, result.exit()),
                () -> assertEquals("", result.out()),
                () -> assertTrue(result.err().startsWith("triage: missing command: choose one of assess, check,"),
                        result::toString),
                () -> assertTrue(result.err().contains("Run 'triage --help' for usage."), result::toString));
    }

    @Test
    void triage_unknownCommand_isUsageError() {
        Cli.Result result = Cli.run("asess", "cases");

        assertEquals(TriageCommand.USAGE, result.exit());
        assertTrue(result.err().contains("asess"), result::toString);
    }

    @Test
    void triage_help_listsCommandsAndExitCodes() {
        Cli.Result result = Cli.run("--help");

        assertEquals(TriageCommand.OK, result.exit());
        for (String text : List.of("assess", "check", "Exit codes", "does not diagnose")) {
            assertTrue(result.out().contains(text), () -> "no '" + text + "' in\n" + result.out());
        }
    }

    @Test
    void assessHelp_describesInputOutputAndExitCodes() {
        Cli.Result result = Cli.run("assess", "--help");

        assertEquals(TriageCommand.OK, result.exit());
        for (String text : List.of("--json", "--rules", "--bilateral-policy", "emergency|urgent", "4 MiB", "1000 characters", "PATH", "standard input", "JSON Lines", "array",
                "*.json", "\"error\"", "ruleBaseVersion", "nearest", "Exit codes", "\n  0 ", "\n  1 ", "\n  2 ",
                "\n  3 ", "file:line:column")) {
            assertTrue(result.out().contains(text), () -> "no '" + text + "' in\n" + result.out());
        }
    }

    @Test
    void helpCommand_showsTheSubcommandsHelp() {
        assertEquals(Cli.run("assess", "--help").out(), Cli.run("help", "assess").out());
    }

    @Test
    void triage_version_namesTheRelease() {
        Cli.Result result = Cli.run("--version");

        assertEquals(TriageCommand.OK, result.exit());
        assertTrue(result.out().matches("triage \\d+\\.\\d+\\.\\d+.*\\R"), result::toString);
    }
}
