package health.triage.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleFilesTest {

    private final RuleFiles minimal = RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases/minimal"));

    @Test
    void without_leavesOutExactlyThatRulesText() {
        RuleFiles without = minimal.without("Every case gets an unclear source");
        String text = without.files().get("minimal.drl");

        assertFalse(text.contains("Every case gets an unclear source"));
        assertFalse(text.contains("SourceVerdict"));
        assertTrue(text.contains("Fever needs a clinician the same day"));
        assertTrue(text.contains("Patients older than 70 are noted with their age"));
        assertEquals(List.of("Fever needs a clinician the same day", "Patients older than 70 are noted with their age"),
                List.copyOf(RuleTexts.of(without).keySet()));
        assertNotEquals(minimal.version(), without.version());
    }

    @Test
    void without_unknownRule_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimal.without("No such"));
        assertEquals("no rule named \"No such\"", e.getMessage());
    }

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
    void version_changesWithAnyCharacterOfTheText() {
        RuleFiles edited = new RuleFiles(java.util.Map.of("minimal.drl",
                minimal.files().get("minimal.drl").replace("URGENT", "ROUTINE")), "local");
        assertNotEquals(minimal.version(), edited.version());
        assertEquals(minimal.version(), RuleFiles.fromDirectory(Path.of("src/test/resources/rulebases/minimal"))
                .version());
    }
}
