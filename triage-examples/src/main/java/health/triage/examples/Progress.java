package health.triage.examples;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on standard error while a batch is assessed, redrawn in place at most ten times a
 * second: how far through the inputs, how many cases, and how many per second. It is drawn only when standard
 * error is a terminal, so logs and pipes never see it; {@link #none()} draws nothing.
 *
 * <pre>[##########..........]  50%  50,000 of 100,000 cases  5,120/s</pre>
 */
final class Progress {

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private int inputs = 1;
    private int input;
    private int casesInInput;
    private int doneInInput;
    private long done;
    private long lastDrawn;
    private int drawnWidth;

    private Progress(PrintWriter err) {
        this.err = err;
    }

    /** A progress bar on {@code err} when standard error is a terminal, otherwise {@link #none()}. */
    static Progress onTerminal(PrintWriter err) {
        return stderrIsTerminal() ? to(err) : none();
    }

    /** A progress bar on {@code err}, whatever {@code err} is. */
    static Progress to(PrintWriter err) {
        return new Progress(err);
    }

    /** A progress bar that draws nothing. */
    static Progress none() {
        return new Progress(null);
    }

    /**
     * Whether standard error is a terminal: a console is attached ({@code System.console()}), or, on Linux, file
     * descriptor 2 is a terminal device (so the bar also shows when standard output goes to a file).
     */
    static boolean stderrIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) { // not Linux, or not allowed to look: no bar
            return false;
        }
    }

    /** The number of inputs (files, or standard input) of the batch. */
    void inputs(int count) {
        inputs = Math.max(count, 1);
    }

    /** Starts the input at 0-based {@code index}, which holds {@code cases} cases. */
    void startInput(int index, int cases) {
        input = index;
        casesInInput = cases;
        doneInInput = 0;
        draw(false);
    }

    /** One more case was assessed (or rejected). */
    void caseDone() {
        done++;
        doneInInput++;
        draw(false);
    }

    /** Erases the bar, so that a message can be printed on standard error; the next case draws it again. */
    void clear() {
        if (err != null && drawnWidth > 0) {
            err.print('\r' + " ".repeat(drawnWidth) + '\r');
            err.flush();
            drawnWidth = 0;
            lastDrawn = 0;
        }
    }

    /** Draws the final state and ends the line, if a bar was shown. */
    void finish() {
        if (err != null && done > 0) {
            draw(true);
            err.println();
            err.flush();
        }
    }

    private void draw(boolean force) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && lastDrawn != 0 && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double inInput = casesInInput == 0 ? 1 : Math.min(1, (double) doneInInput / casesInInput);
        double fraction = force ? 1 : Math.min(1, (input + inInput) / inputs);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        String count = inputs == 1
                ? String.format(Locale.ROOT, "%,d of %,d cases", done, casesInInput)
                : String.format(Locale.ROOT, "%,d cases, file %,d of %,d", done, Math.min(input + 1, inputs), inputs);
        String line = String.format(Locale.ROOT, "[%s%s] %3d%%  %s  %,d/s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), count, Math.round(done / seconds));
        err.print('\r' + line + (line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : ""));
        err.flush();
        drawnWidth = line.length();
    }
}
