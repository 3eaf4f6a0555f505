package health.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * How each finding is asked: read from {@code health/triage/questions.properties}, data kept apart from the rules
 * (no rule reads it). Public so that adapters (such as a FHIR Questionnaire) can word every finding, not only those
 * {@link TriageEngine#nextQuestions(TriageCase)} ranks.
 */
public final class QuestionWording {

    static final String RESOURCE = "questions.properties";
    static final List<String> PARTS = List.of("patient", "clinician", "why", "item");
    /** Optional parts: an answer scale instead of yes / no, and which of its options mean yes. */
    static final List<String> OPTIONAL = List.of("options", "yes");

    /**
     * The wording of one finding.
     *
     * @param patient   the question in words a patient understands
     * @param clinician the same question in clinical terms
     * @param why       why the question matters, in plain words
     * @param item      the question as one item of a list ("tick any that apply"), in patient words: what a screen
     *                  shows for the finding (never its vocabulary definition, which is for developers)
     * @param options   the answer scale the question is asked on, in order, when it is not asked yes / no (STarT
     *                  Back item 9: not at all ... extremely); empty for a yes / no question. Each option says
     *                  whether it records the finding as present (yes) or absent (no)
     */
    public record Wording(String patient, String clinician, String why, String item, List<Option> options) {
        public Wording {
            options = List.copyOf(options);
        }

        /** A yes / no question. */
        public Wording(String patient, String clinician, String why, String item) {
            this(patient, clinician, why, item, List.of());
        }
    }

    /**
     * One option of an answer scale: its words, and whether choosing it records the finding as present.
     *
     * @param label the option as shown, such as "Very much"
     * @param yes   true when choosing it answers the finding yes
     */
    public record Option(String label, boolean yes) {
    }

    private QuestionWording() {
    }

    /** The wording of a finding. */
    public static Wording of(Finding finding) {
        return Holder.ALL.get(Objects.requireNonNull(finding, "finding must not be null"));
    }

    /**
     * Reads wording in the format of {@value #RESOURCE}.
     *
     * @throws IllegalStateException listing every missing or blank entry and every key that names no finding
     */
    static Map<Finding, Wording> read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            int dot = key.lastIndexOf('.');
            String code = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !(PARTS.contains(key.substring(dot + 1)) || OPTIONAL.contains(key.substring(dot + 1)))
                    || Finding.lookup(code).isEmpty()) {
                problems.add("'" + key + "' is not <finding code>." + String.join("|", PARTS));
            }
        }
        Map<Finding, Wording> wording = new EnumMap<>(Finding.class);
        for (Finding finding : Finding.values()) {
            List<String> texts = new ArrayList<>();
            for (String part : PARTS) {
                String text = properties.getProperty(finding.code() + "." + part, "").strip();
                if (text.isEmpty()) {
                    problems.add("'" + finding.code() + "." + part + "' is missing or blank");
                }
                texts.add(text);
            }
            List<String> labels = list(properties.getProperty(finding.code() + ".options", ""));
            List<String> yes = list(properties.getProperty(finding.code() + ".yes", ""));
            if (!labels.containsAll(yes) || (labels.isEmpty() != yes.isEmpty()) || yes.size() == labels.size()
                    && !labels.isEmpty()) {
                problems.add("'" + finding.code() + ".yes' must name some, not all, of its .options " + labels
                        + ", was " + yes);
            }
            wording.put(finding, new Wording(texts.get(0), texts.get(1), texts.get(2), texts.get(3),
                    labels.stream().map(label -> new Option(label, yes.contains(label))).toList()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
        return wording;
    }

    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static final class Holder {
        static final Map<Finding, Wording> ALL = load();

        private static Map<Finding, Wording> load() {
            try (InputStream in = QuestionWording.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath next to " + Finding.class);
                }
                return Map.copyOf(read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
