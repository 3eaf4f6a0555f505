package health.triage.examples.rulebook;

import health.triage.Assessment;
import health.triage.Reason;
import health.triage.RuleFile;
import health.triage.RuleInfo;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule book's content, taken from a rule base itself (never a hand-kept copy): the rules grouped by clinical
 * concern, each in plain words with its source and the example cases that exercise it; the bibliography; and the
 * decision flow.
 *
 * @param version         the rule-base version, as every assessment reports it
 * @param intendedUse     the intended-use statement, in Markdown
 * @param concerns        the rule files, in the order a clinician reads them
 * @param bibliography    the sources, each with the rules that cite it
 * @param flow            which findings lead to which flags and patterns, and those to which disposition
 * @param exampleCaseCount how many example cases were run to find the cases that exercise each rule
 */
public record RuleBook(String version, String intendedUse, List<Concern> concerns, List<Source> bibliography,
                       FlowDiagram flow, int exampleCaseCount) {

    /** One rule file: a clinical concern. */
    public record Concern(String file, String title, String description, String stage, List<Entry> rules) {
    }

    /** One rule, as the rule book shows it. */
    public record Entry(RuleInfo rule, List<String> conditions, List<String> conclusions, List<String> exampleCases) {
    }

    /** One source document and the rules that cite it. */
    public record Source(String key, String title, String about, List<String> citedBy) {
    }

    private static final List<String> STAGES = List.of("findings", "source", "advice");

    /**
     * The rule book of an engine's rule base.
     *
     * @param examples     example cases by id, run to find which rules each exercises
     * @param intendedUse  the intended-use statement (Markdown)
     * @param bibliography the source documents as {key, title, about}
     */
    public static RuleBook of(TriageEngine engine, Map<String, TriageCase> examples, String intendedUse,
                              List<Map<String, String>> bibliography) {
        Map<String, TreeSet<String>> casesByRule = new TreeMap<>();
        examples.forEach((id, triageCase) -> {
            Assessment result = engine.assess(triageCase);
            for (Reason reason : result.reasons()) {
                casesByRule.computeIfAbsent(reason.ruleId(), k -> new TreeSet<>()).add(id);
            }
        });
        List<RuleInfo> rules = engine.rules();
        List<Concern> concerns = new ArrayList<>();
        for (RuleFile file : engine.ruleFiles()) {
            List<Entry> entries = rules.stream().filter(r -> r.file().equals(file.name()))
                    .sorted(Comparator.comparingInt(RuleInfo::line))
                    .map(r -> new Entry(r, PlainWords.conditions(r.conditions()), PlainWords.conclusions(r.conclusion()),
                            List.copyOf(casesByRule.getOrDefault(r.id(), new TreeSet<>()))))
                    .toList();
            String stage = entries.isEmpty() ? "findings" : entries.get(0).rule().stage();
            String[] description = file.description().split("\\n", 2);
            concerns.add(new Concern(file.name(), description[0].replaceAll("[.:]$", ""),
                    description.length > 1 ? description[1].strip() : "", stage, entries));
        }
        concerns.sort(Comparator.comparingInt((Concern c) -> STAGES.indexOf(c.stage()) < 0 ? 9 : STAGES.indexOf(c.stage()))
                .thenComparing(c -> !c.file().startsWith("red-flags"))
                .thenComparing(Concern::file));
        List<Source> sources = bibliography.stream().map(entry -> new Source(entry.get("key"), entry.get("title"),
                entry.getOrDefault("about", ""), rules.stream().filter(r -> r.source().contains(entry.get("key")))
                .map(RuleInfo::id).sorted().toList())).toList();
        return new RuleBook(engine.ruleBaseVersion(), intendedUse, List.copyOf(concerns), sources,
                FlowDiagram.of(rules), examples.size());
    }
}
