package health.triage.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java snippets are code of this module's tests, between {@code // NAME:begin} and {@code // NAME:end}
 * lines; the README shows each with the imports it uses (the library's types and java.util's), so it can be copied as it
 * is.
 */
final class ReadmeSnippets {

    private static final Pattern IMPORT = Pattern.compile(
            "^import ((?:health\\.triage|java\\.util)(?:\\.[a-z]\\w*)*\\.([A-Z]\\w*));$", Pattern.MULTILINE);

    private ReadmeSnippets() {
    }

    /** Fails unless README.md shows the snippet of a test source, preceded by the imports it needs. */
    static void assertReadmeShows(String testSource, String marker) throws IOException {
        String source = Files.readString(Path.of("src/test/java/health/triage/rules", testSource));
        String begin = "// " + marker + ":begin";
        String snippet = source.substring(source.indexOf(begin) + begin.length() + 1,
                        source.indexOf("        // " + marker + ":end")).lines()
                .map(line -> line.length() > 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        StringBuilder imports = new StringBuilder();
        Matcher declared = IMPORT.matcher(source);
        while (declared.find()) {
            if (Pattern.compile("\\b" + declared.group(2) + "\\b").matcher(snippet).find()) {
                imports.append("import ").append(declared.group(1)).append(";\n");
            }
        }
        String shown = imports + "\n" + snippet;
        assertTrue(Files.readString(Path.of("../README.md")).contains(shown),
                "README.md must show the snippet of " + testSource + " with its imports:\n" + shown);
    }

    /** What {@code run} prints on standard output, which it does not reach. */
    static String printed(Runnable run) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
