package health.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A per-rule test case, as clinicians keep them beside the DRL file they test ({@code <file>.cases.json}): a case,
 * the rule that must fire or stay silent for it, and what the outcome must be.
 *
 * <p>Expectations (all optional): {@code disposition} and {@code likelySource} (exact), {@code unanswered} (exactly
 * these codes), {@code redFlags}, {@code referral} and {@code alsoConsider} (these codes, whom-values or conditions
 * are among the result's), {@code selfCare} (these step titles are in the plan; an empty list means no plan),
 * {@code stratification} (the STarT Back risk exactly, such as {@code "LOW"}, or {@code "none"} when there is none).
 *
 * @param file       the cases file it comes from
 * @param rule       the id of the rule it is about
 * @param fires      {@code true} when the rule must fire, {@code false} when it must stay silent
 * @param name       what the case is, in words
 * <p>A row may name a {@code policy} ({@code "URGENT"} or {@code "EMERGENCY"}): the case is then assessed by an
 * engine built with that {@link BilateralLegSymptomsPolicy}; without one, with the default.
 *
 * @param triageCase the case to assess
 * @param expect     what the outcome must be
 * @param policy     the bilateral leg symptoms policy of the engine that assesses it
 */
public record RuleCase(String file, String rule, boolean fires, String name, TriageCase triageCase,
                       Map<String, Object> expect, BilateralLegSymptomsPolicy policy) {

    /** The expectation names a case may use. */
    public static final List<String> EXPECTATIONS =
            List.of("disposition", "likelySource", "unanswered", "redFlags", "referral", "alsoConsider", "selfCare",
                    "stratification");
    private static final List<String> ROW_FIELDS =
            List.of("rule", "fires", "name", "set", "unset", "expect", "policy");

    public RuleCase {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(triageCase, "triageCase must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        for (String key : expect.keySet()) {
            if (!EXPECTATIONS.contains(key)) {
                throw new IllegalArgumentException(file + ": case '" + name + "': unknown expectation '" + key + "'"
                        + Suggestions.didYouMean(key, EXPECTATIONS));
            }
        }
        expect = Map.copyOf(expect);
    }

    /** A case assessed under the default {@link BilateralLegSymptomsPolicy}. */
    public RuleCase(String file, String rule, boolean fires, String name, TriageCase triageCase,
                    Map<String, Object> expect) {
        this(file, rule, fires, name, triageCase, expect, BilateralLegSymptomsPolicy.DEFAULT);
    }

    /**
     * How the case reads in a report: {@code CES-01 fires: saddle numbness reported (file)}, with
     * {@code [policy URGENT]} before the file when it is assessed under a policy other than the default.
     */
    public String title() {
        return rule + (fires ? " fires: " : " stays silent: ") + name
                + (policy == BilateralLegSymptomsPolicy.DEFAULT ? "" : " [policy " + policy + "]") + " (" + file + ")";
    }

    /**
     * A case from one row of a cases file: the base case's fields with {@code set} applied (finding codes or case
     * fields) and the codes or fields of {@code unset} removed, so they become unknown.
     *
     * @throws IllegalArgumentException naming the file, the case and the field that is wrong
     */
    @SuppressWarnings("unchecked")
    public static RuleCase fromFields(String file, Map<String, ?> base, Map<String, ?> caseRow) {
        Map<String, Object> row = (Map<String, Object>) caseRow;
        for (String key : row.keySet()) {
            if (!ROW_FIELDS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown field '" + key + "'"
                        + Suggestions.didYouMean(key, ROW_FIELDS));
            }
        }
        String name = row.get("name") instanceof String text ? text : "(unnamed)";
        if (!(row.get("rule") instanceof String rule) || !(row.get("fires") instanceof Boolean fires)) {
            throw new IllegalArgumentException(file + ": case '" + name + "' needs \"rule\" (a rule id) and \"fires\""
                    + " (true or false)");
        }
        BilateralLegSymptomsPolicy policy = BilateralLegSymptomsPolicy.DEFAULT;
        Object policyName = row.get("policy");
        if (policyName != null) {
            policy = java.util.Arrays.stream(BilateralLegSymptomsPolicy.values())
                    .filter(p -> p.name().equals(policyName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": case '" + name
                            + "': policy must be EMERGENCY or URGENT, was '" + policyName + "'"));
        }
        Map<String, Object> fields = new LinkedHashMap<>(base);
        Map<String, Object> findings = new LinkedHashMap<>(
                fields.get("findings") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        ((Map<String, Object>) row.getOrDefault("set", Map.of())).forEach((key, value) -> {
            if (TriageCase.FIELDS.contains(key)) {
                fields.put(key, value);
            } else {
                findings.put(key, value);
            }
        });
        for (String key : (List<String>) row.getOrDefault("unset", List.of())) {
            fields.remove(key);
            findings.remove(key);
        }
        fields.put("findings", findings);
        fields.put("id", rule + ": " + name);
        try {
            return new RuleCase(file, rule, fires, name, TriageCase.fromFields(fields),
                    (Map<String, Object>) row.getOrDefault("expect", Map.of()), policy);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": case '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Every way the assessment differs from this case's expectations, in words; empty when the case passes. */
    public List<String> failures(Assessment result) {
        List<String> failures = new ArrayList<>();
        boolean fired = result.reasons().stream().anyMatch(r -> r.ruleId().equals(rule));
        if (fires && !fired) {
            failures.add(rule + " should fire but did not");
        } else if (!fires && fired) {
            failures.add(rule + " should stay silent but fired");
        }
        for (String key : EXPECTATIONS) { // in a fixed order, so that reports read the same every time
            if (!expect.containsKey(key)) {
                continue;
            }
            Object want = expect.get(key);
            switch (key) {
                case "disposition" -> same(failures, "disposition", want, result.disposition().name());
                case "likelySource" -> same(failures, "likely source", want, result.likelySource().name());
                case "unanswered" -> same(failures, "unanswered questions", new TreeSet<>(strings(want)),
                        result.unanswered().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new)));
                case "redFlags" -> includes(failures, "red flags", want,
                        result.redFlags().stream().map(RedFlag::code).toList());
                case "referral" -> includes(failures, "referrals", want,
                        result.referrals().stream().map(Referral::whom).toList());
                case "alsoConsider" -> includes(failures, "also consider", want,
                        result.alsoConsider().stream().map(AlsoConsider::condition).toList());
                case "selfCare" -> {
                    List<String> titles = result.selfCare().stream().map(SelfCareStep::title).toList();
                    if (strings(want).isEmpty() && !titles.isEmpty()) {
                        failures.add("expected no self-care plan, got " + titles);
                    } else {
                        includes(failures, "self-care steps", want, titles);
                    }
                }
                case "stratification" -> same(failures, "stratification", want,
                        result.stratification().map(s -> s.risk().name()).orElse("none"));
                default -> throw new IllegalStateException("unchecked expectation " + key);
            }
        }
        return failures;
    }

    private static void same(List<String> failures, String what, Object want, Object actual) {
        if (!want.equals(actual)) {
            failures.add(what + " should be " + want + ", was " + actual);
        }
    }

    private static void includes(List<String> failures, String what, Object want, List<String> actual) {
        Set<String> missing = new TreeSet<>(strings(want));
        missing.removeAll(actual);
        if (!missing.isEmpty()) {
            failures.add(what + " should include " + missing + ", were " + actual);
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
