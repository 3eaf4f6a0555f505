package health.triage;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * Nearest-name suggestions for error messages ("did you mean ...?"), public so that adapters reading other formats
 * (such as FHIR item link ids) suggest names as the library does.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * " (did you mean 'x'?)" for the candidate closest to {@code given}, or "" when nothing is close enough to be
     * a plausible typo.
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(lower, c)).thenComparing(Comparator.naturalOrder()))
                .filter(best -> distance(lower, best) <= Math.max(2, best.length() / 3))
                .map(best -> " (did you mean '" + best + "'?)")
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
