package health.triage;

import java.util.Arrays;
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
                        "sex must be one of female, male, other, was '" + code + "'"));
    }
}
