package health.triage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screen groups of {@code screens.properties}: data a clinician reviews, checked here (every code a finding, no
 * finding in two groups, the emergency group exactly the emergency screen and shown first), and how they turn ranked
 * questions into the next screen.
 */
class ScreenGroupsTest {

    private static final ScreenGroups SHIPPED = ScreenGroups.shipped();

    private static Question question(Finding finding, Question.Priority priority) {
        return new Question(finding, finding.code() + "?", "Clinician?", "Why.", priority, "Because.");
    }

    private static final Function<Finding, Question> SAME_SCREEN = f -> question(f, Question.Priority.SAME_SCREEN);

    private static ScreenGroups groups(String text) throws IOException {
        return ScreenGroups.read(new StringReader(text));
    }

    // --- the shipped groups ---------------------------------------------------------------------------------------

    @Test
    void shipped_emergencyGroupIsExactlyTheEmergencyScreenInItsOrder_andIsShownFirst() {
        ScreenGroups.Group emergency = SHIPPED.groups().get("emergency");

        assertAll(
                () -> assertEquals(Finding.EMERGENCY_SCREEN, emergency.findings()),
                () -> assertEquals(emergency, SHIPPED.first().get(0)),
                () -> assertTrue(SHIPPED.groups().values().stream().filter(g -> g != emergency)
                        .flatMap(g -> g.findings().stream())
                        .noneMatch(f -> f.role() == Finding.Role.EMERGENCY_SCREEN)));
    }

    @Test
    void shipped_whereItHurtsIsShownRightAfterTheEmergencyScreen() {
        ScreenGroups.Group where = SHIPPED.first().get(1);

        assertAll(
                () -> assertEquals("where_it_hurts", where.id()),
                () -> assertTrue(where.findings().containsAll(List.of(Finding.BUTTOCK_PAIN,
                        Finding.POSTERIOR_THIGH_PAIN, Finding.PAIN_BELOW_KNEE, Finding.LOW_BACK_PAIN,
                        Finding.LATERAL_HIP_PAIN)), where::toString));
    }

    @Test
    void shipped_everyFindingIsInAtMostOneGroup_andEveryGroupListsAtLeastTwo() {
        Map<Finding, String> seen = new EnumMap<>(Finding.class);
        List<String> problems = new ArrayList<>();
        for (ScreenGroups.Group group : SHIPPED.groups().values()) {
            if (group.findings().size() < 2) {
                problems.add(group.id() + " lists " + group.findings());
            }
            for (Finding finding : group.findings()) {
                String other = seen.put(finding, group.id());
                if (other != null) {
                    problems.add(finding.code() + " in " + other + " and " + group.id());
                }
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void shipped_everyGroupHasAQuestion() {
        SHIPPED.groups().values().forEach(group -> assertTrue(group.text().endsWith(".")
                || group.text().endsWith("?"), group::toString));
    }

    // --- reading ----------------------------------------------------------------------------------------------------

    @Test
    void read_unknownCode_isNamedWithTheNearestCode() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> groups("a.text=Any?\na.findings=fever, nigth_sweats\n"));

        assertEquals("screens.properties: 'a.findings': unknown finding code 'nigth_sweats' (did you mean "
                + "'night_sweats'?)", e.getMessage());
    }

    @Test
    void read_findingInTwoGroups_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> groups("a.text=A?\na.findings=fever, night_sweats\nb.text=B?\nb.findings=fever, limp\n"));

        assertEquals("screens.properties: 'fever' is in groups 'a' and 'b'", e.getMessage());
    }

    @Test
    void read_missingPartsMalformedKeysAndUnknownFirstGroup_areAllNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> groups("first=a, c\na.findings=fever, fever\nb.text=B?\nb.wording=x\n"));

        assertEquals("screens.properties: 'b.wording' is not first or <group>.text|findings|early; 'a.text' is missing or "
                + "blank; 'fever' is in group 'a' twice; 'b.findings' is missing or blank; 'first' names no group "
                + "'c'", e.getMessage());
    }

    @Test
    void read_groupsAndFirst_inTheirOrder() throws IOException {
        ScreenGroups read = groups("first=b\na.text=A?\na.findings=night_sweats, fever\nb.text=B?\nb.findings=limp, "
                + "groin_pain\n");

        assertAll(
                () -> assertEquals(List.of(Finding.NIGHT_SWEATS, Finding.FEVER), read.groups().get("a").findings()),
                () -> assertEquals(List.of(read.groups().get("b")), read.first()),
                () -> assertEquals(Optional.of(read.groups().get("a")), read.groupOf(Finding.FEVER)),
                () -> assertEquals(Optional.empty(), read.groupOf(Finding.DIABETES)));
    }

    // --- the next screen --------------------------------------------------------------------------------------------

    private static final String TWO_GROUPS = "first=where\nwhere.text=Where?\nwhere.findings=buttock_pain, "
            + "low_back_pain\nserious.text=Any of these?\nserious.findings=fever, night_sweats, cancer_history\n";

    private static final String EARLY = TWO_GROUPS + "items.text=Agree?\nitems.early=SPINAL\n"
            + "items.findings=startback_leg_pain_spread, startback_shoulder_neck_pain\n";

    @Test
    void next_earlyGroup_isShownBeforeHigherRankedQuestions_onlyForItsLikelySources() throws IOException {
        List<Question> ranked = List.of(question(Finding.FEVER, Question.Priority.DISPOSITION));
        ScreenGroups groups = groups(EARLY);

        assertAll(
                () -> assertEquals(List.of(Finding.STARTBACK_LEG_PAIN_SPREAD, Finding.STARTBACK_SHOULDER_NECK_PAIN),
                        groups.next(ranked, f -> true, SAME_SCREEN, LikelySource.SPINAL).orElseThrow().findings()),
                () -> assertEquals("Any of these?",
                        groups.next(ranked, f -> true, SAME_SCREEN, LikelySource.PIRIFORMIS).orElseThrow().text()),
                () -> assertEquals("Any of these?", groups.next(ranked,
                        f -> f.role() != Finding.Role.STRATIFICATION, SAME_SCREEN, LikelySource.SPINAL)
                        .orElseThrow().text(), "answered: not shown again"));
    }

    @Test
    void read_earlyNamingNoLikelySource_isNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> groups(TWO_GROUPS + "serious.early=SPINE\n"));

        assertTrue(e.getMessage().contains("'serious.early': 'SPINE' is not a likely source"), e::getMessage);
    }

    @Test
    void next_firstGroupWithAFindingAsked_isShownBeforeHigherRankedQuestions() throws IOException {
        List<Question> ranked = List.of(question(Finding.FEVER, Question.Priority.DISPOSITION),
                question(Finding.BUTTOCK_PAIN, Question.Priority.LIKELY_SOURCE));

        Screen screen = groups(TWO_GROUPS).next(ranked, f -> true, SAME_SCREEN).orElseThrow();

        assertAll(
                () -> assertEquals(Screen.Kind.ANY_OF, screen.kind()),
                () -> assertEquals("Where?", screen.text()),
                () -> assertEquals(List.of(Finding.BUTTOCK_PAIN, Finding.LOW_BACK_PAIN), screen.findings()),
                () -> assertEquals(Question.Priority.LIKELY_SOURCE, screen.questions().get(0).priority()),
                () -> assertEquals(Question.Priority.SAME_SCREEN, screen.questions().get(1).priority()));
    }

    @Test
    void next_groupOfTheHighestRankedQuestion_listsEveryOpenFindingOfTheGroupInItsOrder() throws IOException {
        List<Question> ranked = List.of(question(Finding.NIGHT_SWEATS, Question.Priority.DISPOSITION),
                question(Finding.LIMP, Question.Priority.DISPOSITION));

        Screen screen = groups(TWO_GROUPS).next(ranked, f -> f != Finding.CANCER_HISTORY, SAME_SCREEN)
                .orElseThrow();

        assertAll(
                () -> assertEquals("Any of these?", screen.text()),
                () -> assertEquals(List.of(Finding.FEVER, Finding.NIGHT_SWEATS), screen.findings()),
                () -> assertEquals(Question.Priority.SAME_SCREEN, screen.questions().get(0).priority()),
                () -> assertEquals(Question.Priority.DISPOSITION, screen.questions().get(1).priority()));
    }

    @Test
    void next_findingInNoGroup_isASingleQuestionInItsOwnWording() throws IOException {
        List<Question> ranked = List.of(question(Finding.LEG_WEAKNESS_RECENT, Question.Priority.DISPOSITION),
                question(Finding.FEVER, Question.Priority.DISPOSITION));

        Screen screen = groups(TWO_GROUPS).next(ranked, f -> true, SAME_SCREEN).orElseThrow();

        assertAll(
                () -> assertEquals(Screen.Kind.SINGLE, screen.kind()),
                () -> assertEquals("leg_weakness_recent?", screen.text()),
                () -> assertEquals(List.of(Finding.LEG_WEAKNESS_RECENT), screen.findings()));
    }

    @Test
    void next_lastOpenFindingOfAGroup_isASingleQuestion() throws IOException {
        List<Question> ranked = List.of(question(Finding.FEVER, Question.Priority.SCREENING));

        Screen screen = groups(TWO_GROUPS).next(ranked, Set.of(Finding.FEVER)::contains, SAME_SCREEN)
                .orElseThrow();

        assertEquals(new Screen(Screen.Kind.SINGLE, "fever?", ranked), screen);
    }

    @Test
    void next_onlyLikelySourceQuestionsOutsideTheFirstGroups_isEmpty() throws IOException {
        List<Question> ranked = List.of(question(Finding.WORSE_SITTING, Question.Priority.LIKELY_SOURCE));

        assertEquals(Optional.empty(), groups(TWO_GROUPS).next(ranked, f -> true, SAME_SCREEN));
    }
}
