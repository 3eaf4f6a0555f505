package health.triage;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a person reports, and what a clinician found on examination, for one assessment.
 *
 * <p>Each finding is {@code true} (present), {@code false} (asked and absent) or missing from
 * {@link #findings()} (not asked, so unknown). Unknown is never treated as absent.
 *
 * @param id           the caller's identifier for the case, or {@code null}
 * @param age          age in whole years, 0 to 120
 * @param sex          reported sex, or {@code null} when not given
 * @param pregnant     {@code true} or {@code false} when asked, {@code null} when not; never {@code true} with
 *                     {@link Sex#MALE}, nor below age 10 or above age 65 (docs/POLICY.md, implausible input)
 * @param durationDays how long the current symptoms have lasted in days (0 or more, and not longer than the person
 *                     has lived: at most 366 days per year of age plus one year), or {@code null}
 * @param painScore    pain on a 0 to 10 scale, or {@code null}
 * @param examined     {@code true} when a clinician examined the person for this pain and the case reports what they
 *                     found; {@code false} when nobody did (a person answering for themselves): the
 *                     {@linkplain Finding#examinationOnly() examination-only findings} are then not asked, not
 *                     unanswered and must be left out; {@code null} when not known yet (an interview asks it)
 * @param findings     the answered findings: {@code true} present, {@code false} absent
 */
public record TriageCase(String id, int age, Sex sex, Boolean pregnant, Integer durationDays, Integer painScore,
                         Boolean examined, Map<Finding, Boolean> findings) {

    private static final int YOUNGEST_PREGNANT = 10;
    private static final int OLDEST_PREGNANT = 65;
    private static final int DAYS_PER_YEAR = 366;

    /** The structured field names of a case, as used in case files. */
    public static final List<String> FIELDS =
            List.of("id", "age", "sex", "pregnant", "durationDays", "painScore", "examined", "findings");

    public TriageCase {
        if (age < 0 || age > 120) {
            throw new IllegalArgumentException("age must be between 0 and 120, was " + age);
        }
        if (Boolean.TRUE.equals(pregnant) && sex == Sex.MALE) {
            throw new IllegalArgumentException("pregnant must not be true when sex is male");
        }
        if (durationDays != null && durationDays < 0) {
            throw new IllegalArgumentException("durationDays must be 0 or more, was " + durationDays);
        }
        // implausible combinations are input errors, never corrected here (docs/POLICY.md, implausible input)
        if (Boolean.TRUE.equals(pregnant) && (age < YOUNGEST_PREGNANT || age > OLDEST_PREGNANT)) {
            throw new IllegalArgumentException("pregnant must not be true at age " + age + ": a pregnancy below "
                    + YOUNGEST_PREGNANT + " or above " + OLDEST_PREGNANT + " years is taken as a mistake in the age or "
                    + "in pregnant; check both, and leave pregnant out when it is not known");
        }
        if (durationDays != null && durationDays > (age + 1) * DAYS_PER_YEAR) {
            throw new IllegalArgumentException("durationDays must not be longer than the person has lived (at most "
                    + (age + 1) * DAYS_PER_YEAR + " days at age " + age + "), was " + durationDays);
        }
        if (painScore != null && (painScore < 0 || painScore > 10)) {
            throw new IllegalArgumentException("painScore must be between 0 and 10, was " + painScore);
        }
        Objects.requireNonNull(findings, "findings must not be null (use an empty map when nothing was asked)");
        EnumMap<Finding, Boolean> copy = new EnumMap<>(Finding.class);
        findings.forEach((finding, present) -> {
            if (finding == null) {
                throw new IllegalArgumentException("findings must not contain a null finding");
            }
            if (present == null) {
                throw new IllegalArgumentException("findings." + finding.code()
                        + " must be true or false, was null (leave it out when it was not asked)");
            }
            if (finding.examinationOnly() && Boolean.FALSE.equals(examined)) {
                // never record an examination that did not happen (docs/POLICY.md, self-users)
                throw new IllegalArgumentException("findings." + finding.code() + " must be left out when examined "
                        + "is false, was " + present + ": only a clinician examining the person can answer it");
            }
            copy.put(finding, present);
        });
        findings = Collections.unmodifiableMap(copy);
    }

    /**
     * A case as before this version, without {@code examined} (not known): kept so that callers of the
     * constructor before vocabulary 2.2 compile.
     */
    public TriageCase(String id, int age, Sex sex, Boolean pregnant, Integer durationDays, Integer painScore,
                      Map<Finding, Boolean> findings) {
        this(id, age, sex, pregnant, durationDays, painScore, null, findings);
    }

    /**
     * Whether a finding is asked of this person: every finding, except the {@linkplain Finding#examinationOnly()
     * examination-only} ones when nobody examined the person ({@code examined} is {@code false}).
     */
    public boolean applies(Finding finding) {
        return !(finding.examinationOnly() && Boolean.FALSE.equals(examined));
    }

    /** A builder for a case of a person of the given age. */
    public static Builder builder(int age) {
        return new Builder(age);
    }

    /** A builder holding this case's values, for a modified copy. */
    public Builder toBuilder() {
        Builder builder = new Builder(age).id(id).sex(sex).pregnant(pregnant).durationDays(durationDays)
                .painScore(painScore).examined(examined);
        builder.findings.putAll(findings);
        return builder;
    }

    /** The answer for a finding: present ({@code true}), absent ({@code false}) or not asked (empty). */
    public Optional<Boolean> answer(Finding finding) {
        return Optional.ofNullable(findings.get(finding));
    }

    /**
     * A case from loosely typed fields, as decoded from JSON or a form: the field names of {@link #FIELDS} with
     * {@code findings} a map from finding code to boolean.
     *
     * @throws IllegalArgumentException naming the first field or code that is unknown, missing or of the wrong
     *                                  type, with the nearest valid name as a suggestion
     */
    public static TriageCase fromFields(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields must not be null");
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'" + Suggestions.didYouMean(name,
                        FIELDS));
            }
        }
        if (fields.get("age") == null) {
            throw new IllegalArgumentException("age is required");
        }
        Builder builder = builder(integer(fields, "age"));
        builder.id(text(fields, "id"));
        String sex = text(fields, "sex");
        builder.sex(sex == null ? null : Sex.fromCode(sex));
        builder.pregnant(bool(fields, "pregnant"));
        builder.durationDays(integer(fields, "durationDays"));
        builder.painScore(integer(fields, "painScore"));
        builder.examined(bool(fields, "examined"));
        Object findings = fields.get("findings");
        if (findings != null) {
            if (!(findings instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("findings must be an object of finding code to true or false, was "
                        + describe(findings));
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String code = String.valueOf(entry.getKey());
                Finding finding = Finding.fromCode(code);
                Object value = entry.getValue();
                if (!(value instanceof Boolean present)) {
                    throw new IllegalArgumentException("findings." + code + " must be true or false, was "
                            + describe(value) + (value == null ? " (leave it out when it was not asked)" : ""));
                }
                builder.answer(finding, present);
            }
        }
        return builder.build();
    }

    /** This case as loosely typed fields, the inverse of {@link #fromFields(Map)}; unset fields are left out. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (id != null) {
            fields.put("id", id);
        }
        fields.put("age", age);
        if (sex != null) {
            fields.put("sex", sex.code());
        }
        if (pregnant != null) {
            fields.put("pregnant", pregnant);
        }
        if (durationDays != null) {
            fields.put("durationDays", durationDays);
        }
        if (painScore != null) {
            fields.put("painScore", painScore);
        }
        if (examined != null) {
            fields.put("examined", examined);
        }
        Map<String, Boolean> codes = new LinkedHashMap<>();
        findings.forEach((finding, present) -> codes.put(finding.code(), present));
        fields.put("findings", codes);
        return fields;
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(name + " must be a string, was " + describe(value));
    }

    private static Boolean bool(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new IllegalArgumentException(name + " must be true or false, was " + describe(value));
    }

    private static Integer integer(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            BigInteger whole = new BigInteger(value.toString());
            if (whole.bitLength() >= Integer.SIZE) {
                String digits = whole.toString();
                throw new IllegalArgumentException(name + " is out of range, was " + (digits.length() > 30
                        ? digits.substring(0, 30) + "… (" + digits.length() + " digits)" : digits));
            }
            return whole.intValue();
        }
        if (value instanceof Number number) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + number);
        }
        throw new IllegalArgumentException(name + " must be a whole number, was " + describe(value));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + abbreviate(s) + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> || value instanceof Set<?>) {
            return "an array";
        }
        return String.valueOf(value);
    }

    /** Builds a {@link TriageCase}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final int age;
        private String id;
        private Sex sex;
        private Boolean pregnant;
        private Integer durationDays;
        private Integer painScore;
        private Boolean examined;
        private final Map<Finding, Boolean> findings = new EnumMap<>(Finding.class);

        private Builder(int age) {
            this.age = age;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder pregnant(Boolean pregnant) {
            this.pregnant = pregnant;
            return this;
        }

        public Builder durationDays(Integer durationDays) {
            this.durationDays = durationDays;
            return this;
        }

        public Builder painScore(Integer painScore) {
            this.painScore = painScore;
            return this;
        }

        /**
         * Whether a clinician examined the person for this pain: {@code true} (the case reports what they found),
         * {@code false} (nobody did: leave the examination-only findings out), {@code null} not known.
         */
        public Builder examined(Boolean examined) {
            this.examined = examined;
            return this;
        }

        /**
         * Records these findings as asked and present.
         *
         * @throws NullPointerException     when the array or one of its findings is null
         * @throws IllegalArgumentException when a finding was already recorded as absent: one finding answered both
         *                                  ways is a bug that could hide a red flag ({@link #answer(Finding, boolean)}
         *                                  replaces an answer on purpose)
         */
        public Builder present(Finding... present) {
            Objects.requireNonNull(present, "present must not be null");
            for (Finding finding : present) {
                record(finding, true, "present");
            }
            return this;
        }

        /**
         * Records these findings as asked and absent.
         *
         * @throws NullPointerException     when the array or one of its findings is null
         * @throws IllegalArgumentException when a finding was already recorded as present (as {@link
         *                                  #present(Finding...)})
         */
        public Builder absent(Finding... absent) {
            Objects.requireNonNull(absent, "absent must not be null");
            for (Finding finding : absent) {
                record(finding, false, "absent");
            }
            return this;
        }

        /**
         * Records these findings as asked and absent, such as {@code absent(Finding.screeningQuestions())}.
         *
         * @throws NullPointerException     when the collection or one of its findings is null
         * @throws IllegalArgumentException when a finding was already recorded as present (as {@link
         *                                  #present(Finding...)})
         */
        public Builder absent(Collection<Finding> absent) {
            Objects.requireNonNull(absent, "absent must not be null (use an empty collection)");
            for (Finding finding : absent) {
                record(finding, false, "absent");
            }
            return this;
        }

        private void record(Finding finding, boolean present, String argument) {
            Objects.requireNonNull(finding, argument + " must not contain a null finding");
            Boolean earlier = findings.putIfAbsent(finding, present);
            if (earlier != null && earlier != present) {
                throw new IllegalArgumentException("finding '" + finding.code() + "' is answered both present and "
                        + "absent; answer(finding, value) replaces an answer, unknown(finding) forgets it");
            }
        }

        /** Records an answer: {@code true} present, {@code false} absent; it replaces an earlier answer. */
        public Builder answer(Finding finding, boolean present) {
            findings.put(Objects.requireNonNull(finding, "finding must not be null"), present);
            return this;
        }

        /**
         * Forgets the answer for these findings, so they are unknown again.
         *
         * @throws NullPointerException when the array or one of its findings is null
         */
        public Builder unknown(Finding... unknown) {
            Objects.requireNonNull(unknown, "unknown must not be null");
            for (Finding finding : unknown) {
                findings.remove(Objects.requireNonNull(finding, "unknown must not contain a null finding"));
            }
            return this;
        }

        /**
         * The case.
         *
         * @throws IllegalArgumentException naming the field and value that is out of range
         */
        public TriageCase build() {
            return new TriageCase(id, age, sex, pregnant, durationDays, painScore, examined, findings);
        }
    }
}
