package health.triage.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** Runs the command line in-process with captured standard streams. */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {

        /** The non-empty lines of standard output. */
        List<String> lines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        /** Standard output parsed as JSON Lines. */
        List<JsonNode> json() {
            return lines().stream().map(Cli::parse).toList();
        }

        /** Standard output and error together, for messages that fail a test. */
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with these bytes, which need not be text, on standard input. */
    static Result runWithStdin(byte[] stdin, String... args) {
        return runWithStdin(new ByteArrayInputStream(stdin), args);
    }

    static Result runWithStdin(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TriageCommand.commandLine(stdin, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Runs the command line with a person at the keyboard: each time the command reads standard input, {@code person}
     * gets the text printed since its last answer and returns the line to type, or {@code null} to end the input.
     */
    static Result runWithPerson(Function<String, String> person, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream keyboard = new InputStream() {
            private byte[] typed = new byte[0];
            private int next;
            private int seen;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (next == typed.length) {
                    String screen = out.toString();
                    String line = person.apply(screen.substring(seen));
                    seen = screen.length();
                    if (line == null) {
                        return -1;
                    }
                    typed = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    next = 0;
                }
                int n = Math.min(len, typed.length - next);
                System.arraycopy(typed, next, b, off, n);
                next += n;
                return n;
            }

            @Override
            public int available() {
                return typed.length - next;
            }
        };
        int exit = TriageCommand.commandLine(keyboard, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
