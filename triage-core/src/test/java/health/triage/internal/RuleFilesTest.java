package health.triage.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleFilesTest {

    private final RuleFiles minimal = RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases/minimal"));

    @Test
    void ruleTexts_giveStageAndParts() {
        RuleTexts.RuleText source = RuleTexts.of(minimal).get("Every case gets an unclear source");

        assertEquals("source", source.stage());
        assertEquals(13, source.firstLine());
        assertEquals(20, source.lastLine());
        assertEquals("insert( new SourceVerdict( LikelySource.UNCLEAR ) );\n"
                + "insert( new Urgency( Disposition.SELF_CARE ) );", source.conclusion());
    }

    @Test
    void headerComment_isTheCommentTheFileOpensWith() {
        assertEquals("What this file decides.\n\nSources: a guideline.",
                RuleTexts.headerComment("// What this file decides.\n//\n// Sources: a guideline.\npackage x;\n// later"));
        assertEquals("", RuleTexts.headerComment("package x;"));
    }

    @Test
    void version_changesWithAnyCharacterOfTheText() {
        RuleFiles edited = new RuleFiles(java.util.Map.of("minimal.drl",
                minimal.files().get("minimal.drl").replace("URGENT", "ROUTINE")), "local");
        assertNotEquals(minimal.version(), edited.version());
        assertEquals(minimal.version(), RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases/minimal"))
                .version());
    }

    @Test
    void version_changesWithAFilesName() {
        RuleFiles a = new RuleFiles(java.util.Map.of("a.drl", "rule text"), "1.0");
        RuleFiles b = new RuleFiles(java.util.Map.of("b.drl", "rule text"), "1.0");

        assertNotEquals(a.version(), b.version());
    }

    @Test
    void version_keepsNameAndTextApart() {
        RuleFiles a = new RuleFiles(java.util.Map.of("a.drl", "bc"), "1.0");
        RuleFiles b = new RuleFiles(java.util.Map.of("a.drlb", "c"), "1.0");
        RuleFiles c = new RuleFiles(java.util.Map.of("a.drl", "b", "c.drl", ""), "1.0");
        RuleFiles d = new RuleFiles(java.util.Map.of("a.drl", "bc.drl"), "1.0");

        assertNotEquals(a.version(), b.version());
        assertNotEquals(c.version(), d.version());
        RuleFiles two = new RuleFiles(java.util.Map.of("a.drl", "b", "c.drl", "x"), "1.0");
        RuleFiles one = new RuleFiles(java.util.Map.of("a.drl", "bc.drl\u0000x"), "1.0");
        assertNotEquals(two.version(), one.version(), "a file's end is marked, whatever its text holds");
    }

    @Test
    void version_isTheReleasePlusTwelveHexDigits() {
        assertTrue(new RuleFiles(java.util.Map.of("a.drl", "x"), "2.3.4").version().matches("2\\.3\\.4\\+[0-9a-f]{12}"));
    }

    @Test
    void names_areTheFileNamesInOrder() {
        assertEquals(List.of("a.drl", "b.drl"),
                new RuleFiles(java.util.Map.of("b.drl", "", "a.drl", ""), "1.0").names());
    }

    // --- the classpath index ---------------------------------------------------------------------------------------

    @org.junit.jupiter.api.io.TempDir
    Path root;

    private ClassLoader classpath(String index, java.util.Map<String, String> files) throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(root.resolve(RuleFiles.CLASSPATH_FOLDER));
        java.nio.file.Files.writeString(folder.resolve("rulebase.properties"), index);
        for (var file : files.entrySet()) {
            java.nio.file.Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        return new java.net.URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null);
    }

    @Test
    void fromClasspath_readsTheFilesTheIndexListsWithItsVersion() throws Exception {
        RuleFiles files = RuleFiles.fromClasspath(classpath("version=3.1.4\nfiles= b.drl , a.drl ,,\n",
                java.util.Map.of("a.drl", "rule a", "b.drl", "rule b", "unlisted.drl", "rule c")));

        assertEquals(java.util.Map.of("a.drl", "rule a", "b.drl", "rule b"), files.files());
        assertEquals("3.1.4", files.release());
    }

    @Test
    void fromClasspath_withoutVersion_isUnknown() throws Exception {
        assertEquals("unknown", RuleFiles.fromClasspath(classpath("files=a.drl\n", java.util.Map.of("a.drl", "")))
                .release());
    }

    @Test
    void fromClasspath_listedFileMissing_namesIt() throws Exception {
        ClassLoader loader = classpath("files=a.drl,gone.drl\n", java.util.Map.of("a.drl", ""));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuleFiles.fromClasspath(loader));
        assertEquals("health/triage/rules/rulebase.properties lists gone.drl but it is not on the classpath",
                e.getMessage());
    }
}
