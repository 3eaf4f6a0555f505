package health.triage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Sex as reported; optional in a case. */
public enum Sex {
    FEMALE, MALE, OTHER;

    /** The code used in case files: {@code female}, {@code male} or {@code other}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The sex with this code.
     *
     * @throws IllegalArgumentException naming the value when it is not one of the codes
     */
    public static Sex fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "sex must be one of female, male, other, was '" + code + "'" + suggestion(code)));
    }

    /** " (did you mean 'female'?)" for a code written in capitals, cut short ({@code f}) or mistyped. */
    private static String suggestion(String given) {
        String lower = given.strip().toLowerCase(Locale.ROOT);
        List<String> codes = Arrays.stream(values()).map(Sex::code).toList();
        return lower.isEmpty() ? "" : codes.stream().filter(c -> c.startsWith(lower)).findFirst()
                .map(c -> " (did you mean '" + c + "'?)")
                .orElseGet(() -> Suggestions.didYouMean(given, codes));
    }
}
