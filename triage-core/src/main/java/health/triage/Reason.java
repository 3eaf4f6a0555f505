package health.triage;

import java.util.List;
import java.util.Objects;

/**
 * Why a conclusion was reached: one rule that fired for this case.
 *
 * @param ruleId   the rule's stable id, such as {@code RF-CES-01}
 * @param rule     the rule's name, a sentence a clinician can check
 * @param source   where the rule comes from (source document and section)
 * @param findings the facts the rule used, such as {@code saddle_numbness: yes} or {@code age: 72}
 * @param raises   the disposition the rule asks for at least, or {@code null} when it concludes something else
 */
public record Reason(String ruleId, String rule, String source, List<String> findings, Disposition raises) {
    public Reason {
        Objects.requireNonNull(ruleId, "ruleId must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(source, "source must not be null");
        findings = List.copyOf(findings);
    }
}
