package health.triage.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
