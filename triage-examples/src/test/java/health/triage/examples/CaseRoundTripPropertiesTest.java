package health.triage.examples;

import health.triage.Assessment;
import health.triage.Finding;
import health.triage.Sex;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Writing a case as a case file and reading it back with {@link CaseReader} gives the same case and the same
 * assessment: ids with quotes, backslashes, control characters and non-Latin letters, every mix of present, absent
 * and unknown findings, every optional field given or not. 10,000 tries in the normal build, 1,000,000 with
 * {@code -Pexhaustive}; a failure prints the case file.
 */
class CaseRoundTripPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static TriageEngine engine;

    @BeforeContainer
    static void buildEngine() {
        engine = TriageEngine.builder().build();
    }

    @AfterContainer
    static void closeEngine() {
        engine.close();
    }

    /** Any case; ids of up to 40 characters of ASCII (control characters included), Latin, Greek and symbols. */
    @Provide
    Arbitrary<TriageCase> cases() {
        List<Arbitrary<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < Finding.values().length; i++) {
            answers.add(Arbitraries.of(true, false).injectNull(0.4));
        }
        Arbitrary<Map<Finding, Boolean>> findings = Combinators.combine(answers).as(values -> {
            Map<Finding, Boolean> map = new EnumMap<>(Finding.class);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    map.put(Finding.values()[i], values.get(i));
                }
            }
            return map;
        }).edgeCases(c -> c.none());
        Arbitrary<String> id = Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u00a0', '\u024f')
                .withCharRange('\u0370', '\u03ff').withCharRange('\u2000', '\u206f').ofMaxLength(40).injectNull(0.2);
        Arbitrary<Sex> sex = Arbitraries.of(Sex.class).injectNull(0.25);
        Arbitrary<Boolean> pregnant = Arbitraries.of(true, false).injectNull(0.5);
        return Combinators.combine(id, Arbitraries.integers().between(0, 120), sex, pregnant,
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.2),
                        Arbitraries.integers().between(0, 10).injectNull(0.3), findings)
                .as((i, age, s, p, duration, pain, answered) -> {
                    // only plausible cases: pregnant 10 to 65 years old, symptoms no longer than a life (POLICY.md)
                    TriageCase.Builder builder = TriageCase.builder(age).id(i).sex(s)
                            .pregnant(Boolean.TRUE.equals(p) && (s == Sex.MALE || age < 10 || age > 65) ? Boolean.FALSE
                                    : p)
                            .durationDays(duration == null ? null : Math.min(duration, (age + 1) * 366)).painScore(pain);
                    answered.forEach(builder::answer);
                    return builder.build();
                })
                .flatMap(c -> Arbitraries.of(true, false).injectNull(0.4).map(examined -> {
                    // nobody examined the person: the examination-only findings are left out, as they must be
                    TriageCase.Builder builder = c.toBuilder().examined(examined);
                    if (Boolean.FALSE.equals(examined)) {
                        builder.unknown(Finding.examinationOnlyFindings().toArray(Finding[]::new));
                    }
                    return builder.build();
                }));
    }

    @Property
    void caseWrittenAndReadBack_givesTheSameCaseAndTheSameAssessment(@ForAll("cases") TriageCase c,
                                                                    @ForAll boolean pretty) throws Exception {
        byte[] file = (pretty ? PRETTY : JSON).writeValueAsBytes(c.toFields());

        List<CaseReader.Read> read = CaseReader.read("case.json", file);

        assertEquals(1, read.size(), () -> "one case expected from\n" + new String(file, java.nio.charset.StandardCharsets.UTF_8));
        CaseReader.Valid valid = assertInstanceOf(CaseReader.Valid.class, read.get(0),
                () -> "rejected: " + read.get(0) + "\n" + new String(file, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(c, valid.triageCase());
        Assessment original = engine.assess(c);
        assertEquals(original, engine.assess(valid.triageCase()), "assessment after the round trip");
    }
}
