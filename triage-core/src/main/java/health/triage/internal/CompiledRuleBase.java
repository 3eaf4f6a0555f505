package health.triage.internal;

import health.triage.RuleBaseException;
import health.triage.RuleFile;
import health.triage.RuleInfo;
import health.triage.RuleBaseException.Problem;

import health.triage.facts.Stage;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled, validated rule base: shareable between threads, it holds no state of any case.
 *
 * @param kieBase the compiled rules
 * @param version identifies the exact rule text
 * @param rules   each rule's id, sentence and source, by rule name
 * @param files   the files, with the comment each opens with
 * @param reads   which answers of each finding the rules tell apart
 */
public record CompiledRuleBase(KieBase kieBase, String version, Map<String, RuleInfo> rules, List<RuleFile> files,
                               FindingReads reads) {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleBase.class);
    private static final String PREFIX = "src/main/resources/" + RuleFiles.CLASSPATH_FOLDER;
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    public CompiledRuleBase {
        rules = Map.copyOf(rules);
        files = List.copyOf(files);
    }

    /**
     * The DRL compiler's Maven coordinates. Only {@link #compile} needs it; triage-core declares it optional, so an app
     * that uses the pre-built rule base of triage-rules does not get it.
     */
    static final String DRL_COMPILER = "org.drools:drools-mvel:" + droolsVersion();

    /** Compiles the files; every rule must carry {@code @id} and {@code @source}, and ids must be unique. */
    public static CompiledRuleBase compile(RuleFiles files) {
        requireDrlCompiler(files);
        long started = System.nanoTime();
        KieServices services = services();
        ReleaseId releaseId = services.newReleaseId("health.triage.generated", "rulebase-" + BUILDS.incrementAndGet(),
                "1.0.0");
        KieBuilder builder;
        try {
            builder = build(services, releaseId, files.files());
        } catch (RuntimeException e) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleBaseException(crash(services, files, e));
        }
        rejectErrors(builder, files);
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
        return described(kieBase, files, started, "compiled from DRL");
    }

    /**
     * The rule base of these files, from the executable model that the build of triage-rules made from the same DRL
     * text ({@link PrebuiltModel}) when there is one, otherwise compiled like {@link #compile(RuleFiles)}. Both give
     * the same rules, checked the same way; the model only saves compiling the DRL at run time.
     */
    public static CompiledRuleBase load(RuleFiles files) {
        long started = System.nanoTime();
        return PrebuiltModel.load(files)
                .map(kieBase -> described(kieBase, files, started, "loaded from the pre-built executable model"))
                .orElseGet(() -> compile(files));
    }

    /** Checks every rule's metadata and the finding codes it tests ({@link FindingCodes}); describes the rules. */
    private static CompiledRuleBase described(KieBase kieBase, RuleFiles files, long started, String how) {
        List<Problem> problems = new ArrayList<>(FindingCodes.unknown(files));
        Map<String, RuleInfo> rules = describe(kieBase, RuleTexts.of(files), problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(sorted(problems));
        }
        String version = files.version();
        LOG.info("rule base {} {}: {} rules from {} files in {} ms", version, how, rules.size(), files.files().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new CompiledRuleBase(kieBase, version, rules, files.files().entrySet().stream()
                .map(file -> new RuleFile(file.getKey(), RuleTexts.headerComment(file.getValue()))).toList(),
                FindingReads.of(kieBase));
    }

    /**
     * Builds the files as another project type, such as the executable model (at build time, by
     * {@link PrebuiltModel}).
     *
     * @throws RuleBaseException listing every compilation error with its file, line and column
     */
    static KieBuilder build(KieServices services, RuleFiles files, ReleaseId releaseId,
                            Class<? extends KieBuilder.ProjectType> projectType) {
        KieFileSystem fileSystem = services.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        files.files().forEach((name, text) -> fileSystem.write(path(name, text), services.getResources()
                .newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setResourceType(ResourceType.DRL)));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(projectType);
        rejectErrors(builder, files);
        List<Problem> unknownCodes = FindingCodes.unknown(files);
        if (!unknownCodes.isEmpty()) {
            throw new RuleBaseException(sorted(unknownCodes));
        }
        return builder;
    }

    /**
     * Where a rule file goes in the generated project: in the folder of the package it declares, as Drools expects
     * (otherwise it logs a warning per file and build), else with the rule base's own files.
     */
    private static String path(String name, String text) {
        Matcher declared = PACKAGE.matcher(text);
        return declared.find() ? "src/main/resources/" + declared.group(1).replace('.', '/') + "/" + name
                : PREFIX + name;
    }

    /** @throws RuleBaseException listing every compilation error of a build with its file, line and column */
    private static void rejectErrors(KieBuilder builder, RuleFiles files) {
        List<Problem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new Problem(fileName(message.getPath()), Math.max(message.getLine(), 0),
                    Math.max(message.getColumn(), 0), message.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(sorted(located(ProblemLocations.locate(problems, files.files()))));
        }
    }

    /**
     * @throws IllegalStateException naming the dependency to add when the DRL compiler (drools-mvel, with the DRL
     *                               parser it brings) is not on the classpath
     */
    private static void requireDrlCompiler(RuleFiles files) {
        for (String type : new String[] {"org.drools.mvel.DrlDumper", "org.drools.drl.parser.DrlParser"}) {
            try {
                Class.forName(type, false, CompiledRuleBase.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                String why = files.release().equals("local")
                        ? "rules from a folder (rulesFrom) are compiled from DRL at run time"
                        : "the rule base on the classpath has no pre-built executable model for its DRL (version "
                        + files.version() + "), so its DRL must be compiled at run time";
                throw new IllegalStateException(why + ", which needs the DRL compiler: add the dependency "
                        + DRL_COMPILER + " to the application (" + type + " was not found)");
            }
        }
    }

    /** The Drools version this library was built with, as kie-api's jar records it. */
    private static String droolsVersion() {
        String version = KieServices.class.getPackage().getImplementationVersion();
        return version == null ? "10.2.0" : version;
    }

    static KieServices services() {
        KieServices services = KieServices.Factory.get();
        if (services == null) {
            throw new IllegalStateException("Drools is not on the classpath (KieServices not found): add drools-mvel");
        }
        return services;
    }

    private static KieBuilder build(KieServices services, ReleaseId releaseId, Map<String, String> files) {
        KieFileSystem fileSystem = services.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        files.forEach((name, text) -> fileSystem.write(path(name, text), services.getResources()
                .newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setResourceType(ResourceType.DRL)));
        return services.newKieBuilder(fileSystem).buildAll();
    }

    /**
     * Drools itself can fail on some mistakes instead of reporting them (a missing comma between the values of an
     * {@code insert( new ... )} can make it throw StringIndexOutOfBoundsException). Finds each
     * rule it fails on by compiling each file alone, then each rule of a failing file alone (the other rules blanked
     * out, so lines stay where they are), and names them; then compiles the rest without them, so that their other
     * problems are reported too. Costs one compilation per file and per rule of a failing file, on this error path
     * only.
     */
    private static List<Problem> crash(KieServices services, RuleFiles files, RuntimeException failure) {
        String cause = rootCause(failure);
        List<Problem> problems = new ArrayList<>();
        Map<String, String> rest = new TreeMap<>(files.files());
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            if (!fails(services, Map.of(file.getKey(), file.getValue()))) {
                continue;
            }
            String[] lines = file.getValue().split("\\R", -1);
            List<RuleTexts.RuleText> rules = RuleTexts.split(file.getKey(), file.getValue());
            String[] without = lines.clone();
            boolean found = false;
            for (RuleTexts.RuleText rule : rules) {
                if (fails(services, Map.of(file.getKey(), String.join("\n", keepOnly(lines, rules, rule))))) {
                    found = true;
                    String first = lines[rule.firstLine() - 1];
                    problems.add(new Problem(file.getKey(), rule.firstLine(), first.length()
                            - first.stripLeading().length() + 1, "rule \"" + rule.name() + "\": Drools failed while "
                            + "compiling this rule: " + cause));
                    blank(without, rule);
                }
            }
            if (!found) {
                problems.add(new Problem(file.getKey(), 0, 0, "Drools failed while compiling this file: " + cause));
                rest.remove(file.getKey());
            } else {
                rest.put(file.getKey(), String.join("\n", without));
            }
        }
        if (problems.isEmpty()) {
            return List.of(new Problem("(rule base)", 0, 0, "Drools failed while compiling the rule base: " + cause));
        }
        ReleaseId probe = services.newReleaseId("health.triage.generated", "probe-" + BUILDS.incrementAndGet(),
                "1.0.0");
        try {
            List<Problem> others = new ArrayList<>();
            for (Message message : build(services, probe, rest).getResults().getMessages(Message.Level.ERROR)) {
                others.add(new Problem(fileName(message.getPath()), Math.max(message.getLine(), 0), 0,
                        message.getText().strip()));
            }
            problems.addAll(located(ProblemLocations.locate(others, rest)));
        } catch (RuntimeException e) {
            // the crashing rules are named; the others' problems show once those are fixed
        } finally {
            services.getRepository().removeKieModule(probe);
        }
        return sorted(problems);
    }

    /** The lines with every rule but {@code kept} blanked out. */
    private static String[] keepOnly(String[] lines, List<RuleTexts.RuleText> rules, RuleTexts.RuleText kept) {
        String[] alone = lines.clone();
        for (RuleTexts.RuleText other : rules) {
            if (other != kept) {
                blank(alone, other);
            }
        }
        return alone;
    }

    private static void blank(String[] lines, RuleTexts.RuleText rule) {
        for (int i = rule.firstLine() - 1; i < rule.lastLine() && i < lines.length; i++) {
            lines[i] = "";
        }
    }

    /** Whether Drools throws (rather than reports problems) when it compiles these files. */
    private static boolean fails(KieServices services, Map<String, String> files) {
        ReleaseId probe = services.newReleaseId("health.triage.generated", "probe-" + BUILDS.incrementAndGet(),
                "1.0.0");
        try {
            build(services, probe, files);
            return false;
        } catch (RuntimeException e) {
            return true;
        } finally {
            services.getRepository().removeKieModule(probe);
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private static Map<String, RuleInfo> describe(KieBase kieBase, Map<String, RuleTexts.RuleText> texts,
                                                  List<Problem> problems) {
        Map<String, RuleInfo> rules = new HashMap<>();
        Map<String, String> ruleById = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String id = metadata(rule, "id");
                String source = metadata(rule, "source");
                RuleTexts.RuleText text = texts.getOrDefault(rule.getName(),
                        new RuleTexts.RuleText(rule.getName(), kiePackage.getName(), 0, 0, "findings", "", ""));
                if (id.isEmpty()) {
                    problems.add(new Problem(text.file(), text.firstLine(), 1,
                            "rule \"" + rule.getName() + "\" has no @id"));
                } else if (ruleById.containsKey(id)) {
                    problems.add(new Problem(text.file(), text.firstLine(), 1, "rule \"" + rule.getName()
                            + "\" has the same @id " + id + " as rule \"" + ruleById.get(id) + "\""));
                } else {
                    ruleById.put(id, rule.getName());
                }
                if (source.isEmpty()) {
                    problems.add(new Problem(text.file(), text.firstLine(), 1,
                            "rule \"" + rule.getName() + "\" has no @source"));
                }
                String group = group(rule);
                if (Arrays.stream(Stage.values()).noneMatch(stage -> stage.group().equals(group))) {
                    problems.add(new Problem(text.file(), text.firstLine(), 1, "rule \"" + rule.getName()
                            + "\" is in ruleflow-group \"" + group + "\", which is not a stage, so it would never "
                            + "fire; leave the group out for the findings stage, or use \"source\" or \"advice\""));
                }
                rules.put(rule.getName(), new RuleInfo(id, rule.getName(), source, text.file(), text.firstLine(),
                        text.stage(), text.conditions(), text.conclusion()));
            }
        }
        return rules;
    }

    /** The agenda group a rule runs in: its ruleflow-group, {@code MAIN} when it names none. */
    private static String group(Rule rule) {
        if (rule instanceof RuleImpl impl) {
            String group = impl.getRuleFlowGroup() != null ? impl.getRuleFlowGroup() : impl.getAgendaGroup();
            return group == null || group.isEmpty() ? Stage.FINDINGS.group() : group;
        }
        return Stage.FINDINGS.group();
    }

    /** A metadata value as text, without the quotes some compilation paths keep. */
    static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return "";
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String fileName(String path) {
        if (path == null) {
            return "(rule base)";
        }
        return path.substring(path.lastIndexOf('/') + 1); // rule files are flat: the name is enough
    }

    /** Drops the unlocated follow-on messages (such as "Parser returned a null Package") of a file with located ones. */
    private static List<Problem> located(List<Problem> problems) {
        return problems.stream()
                .filter(p -> p.line() > 0 || problems.stream().noneMatch(o -> o.file().equals(p.file()) && o.line() > 0))
                .toList();
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                        .thenComparingInt(Problem::column).thenComparing(Problem::message))
                .toList();
    }
}
