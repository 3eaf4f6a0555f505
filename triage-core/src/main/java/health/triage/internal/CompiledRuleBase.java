package health.triage.internal;

import health.triage.RuleBaseException;
import health.triage.RuleFile;
import health.triage.RuleInfo;
import health.triage.RuleBaseException.Problem;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compiled, validated rule base: shareable between threads, it holds no state of any case.
 *
 * @param kieBase the compiled rules
 * @param version identifies the exact rule text
 * @param rules   each rule's id, sentence and source, by rule name
 * @param files   the files, with the comment each opens with
 */
public record CompiledRuleBase(KieBase kieBase, String version, Map<String, RuleInfo> rules, List<RuleFile> files) {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleBase.class);
    private static final String PREFIX = "src/main/resources/" + RuleFiles.CLASSPATH_FOLDER;
    private static final AtomicLong BUILDS = new AtomicLong();

    public CompiledRuleBase {
        rules = Map.copyOf(rules);
        files = List.copyOf(files);
    }

    /** Compiles the files; every rule must carry {@code @id} and {@code @source}, and ids must be unique. */
    public static CompiledRuleBase compile(RuleFiles files) {
        long started = System.nanoTime();
        KieServices services = KieServices.Factory.get();
        if (services == null) {
            throw new IllegalStateException("Drools is not on the classpath (KieServices not found): add drools-mvel");
        }
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("health.triage.generated", "rulebase-" + BUILDS.incrementAndGet(),
                "1.0.0");
        fileSystem.generateAndWritePomXML(releaseId);
        files.files().forEach((name, text) -> fileSystem.write(PREFIX + name, services.getResources()
                .newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setResourceType(ResourceType.DRL)));
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll();
        List<Problem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new Problem(fileName(message.getPath()), Math.max(message.getLine(), 0),
                    Math.max(message.getColumn(), 0), message.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(sorted(located(problems)));
        }
        KieBase kieBase;
        try {
            kieBase = services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
        Map<String, RuleInfo> rules = describe(kieBase, RuleTexts.of(files), problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(sorted(problems));
        }
        String version = files.version();
        LOG.info("rule base {} compiled: {} rules from {} files in {} ms", version, rules.size(), files.files().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new CompiledRuleBase(kieBase, version, rules, files.files().entrySet().stream()
                .map(file -> new RuleFile(file.getKey(), RuleTexts.headerComment(file.getValue()))).toList());
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
                rules.put(rule.getName(), new RuleInfo(id, rule.getName(), source, text.file(), text.firstLine(),
                        text.stage(), text.conditions(), text.conclusion()));
            }
        }
        return rules;
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
