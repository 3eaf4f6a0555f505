package health.triage.rules;

import health.triage.RuleCase;
import health.triage.TriageEngine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a class in a new JVM whose classpath is this test run's without the DRL compiler: what an app that uses the
 * built-in rule base gets (triage-core declares drools-mvel optional and leaves the DRL parser and the Java compiler
 * out of drools-model-compiler's dependencies).
 */
final class LeanClasspath {

    /** The jars of the DRL compiler, which only this module's tests add (in test scope). */
    static final Pattern DRL_COMPILER = Pattern.compile(
            "(drools-mvel|mvel2|drools-drl-parser|drools-drl-ast|drools-drl-extensions|drools-ecj|ecj|antlr-runtime"
                    + "|antlr4-runtime|drools-wiring-dynamic|drools-io)-[0-9][^" + Pattern.quote(File.separator)
                    + "]*\\.jar");

    private LeanClasspath() {
    }

    /** The lines a class prints to standard output when run on the lean classpath; fails if it fails. */
    static List<String> run(Class<?> main, String... args) throws IOException, InterruptedException {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> lean = Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !DRL_COMPILER.matcher(Path.of(entry).getFileName().toString()).matches())
                .toList();
        if (lean.size() == full.split(File.pathSeparator).length) {
            throw new IllegalStateException("no DRL compiler jar found to leave out of " + full);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", String.join(File.pathSeparator, lean), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the probe failed on the lean classpath: " + out);
        }
        return out.lines().toList();
    }

    /**
     * Prints the assessment of the first per-rule case where each rule fires ({@code assess}), or what {@code
     * rulesFrom} throws, one per line.
     */
    static final class Probe {
        public static void main(String[] args) {
            if (args[0].equals("assess")) {
                try (TriageEngine engine = TriageEngine.builder().build()) {
                    for (RuleCase ruleCase : firingCases()) {
                        System.out.println(PrebuiltModelTest.withoutVersion(engine.assess(ruleCase.triageCase())));
                    }
                }
            } else {
                try {
                    TriageEngine.builder().rulesFrom(RuleCaseFiles.RULES).build().close();
                    System.out.println("built");
                } catch (RuntimeException e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }

        /** The first per-rule case where each rule fires: every rule of the rule base fires in one of them. */
        static List<RuleCase> firingCases() {
            Set<String> rules = new HashSet<>();
            return RuleCaseFiles.all().stream().filter(c -> c.fires() && rules.add(c.rule())).toList();
        }
    }
}
