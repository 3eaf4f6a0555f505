package health.triage.examples;

import health.triage.Finding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built jar's interview at a real terminal: runs {@code java -jar target/triage.jar interview} in a tmux session
 * and answers as a person does, reading each question off the screen ({@code capture-pane}) and typing the answer
 * ({@code send-keys}). Runs after {@code package} (Failsafe, in {@code mvn verify}); skipped when tmux is not
 * installed (.ci/run installs it). Each final screen is kept in {@code target/tmux-screens/} to look at.
 */
class InterviewTerminalIT {

    private static final Path JAR = Path.of("target/triage.jar");
    private static final Path SCREENS = Path.of("target/tmux-screens");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Finding> PIRIFORMIS = EnumSet.of(Finding.BUTTOCK_PAIN, Finding.WORSE_SITTING,
            Finding.WORSE_HARD_SEAT, Finding.DEEP_BUTTOCK_TENDERNESS, Finding.PROLONGED_SITTING,
            Finding.WALLET_IN_BACK_POCKET);

    private final String session = "triage-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private String answered = "";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmuxAndTheJar() throws IOException {
        assumeTrue(tmuxAvailable(), "tmux is not installed, so the terminal test of the interview is skipped "
                + "(.ci/run installs it with apt-get; InterviewCommandTest still drives the interview through "
                + "standard input)");
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: this test runs after package");
        Files.createDirectories(SCREENS);
    }

    @AfterEach
    void killSession() throws IOException, InterruptedException {
        run("tmux", "kill-session", "-t", session);
    }

    @Test
    void terminal_piriformisPerson_readsEachScreenAndReachesCompleteSelfCare() throws Exception {
        Path saved = dir.resolve("office-worker.json");
        start("interview --save " + saved);
        InterviewPerson person = new InterviewPerson(38, "m", "28", PIRIFORMIS, Set.of());
        boolean askedForHelp = false;

        String screen;
        while (!(screen = waitForPromptOrExit()).contains("[exit ")) {
            String prompt = InterviewPerson.lastPrompt(promptText(screen));
            if (!askedForHelp && prompt.startsWith("Type the numbers that apply")) {
                askedForHelp = true;
                type("?");
                continue;
            }
            type(person.apply(promptText(screen)));
        }
        keep("piriformis.txt", screen);

        String shown = screen;
        assertAll(
                () -> assertTrue(shown.contains("[exit 0]"), shown),
                () -> assertTrue(shown.contains("Interview complete after " + person.screens() + " screens"),
                        shown),
                () -> assertTrue(person.screens() <= 10, () -> person.screens() + " screens"),
                () -> assertTrue(shown.contains("DISPOSITION     SELF_CARE"), shown),
                () -> assertTrue(shown.contains("Why it is asked: Numbness in this area"), shown),
                () -> assertTrue(shown.contains("For a clinician: New saddle"), shown),
                () -> assertTrue(shown.contains("Answers saved to " + saved), shown),
                () -> assertTrue(Files.readString(saved).contains("\"buttock_pain\": true"), saved::toString));
    }

    @Test
    void terminal_saddleNumbnessTicked_showsTheEmergencyAdviceAtOnce() throws Exception {
        start("interview");

        String screen = waitForPromptOrExit();
        type("58");
        waitForPromptOrExit();
        type("f");
        screen = waitForPromptOrExit(); // over 55: pregnancy is not asked
        assertFalse(screen.contains("Are you pregnant"), screen);
        type("");
        screen = waitForPromptOrExit();
        assertTrue(screen.contains("examined you for this pain?"), screen);
        type("n");
        screen = waitForPromptOrExit();
        assertTrue(screen.contains("Screen 1. Since this pain began, have you had any of these"), screen);
        type("1");
        screen = waitForPromptOrExit();
        keep("emergency.txt", screen);

        String shown = screen;
        assertAll(
                () -> assertTrue(shown.contains("[exit 0]"), shown),
                () -> assertTrue(shown.contains("EMERGENCY: Go to an emergency department now"), shown),
                () -> assertTrue(shown.contains("The interview stops here."), shown),
                () -> assertFalse(shown.contains("Screen 2."), shown),
                () -> assertTrue(shown.contains("DISPOSITION     EMERGENCY"), shown));
    }

    // --- tmux --------------------------------------------------------------------------------------------------------

    private static boolean tmuxAvailable() {
        try {
            return run("tmux", "-V").exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts the command in a new 100 x 50 terminal; the shell prints its exit code and keeps the pane open. */
    private void start(String arguments) throws IOException, InterruptedException {
        String command = "java -jar " + JAR.toAbsolutePath() + " " + arguments + "; echo \"[exit $?]\"; sleep 600";
        Process p = run("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "50", command);
        String output = output(p);
        assertEquals(0, p.exitValue(), () -> "tmux new-session failed: " + output);
    }

    private void type(String line) throws IOException, InterruptedException {
        if (!line.isEmpty()) {
            run("tmux", "send-keys", "-t", session, "-l", line);
        }
        run("tmux", "send-keys", "-t", session, "Enter");
    }

    /**
     * The whole pane, history included, once it shows a new prompt ("> " with nothing typed after it) or the exit
     * line: a screen that differs from the one last answered, so that a prompt already answered is never answered
     * twice.
     */
    private String waitForPromptOrExit() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(ANSWER_TIMEOUT);
        String screen = "";
        while (Instant.now().isBefore(deadline)) {
            screen = output(run("tmux", "capture-pane", "-p", "-J", "-S", "-", "-t", session)).stripTrailing();
            if (!screen.equals(answered) && (screen.endsWith(">") || screen.contains("[exit "))) {
                answered = screen;
                return screen;
            }
            Thread.sleep(100);
        }
        keep("timeout-" + session + ".txt", screen);
        fail("no prompt within " + ANSWER_TIMEOUT + "; the screen was:\n" + screen);
        return screen;
    }

    /** The screen as the interview wrote it: up to and including the final prompt "> ". */
    private static String promptText(String screen) {
        return screen.substring(0, screen.length() - 1) + "> ";
    }

    private static void keep(String name, String screen) throws IOException {
        Files.writeString(SCREENS.resolve(name), screen + "\n", StandardCharsets.UTF_8);
    }

    private static Process run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + List.of(command));
        }
        return p;
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
