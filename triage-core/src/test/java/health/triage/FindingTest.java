package health.triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingTest {

    /** The vocabulary page is kept in step with this enum; regenerate with -Dvocabulary.write=true. */
    private static final Path VOCABULARY = Path.of("../docs/VOCABULARY.md");

    @Test
    void code_isTheLowerCaseName() {
        assertEquals("saddle_numbness", Finding.SADDLE_NUMBNESS.code());
        assertEquals(Finding.SADDLE_NUMBNESS, Finding.fromCode("saddle_numbness"));
    }

    @Test
    void everyFinding_hasAOneLineDefinitionEndingInAFullStop() {
        for (Finding finding : Finding.values()) {
            String definition = finding.definition();
            assertFalse(definition.isBlank(), finding.code());
            assertFalse(definition.contains("\n"), finding.code());
            assertTrue(definition.endsWith("."), finding.code() + ": " + definition);
        }
    }

    @Test
    void fromCode_unknownCode_suggestsNearest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Finding.fromCode("saddle_numbnes"));
        assertEquals("unknown finding code 'saddle_numbnes' (did you mean 'saddle_numbness'?)", e.getMessage());
    }

    @Test
    void fromCode_enumName_isNotACode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Finding.fromCode("FEVER"));
        assertEquals("unknown finding code 'FEVER' (did you mean 'fever'?)", e.getMessage());
    }

    @Test
    void lookup_unknownCode_isEmpty() {
        assertEquals(Optional.empty(), Finding.lookup("headache"));
        assertEquals(Optional.of(Finding.FEVER), Finding.lookup("fever"));
    }

    @Test
    void vocabularyPage_listsEveryCodeWithItsDefinition() throws IOException {
        String expected = vocabularyPage();
        // the page ends with the concepts of the rule base, which triage-rules checks (ConceptsPageTest)
        String page = Files.readString(VOCABULARY);
        int concepts = page.indexOf("\n## Concepts");
        String findings = concepts < 0 ? page : page.substring(0, concepts);
        if (Boolean.getBoolean("vocabulary.write")) {
            Files.writeString(VOCABULARY, expected + (concepts < 0 ? "" : page.substring(concepts)));
        }
        assertEquals(expected, findings,
                "docs/VOCABULARY.md is out of step with Finding; run the tests with -Dvocabulary.write=true");
    }

    private static String vocabularyPage() {
        StringBuilder page = new StringBuilder("""
                # Vocabulary

                Vocabulary version %s (CHANGELOG.md lists each added, renamed or redefined code).

                A case holds structured fields and a map of findings. Each finding is `true` (asked, present),
                `false` (asked, absent) or left out (not asked, so unknown). Unknown is never treated as absent.

                ## Roles

                Each finding has one role, which the screening rules and the interview read (`Finding.role()`): an
                unanswered screening question keeps the case above self-care.

                | role | meaning |
                |---|---|
                %s
                ## Structured fields

                | field | meaning |
                |---|---|
                | `id` | Your identifier for the case (optional text). |
                | `age` | Age in whole years, 0 to 120 (required). |
                | `sex` | `female`, `male` or `other` (optional). |
                | `pregnant` | `true` or `false` (optional); never `true` with `sex: male`. |
                | `durationDays` | How many days the current symptoms have lasted, 0 or more (optional). |
                | `painScore` | Pain from 0 (none) to 10 (worst imaginable) (optional). |
                | `examined` | `true`: a clinician examined the person for this pain and the case reports what they found; `false`: nobody did (a person answering for themselves), so the examination-only findings are left out; left out: not known (an interview asks it first). |

                ## Who can answer: examination-only findings

                Some findings only a clinician examining the person can answer (`Finding.examinationOnly()`, marked
                "examination only" below). With `examined: false` they are never asked, never listed as unanswered
                and never block a complete result, and answering one is an error naming it: nothing is recorded that
                nobody examined. The reported nerve questions (numbness or tingling, weakness, a dropping foot,
                difficulty walking, symptoms in both legs) carry the safety instead (docs/POLICY.md "Self-users").

                | code | who can answer | why |
                |---|---|---|
                | `neuro_deficit` | examination only | Reflexes, mapped loss of feeling and the strength of muscle groups are tested by an examiner. |
                | `straight_leg_raise_positive` | examination only | A passive test: an examiner lifts the relaxed, straight leg. |
                | `fair_test_positive` | examination only | A passive test: an examiner positions the hip (bent, across the body, turned in). |
                | `spine_tenderness` | examination only | A person cannot press reliably on their own lower spine; the fracture and cancer rules read an examiner's sign. |
                | `deep_buttock_tenderness` | the person or an examiner | A person can press deep into their own buttock (or sit on a firm ball) and feel the usual pain. |
                | `trochanter_tenderness` | the person or an examiner | The bony point on the outside of the hip is easy to reach and press. |
                | `sit_bone_tenderness` | the person or an examiner | The sitting bone can be pressed, or sat on over a hard edge. |

                ## Finding codes
                """.formatted(Finding.VOCABULARY_VERSION, Arrays.stream(Finding.Role.values())
                .map(r -> "| " + r.title() + " | " + r.meaning() + " |\n").collect(Collectors.joining())));
        for (Finding.Group group : Finding.Group.values()) {
            page.append("\n### ").append(group.title()).append("\n\n| code | role | \"yes\" means |\n|---|---|---|\n");
            Arrays.stream(Finding.values()).filter(f -> f.group() == group).forEach(f ->
                    page.append("| `").append(f.code()).append("` | ").append(f.role().title())
                            .append(f.examinationOnly() ? ", examination only" : "").append(" | ")
                            .append(f.definition()).append(" |\n"));
        }
        return page.toString();
    }

    @Test
    void emergencyScreen_isExactlyTheFindingsWithThatRole_inItsOwnOrder() {
        assertEquals(Arrays.stream(Finding.values()).filter(f -> f.role() == Finding.Role.EMERGENCY_SCREEN)
                        .collect(Collectors.toSet()),
                java.util.Set.copyOf(Finding.EMERGENCY_SCREEN));
        assertEquals(Finding.EMERGENCY_SCREEN.size(), java.util.Set.copyOf(Finding.EMERGENCY_SCREEN).size());
        assertEquals(Finding.SADDLE_NUMBNESS, Finding.EMERGENCY_SCREEN.get(0), "the cauda equina signs come first");
    }

    @Test
    void byCode_ordersFindingsByTheirCodes() {
        java.util.List<Finding> sorted = java.util.Arrays.stream(Finding.values()).sorted(Finding.byCode()).toList();

        assertEquals(Finding.ANTICOAGULANTS, sorted.get(0));
        assertEquals(sorted.stream().map(Finding::code).sorted().toList(), sorted.stream().map(Finding::code).toList());
    }
}
