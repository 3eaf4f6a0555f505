package health.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which findings an interview shows together: read from {@code health/triage/screens.properties}, data beside the
 * question wording (no rule reads it). Turns the ranked questions of a partial case into the next {@link Screen}.
 */
final class ScreenGroups {

    static final String RESOURCE = "screens.properties";
    static final String FIRST = "first";
    static final List<String> PARTS = List.of("text", "findings", "early");

    /**
     * One group: the question above the list, its findings in the order they are listed, and the likely sources for
     * which it is shown early (right after the {@link #first()} groups; empty when never early).
     */
    record Group(String id, String text, List<Finding> findings, Set<LikelySource> early) {
        Group(String id, String text, List<Finding> findings) {
            this(id, text, findings, Set.of());
        }
    }

    private final Map<String, Group> groups;
    private final List<Group> first;
    private final Map<Finding, Group> groupOf = new EnumMap<>(Finding.class);

    private ScreenGroups(Map<String, Group> groups, List<Group> first) {
        this.groups = Map.copyOf(groups);
        this.first = List.copyOf(first);
        groups.values().forEach(group -> group.findings().forEach(f -> groupOf.put(f, group)));
    }

    /** The groups of {@value #RESOURCE}. */
    static ScreenGroups shipped() {
        return Holder.SHIPPED;
    }

    /** Every group, by id. */
    Map<String, Group> groups() {
        return groups;
    }

    /** The groups shown before any other, in order, while one of their findings is worth asking. */
    List<Group> first() {
        return first;
    }

    /** The group a finding is shown in, or empty when it is asked on its own. */
    Optional<Group> groupOf(Finding finding) {
        return Optional.ofNullable(groupOf.get(finding));
    }

    /**
     * The next screen for questions ranked by the engine: the first of the {@link #first()} groups with a finding
     * among the questions; otherwise the group of the highest-ranked question that is neither about the likely source
     * only nor {@link Question.Priority#SAME_SCREEN} (or that question alone, when it is in no group). A group lists
     * every one of its findings still {@code open} (not answered, not "don't know"), in the group's order, as its
     * ranked question or else as {@code sameScreen} makes it; with only one, it is a single question. Empty when no
     * question but likely-source ones is left.
     */
    Optional<Screen> next(List<Question> ranked, Predicate<Finding> open, Function<Finding, Question> sameScreen) {
        return next(ranked, open, sameScreen, null);
    }

    /**
     * As {@link #next(List, Predicate, Function)}, and then, before any other group, a group whose {@code early}
     * sources hold the case's current likely {@code source} while one of its findings is still open (the STarT Back
     * items, asked as soon as the pattern is back or nerve-root pain, as the tool is meant to be, at first contact).
     */
    Optional<Screen> next(List<Question> ranked, Predicate<Finding> open, Function<Finding, Question> sameScreen,
                          LikelySource source) {
        Map<Finding, Question> asked = ranked.stream()
                .collect(Collectors.toMap(Question::finding, Function.identity(), (a, b) -> a,
                        () -> new EnumMap<>(Finding.class)));
        Function<Group, Screen> screen = group -> {
            List<Question> items = group.findings().stream().filter(open)
                    .map(f -> asked.containsKey(f) ? asked.get(f) : sameScreen.apply(f))
                    .toList();
            return items.size() == 1 ? new Screen(Screen.Kind.SINGLE, items.get(0).patientText(), items)
                    : new Screen(Screen.Kind.ANY_OF, group.text(), items);
        };
        for (Group group : first) {
            if (group.findings().stream().anyMatch(asked::containsKey)) {
                return Optional.of(screen.apply(group));
            }
        }
        if (source != null && !ranked.isEmpty()) {
            for (Group group : groups.values()) {
                if (group.early().contains(source) && group.findings().stream().anyMatch(open)) {
                    return Optional.of(screen.apply(group));
                }
            }
        }
        return ranked.stream()
                .filter(q -> q.priority() != Question.Priority.LIKELY_SOURCE
                        && q.priority() != Question.Priority.SAME_SCREEN)
                .findFirst()
                .map(lead -> groupOf(lead.finding()).map(screen)
                        .orElseGet(() -> new Screen(Screen.Kind.SINGLE, lead.patientText(), List.of(lead))));
    }

    /**
     * Reads groups in the format of {@value #RESOURCE}.
     *
     * @throws IllegalStateException listing every malformed key, missing or blank entry, unknown finding code,
     *                               finding in two groups or listed twice, and {@value #FIRST} entry naming no group
     */
    static ScreenGroups read(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        List<String> problems = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            int dot = key.lastIndexOf('.');
            if (key.equals(FIRST)) {
                continue;
            }
            if (dot <= 0 || !PARTS.contains(key.substring(dot + 1))) {
                problems.add("'" + key + "' is not " + FIRST + " or <group>." + String.join("|", PARTS));
            } else {
                ids.add(key.substring(0, dot));
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<Finding, String> seen = new EnumMap<>(Finding.class);
        for (String id : ids) {
            String text = properties.getProperty(id + ".text", "").strip();
            if (text.isEmpty()) {
                problems.add("'" + id + ".text' is missing or blank");
            }
            List<String> codes = list(properties.getProperty(id + ".findings", ""));
            if (codes.isEmpty()) {
                problems.add("'" + id + ".findings' is missing or blank");
            }
            List<Finding> findings = new ArrayList<>();
            for (String code : codes) {
                try {
                    Finding finding = Finding.fromCode(code);
                    String other = seen.putIfAbsent(finding, id);
                    if (other != null) {
                        problems.add("'" + code + "' is in " + (other.equals(id) ? "group '" + id + "' twice"
                                : "groups '" + other + "' and '" + id + "'"));
                    } else {
                        findings.add(finding);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("'" + id + ".findings': " + e.getMessage());
                }
            }
            Set<LikelySource> early = EnumSet.noneOf(LikelySource.class);
            for (String name : list(properties.getProperty(id + ".early", ""))) {
                try {
                    early.add(LikelySource.valueOf(name));
                } catch (IllegalArgumentException e) {
                    problems.add("'" + id + ".early': '" + name + "' is not a likely source "
                            + Arrays.toString(LikelySource.values()));
                }
            }
            groups.put(id, new Group(id, text, List.copyOf(findings), Set.copyOf(early)));
        }
        List<Group> first = new ArrayList<>();
        for (String id : list(properties.getProperty(FIRST, ""))) {
            if (groups.containsKey(id)) {
                first.add(groups.get(id));
            } else {
                problems.add("'" + FIRST + "' names no group '" + id + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
        return new ScreenGroups(groups, first);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static final class Holder {
        static final ScreenGroups SHIPPED = load();

        private static ScreenGroups load() {
            try (InputStream in = ScreenGroups.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath next to " + Finding.class);
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
