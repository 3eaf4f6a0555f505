package health.triage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person is shown (the question above each screen, each item of a list, each question on its own and why it
 * is asked) is in patient words: no vocabulary code, no clinical term without a plain explanation beside it, and
 * addressed to the person, not a third-person definition.
 */
class PatientWordsTest {

    /** A vocabulary code as it would leak: lower-case words joined by underscores, such as saddle_numbness. */
    private static final Pattern CODE = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

    /**
     * Clinical terms a lay person cannot be expected to know. Each may appear only inside brackets, after the plain
     * words it names ("the bundle of nerves at the base of the spine (cauda equina syndrome)").
     */
    private static final List<String> JARGON = List.of("neurogenic", "claudication", "anaesthesia", "paraesthesia",
            "radicular", "radiculopathy", "trochanter", "ischial", "tuberosity", "erythema", "syncope", "diaphoresis",
            "dermatomal", "myotomal", "psychosocial", "analgesia", "analgesic", "dorsiflex", "gluteal", "lumbar",
            "sacrum", "sacral", "perineal", "perianal", "cauda equina", "osteoporosis", "thrombosis", "aneurysm",
            "sacroiliac", "bursa", "ischaemia", "cyanosed", "rigors", "contralateral", "ipsilateral", "bilateral",
            "unilateral", "subscale", "stratification", "start back", "deficit", "fadir", "fair test");

    /** Words that show a text speaks about a person instead of to them. */
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "\\b(the person|their|theirs|themselves|the patient|he|she|his|her)\\b", Pattern.CASE_INSENSITIVE);

    /** A text addressed to the person: you and your, or the first person of the STarT Back tool's own items. */
    private static final Pattern ADDRESSED = Pattern.compile("\\b(you|your|yours|yourself)\\b|\\b(I|my|mine|I've)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTextAPersonSees_containsAVocabularyCode() {
        List<String> problems = new ArrayList<>();
        shown().forEach((where, text) -> {
            Matcher m = CODE.matcher(text);
            while (m.find()) {
                problems.add(where + ": '" + m.group() + "'");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void noTextAPersonSees_usesAClinicalTermOutsideTheBracketsThatFollowItsPlainWords() {
        List<String> problems = new ArrayList<>();
        shown().forEach((where, text) -> {
            String outside = text.replaceAll("\\([^()]*\\)", " ").toLowerCase(Locale.ROOT);
            for (String term : JARGON) {
                if (Pattern.compile("\\b" + Pattern.quote(term)).matcher(outside).find()) {
                    problems.add(where + ": '" + term + "'");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyQuestionAndListItem_speaksToThePerson_notAboutThem() {
        List<String> problems = new ArrayList<>();
        shown().forEach((where, text) -> {
            if (where.endsWith(".why")) {
                return; // an explanation may speak of "a person who ..."; it still never uses a code or jargon
            }
            if (!ADDRESSED.matcher(text).find()) {
                problems.add(where + " does not say you or your: " + text);
            }
            Matcher m = THIRD_PERSON.matcher(text);
            if (m.find()) {
                problems.add(where + " speaks of '" + m.group() + "': " + text);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void aListItem_isItsPatientWords_neverTheVocabularyDefinition() {
        for (Finding finding : Finding.values()) {
            String item = QuestionWording.of(finding).item();
            assertTrue(!item.equalsIgnoreCase(finding.definition()) && !item.isBlank(), finding.code());
        }
    }

    @Test
    void theEmergencyScreen_asksAboutSymptomsThatCameAndWent_notOnlyThoseThereNow() {
        String text = ScreenGroups.shipped().groups().get("emergency").text();

        assertTrue(text.contains("came and went"), text);
        assertTrue(!text.toLowerCase(Locale.ROOT).contains(" now?"), text);
    }

    /** Every text a person sees, by where it comes from. */
    private static Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        ScreenGroups.shipped().groups().values().forEach(g -> shown.put("screens.properties " + g.id() + ".text",
                g.text()));
        for (Finding finding : Finding.values()) {
            QuestionWording.Wording wording = QuestionWording.of(finding);
            shown.put(finding.code() + ".patient", wording.patient());
            shown.put(finding.code() + ".item", wording.item());
            shown.put(finding.code() + ".why", wording.why());
        }
        return shown;
    }
}
