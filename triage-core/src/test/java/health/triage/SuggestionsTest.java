package health.triage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    @Test
    void distance_countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("fever", "fever"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(3, Suggestions.distance("abc", ""));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(1, Suggestions.distance("fevr", "fever"));
        assertEquals(2, Suggestions.distance("ab", "ba"));
    }

    @Test
    void didYouMean_suggestsTheNearestWithinAThirdOfItsLength() {
        List<String> codes = List.of("bladder_dysfunction", "bowel_dysfunction");

        // 19 letters: up to 6 edits is a plausible typo
        assertEquals(" (did you mean 'bladder_dysfunction'?)", Suggestions.didYouMean("bxxxxxx_dysfunction", codes));
        assertEquals("", Suggestions.didYouMean("bxxxxxxxdysfunction", List.of("bladder_dysfunction")));
    }

    @Test
    void didYouMean_shortNamesAllowTwoEdits() {
        assertEquals(" (did you mean 'age'?)", Suggestions.didYouMean("a", List.of("age")));
        assertEquals("", Suggestions.didYouMean("xyz", List.of("age")));
    }

    @Test
    void didYouMean_ignoresCaseAndPrefersTheAlphabeticallyFirstOnATie() {
        assertEquals(" (did you mean 'painScore'?)", Suggestions.didYouMean("PAINSCORE", List.of("painScore")));
        assertEquals(" (did you mean 'ab'?)", Suggestions.didYouMean("aa", List.of("ba", "ab")));
    }

    @Test
    void didYouMean_lookAlikeCharacter_isNamedBesideTheSuggestion() {
        assertEquals(" (did you mean 'fever'?) (it holds U+0435 CYRILLIC SMALL LETTER IE, which is not ASCII)",
                Suggestions.didYouMean("f\u0435ver", List.of("fever", "fall")));
        assertEquals(" (did you mean 'fever'?) (it holds U+200B ZERO WIDTH SPACE, which is not ASCII)",
                Suggestions.didYouMean("fe\u200Bver", List.of("fever")));
    }

    @Test
    void didYouMean_nameMuchLongerThanEveryCandidate_suggestsNothing() {
        assertEquals("", Suggestions.didYouMean("fever" + "x".repeat(11), List.of("fever")));
        assertEquals(" (did you mean 'fever'?)", Suggestions.didYouMean("feverx", List.of("fever")));
    }
}
