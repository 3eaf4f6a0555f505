package health.triage;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Nearest-name suggestions for error messages ("did you mean ...?"), public so that adapters reading other formats
 * (such as FHIR item link ids) suggest names as the library does.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * " (did you mean 'x'?)" for the candidate closest to {@code given}, or "" when nothing is close enough to be
     * a plausible typo; and, when {@code given} holds a character that is not ASCII (a Cyrillic letter that looks like
     * a Latin one, a zero-width space), which one, since names and codes are plain ASCII. A name much longer than every
     * candidate is not compared at all, so that a long unknown name costs no more than a short one.
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(Locale.ROOT);
        int longest = candidates.stream().mapToInt(String::length).max().orElse(0);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        if (lower.length() <= 2 * longest) {
            for (String candidate : candidates) {
                int d = distance(lower, candidate);
                if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        String suggestion = best != null && bestDistance <= Math.max(2, best.length() / 3)
                ? " (did you mean '" + best + "'?)" : "";
        return suggestion + nonAscii(given);
    }

    /** " (it holds U+0435 CYRILLIC SMALL LETTER IE, which is not ASCII)" for the first such character, or "". */
    private static String nonAscii(String given) {
        return given.codePoints().filter(cp -> cp > 0x7F).boxed().findFirst()
                .map(cp -> String.format(" (it holds U+%04X %s, which is not ASCII)", cp,
                        Optional.ofNullable(Character.getName(cp)).orElse("an unnamed character")))
                .orElse("");
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
