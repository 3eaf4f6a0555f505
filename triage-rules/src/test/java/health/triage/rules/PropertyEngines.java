package health.triage.rules;

import health.triage.Assessment;
import health.triage.BilateralLegSymptomsPolicy;
import health.triage.RuleInfo;
import health.triage.TriageCase;
import health.triage.TriageEngine;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engines a property class shares across all its tries: one per {@link BilateralLegSymptomsPolicy}, plus a second
 * default engine built separately (a result must not depend on the engine instance). Built once per class, since a
 * build takes a second or two.
 */
final class PropertyEngines implements AutoCloseable {

    private final Map<BilateralLegSymptomsPolicy, TriageEngine> byPolicy = new EnumMap<>(BilateralLegSymptomsPolicy.class);
    private final TriageEngine another;
    private final Map<String, RuleInfo> rulesById;

    PropertyEngines() {
        for (BilateralLegSymptomsPolicy policy : BilateralLegSymptomsPolicy.values()) {
            byPolicy.put(policy, TriageEngine.builder().bilateralLegSymptomsPolicy(policy).build());
        }
        another = TriageEngine.builder().build();
        rulesById = another.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
    }

    Assessment assess(TriageCase c, BilateralLegSymptomsPolicy policy) {
        return byPolicy.get(policy).assess(c);
    }

    /** What to ask next for a case, from the engine of a policy. */
    health.triage.NextQuestions nextQuestions(TriageCase c, BilateralLegSymptomsPolicy policy) {
        return byPolicy.get(policy).nextQuestions(c);
    }

    /** The second engine with the default policy. */
    TriageEngine another() {
        return another;
    }

    Map<String, RuleInfo> rulesById() {
        return rulesById;
    }

    @Override
    public void close() {
        byPolicy.values().forEach(TriageEngine::close);
        another.close();
    }
}
