package health.triage.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Maven XML names the versions the build makes and tests with, so it can be copied as it is. */
class ReadmeDependencyTest {

    private static String pom() throws IOException {
        return Files.readString(Path.of("../pom.xml"));
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("../README.md"));
    }

    private static String first(String pattern, String text) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), "no match for " + pattern);
        return m.group(1);
    }

    private static String dependency(String groupId, String artifactId, String version) {
        return "<dependency>\n  <groupId>" + groupId + "</groupId>\n  <artifactId>" + artifactId
                + "</artifactId>\n  <version>" + version + "</version>\n</dependency>";
    }

    @Test
    void readme_givesTheLibraryDependenciesAtThePomsVersion() throws IOException {
        String version = first("<artifactId>triage-parent</artifactId>\\s*<version>([^<]+)</version>", pom());
        String readme = readme();

        assertTrue(readme.contains(dependency("health.triage", "triage-core", version)), readme);
        assertTrue(readme.contains(dependency("health.triage", "triage-rules", version)), readme);
        assertTrue(readme.contains("version `" + version + "`"), "the status line names the version");
    }

    @Test
    void readme_givesTheLogbackVersionThePomTestsWith() throws IOException {
        String logback = first("<logback.version>([^<]+)</logback.version>", pom());

        assertTrue(readme().contains(dependency("ch.qos.logback", "logback-classic", logback)), "logback " + logback);
    }
}
