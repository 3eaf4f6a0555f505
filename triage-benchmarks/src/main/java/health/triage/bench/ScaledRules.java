package health.triage.bench;

import health.triage.Finding;
import health.triage.internal.FindingCodes;
import health.triage.internal.RuleFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated rule base about {@code factor} times the size of the real one, over the same vocabulary: the real DRL
 * files, plus {@code factor - 1} variants of each in which every finding (the code an {@code Answer} pattern tests, and
 * {@code Finding.X} elsewhere) is replaced through a fixed random permutation of the vocabulary (a different one per
 * variant), and rule names and ids get a suffix. The variants are
 * different rules where they name findings (Drools cannot share those conditions with the real ones), in the same
 * stages, with the same kinds of patterns, joins and collects.
 *
 * <p>The likely-source table (a file with an activation group) is not copied: a rule base has one such table, and a
 * copy of it has a row identical to the real row SRC-04 (its two collects name no finding), which, with the cues of
 * the copied source-cue rules, makes Drools 10.2.0 fail while firing (NullPointerException in
 * {@code RuleExecutor.removeDormantTuple}; see PERFORMANCE.md). So factor 10 gives 815 rules for the real 86.
 *
 * <p>As a program: {@code ScaledRules FACTOR FOLDER} writes the rule base to FOLDER (for {@code --rules}), then
 * builds it and assesses the mix and 2,000 generated cases with it.
 */
public final class ScaledRules {

    private static final Pattern FINDING = Pattern.compile("Finding\\.([A-Z_]+)\\b"); // not Finding.Role
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule \"([^\"]*)\"");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(([^)]*)\\)");

    private ScaledRules() {
    }

    /** Writes the real rule base and its variants to a folder, which is created if needed. */
    public static Path write(int factor, Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, String> real = RuleFiles.fromClasspath().files();
            for (Map.Entry<String, String> file : real.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                for (int variant = 2; variant <= factor && !file.getValue().contains("activation-group"); variant++) {
                    String name = file.getKey().replace(".drl", "-variant" + variant + ".drl");
                    Files.writeString(folder.resolve(name), variant(file.getValue(), variant), StandardCharsets.UTF_8);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String variant(String drl, int variant) {
        List<Finding> permuted = new ArrayList<>(List.of(Finding.values()));
        Collections.shuffle(permuted, new Random(variant));
        StringBuilder codes = new StringBuilder(drl);
        List<FindingCodes.Literal> tested = new ArrayList<>(FindingCodes.literals(drl));
        Collections.reverse(tested); // from the end, so that the offsets before stay where they are
        for (FindingCodes.Literal code : tested) {
            codes.replace(code.offset() + 1, code.offset() + 1 + code.code().length(),
                    permuted.get(Finding.fromCode(code.code()).ordinal()).code());
        }
        String text = replace(FINDING, codes.toString(),
                m -> "Finding." + permuted.get(Finding.valueOf(m.group(1)).ordinal()).name());
        text = replace(RULE_NAME, text, m -> "rule \"" + m.group(1) + " (variant " + variant + ")\"");
        return replace(RULE_ID, text, m -> "@id(" + m.group(1) + "-V" + variant + ")");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Writes the rule base, then builds it and assesses the mix and 2,000 generated cases with it. */
    public static void main(String[] args) {
        Path folder = write(Integer.parseInt(args[0]), Path.of(args[1]));
        long started = System.nanoTime();
        try (health.triage.TriageEngine engine = health.triage.TriageEngine.builder().rulesFrom(folder).build()) {
            long built = System.nanoTime();
            CaseGenerator generator = new CaseGenerator(11);
            int assessed = 0;
            for (health.triage.TriageCase c : Mix.cases()) {
                engine.assess(c);
                assessed++;
            }
            for (int i = 0; i < 2_000; i++) {
                engine.assess(generator.next());
                assessed++;
            }
            System.out.printf("rule base written to %s: %d rules, built in %d ms; %d cases assessed%n", folder,
                    engine.rules().size(), (built - started) / 1_000_000, assessed);
        }
    }
}
