package health.triage.rules;

import health.triage.Assessment;
import health.triage.Disposition;
import health.triage.Finding;
import health.triage.LikelySource;
import health.triage.Screen;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interviews by screens against the shipped rule base and screen groups: the targets of the interview issue (a typical
 * piriformis presentation complete in at most 10 screens, an emergency in the first screen), and every example case
 * interviewed with its own answers ends with the decision of assessing it directly, in the number of screens
 * docs/POLICY.md's table gives.
 */
class ScreenInterviewTest {

    /** The typical piriformis presentation of docs/POLICY.md "Interview order" (as InterviewTest). */
    private static final Set<Finding> PIRIFORMIS_PRESENTATION = EnumSet.of(Finding.BUTTOCK_PAIN,
            Finding.WORSE_SITTING, Finding.WORSE_HARD_SEAT, Finding.DEEP_BUTTOCK_TENDERNESS,
            Finding.PROLONGED_SITTING, Finding.WALLET_IN_BACK_POCKET);

    /** The target of the interview issue for that presentation (it took 32 single questions, then 48). */
    private static final int MOST_SCREENS_FOR_COMPLETE_SELF_CARE = 10;

    /**
     * A self-user with that presentation: issue 20 asks for at most 8 screens (met: 7, the pain score given first)
     * and 40 items. Measured: 60 items (before issue 20 no self-user could finish at all). The 40 are not met without
     * a clinical decision: a person nobody examined answers 36 items no before any self-care (34 screening questions and the 2 reported nerve symptoms of NEU-05) (docs/POLICY.md
     * "Self-users", interview length), so this test holds the measured figure and fails if the interview grows.
     */
    private static final int MOST_SCREENS_FOR_SELF_USER = 8;
    private static final int MOST_ITEMS_FOR_SELF_USER = 60;

    private static final Path CASES = Path.of("../triage-examples/cases");
    private static final Path POLICY = Path.of("../docs/POLICY.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` \\| (\\w+) \\| [^|]+ \\| [^|]+ \\| (\\d+) \\| (\\d+) \\|$", Pattern.MULTILINE);

    private static TriageEngine engine;

    @BeforeAll
    static void build() {
        engine = TriageEngine.builder().build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** A person of 38 with four weeks of pain, exactly these findings and no other. */
    private static TriageCase person(Set<Finding> present) {
        return person(present, 28);
    }

    private static TriageCase person(Set<Finding> present, int days) {
        TriageCase.Builder c = TriageCase.builder(38).sex(Sex.MALE).durationDays(days);
        Arrays.stream(Finding.values()).forEach(f -> c.answer(f, present.contains(f)));
        return c.build();
    }

    @Test
    void piriformisPresentation_reachesCompleteSelfCareInAtMostTenScreens_emergencyThenWhereItHurtsFirst() {
        ScreenInterview interview = ScreenInterview.of(engine, person(PIRIFORMIS_PRESENTATION));

        System.out.println("piriformis presentation by screens: " + interview.screens().size() + " screens, "
                + interview.answered() + " findings answered");
        assertAll(
                () -> assertTrue(interview.end().complete()),
                () -> assertEquals(Disposition.SELF_CARE, interview.assessment().disposition()),
                () -> assertEquals(LikelySource.PIRIFORMIS, interview.assessment().likelySource()),
                () -> assertTrue(interview.screens().size() <= MOST_SCREENS_FOR_COMPLETE_SELF_CARE,
                        () -> interview.screens().size() + " screens: " + interview.screens()),
                () -> assertEquals(Finding.EMERGENCY_SCREEN, interview.screens().get(0).findings()),
                () -> assertEquals(Screen.Kind.ANY_OF, interview.screens().get(0).kind()),
                () -> assertTrue(interview.screens().get(1).findings().containsAll(List.of(Finding.BUTTOCK_PAIN,
                        Finding.PAIN_BELOW_KNEE, Finding.LOW_BACK_PAIN, Finding.POSTERIOR_THIGH_PAIN,
                        Finding.LATERAL_HIP_PAIN)), () -> interview.screens().get(1).toString()),
                () -> assertTrue(interview.finalCase().findings().keySet()
                        .containsAll(Finding.screeningQuestions())));
    }

    /** A person answering for themselves (nobody examined them) with exactly these findings and no other. */
    private static TriageCase selfUser(Set<Finding> present) {
        TriageCase.Builder c = TriageCase.builder(38).sex(Sex.MALE).durationDays(28).painScore(5).examined(false);
        Arrays.stream(Finding.values()).filter(f -> !f.examinationOnly())
                .forEach(f -> c.answer(f, present.contains(f)));
        return c.build();
    }

    @Test
    void selfUserWithAPiriformisPattern_reachesCompleteSelfCare_inAtMostEightScreens_withoutAnExaminationItem() {
        ScreenInterview interview = ScreenInterview.of(engine, selfUser(PIRIFORMIS_PRESENTATION));

        System.out.println("piriformis self-user by screens: " + interview.screens().size() + " screens, "
                + interview.itemsShown() + " items shown, " + interview.answered() + " findings answered");
        assertAll(
                () -> assertTrue(interview.end().complete()),
                () -> assertEquals(Disposition.SELF_CARE, interview.assessment().disposition()),
                () -> assertEquals(LikelySource.PIRIFORMIS, interview.assessment().likelySource()),
                () -> assertEquals(List.of(), interview.assessment().unanswered()),
                () -> assertTrue(interview.screens().stream().flatMap(s -> s.findings().stream())
                        .noneMatch(Finding::examinationOnly), () -> interview.screens().toString()),
                () -> assertTrue(interview.screens().size() <= MOST_SCREENS_FOR_SELF_USER,
                        () -> interview.screens().size() + " screens: " + interview.screens()),
                () -> assertTrue(interview.itemsShown() <= MOST_ITEMS_FOR_SELF_USER,
                        () -> interview.itemsShown() + " items: " + interview.screens().stream()
                                .map(s -> s.questions().stream().map(q -> q.code() + "/" + q.priority()).toList())
                                .toList()));
    }

    @Test
    void anyEmergencyScreenAnswerYes_endsTheInterviewAfterTheFirstScreen() {
        for (Finding sign : Finding.EMERGENCY_SCREEN) {
            // five days: symptoms in both legs are an emergency when new
            ScreenInterview interview = ScreenInterview.of(engine, person(EnumSet.of(sign), 5));

            assertAll(sign.code(),
                    () -> assertEquals(1, interview.screens().size()),
                    () -> assertEquals(Disposition.EMERGENCY, interview.assessment().disposition()),
                    () -> assertTrue(interview.end().complete()));
        }
    }

    @Test
    void notSureOnAScreen_leavesTheFindingUnknown_isNotShownAgain_andTheInterviewIsNotComplete() {
        TriageCase c = person(PIRIFORMIS_PRESENTATION).toBuilder().unknown(Finding.NIGHT_SWEATS).build();

        ScreenInterview interview = ScreenInterview.of(engine, c);

        assertAll(
                () -> assertFalse(interview.end().complete()),
                () -> assertFalse(interview.finalCase().findings().containsKey(Finding.NIGHT_SWEATS)),
                () -> assertEquals(List.of(Finding.NIGHT_SWEATS), interview.assessment().unanswered()),
                () -> assertEquals(Disposition.ROUTINE, interview.assessment().disposition()));
    }

    @Test
    void nerveRootPain_isAskedTheStartBackItemsRightAfterWhereItHurts_aPiriformisPatternNever() {
        TriageCase.Builder sciatica = TriageCase.builder(38).durationDays(14);
        TriageCase.Builder piriformis = TriageCase.builder(38).durationDays(14);
        for (Finding f : Finding.EMERGENCY_SCREEN) {
            sciatica.absent(f);
            piriformis.absent(f);
        }
        sciatica.present(Finding.LOW_BACK_PAIN, Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK)
                .absent(Finding.BUTTOCK_PAIN, Finding.POSTERIOR_THIGH_PAIN, Finding.LATERAL_HIP_PAIN,
                        Finding.GROIN_PAIN, Finding.SACROILIAC_PAIN);
        piriformis.present(Finding.BUTTOCK_PAIN).absent(Finding.LOW_BACK_PAIN, Finding.POSTERIOR_THIGH_PAIN,
                Finding.PAIN_BELOW_KNEE, Finding.LEG_PAIN_WORSE_THAN_BACK, Finding.LATERAL_HIP_PAIN,
                Finding.GROIN_PAIN, Finding.SACROILIAC_PAIN);

        Screen third = engine.nextScreen(sciatica.build(), Set.of()).orElseThrow();
        ScreenInterview whole = ScreenInterview.of(engine, person(PIRIFORMIS_PRESENTATION));

        assertAll(
                () -> assertEquals(Finding.stratificationItems().subList(0, 8), third.findings()),
                () -> assertTrue(third.text().startsWith("Thinking about the last 2 weeks"), third::text),
                () -> assertTrue(engine.nextScreen(piriformis.build(), Set.of()).orElseThrow().findings().stream()
                        .noneMatch(f -> f.role() == Finding.Role.STRATIFICATION)),
                () -> assertTrue(whole.screens().stream().flatMap(sc -> sc.findings().stream())
                        .noneMatch(f -> f.role() == Finding.Role.STRATIFICATION), "a piriformis pattern is never "
                        + "asked the STarT Back items (Keele: the tool is for back pain)"),
                () -> assertTrue(whole.assessment().stratification().isEmpty()));
    }

    @Test
    void readmeScreenSnippet_runsAndShowsTheEmergencyScreenAsOneList() {
        // README-screen:begin
        TriageCase selfUser = TriageCase.builder(34).examined(false).build();   // nobody examined this person
        Screen screen = engine.nextScreen(selfUser, Set.of()).orElseThrow();
        System.out.println(screen.kind() + ": " + screen.text());   // ANY_OF: Since this pain began, have you had any of these ...
        screen.questions().forEach(q -> System.out.println("  " + q.itemText()));
        // README-screen:end
        assertEquals(Screen.Kind.ANY_OF, screen.kind());
        assertTrue(screen.text().startsWith("Since this pain began, have you had any of these, even if it came and went?"),
                screen::text);
        assertEquals(Finding.EMERGENCY_SCREEN, screen.findings());
    }

    @Test
    void readme_showsTheScreenSnippetExactly() throws IOException {
        ReadmeSnippets.assertReadmeShows("ScreenInterviewTest.java", "README-screen");
    }

    /**
     * Every example case interviewed by screens with its own answers (a finding the case leaves out is "not sure")
     * ends with the decision of assessing the case directly; "complete" never stands above an unanswered screening
     * question; and the screens and answered findings are those of docs/POLICY.md's table.
     */
    @Test
    void exampleCases_byScreens_endWithTheDirectDecision_inTheScreensOfThePolicyTable() throws IOException {
        Map<String, int[]> table = new LinkedHashMap<>();
        Map<String, String> tableDisposition = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(POLICY));
        while (row.find()) {
            table.put(row.group(1), new int[] {Integer.parseInt(row.group(3)), Integer.parseInt(row.group(4))});
            tableDisposition.put(row.group(1), row.group(2));
        }
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                TriageCase example = TriageCase.fromFields(json.readValue(file.toFile(), new TypeReference<>() { }));
                Assessment direct = engine.assess(example);

                ScreenInterview interview = ScreenInterview.of(engine, example);

                Assessment end = interview.assessment();
                measured.add("| `" + name + "` | " + end.disposition().code() + " | " + interview.screens().size()
                        + " | " + interview.answered() + " |");
                if (!ScreenInterview.decision(end).equals(ScreenInterview.decision(direct))) {
                    problems.add(name + ": interview " + ScreenInterview.decision(end) + ", directly "
                            + ScreenInterview.decision(direct));
                }
                if (interview.end().complete() && end.disposition() != Disposition.EMERGENCY
                        && !end.unanswered().isEmpty()) {
                    problems.add(name + ": complete with unanswered " + end.unanswered());
                }
                int[] expected = table.get(name);
                if (expected == null || expected[0] != interview.screens().size()
                        || expected[1] != interview.answered()
                        || !tableDisposition.get(name).equals(end.disposition().code())) {
                    problems.add(name + ": POLICY.md table says " + (expected == null ? "nothing"
                            : tableDisposition.get(name) + ", " + expected[0] + " screens, " + expected[1]
                            + " answered") + "; measured " + end.disposition().code() + ", "
                            + interview.screens().size() + " screens, " + interview.answered() + " answered");
                }
            }
        }

        assertEquals(List.of(), problems, () -> "measured:\n" + String.join("\n", measured));
    }
}
